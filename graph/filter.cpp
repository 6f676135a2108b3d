#include "graph/filter.h"

#include <algorithm>
#include <climits>
#include <iterator>

#include "graph/labels.h"

namespace dealgraph {

namespace {
// "2026" → "2026-01-01" / "2026-12-31"; ISO strings then compare as text.
// ("-31" for every month is fine: only the order matters.)
std::string first_day(std::string d) {
  if (d.size() == 4) d += "-01";
  if (d.size() == 7) d += "-01";
  return d;
}
std::string last_day(std::string d) {
  if (d.size() == 4) d += "-12";
  if (d.size() == 7) d += "-31";
  return d;
}
}  // namespace

bool date_in_bounds(const std::string& when, const std::string& when_end, const std::string& since,
                    const std::string& until) {
  if (since.empty() && until.empty()) return true;
  if (when.empty()) return false;
  if (!since.empty() && last_day(when_end.empty() ? when : when_end) < first_day(since)) return false;
  if (!until.empty() && first_day(when) > last_day(until)) return false;
  return true;
}

Result<Vertex> resolve_entity(const DealGraph& g, const std::string& name) {
  if (auto v = g.find_entity(name)) return *v;
  std::string msg = "unknown entity '" + name + "'";
  auto close = g.close_matches(name);
  if (!close.empty()) {
    msg += "; did you mean: ";
    for (size_t i = 0; i < close.size(); ++i) msg += (i ? ", " : "") + close[i];
  }
  return Error::at("", 0, 0, msg);
}

// ------------------------------------------------------------------ select

bool passes(const DealGroup& grp, const Filter& f) {
  if (!f.types.empty() && !f.types.count(grp.lead->type)) return false;
  if (!f.statuses.empty() && !f.statuses.count(grp.status)) return false;
  if (!date_in_bounds(grp.when, grp.when_end, f.since, f.until)) return false;
  if (f.min_amount) {
    auto usd = labels::usd_figure(grp.amount);
    if (!usd || *usd < *f.min_amount) return false;
  }
  return true;
}

std::vector<DealGroup> near_focus(std::vector<DealGroup> groups, const std::string& focus, int depth) {
  // Entity → deal is one hop, deal → entity another: depth N keeps the
  // deals at odd distances up to 2N-1.
  Bipartite b = bipartite(groups, /*with_products=*/true);
  std::vector<DealGroup> kept;
  auto it = b.vertex_of.find(focus);
  if (it == b.vertex_of.end()) return kept;  // the focus takes part in no deal that passed
  std::vector<size_t> dist, pred;
  bfs(b, it->second, &dist, &pred);
  const size_t limit = 2 * static_cast<size_t>(std::max(depth, 1)) - 1;
  // Deal vertices were added in group order: `kept` stays in corpus order.
  for (size_t v = 0; v < dist.size(); ++v)
    if (b.group[v] >= 0 && dist[v] <= limit) kept.push_back(std::move(groups[b.group[v]]));
  return kept;
}

namespace {

bool is_chip(const Entity& e) { return e.type == EntityType::Chip || e.type == EntityType::Product; }

// What the kept groups bring in: their parties, products and articles.
void add_group_members(View* view) {
  for (const auto& grp : view->groups) {
    for (const auto& p : grp.parties) view->entities.insert(p.entity);
    for (const auto& p : grp.products) view->entities.insert(p);
    for (const auto* d : grp.members) view->articles.insert(d->article);
  }
}

// A chip is shown with its maker and a maker with its chips, so a diagram
// never has a chip without the company that makes it.
void add_chip_makers(const Corpus& c, View* view) {
  std::set<std::string> extra;
  for (const auto& [id, e] : c.entities) {
    if (!is_chip(e) || e.maker.empty()) continue;
    if (view->entities.count(e.maker)) extra.insert(id);
    if (view->entities.count(id)) extra.insert(e.maker);
  }
  view->entities.insert(extra.begin(), extra.end());
}

// Drops ids the corpus does not define (a dangling party) and, with
// `no_chips`, chips and products.
void drop_unshown(const Corpus& c, bool no_chips, View* view) {
  for (auto it = view->entities.begin(); it != view->entities.end();) {
    auto e = c.entities.find(*it);
    bool drop = e == c.entities.end() || (no_chips && is_chip(e->second));
    it = drop ? view->entities.erase(it) : std::next(it);
  }
}

}  // namespace

Result<View> select(const DealGraph& g, const Filter& f, bool everything_when_unfiltered) {
  const Corpus& c = g.corpus();
  std::optional<std::string> focus;
  if (!f.focus.empty()) {
    auto v = resolve_entity(g, f.focus);
    if (!v) return v.error();
    focus = g.graph()[*v].id;
  }
  View view;
  for (auto& grp : group_deals(c))
    if (passes(grp, f)) view.groups.push_back(std::move(grp));
  if (focus) {
    view.groups = near_focus(std::move(view.groups), *focus, f.depth);
    view.entities.insert(*focus);
  }
  add_group_members(&view);
  const bool everything = everything_when_unfiltered && !f.narrows();
  if (everything) {
    for (const auto& [id, e] : c.entities) view.entities.insert(id);
    for (const auto& a : c.articles) view.articles.insert(a.id);
  }
  if (!f.no_chips) add_chip_makers(c, &view);
  drop_unshown(c, f.no_chips, &view);
  // Otherwise an entity kept brings the articles that mention it.
  if (!everything)
    for (const auto& id : view.entities)
      for (const auto& m : c.entities.at(id).mentions) view.articles.insert(m.article);
  return view;
}

}  // namespace dealgraph
