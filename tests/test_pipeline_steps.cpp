// The pipeline's steps one at a time (extractor/pipeline_steps.h), on the
// embedded dictionary and value rules and hand-made articles, mentions and
// deals. The pipeline as a whole is tested by the corpora and the CLI tests.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <variant>

#include "core/resources.h"
#include "extractor/pipeline_steps.h"

using namespace dealgraph;
using namespace dealgraph::pipeline;

namespace {

const Dictionary& dict() {
  static const Dictionary d = [] {
    auto r = Dictionary::load(Resources::embedded());
    REQUIRE(r);
    return std::move(*r);
  }();
  return d;
}

const values::Tagger& tagger() {
  static const values::Tagger t = [] {
    auto r = values::Tagger::load(Resources::embedded());
    REQUIRE(r);
    return std::move(*r);
  }();
  return t;
}

FoundMention mention(size_t start, size_t end, std::string entity, bool weak = false) {
  FoundMention m;
  m.span = {start, end};
  m.entity = std::move(entity);
  m.rule = "dictionary";
  m.weak = weak;
  return m;
}

// An article discovery found "Acme Robotics" in.
ArticleEntities with_discovery() {
  ArticleEntities found;
  DiscoveredEntity d;
  d.id = "org:acme-robotics";
  d.type = EntityType::Organization;
  d.name = "Acme Robotics";
  d.aliases = {"Acme"};
  d.maker = "org:nvidia";
  d.rule = "corporate_suffix";
  found.discovered[d.id] = d;
  return found;
}

Deal deal_of(std::vector<Party> parties, std::vector<std::string> products = {}) {
  Deal d;
  d.parties = std::move(parties);
  d.products = std::move(products);
  return d;
}

}  // namespace

// ---------------------------------------------------------------- article

TEST_CASE("article_id numbers articles from A1") {
  CHECK(article_id(1) == "A1");
  CHECK(article_id(12) == "A12");
}

TEST_CASE("reference_date: the article's date, else the fallback, else none") {
  Article a;
  a.date = "2026-02-24";
  auto ref = reference_date(a, "2025-01-01");
  REQUIRE(ref);
  CHECK((ref->year == 2026 && ref->month == 2 && ref->day == 24));

  a.date.reset();
  ref = reference_date(a, "2025-01-01");
  REQUIRE(ref);
  CHECK((ref->year == 2025 && ref->month == 1 && ref->day == 1));

  a.date = "2026-02-30";  // not a calendar date: the fallback counts
  ref = reference_date(a, "2025-01-01");
  REQUIRE(ref);
  CHECK(ref->year == 2025);

  CHECK_FALSE(reference_date(Article{}, ""));
}

TEST_CASE("value_regions: the headline, then each paragraph") {
  Article a;
  a.headline_span = {0, 10};
  a.paragraphs = {{11, 20}, {21, 30}};
  auto r = value_regions(a);
  REQUIRE(r.size() == 3);
  CHECK(r[0] == Span{0, 10});
  CHECK(r[2] == Span{21, 30});

  a.headline_span = {};  // no headline: only the paragraphs
  r = value_regions(a);
  REQUIRE(r.size() == 2);
  CHECK(r[0] == Span{11, 20});
}

TEST_CASE("tag_regions: spans into the file, the article's id") {
  const std::string text = "Headline\nThey will invest $5 billion.";
  Article a;
  a.id = "A3";
  a.headline_span = {0, 8};
  a.paragraphs = {{9, text.size()}};
  auto vals = tag_regions(tagger(), text, a, std::nullopt);
  REQUIRE(vals.size() == 1);
  CHECK(std::holds_alternative<Money>(vals[0].data));
  CHECK(vals[0].article == "A3");
  CHECK(text.substr(vals[0].span.start, vals[0].span.size()) == vals[0].text);
  CHECK(vals[0].span.start > 9);
}

// ---------------------------------------------------------------- entities

TEST_CASE("drop_values_in_names: a person's name is no amount") {
  // no title after the name: with one (이조원 장관) the value stage already
  // leaves it alone (docs/values.md, person_title)
  const std::string text = "이조원은 3조원을 투입한다.";
  Article a;
  a.paragraphs = {{0, text.size()}};
  auto vals = tag_regions(tagger(), text, a, std::nullopt);
  REQUIRE(vals.size() == 2);  // 이조원 reads as 2조원 to the value stage
  ArticleEntities found;
  FoundMention m;
  m.span = {0, std::string("이조원").size()};
  m.entity = "person:이조원";
  m.type = EntityType::Person;
  found.mentions.push_back(m);
  drop_values_in_names(found, &vals);
  REQUIRE(vals.size() == 1);
  CHECK(vals[0].text == "3조원");
  found.mentions[0].type = EntityType::Organization;  // only people's names
  auto again = tag_regions(tagger(), text, a, std::nullopt);
  drop_values_in_names(found, &again);
  CHECK(again.size() == 2);
}

TEST_CASE("lookup_facts: the dictionary, then the discovery, then defaults") {
  ArticleEntities found = with_discovery();
  EntityFacts chip = lookup_facts(dict(), found, "chip:h200");
  CHECK(chip.type == EntityType::Chip);
  CHECK(chip.maker == "org:nvidia");
  EntityFacts ms = lookup_facts(dict(), found, "org:microsoft");
  CHECK(ms.flags == std::vector<std::string>{"cloud"});

  EntityFacts acme = lookup_facts(dict(), found, "org:acme-robotics");
  CHECK(acme.maker == "org:nvidia");
  CHECK(acme.flags.empty());

  EntityFacts none = lookup_facts(dict(), found, "org:nobody");
  CHECK(none.type == EntityType::Organization);
  CHECK(none.maker.empty());

  EntityLookup f = facts_lookup(dict(), found);
  CHECK(f("chip:h200").type == EntityType::Chip);
}

