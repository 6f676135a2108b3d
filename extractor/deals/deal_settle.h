// dealgraph/extractor/deals/deal_settle.h — what a deal's wording left open,
// settled from what the dictionary and rules/deals tables know.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "extractor/deals/deal_inputs.h"
#include "extractor/deals/deal_tables.h"

namespace dealgraph {

// For purchase, lease and manufacturing (the schema's provider_role, customer_role):
// when the wording is loose, the supplying side is the maker of the deal's
// product (maker_side), else the party with the first provider flag only one
// party has (provider_flag); a provider with a flag may retype the deal
// (retype_by_provider_flag: a cloud "selling" GPUs rents them); products the
// sentence did not name come from the supplier's chips named in the article.
// Parties end up sorted.
void settle_roles(DealCandidate& c, const DealTables& tables, const EntityLookup& lookup,
                  const std::vector<FoundMention>& mentions);

// The article's chips and products by maker, in mention order: read once per
// article, so settling a deal does not look through every mention again.
struct ProductsByMaker {
  std::map<std::string, std::vector<std::string>> of;
  static ProductsByMaker read(const std::vector<FoundMention>& mentions, const EntityLookup& lookup);
};
// settle_roles with the article's products read already.
void settle_roles_with(DealCandidate& c, const DealTables& tables, const EntityLookup& lookup,
                       const ProductsByMaker& products);

// One deal per type and parties in an article: later sentences fill a
// missing amount, capacity, product or status. Deals whose sites both came
// from places and that agree on every other party are one deal at the
// narrower place ("인디애나" in the headline, "웨스트라피엣" in the body). A subsumable partnership
// between parties that also have a more specific deal is dropped; a stated
// amount ("계약 규모가 140억 달러", "in a deal worth $17.4 billion") goes to a
// deal of its own sentence that has none, else (the first size stated in
// the article) to the article's first deal without one, unless a deal
// already carries that figure. A record's size
// (`attach: record`: "Value: US$40bn") goes to the deals of the nearest
// sentence before it.
std::vector<Deal> merge_article_deals(std::vector<DealCandidate> cands, const std::vector<StatedAmount>& stated);

}  // namespace dealgraph
