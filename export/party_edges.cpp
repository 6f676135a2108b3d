#include "export/party_edges.h"

namespace dealgraph {

std::vector<PartyEdge> party_edges(const DealGraph& g, const View& v) {
  const Schema& schema = g.schema();
  std::vector<PartyEdge> out;
  for (const auto& grp : v.groups) {
    const bool partnership = schema.from_role(grp.lead->type).empty();
    std::vector<std::string> from, to;
    for (const auto& p : grp.parties) {
      if (!v.entities.count(p.entity)) continue;
      if (partnership) (from.empty() ? from : to).push_back(p.entity);
      else (schema.is_from_role(p.role) ? from : to).push_back(p.entity);
    }
    const DateFields when = group_date_fields(grp);
    const AmountFields amount = amount_fields(grp.amount, grp.when);
    for (const auto& a : from)
      for (const auto& b : to)
        if (a != b) out.push_back({a, b, &grp, partnership, when, amount});
  }
  return out;
}

}  // namespace dealgraph
