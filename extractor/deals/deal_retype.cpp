// A stake that gives control: "Intel will sell 51% of Altera to Silver Lake"
// is the buyer's acquisition of Altera, not an investment in it.
#include "extractor/deals/deal_steps.h"

namespace dealgraph {

DealType majority_type(const TypedSentence& t, const RuleMatch& m, const std::vector<Value>& values, DealType type,
                       const DealTables& tables) {
  const std::string* to = tables.majority_retype.find(to_string(type));
  if (!to) return type;
  const DealType retyped = *deal_type_from(*to);  // checked when the tables load
  for (int s : t.slots_in(m.start, m.end, false)) {
    const auto* pct = std::get_if<Percent>(&values[t.slots[s].index].data);
    if (pct && pct->amount.value > static_cast<double>(tables.settings.majority_share)) return retyped;
  }
  return type;
}

void retype_roles(Parties& parties, DealType from, DealType to, const Schema& schema) {
  if (from == to) return;
  Parties out;
  for (auto& [role, ids] : parties) {
    std::string mapped = role;
    if (role == schema.from_role(from)) mapped = schema.from_role(to);
    else if (role == schema.to_role(from)) mapped = schema.to_role(to);
    auto& dst = out[mapped];
    dst.insert(dst.end(), ids.begin(), ids.end());
  }
  parties = std::move(out);
}

}  // namespace dealgraph
