#include "graph/link.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace dealgraph {

namespace {

using ArticleOrder = std::map<std::string, size_t>;

ArticleOrder article_order(const Corpus& c) {
  ArticleOrder order;
  for (size_t i = 0; i < c.articles.size(); ++i) order[c.articles[i].id] = i;
  return order;
}

// The reading position of an article. An id no article has counts as 0
// (operator[] inserts it): such a deal sorts with the first article, as the
// extractor's own ordering always did.
size_t position(ArticleOrder& order, const std::string& article) { return order[article]; }

void number_deals(Corpus* c, ArticleOrder& order) {
  std::stable_sort(c->deals.begin(), c->deals.end(), [&](const Deal& a, const Deal& b) {
    size_t x = position(order, a.article), y = position(order, b.article);
    if (x != y) return x < y;
    if (a.evidence.span.start != b.evidence.span.start) return a.evidence.span.start < b.evidence.span.start;
    if (a.type != b.type) return a.type < b.type;
    return a.parties < b.parties;
  });
  for (size_t i = 0; i < c->deals.size(); ++i) c->deals[i].id = "D" + std::to_string(i + 1);
}

// Reports of one deal share type and parties: the key groups them, so
// linking stays linear in the number of deals, not quadratic.
std::string report_key(const Deal& d) {
  std::string key = to_string(d.type);
  for (const auto& p : d.parties) key += "|" + p.role + "=" + p.entity;
  return key;
}

void link_group(Corpus* c, const std::vector<size_t>& members) {
  for (size_t i : members)
    for (size_t j : members) {
      Deal& a = c->deals[i];
      const Deal& b = c->deals[j];
      // Two deals of one article are two deals, not two reports of one.
      if (i == j || a.article == b.article) continue;
      a.same_as.push_back(b.id);
      if (a.amount && b.amount && !same_money(*a.amount, *b.amount)) a.conflicts.push_back(b.id);
    }
}

void sort_values(Corpus* c, ArticleOrder& order) {
  std::stable_sort(c->values.begin(), c->values.end(), [&](const Value& a, const Value& b) {
    size_t x = position(order, a.article), y = position(order, b.article);
    if (x != y) return x < y;
    return a.span < b.span;
  });
}

// Roles in reading order, so the output does not depend on the input order.
void sort_roles(Corpus* c, ArticleOrder& order) {
  std::stable_sort(c->roles.begin(), c->roles.end(), [&](const Role& a, const Role& b) {
    size_t x = position(order, a.article), y = position(order, b.article);
    if (x != y) return x < y;
    return a.evidence.span < b.evidence.span;
  });
}

void tidy_entities(Corpus* c, ArticleOrder& order) {
  for (auto& [id, e] : c->entities) {
    std::sort(e.aliases.begin(), e.aliases.end());
    e.aliases.erase(std::unique(e.aliases.begin(), e.aliases.end()), e.aliases.end());
    e.aliases.erase(std::remove(e.aliases.begin(), e.aliases.end(), e.name), e.aliases.end());
    std::stable_sort(e.mentions.begin(), e.mentions.end(), [&](const Mention& a, const Mention& b) {
      size_t x = position(order, a.article), y = position(order, b.article);
      if (x != y) return x < y;
      return a.span < b.span;
    });
  }
}

}  // namespace

bool same_money(const Money& a, const Money& b) {
  if (a.currency != b.currency) return false;
  auto lo = [](const Money& m) { return m.amount.value ? *m.amount.value : m.amount.min.value_or(0); };
  auto hi = [](const Money& m) { return m.amount.value ? *m.amount.value : m.amount.max.value_or(0); };
  return lo(a) <= hi(b) * 1.001 && lo(b) <= hi(a) * 1.001;
}

void number_deals(Corpus* c) {
  ArticleOrder order = article_order(*c);
  number_deals(c, order);
}

void link_same_deals(Corpus* c) {
  std::map<std::string, std::vector<size_t>> groups;
  for (size_t i = 0; i < c->deals.size(); ++i) groups[report_key(c->deals[i])].push_back(i);
  for (const auto& [key, members] : groups)
    if (members.size() > 1) link_group(c, members);
}

void link_reports(Corpus* c) {
  ArticleOrder order = article_order(*c);
  number_deals(c, order);
  link_same_deals(c);
  sort_values(c, order);
  sort_roles(c, order);
  tidy_entities(c, order);
}

}  // namespace dealgraph
