// dealgraph/extractor/deals/typed_sentence.h — a sentence as the deal rules see it.
//
// Every entity mention becomes a marker ⟦E3:ORG⟧ (ORG, GOV, PER, CHIP, FAC,
// FUND) and every value ⟦V2:MONEY⟧ (MONEY, POWER, QTY, PCT, DATE, NUM);
// the text between them, Korean particles included, stays. Places and
// countries used as place words stay text (is_place_word). A gloss of one
// entity ("코어위브(CoreWeave)") is one marker, and an anaphor from the
// `anaphor` table ("양사", "the company") becomes the markers of the article's
// focus entities. Each marker is a Slot that points back to its mention or
// value, so a rule's groups map to entities and figures.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/rule_set.h"
#include "core/schema.h"
#include "extractor/deals/deal_inputs.h"

namespace dealgraph {

struct Slot {
  bool is_entity = true;
  int index = -1;          // into the article's mentions or values; -1 for an anaphor
  std::string entity;      // entity id (entities)
  EntityType type = EntityType::Organization;
  size_t typed_start = 0;  // where the marker stands in the typed text
  size_t typed_end = 0;
  Span span;               // in the document
};

struct TypedSentence {
  std::string text;
  std::vector<Slot> slots;
  // Indices of the entity (or value) slots lying inside [from, to) of `text`.
  std::vector<int> slots_in(size_t from, size_t to, bool entity) const;
};

// Organizations, government bodies, people and funds: who can be a party.
bool is_party_type(EntityType t);

// True for a mention that names where, not who: a Place, or a country the
// recognizer found used as a place word; or a mention whose `context` says it
// is no party (a regulator addressed in a filing). Such mentions get no marker.
bool is_place_word(const FoundMention& m);

// The tables that tell a pronoun subject (rules/deals: pronoun_subject_after,
// subject_verb, pronoun_kept_after); null ones are never consulted.
struct PronounTables {
  const rules::Table* subject_after = nullptr;  // clause words before it: ", and it"
  const rules::Table* verb_after = nullptr;     // verb words after it: "it signed"
  const rules::Table* kept_after = nullptr;     // reporting words before it: "said it"
  size_t report_window = 0;                     // bytes before it where a reporting word counts
  const Slot* previous_subject = nullptr;       // whom it stands for when the sentence names no party before it
};

// The article's mentions and values ordered by start, built once per article,
// so that each sentence finds its markers by binary search instead of a pass
// over the whole article (a paragraph of 10,000 sentences stays linear).
struct MarkerIndex {
  std::vector<std::pair<size_t, int>> mentions;  // (span.start, index), by start
  std::vector<std::pair<size_t, int>> values;
  static MarkerIndex of(const std::vector<FoundMention>& mentions, const std::vector<Value>& values);
};

// The subject of a typed sentence for the next one's pronouns: its first
// party marker, when that starts within `window` bytes ("For Microsoft, the
// deal ...", "Sydney-based IREN will ..."); nullopt otherwise.
std::optional<Slot> sentence_subject(const TypedSentence& t, size_t window);

// `focus` holds the entities anaphors stand for: "both" takes the first
// two, "focus" the first; a "pronoun" ("it", "they") that is a subject —
// at the sentence start, after a clause word or before a verb word, and not
// after a reporting word — becomes the marker of the sentence's first party
// so far, else of `pronoun.previous_subject`, else ⟦⟧, a subject no rule can name.
// `mentions` and `values` are the article's, sorted; `index`, when given, is
// MarkerIndex::of them (the same markers, found faster). Marker codes are the
// schema's (marker, value_marker).
TypedSentence typeset_sentence(std::string_view text, Span sent, const std::vector<FoundMention>& mentions,
                               const std::vector<Value>& values, const rules::Table& anaphor,
                               const std::vector<const FoundMention*>& focus, const Schema& schema,
                               const PronounTables& pronoun = {}, const MarkerIndex* index = nullptr);

// A headline in title case ("Anthropic Orders $21 Billion of TPU Racks from
// Broadcom") reads like a sentence for rules written in sentence case: when at
// least `min_share` percent of its (at least three) Latin words outside markers,
// acronyms not counted,
// start with a capital followed by lower-case letters only, those words get a
// lower-case first letter. Acronyms ("AI", "GPU"), single letters and markers
// stay. Returns whether it folded.
bool fold_title_case(std::string& typed, size_t min_share);

// "Microsoft, which has invested $13 billion in OpenAI, said ...": each
// relative clause after an entity (a comma, then a `relative_word`), up to the
// next comma, as a sentence of its own with the entity for subject —
// "⟦E0:ORG⟧ has invested ⟦V3:MONEY⟧ in ⟦E4:ORG⟧" — so the rules read the
// background deal it tells. Slots keep pointing at the article's mentions.
std::vector<TypedSentence> relative_clauses(const TypedSentence& t, const rules::Table& relative_word);

}  // namespace dealgraph
