#include "graph/link.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "graph/ids.h"

namespace dealgraph {

namespace {

using ArticleOrder = std::map<std::string, size_t>;

ArticleOrder article_order(const Corpus& c) {
  ArticleOrder order;
  for (size_t i = 0; i < c.articles.size(); ++i) order[c.articles[i].id] = i;
  return order;
}

// The position of an article. An id no article has counts as 0 (operator[]
// inserts it): such a deal sorts with the first article.
size_t position(ArticleOrder& order, const std::string& article) { return order[article]; }

// Articles by source, then where they lie in it: the order of the files on
// the command line (or of the partial graphs merged) does not matter.
void sort_articles(Corpus* c) {
  std::stable_sort(c->articles.begin(), c->articles.end(), [](const Article& a, const Article& b) {
    return std::tie(a.source, a.span.start, a.span.end, a.headline) <
           std::tie(b.source, b.span.start, b.span.end, b.headline);
  });
}

void rename_articles(Corpus* c, const std::map<std::string, std::string>& renamed) {
  auto follow = [&](std::string* id) {
    if (auto it = renamed.find(*id); it != renamed.end()) *id = it->second;
  };
  for (auto& d : c->deals) follow(&d.article);
  for (auto& v : c->values) follow(&v.article);
  for (auto& r : c->roles) follow(&r.article);
  for (auto& [id, e] : c->entities)
    for (auto& m : e.mentions) follow(&m.article);
}

// The deal's date as the graph shows it: its own (value, else span start),
// else its article's; "" when neither.
std::string deal_date(const Deal& d, const std::map<std::string, std::string>& article_dates) {
  if (d.date && !d.date->value.empty()) return d.date->value;
  if (d.date && !d.date->from.empty()) return d.date->from;
  auto it = article_dates.find(d.article);
  return it == article_dates.end() ? "" : it->second;
}

void number_deals(Corpus* c, ArticleOrder& order) {
  std::stable_sort(c->deals.begin(), c->deals.end(), [&](const Deal& a, const Deal& b) {
    size_t x = position(order, a.article), y = position(order, b.article);
    if (x != y) return x < y;
    if (a.evidence.span.start != b.evidence.span.start) return a.evidence.span.start < b.evidence.span.start;
    if (a.type != b.type) return a.type < b.type;
    if (a.parties != b.parties) return a.parties < b.parties;
    return a.evidence.text < b.evidence.text;
  });
  std::map<std::string, std::string> article_dates;
  for (const auto& a : c->articles)
    if (a.date) article_dates[a.id] = *a.date;
  std::vector<std::string> ids;
  ids.reserve(c->deals.size());
  for (const auto& d : c->deals) ids.push_back(deal_base_id(d, deal_date(d, article_dates)));
  make_unique(&ids);
  for (size_t i = 0; i < ids.size(); ++i) c->deals[i].id = std::move(ids[i]);
}

// The reports of one key form one group when two articles or more report
// it; reports of one key all in one article are distinct deals, one group
// each. Groups come in the order of their first report.
std::vector<std::vector<size_t>> report_groups(const Corpus& c) {
  std::map<std::string, std::vector<size_t>> by_key;
  for (size_t i = 0; i < c.deals.size(); ++i) by_key[report_key(c.deals[i])].push_back(i);
  std::vector<std::vector<size_t>> groups;
  for (auto& [key, members] : by_key) {
    const std::string& first_article = c.deals[members.front()].article;
    bool several_articles = std::any_of(members.begin(), members.end(),
                                        [&](size_t i) { return c.deals[i].article != first_article; });
    if (several_articles) {
      groups.push_back(std::move(members));
    } else {
      for (size_t i : members) groups.push_back({i});
    }
  }
  std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) { return a.front() < b.front(); });
  return groups;
}

// A star around the first report, and one around the first stated figure.
void link_group(Corpus* c, const std::vector<size_t>& members) {
  Deal& lead = c->deals[members.front()];
  for (size_t k = 1; k < members.size(); ++k) {
    Deal& other = c->deals[members[k]];
    lead.same_as.push_back(other.id);
    other.same_as.push_back(lead.id);
  }
  auto holder = std::find_if(members.begin(), members.end(), [&](size_t i) { return c->deals[i].amount.has_value(); });
  if (holder == members.end()) return;
  Deal& figure = c->deals[*holder];
  for (size_t i : members) {
    Deal& d = c->deals[i];
    if (&d == &figure || !d.amount || same_money(*figure.amount, *d.amount)) continue;
    figure.conflicts.push_back(d.id);
    d.conflicts.push_back(figure.id);
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
      return std::tie(a.span, a.text, a.rule) < std::tie(b.span, b.text, b.rule);
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

void name_articles(Corpus* c) {
  sort_articles(c);
  std::vector<std::string> ids;
  ids.reserve(c->articles.size());
  for (const auto& a : c->articles) ids.push_back(article_base_id(a));
  make_unique(&ids);
  std::map<std::string, std::string> renamed;
  for (size_t i = 0; i < ids.size(); ++i) {
    renamed[c->articles[i].id] = ids[i];
    c->articles[i].id = std::move(ids[i]);
  }
  rename_articles(c, renamed);
}

void number_deals(Corpus* c) {
  ArticleOrder order = article_order(*c);
  number_deals(c, order);
}

void link_same_deals(Corpus* c) {
  for (auto& d : c->deals) {
    d.same_as.clear();
    d.conflicts.clear();
  }
  const auto groups = report_groups(*c);
  std::vector<std::string> ids;
  ids.reserve(groups.size());
  for (const auto& g : groups) ids.push_back(group_base_id(c->deals[g.front()]));
  make_unique(&ids);
  for (size_t k = 0; k < groups.size(); ++k) {
    for (size_t i : groups[k]) c->deals[i].group = ids[k];
    if (groups[k].size() > 1) link_group(c, groups[k]);
  }
}

void link_reports(Corpus* c) {
  name_articles(c);
  ArticleOrder order = article_order(*c);
  number_deals(c, order);
  link_same_deals(c);
  sort_values(c, order);
  sort_roles(c, order);
  tidy_entities(c, order);
}

}  // namespace dealgraph
