#include "graph/merge.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>

namespace dealgraph {

namespace {

// Article ids a part cannot share with any other: "#<n>:" before each, n
// counting the articles already absorbed. link_reports replaces them all.
void make_ids_private(Corpus* part, size_t taken) {
  std::map<std::string, std::string> renamed;
  for (size_t i = 0; i < part->articles.size(); ++i) {
    std::string fresh = "#" + std::to_string(taken + i) + ":" + part->articles[i].id;
    renamed.emplace(part->articles[i].id, fresh);
    part->articles[i].id = fresh;
  }
  auto follow = [&](std::string* id) {
    if (auto it = renamed.find(*id); it != renamed.end()) *id = it->second;
  };
  for (auto& d : part->deals) follow(&d.article);
  for (auto& v : part->values) follow(&v.article);
  for (auto& r : part->roles) follow(&r.article);
  for (auto& [id, e] : part->entities)
    for (auto& m : e.mentions) follow(&m.article);
}

// The definition that wins when two disagree: the dictionary's, then the
// smaller fields. A total order, so the winner does not depend on who came first.
auto definition(const Entity& e) {
  return std::make_tuple(e.source != "dictionary", e.name, e.type, e.ticker, e.wikidata, e.country);
}

// The maker: the smaller of two that both name one, else the one named.
std::string maker_of(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return std::min(a, b);
}

void merge_entity(Entity from, Entity* into) {
  const std::string maker = maker_of(from.maker, into->maker);
  const std::string part_of = maker_of(from.part_of, into->part_of);  // same rule: the smaller of two
  if (definition(from) < definition(*into)) {
    std::swap(from.mentions, into->mentions);
    std::swap(from.aliases, into->aliases);
    std::swap(from.flags, into->flags);
    std::swap(from, *into);
  }
  into->maker = maker;
  into->part_of = part_of;
  for (auto& m : from.mentions) into->mentions.push_back(std::move(m));
  for (auto& a : from.aliases) into->aliases.push_back(std::move(a));
  if (from.name != into->name) into->aliases.push_back(from.name);
  for (auto& f : from.flags)
    if (std::find(into->flags.begin(), into->flags.end(), f) == into->flags.end()) into->flags.push_back(std::move(f));
  std::sort(into->flags.begin(), into->flags.end());
}

}  // namespace

void absorb(Corpus part, Corpus* into) {
  make_ids_private(&part, into->articles.size());
  for (auto& a : part.articles) into->articles.push_back(std::move(a));
  for (auto& [id, e] : part.entities) {
    auto it = into->entities.find(id);
    if (it == into->entities.end())
      into->entities.emplace(id, std::move(e));
    else
      merge_entity(std::move(e), &it->second);
  }
  for (auto& d : part.deals) into->deals.push_back(std::move(d));
  for (auto& v : part.values) into->values.push_back(std::move(v));
  for (auto& r : part.roles) into->roles.push_back(std::move(r));
}

}  // namespace dealgraph
