#include "graph/filter.h"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/visitors.hpp>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <cstdint>
#include <map>
#include <numeric>
#include <sstream>
#include <string_view>

#include "graph/labels.h"

namespace dealgraph {

// ------------------------------------------------------------------ groups

namespace {

size_t find_root(std::vector<size_t>& parent, size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

}  // namespace

std::string deal_when(const Deal& d, const Corpus& c) {
  if (d.date) {
    if (!d.date->value.empty()) return d.date->value;
    if (!d.date->from.empty()) return d.date->from;
  }
  for (const auto& a : c.articles)
    if (a.id == d.article && a.date) return *a.date;
  return "";
}

std::string deal_when_end(const Deal& d) {
  return d.date && d.date->value.empty() && !d.date->from.empty() ? d.date->to : "";
}

std::vector<DealGroup> group_deals(const Corpus& corpus) {
  const auto& deals = corpus.deals;
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < deals.size(); ++i) index.emplace(deals[i].id, i);
  // Union-find over same_as; the root is always the member first in corpus
  // order, so the lead does not depend on which side names the other.
  std::vector<size_t> parent(deals.size());
  std::iota(parent.begin(), parent.end(), 0);
  for (size_t i = 0; i < deals.size(); ++i)
    for (const auto& other : deals[i].same_as) {
      auto it = index.find(other);
      if (it == index.end()) continue;  // a link to a deal not in this corpus
      size_t a = find_root(parent, i), b = find_root(parent, it->second);
      if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
  std::vector<DealGroup> out;
  std::map<size_t, size_t> group_of_root;
  for (size_t i = 0; i < deals.size(); ++i) {
    size_t r = find_root(parent, i);
    auto [it, fresh] = group_of_root.emplace(r, out.size());
    if (fresh) out.emplace_back();
    DealGroup& g = out[it->second];
    const Deal& d = deals[i];
    if (!g.lead) g.lead = &d;
    g.members.push_back(&d);
    g.parties.insert(g.parties.end(), d.parties.begin(), d.parties.end());
    g.products.insert(g.products.end(), d.products.begin(), d.products.end());
    if (!g.amount && d.amount) g.amount = d.amount;
    if (!g.capacity && d.capacity) g.capacity = d.capacity;
    if (!g.date && d.date) g.date = d.date;
  }
  for (auto& g : out) {
    // The first report that states a date gives the group's; else the lead's article date.
    const Deal* dated = g.lead;
    for (const Deal* d : g.members)
      if (d->date && (!d->date->value.empty() || !d->date->from.empty())) {
        dated = d;
        break;
      }
    if (dated->date) g.date = dated->date;
    g.when = deal_when(*dated, corpus);
    g.when_end = deal_when_end(*dated);
  }
  for (auto& g : out) {
    std::sort(g.parties.begin(), g.parties.end());
    g.parties.erase(std::unique(g.parties.begin(), g.parties.end()), g.parties.end());
    std::sort(g.products.begin(), g.products.end());
    g.products.erase(std::unique(g.products.begin(), g.products.end()), g.products.end());
  }
  return out;
}

// ----------------------------------------------------------------- helpers

bool id_less(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    bool da = std::isdigit(static_cast<unsigned char>(a[i])), db = std::isdigit(static_cast<unsigned char>(b[j]));
    if (da && db) {
      size_t ie = i, je = j;
      while (ie < a.size() && std::isdigit(static_cast<unsigned char>(a[ie]))) ++ie;
      while (je < b.size() && std::isdigit(static_cast<unsigned char>(b[je]))) ++je;
      std::string na = a.substr(i, ie - i), nb = b.substr(j, je - j);
      na.erase(0, std::min(na.find_first_not_of('0'), na.size()));
      nb.erase(0, std::min(nb.find_first_not_of('0'), nb.size()));
      if (na.size() != nb.size()) return na.size() < nb.size();
      if (na != nb) return na < nb;
      i = ie;
      j = je;
    } else {
      if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
      ++i;
      ++j;
    }
  }
  if ((a.size() - i) != (b.size() - j)) return (a.size() - i) < (b.size() - j);
  return a < b;  // "D01" vs "D1": any fixed order
}

Result<std::set<DealType>> parse_types(const std::string& list) {
  std::set<DealType> out;
  std::stringstream ss(list);
  std::string t;
  while (std::getline(ss, t, ',')) {
    if (t.empty()) continue;
    auto dt = deal_type_from(t);
    if (!dt)
      return Error::at("", 0, 0, "unknown deal type '" + t +
                                     "' (investment, acquisition, purchase, lease, partnership, "
                                     "contract, manufacturing, approval, fund, facility)");
    out.insert(*dt);
  }
  return out;
}

bool valid_date_bound(const std::string& s) {
  static const char* const kShapes[] = {"dddd", "dddd-dd", "dddd-dd-dd"};
  for (const char* shape : kShapes) {
    std::string_view sh(shape);
    if (s.size() != sh.size()) continue;
    bool ok = true;
    for (size_t i = 0; i < s.size() && ok; ++i)
      ok = sh[i] == 'd' ? std::isdigit(static_cast<unsigned char>(s[i])) != 0 : s[i] == sh[i];
    if (ok) return true;
  }
  return false;
}

Result<Filter> parse_filter(const FilterArgs& a) {
  auto bad = [](const std::string& what) { return Error::at("", 0, 0, what); };
  Filter f;
  f.focus = a.focus;
  f.no_chips = a.no_chips;
  if (!a.depth.empty()) {
    if (a.focus.empty()) return bad("--depth needs --focus");
    char* end = nullptr;
    long d = std::strtol(a.depth.c_str(), &end, 10);
    if (*end || d < 1 || d > 1000) return bad("--depth must be a whole number from 1, not '" + a.depth + "'");
    f.depth = static_cast<int>(d);
  }
  if (!a.types.empty()) {
    auto t = parse_types(a.types);
    if (!t) return t.error();
    f.types = *t;
  }
  for (const auto* d : {&a.since, &a.until})
    if (!d->empty() && !valid_date_bound(*d))
      return bad("date '" + *d + "' is not YYYY, YYYY-MM or YYYY-MM-DD");
  f.since = a.since;
  f.until = a.until;
  if (!a.min_amount.empty()) {
    char* end = nullptr;
    double v = std::strtod(a.min_amount.c_str(), &end);
    if (*end || !std::isfinite(v) || v < 0)
      return bad("--min-amount must be a number of US dollars such as 1e9, not '" + a.min_amount + "'");
    f.min_amount = v;
  }
  return f;
}

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

// --------------------------------------------------------------- bipartite

Bipartite bipartite(const std::vector<DealGroup>& groups, bool with_products) {
  Bipartite b;
  auto entity_vertex = [&](const std::string& id) {
    auto [it, fresh] = b.vertex_of.emplace(id, b.entity.size());
    if (fresh) {
      boost::add_vertex(b.g);
      b.entity.push_back(id);
      b.group.push_back(-1);
    }
    return it->second;
  };
  for (size_t i = 0; i < groups.size(); ++i) {
    size_t dv = boost::add_vertex(b.g);
    b.entity.emplace_back();
    b.group.push_back(static_cast<int>(i));
    for (const auto& p : groups[i].parties) boost::add_edge(dv, entity_vertex(p.entity), b.g);
    if (with_products)
      for (const auto& p : groups[i].products) boost::add_edge(dv, entity_vertex(p), b.g);
  }
  return b;
}

void bfs(const Bipartite& b, size_t source, std::vector<size_t>* dist, std::vector<size_t>* pred) {
  const size_t n = boost::num_vertices(b.g);
  dist->assign(n, SIZE_MAX);
  pred->resize(n);
  std::iota(pred->begin(), pred->end(), 0);
  (*dist)[source] = 0;
  boost::breadth_first_search(
      b.g, source,
      boost::visitor(boost::make_bfs_visitor(std::make_pair(
          boost::record_distances(dist->data(), boost::on_tree_edge()),
          boost::record_predecessors(pred->data(), boost::on_tree_edge())))));
}

// ------------------------------------------------------------------ select

namespace {

bool passes(const DealGroup& grp, const Filter& f) {
  if (!f.types.empty() && !f.types.count(grp.lead->type)) return false;
  if (!date_in_bounds(grp.when, grp.when_end, f.since, f.until)) return false;
  if (f.min_amount) {
    auto usd = labels::usd_figure(grp.amount);
    if (!usd || *usd < *f.min_amount) return false;
  }
  return true;
}

bool is_chip(const Entity& e) { return e.type == EntityType::Chip || e.type == EntityType::Product; }

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
    // Entity → deal is one hop, deal → entity another: depth N keeps the
    // deals at odd distances up to 2N-1.
    Bipartite b = bipartite(view.groups, /*with_products=*/true);
    std::vector<DealGroup> kept;
    if (auto it = b.vertex_of.find(*focus); it != b.vertex_of.end()) {
      std::vector<size_t> dist, pred;
      bfs(b, it->second, &dist, &pred);
      const size_t limit = 2 * static_cast<size_t>(std::max(f.depth, 1)) - 1;
      for (size_t v = 0; v < dist.size(); ++v)
        if (b.group[v] >= 0 && dist[v] <= limit) kept.push_back(view.groups[b.group[v]]);
    }
    view.groups = std::move(kept);  // vertices were added in group order: still corpus order
    view.entities.insert(*focus);
  }

