// dealgraph/extractor/deals/deal_inputs.h — internal: what the steps of the
// deal stage pass each other. The one deal header that includes the entity
// recognizer (for FoundMention), so where that type lives is one line here.
#pragma once

#include <string>

#include "core/model.h"
#include "extractor/deals/deal_types.h"
#include "extractor/entities/mention.h"

namespace dealgraph {

// A deal as a rule found it, with what the rule said about its wording.
struct DealCandidate {
  Deal deal;
  bool loose = false;       // direction: symmetric — the words do not say who supplies whom
  bool subsumable = false;  // a partnership named only by a generic word
  bool fallback = false;    // fallback: yes — stands only when no plainer rule gave its customer a deal
  bool shared_amount = false;  // the amount is the total of a round several parties joined
  // The site came from a place the sentence names (place_role), not from the
  // match: `place` is that party's entity, `broad_place` says it holds other places.
  std::string place;
  bool broad_place = false;
  // Read from a relative clause ("Nvidia, which owns a stake in CoreWeave,
  // agreed to …"): background, so a size the sentence states is not its.
  bool background = false;
};

// The size of the article's deal said apart from it (an `attach: amount`
// rule: "계약 규모가 140억 달러"), and the sentence that said it.
struct StatedAmount {
  Money money;
  Span sentence;
  // attach: record — the size of the deals of the nearest sentence before
  // (a tracker's "Value:" line after its "Parties:" line), not the article's deal
  bool record = false;
};

}  // namespace dealgraph