TEST_CASE("deal_parties: every party of every deal, once") {
  std::vector<Deal> deals = {deal_of({{"org:a", "investor"}, {"org:b", "investee"}}),
                             deal_of({{"org:a", "buyer"}}, {"chip:h200"})};
  CHECK(deal_parties(deals) == std::set<std::string>{"org:a", "org:b"});
}

TEST_CASE("define_entity: from the dictionary, a discovery, or the id alone") {
  ArticleEntities found = with_discovery();
  std::map<std::string, Entity> entities;

  Entity& nv = define_entity(dict(), found, "org:nvidia", &entities);
  CHECK(nv.name == "NVIDIA");
  CHECK(nv.source == "dictionary");
  CHECK(nv.ticker == "NASDAQ:NVDA");
  CHECK(nv.country == "US");

  Entity& acme = define_entity(dict(), found, "org:acme-robotics", &entities);
  CHECK(acme.name == "Acme Robotics");
  CHECK(acme.source == "rule");
  CHECK(acme.aliases == std::vector<std::string>{"Acme"});

  Entity& none = define_entity(dict(), found, "org:nobody", &entities);
  CHECK(none.id == "org:nobody");
  CHECK(none.name.empty());

  // Once defined, an entity is left as it is.
  nv.mentions.push_back({"A1", {0, 6}, "NVIDIA", "dictionary"});
  CHECK(define_entity(dict(), ArticleEntities{}, "org:nvidia", &entities).mentions.size() == 1);
  CHECK(entities.size() == 3);
}

TEST_CASE("collect_mentions: mentions and seen aliases; weak ones only as parties") {
  const std::string text = "엔비디아와 미국, Acme";
  ArticleEntities found = with_discovery();
  found.mentions = {mention(0, 12, "org:nvidia"), mention(16, 22, "gov:united-states", true),
                    mention(24, 28, "org:acme-robotics")};
  std::map<std::string, Entity> entities;
  collect_mentions(text, "A2", dict(), found, {}, &entities);
  CHECK(entities.count("gov:united-states") == 0);
  REQUIRE(entities.count("org:nvidia") == 1);
  const Entity& nv = entities["org:nvidia"];
  REQUIRE(nv.mentions.size() == 1);
  CHECK(nv.mentions[0].article == "A2");
  CHECK(nv.mentions[0].text == "엔비디아");
  CHECK(nv.mentions[0].rule == "dictionary");
  CHECK(std::count(nv.aliases.begin(), nv.aliases.end(), "엔비디아") == 1);  // known already: not twice
  CHECK(entities["org:acme-robotics"].aliases == std::vector<std::string>{"Acme"});

  entities.clear();
  collect_mentions(text, "A2", dict(), found, {"gov:united-states"}, &entities);
  REQUIRE(entities.count("gov:united-states") == 1);
  CHECK(entities["gov:united-states"].mentions[0].text == "미국");
}

TEST_CASE("define_deal_entities: parties and products, named or not") {
  std::vector<Deal> deals = {deal_of({{"org:nvidia", "seller"}, {"org:nobody", "buyer"}}, {"chip:h200"})};
  std::map<std::string, Entity> entities;
  define_deal_entities(deals, dict(), ArticleEntities{}, &entities);
  CHECK(entities.size() == 3);
  CHECK(entities["chip:h200"].type == EntityType::Chip);
  CHECK(entities["org:nobody"].id == "org:nobody");
  CHECK(entities["org:nvidia"].mentions.empty());
}

// ------------------------------------------------------------------- merge

TEST_CASE("merge_entity: mentions appended, new aliases, a missing maker") {
  Entity into;
  into.id = "chip:x";
  into.name = "X";
  into.aliases = {"x1"};
  into.mentions = {{"A1", {0, 1}, "X", "dictionary"}};
  Entity from = into;
  from.name = "other";
  from.aliases = {"x1", "x2"};
  from.mentions = {{"A2", {5, 6}, "x2", "rule"}};
  from.maker = "org:a";
  merge_entity(from, &into);
  CHECK(into.name == "X");
  CHECK(into.aliases == std::vector<std::string>{"x1", "x2"});
  REQUIRE(into.mentions.size() == 2);
  CHECK(into.mentions[1].article == "A2");
  CHECK(into.maker == "org:a");

  from.maker = "org:b";  // a maker already there stays
  merge_entity(from, &into);
  CHECK(into.maker == "org:a");
}

TEST_CASE("merge_into: appends a file's finds and merges its entities") {
  Corpus corpus;
  corpus.articles.push_back(Article{});
  corpus.articles[0].id = "A1";
  corpus.entities["org:a"].id = "org:a";
  corpus.entities["org:a"].mentions = {{"A1", {0, 1}, "A", "dictionary"}};

  Corpus add;
  add.articles.push_back(Article{});
  add.articles[0].id = "A2";
  add.entities["org:a"].id = "org:a";
  add.entities["org:a"].mentions = {{"A2", {0, 1}, "A", "dictionary"}};
  add.entities["org:b"].id = "org:b";
  add.entities["org:b"].name = "B";
  add.deals.push_back(deal_of({{"org:a", "investor"}, {"org:b", "investee"}}));
  add.values.push_back(Value{});

  merge_into(std::move(add), &corpus);
  REQUIRE(corpus.articles.size() == 2);
  CHECK(corpus.articles[1].id == "A2");
  CHECK(corpus.entities["org:a"].mentions.size() == 2);
  CHECK(corpus.entities["org:b"].name == "B");
  CHECK(corpus.deals.size() == 1);
  CHECK(corpus.values.size() == 1);
}