  const bool everything = everything_when_unfiltered && !f.narrows();
  for (const auto& grp : view.groups) {
    for (const auto& p : grp.parties) view.entities.insert(p.entity);
    for (const auto& p : grp.products) view.entities.insert(p);
    for (const auto* d : grp.members) view.articles.insert(d->article);
  }
  if (everything) {
    for (const auto& [id, e] : c.entities) view.entities.insert(id);
    for (const auto& a : c.articles) view.articles.insert(a.id);
  }
  if (!f.no_chips) {
    std::set<std::string> extra;
    for (const auto& [id, e] : c.entities) {
      if (!is_chip(e) || e.maker.empty()) continue;
      if (view.entities.count(e.maker)) extra.insert(id);
      if (view.entities.count(id)) extra.insert(e.maker);
    }
    view.entities.insert(extra.begin(), extra.end());
  }
  // Drop ids the corpus does not define (a dangling party) and, with
  // --no-chips, chips and products.
  for (auto it = view.entities.begin(); it != view.entities.end();) {
    auto e = c.entities.find(*it);
    bool drop = e == c.entities.end() || (f.no_chips && is_chip(e->second));
    it = drop ? view.entities.erase(it) : std::next(it);
  }
  if (!everything) {
    for (const auto& id : view.entities) {
      for (const auto& m : c.entities.at(id).mentions) view.articles.insert(m.article);
    }
  }
  return view;
}

}  // namespace dealgraph
