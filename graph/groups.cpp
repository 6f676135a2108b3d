#include "graph/groups.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <numeric>

namespace dealgraph {

std::string deal_when(const Deal& d, const Corpus& c) {
  if (d.date) {
    if (!d.date->value.empty()) return d.date->value;
    if (!d.date->from.empty()) return d.date->from;
  }
  for (const auto& a : c.articles)
    if (a.id == d.article && a.date) return *a.date;
  return "";
}

std::string target_when(const Deal& d) {
  if (!d.target_date) return "";
  return d.target_date->value.empty() ? d.target_date->from : d.target_date->value;
}

std::string deal_when_end(const Deal& d) {
  return d.date && d.date->value.empty() && !d.date->from.empty() ? d.date->to : "";
}

namespace {

size_t find_root(std::vector<size_t>& parent, size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

// Union-find over group ids and same_as: the root of each deal's group. The root is always
// the member first in corpus order, so the lead does not depend on which
// side names the other.
std::vector<size_t> group_roots(const std::vector<Deal>& deals) {
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < deals.size(); ++i) index.emplace(deals[i].id, i);
  std::vector<size_t> parent(deals.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto join = [&](size_t i, size_t j) {
    size_t a = find_root(parent, i), b = find_root(parent, j);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  };
  std::map<std::string, size_t> first_of_group;  // a linked corpus names its groups
  for (size_t i = 0; i < deals.size(); ++i) {
    if (!deals[i].group.empty()) join(i, first_of_group.emplace(deals[i].group, i).first->second);
    for (const auto& other : deals[i].same_as) {
      auto it = index.find(other);
      if (it == index.end()) continue;  // a link to a deal not in this corpus
      join(i, it->second);
    }
  }
  for (size_t i = 0; i < deals.size(); ++i) parent[i] = find_root(parent, i);
  return parent;
}

void add_member(DealGroup* g, const Deal& d) {
  if (!g->lead) g->lead = &d;
  g->members.push_back(&d);
  g->parties.insert(g->parties.end(), d.parties.begin(), d.parties.end());
  g->products.insert(g->products.end(), d.products.begin(), d.products.end());
  if (!g->amount && d.amount) g->amount = d.amount;
  if (!g->capacity && d.capacity) g->capacity = d.capacity;
  if (!g->date && d.date) g->date = d.date;
}

// The first report that states a date gives the group's; else the lead's article date.
void date_group(DealGroup* g, const Corpus& corpus) {
  const Deal* dated = g->lead;
  for (const Deal* d : g->members)
    if (d->date && (!d->date->value.empty() || !d->date->from.empty())) {
      dated = d;
      break;
    }
  if (dated->date) g->date = dated->date;
  g->when = deal_when(*dated, corpus);
  g->when_end = deal_when_end(*dated);
}

template <class T>
void sort_unique(std::vector<T>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

}  // namespace

std::vector<DealGroup> group_deals(const Corpus& corpus) {
  const auto& deals = corpus.deals;
  const std::vector<size_t> root = group_roots(deals);
  std::vector<DealGroup> out;
  std::map<size_t, size_t> group_of_root;
  for (size_t i = 0; i < deals.size(); ++i) {
    auto [it, fresh] = group_of_root.emplace(root[i], out.size());
    if (fresh) out.emplace_back();
    add_member(&out[it->second], deals[i]);
  }
  for (auto& g : out) {
    date_group(&g, corpus);
    g.status = group_status(g.members, corpus);
    sort_unique(&g.parties);
    sort_unique(&g.products);
  }
  return out;
}

std::string group_status(const std::vector<const Deal*>& members, const Corpus& corpus) {
  const Deal* latest = nullptr;
  std::string latest_when;
  for (const Deal* d : members) {
    if (d->status.empty()) continue;
    std::string when = deal_when(*d, corpus);
    if (!latest || when >= latest_when) {
      latest = d;
      latest_when = std::move(when);
    }
  }
  return latest ? latest->status : "";
}

size_t status_rank(const std::string& status) {
  const auto& all = deal_statuses();
  return static_cast<size_t>(std::find(all.begin(), all.end(), status) - all.begin());
}

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

}  // namespace dealgraph
