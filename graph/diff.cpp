#include "graph/diff.h"

#include <map>

#include "graph/labels.h"

namespace dealgraph {

namespace {

std::map<std::string, const DealGroup*> by_id(const std::vector<DealGroup>& groups) {
  std::map<std::string, const DealGroup*> out;
  for (const auto& g : groups) out.emplace(group_id(g), &g);
  return out;
}

// A figure as shown: two amounts are the same when they read the same.
std::string shown(const std::optional<Money>& m) { return m ? labels::short_money(*m) + " " + m->currency : ""; }
std::string shown(const std::optional<Power>& p) { return p ? labels::short_power(*p) : ""; }

std::vector<std::string> changed_fields(const DealGroup& a, const DealGroup& b) {
  std::vector<std::string> fields;
  if (shown(a.amount) != shown(b.amount)) fields.push_back("amount");
  if (shown(a.capacity) != shown(b.capacity)) fields.push_back("capacity");
  if (a.status != b.status) fields.push_back("status");
  return fields;
}

}  // namespace

const std::string& group_id(const DealGroup& g) { return g.lead->group.empty() ? g.lead->id : g.lead->group; }

GraphDiff diff_graphs(const Corpus& before, const Corpus& after) {
  const std::vector<DealGroup> old_groups = group_deals(before), new_groups = group_deals(after);
  const auto old_by_id = by_id(old_groups), new_by_id = by_id(new_groups);
  GraphDiff d;
  for (const auto& g : new_groups) {
    auto it = old_by_id.find(group_id(g));
    if (it == old_by_id.end()) {
      d.new_deals.push_back(g);
    } else if (auto fields = changed_fields(*it->second, g); !fields.empty()) {
      d.changed.push_back({*it->second, g, std::move(fields)});
    }
  }
  for (const auto& g : old_groups)
    if (!new_by_id.count(group_id(g))) d.removed.push_back(g);
  for (const auto& [id, e] : after.entities)
    if (e.type == EntityType::Organization && !before.entities.count(id)) d.new_companies.push_back(&e);
  return d;
}

}  // namespace dealgraph
