// graph/merge.h: absorbing partial corpora is independent of order, keeps
// each part's refs with its own articles, and survives duplicate parts.
#include <catch2/catch.hpp>

#include "export/json_output.h"
#include "graph/link.h"
#include "graph/merge.h"

using namespace dealgraph;

namespace {

// A linked one-article corpus: `who` invests in CoreWeave; the entity for
// CoreWeave defined as `source` says, with `maker`.
Corpus part(const std::string& file, const std::string& who, const std::string& source, const std::string& maker) {
  Corpus c;
  Article a;
  a.id = "A1";  // every part calls its article A1
  a.source = file;
  a.headline = file;
  a.date = "2026-03-01";
  c.articles.push_back(a);
  Deal d;
  d.article = "A1";
  d.parties = {{"org:coreweave", "investee"}, {who, "investor"}};
  d.evidence = {Span{0, 10}, "x"};
  c.deals.push_back(d);
  Entity e;
  e.id = "org:coreweave";
  e.name = "CoreWeave";
  e.source = source;
  e.maker = maker;
  e.aliases = {"코어위브 " + file};
  e.mentions = {Mention{"A1", Span{0, 9}, "CoreWeave", "dictionary"}};
  c.entities[e.id] = e;
  link_reports(&c);
  return c;
}

std::string merged(const std::vector<Corpus>& parts) {
  Corpus all;
  for (const auto& p : parts) absorb(p, &all);
  link_reports(&all);
  return dump(to_json(all), false);
}

}  // namespace

TEST_CASE("merge: any order, any grouping, the same graph", "[merge]") {
  const Corpus a = part("a.txt", "org:nvidia", "rule", "org:x"), b = part("b.txt", "org:nvidia", "dictionary", ""),
               c = part("c.txt", "org:amd", "rule", "org:y");
  const std::string abc = merged({a, b, c});
  CHECK(merged({c, b, a}) == abc);
  CHECK(merged({b, a, c}) == abc);
  // (a + b) + c: the middle result linked, written and merged again.
  Corpus ab;
  absorb(a, &ab);
  absorb(b, &ab);
  link_reports(&ab);
  CHECK(merged({ab, c}) == abc);
  auto j = nlohmann::json::parse(abc);
  // The dictionary's definition wins; of two makers, the smaller.
  const auto& cw = j["entities"][0];
  CHECK(cw["source"] == "dictionary");
  CHECK(cw["maker"] == "org:x");  // the smaller of org:x and org:y
  CHECK(cw["mentions"].size() == 3);
  CHECK(cw["aliases"].size() == 3);
  // Three articles, each with its own deal; the two NVIDIA reports are one group.
  REQUIRE(j["articles"].size() == 3);
  REQUIRE(j["deals"].size() == 3);
  for (size_t i = 0; i < 3; ++i) CHECK(j["deals"][i]["article"] == j["articles"][i]["id"]);
  CHECK(j["groups"].size() == 1);
}

TEST_CASE("merge: a part given twice is two reports, named in order", "[merge]") {
  const Corpus a = part("a.txt", "org:nvidia", "rule", "");
  auto j = nlohmann::json::parse(merged({a, a}));
  REQUIRE(j["articles"].size() == 2);
  CHECK(j["articles"][1]["id"] == j["articles"][0]["id"].get<std::string>() + "-2");
  CHECK(j["deals"][1]["id"] == j["deals"][0]["id"].get<std::string>() + "-2");
  CHECK(j["deals"][0]["group"] == j["deals"][1]["group"]);
}
