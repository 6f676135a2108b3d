// dealgraph/extractor/deals/sentence_facts.h — what a sentence says besides
// its parties: the deal status its words give, words that void a match, and
// the place that names a deal's site.
//
// All three read tables of rules/deals (docs/deals.md, "Attaching figures");
// none holds language knowledge of its own.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/rule_set.h"
#include "extractor/deals/deal_inputs.h"

namespace dealgraph {

// The status the sentence's words give ("" when none): `words` maps a word to
// a class, the class with the lowest number in `priority` wins, and
// `status_of` names its status (the class itself when absent). A word inside
// a longer listed word at the same place does not count; a class without a
// priority only hides the words inside it.
std::string sentence_status(std::string_view typed, const rules::Table& words, const rules::Table& priority,
                            const rules::Table& status_of);

// True when one of the space-separated `words` starts a word of the match (the
// `voided_by` entry of the deal's type, or a rule's `unless:`; nullptr for none).
bool voided_match(std::string_view matched, const std::string* words);

// The place that names a site for a match ending at byte `match_end` of the
// document: the last Place mention of `sent` before it, else the first after;
// places for which `broad` holds only when no narrower one is named; none
// when the sentence names a Facility itself.
const FoundMention* site_place(Span sent, size_t match_end, const std::vector<FoundMention>& mentions,
                               const std::function<bool(const FoundMention&)>& broad);

}  // namespace dealgraph
