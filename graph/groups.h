// dealgraph/graph/groups.h — one deal reported by several articles, counted once.
//
//   std::vector<DealGroup> all = group_deals(corpus);   // corpus order
//   for (const DealGroup& g : all) draw(g.lead->id, g.parties, g.amount, g.when);
//
// Deals of one `group` (graph/link.h), or linked by `same_as`, form one DealGroup: drawn as one
// edge, counted as one deal, filtered as a whole. Its fields come from the
// first member that has them (members in corpus order); data exports still
// write every member.
//
// Dates: a group's date is the first member's that states one (value, else
// the start of its span), or else its lead's article date. `when_end` is the
// end of that span, for filters that ask whether a span can reach a day.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model.h"

namespace dealgraph {

struct DealGroup {
  const Deal* lead = nullptr;         // first member: id, type, article, evidence
  std::vector<const Deal*> members;   // corpus order, lead first
  std::vector<Party> parties;         // union over members, sorted, deduplicated
  std::vector<std::string> products;  // union, sorted
  std::optional<Money> amount;        // first member with one
  std::optional<Power> capacity;
  std::optional<DateValue> date;
  std::string when;                   // date shown and filtered: see above; "" if none
  std::string when_end;               // end of a date span ("2026-01" to "2026-06"); "" if none
  std::string status;                 // group_status; "" when no member states one
};

// Points into `corpus`: keep it alive and unchanged.
std::vector<DealGroup> group_deals(const Corpus& corpus);
// One deal's date as above: deal date (value, else span start), else its
// article's date, else "".
std::string deal_when(const Deal& d, const Corpus& corpus);
// The end of its date span when it has one ("" otherwise).
std::string deal_when_end(const Deal& d);
// Its target date as shown: the value, else the start of its span; "" when
// it has none (there is no fallback: an article date is no target).
std::string target_when(const Deal& d);

// Status: the latest report's that states one (latest by deal_when, the
// later in corpus order on a tie): a deal agreed and later called off is
// failed, one in talks and later signed is signed.
std::string group_status(const std::vector<const Deal*>& members, const Corpus& corpus);
// How far along a status is: 0 for signed, then planned, reported,
// negotiating, failed (deal_statuses); "" and unknown ones after all.
size_t status_rank(const std::string& status);

// Deal ids in human order: "D2" before "D10" (digit runs compare as numbers).
bool id_less(const std::string& a, const std::string& b);

}  // namespace dealgraph
