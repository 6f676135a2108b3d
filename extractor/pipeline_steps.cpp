// The steps of Pipeline::add_file (extractor/pipeline_steps.h).
#include "extractor/pipeline_steps.h"

#include <algorithm>
#include <utility>

namespace dealgraph::pipeline {

namespace {

// Aliases keep the order they were first seen in; link_reports sorts them.
void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

void fill_from_dictionary(const DictEntry& de, Entity* e) {
  e->type = de.type;
  e->name = de.name;
  e->aliases = de.aliases;
  e->ticker = de.ticker;
  e->wikidata = de.wikidata;
  e->country = de.country;
  e->maker = de.maker;
  e->flags = de.flags;
  e->source = "dictionary";
}

void fill_from_discovery(const DiscoveredEntity& d, Entity* e) {
  e->type = d.type;
  e->name = d.name;
  e->aliases = d.aliases;
  e->maker = d.maker;
  e->part_of = d.part_of;
  e->source = "rule";
}

}  // namespace

// ---------------------------------------------------------------- article

std::string article_id(size_t n) { return "A" + std::to_string(n); }

std::optional<values::CivilDate> reference_date(const Article& a, const std::string& fallback) {
  std::optional<values::CivilDate> ref;
  if (a.date) ref = values::parse_iso_date(*a.date);
  if (!ref && !fallback.empty()) ref = values::parse_iso_date(fallback);
  return ref;
}

std::vector<Span> value_regions(const Article& a) {
  std::vector<Span> regions;
  if (a.headline_span.size()) regions.push_back(a.headline_span);
  for (const auto& p : a.paragraphs) regions.push_back(p);
  return regions;
}

std::vector<Value> tag_regions(const values::Tagger& tagger, std::string_view text, const Article& a,
                               const std::optional<values::CivilDate>& ref) {
  std::vector<Value> vals;
  for (const Span& r : value_regions(a)) {
    // The tagger sees the region alone; its spans are moved back into the file.
    for (Value v : tagger.tag(text.substr(r.start, r.size()), ref)) {
      v.span.start += r.start;
      v.span.end += r.start;
      v.article = a.id;
      vals.push_back(std::move(v));
    }
  }
  return vals;
}

// ---------------------------------------------------------------- entities

void drop_values_in_names(const ArticleEntities& found, std::vector<Value>* values) {
  // People's spans by start, each with the furthest end so far: a value
  // overlaps one of those starting before its end exactly when that furthest
  // end passes its start (one binary search per value, not a pass).
  std::vector<Span> people;
  for (const auto& m : found.mentions)
    if (m.type == EntityType::Person) people.push_back(m.span);
  std::sort(people.begin(), people.end());
  std::vector<size_t> furthest_end(people.size());
  for (size_t i = 0; i < people.size(); ++i)
    furthest_end[i] = std::max(people[i].end, i ? furthest_end[i - 1] : 0);
  auto in_name = [&](const Value& v) {
    const size_t before = static_cast<size_t>(
        std::partition_point(people.begin(), people.end(), [&](const Span& p) { return p.start < v.span.end; }) -
        people.begin());
    return before > 0 && furthest_end[before - 1] > v.span.start;
  };
  values->erase(std::remove_if(values->begin(), values->end(), in_name), values->end());
}

EntityFacts lookup_facts(const Dictionary& dict, const ArticleEntities& found, const std::string& id) {
  EntityFacts f;
  if (int i = dict.find_id(id); i >= 0) {
    const DictEntry& e = dict.entries()[i];
    f.type = e.type;
    f.maker = e.maker;
    f.flags = e.flags;
  } else if (auto d = found.discovered.find(id); d != found.discovered.end()) {
    f.type = d->second.type;
    f.maker = d->second.maker;
  }
  return f;
}

EntityLookup facts_lookup(const Dictionary& dict, const ArticleEntities& found) {
  return [&dict, &found](const std::string& id) { return lookup_facts(dict, found, id); };
}

std::set<std::string> deal_parties(const std::vector<Deal>& deals) {
  std::set<std::string> parties;
  for (const auto& d : deals)
    for (const auto& p : d.parties) parties.insert(p.entity);
  return parties;
}

Entity& define_entity(const Dictionary& dict, const ArticleEntities& found, const std::string& id,
                      std::map<std::string, Entity>* entities) {
  Entity& e = (*entities)[id];
  if (!e.id.empty()) return e;
  e.id = id;
  if (int i = dict.find_id(id); i >= 0) {
    fill_from_dictionary(dict.entries()[i], &e);
  } else if (auto d = found.discovered.find(id); d != found.discovered.end()) {
    fill_from_discovery(d->second, &e);
  }
  return e;
}

void collect_mentions(std::string_view text, const std::string& article, const Dictionary& dict,
                      const ArticleEntities& found, const std::set<std::string>& parties,
                      std::map<std::string, Entity>* entities) {
  for (const auto& m : found.mentions) {
    // A country used as a place word is not a mention, unless a deal uses it.
    if (m.weak && !parties.count(m.entity)) continue;
    Entity& e = define_entity(dict, found, m.entity, entities);
    std::string surface(text.substr(m.span.start, m.span.size()));
    e.mentions.push_back({article, m.span, surface, m.rule, m.context});
    add_unique(e.aliases, surface);
  }
}

void collect_roles(std::string_view text, const std::string& article, const ArticleEntities& found,
                   std::vector<Role>* roles) {
  for (const auto& r : found.roles) {
    Role role{r.person, r.org, r.title, article, {r.span, std::string(text.substr(r.span.start, r.span.size()))},
              r.rule};
    roles->push_back(std::move(role));
  }
}

void define_deal_entities(const std::vector<Deal>& deals, const Dictionary& dict, const ArticleEntities& found,
                          std::map<std::string, Entity>* entities) {
  for (const auto& d : deals) {
    for (const auto& p : d.parties) define_entity(dict, found, p.entity, entities);
    for (const auto& p : d.products) define_entity(dict, found, p, entities);
  }
}

// ------------------------------------------------------------------- merge

void merge_entity(Entity from, Entity* into) {
  for (auto& m : from.mentions) into->mentions.push_back(std::move(m));
  for (const auto& al : from.aliases) add_unique(into->aliases, al);
  if (into->maker.empty()) into->maker = from.maker;
  if (into->part_of.empty()) into->part_of = from.part_of;
}

void merge_into(Corpus add, Corpus* corpus) {
  for (auto& a : add.articles) corpus->articles.push_back(std::move(a));
  for (auto& [id, e] : add.entities) {
    Entity& into = corpus->entities[id];
    if (into.id.empty())
      into = std::move(e);  // first seen in this file
    else
      merge_entity(std::move(e), &into);
  }
  for (auto& d : add.deals) corpus->deals.push_back(std::move(d));
  for (auto& v : add.values) corpus->values.push_back(std::move(v));
  for (auto& r : add.roles) corpus->roles.push_back(std::move(r));
}

}  // namespace dealgraph::pipeline
