// `dealgraph diff`: two months of briefs (tests/diff/, our own sentences on
// real deals of September and October 2025) differ in exactly the deals
// written to differ, whether given as briefs or as their graphs.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <set>

#include "golden/golden_check.h"

using dealgraph::golden::dg;
using dealgraph::golden::dg_to;
using dealgraph::golden::read;
using dealgraph::golden::temp_dir;
using dealgraph::golden::write;

namespace {
const std::string kDir = std::string(DEALGRAPH_SOURCE_DIR) + "/tests/diff/";
const std::string kOld = kDir + "brief-2025-09.txt", kNew = kDir + "brief-2025-10.txt";

// "type: party names" of each deal of a diff list, sorted.
std::set<std::string> deals_of(const nlohmann::json& list) {
  std::set<std::string> out;
  for (const auto& d : list) {
    const auto& g = d.contains("after") ? d["after"] : d;
    std::string s = g["type"].get<std::string>() + ":";
    std::set<std::string> names;
    for (const auto& p : g["parties"]) names.insert(p["name"].get<std::string>());
    for (const auto& n : names) s += " " + n;
    out.insert(s);
  }
  return out;
}
}  // namespace

TEST_CASE("diff: exactly the deals that differ between two months", "[cli][diff]") {
  std::string out;
  REQUIRE(dg("diff --format json " + kOld + " " + kNew, &out) == 0);
  auto j = nlohmann::json::parse(out);
  CHECK(deals_of(j["new_deals"]) == std::set<std::string>{"acquisition: ABB SoftBank Group", "purchase: AMD OpenAI"});
  CHECK(deals_of(j["changed"]) == std::set<std::string>{"lease: Microsoft Nebius Group"});
  REQUIRE(j["changed"].size() == 1);
  CHECK(j["changed"][0]["fields"] == nlohmann::json::array({"amount"}));
  CHECK(j["changed"][0]["before"]["amount"]["value"] == 17400000000LL);
  CHECK(j["changed"][0]["after"]["amount"]["value"] == 19400000000LL);
  CHECK(deals_of(j["removed"]) == std::set<std::string>{"lease: OpenAI Oracle"});
  std::set<std::string> companies;
  for (const auto& e : j["new_companies"]) companies.insert(e["name"].get<std::string>());
  CHECK(companies == std::set<std::string>{"ABB", "AMD", "SoftBank Group"});
}

TEST_CASE("diff: graphs give what briefs give; a month against itself has no change", "[cli][diff]") {
  const std::string dir = temp_dir("diff-graphs");
  REQUIRE(dg_to("extract " + kOld, dir + "/old.json") == 0);
  REQUIRE(dg_to("extract " + kNew, dir + "/new.json") == 0);
  std::string from_briefs, from_graphs, mixed, same;
  REQUIRE(dg("diff " + kOld + " " + kNew, &from_briefs) == 0);
  REQUIRE(dg("diff " + dir + "/old.json " + dir + "/new.json", &from_graphs) == 0);
  REQUIRE(dg("diff --old " + dir + "/old.json --new " + kNew, &mixed) == 0);
  CHECK(from_graphs == from_briefs);
  CHECK(mixed == from_briefs);
  CHECK(from_briefs.find("changed") != std::string::npos);
  REQUIRE(dg("diff --format json " + kNew + " " + dir + "/new.json", &same) == 0);
  auto j = nlohmann::json::parse(same);
  for (const char* k : {"new_deals", "changed", "removed", "new_companies"}) CHECK(j[k].empty());
}

TEST_CASE("diff: the diagram marks new, changed and removed deals", "[cli][diff]") {
  std::string dot, svg;
  REQUIRE(dg("diff --format dot " + kOld + " " + kNew, &dot) == 0);
  CHECK(dot.find("#1a9850") != std::string::npos);  // new: green
  CHECK(dot.find("#e66101") != std::string::npos);  // changed: orange
  CHECK(dot.find("dashed") != std::string::npos);   // removed
  CHECK(dot.find("SoftBank") != std::string::npos);
  REQUIRE(dg("diff --format svg " + kOld + " " + kNew, &svg) == 0);
  CHECK(svg.find("<svg") != std::string::npos);
}

TEST_CASE("diff: usage and input errors", "[cli][diff]") {
  std::string out, err;
  CHECK(dg("diff " + kOld, &out, &err) == 2);
  CHECK(err.find("diff needs OLD and NEW") != std::string::npos);
  CHECK(dg("diff --format png " + kOld + " " + kNew, &out, &err) == 2);
  const std::string dir = temp_dir("diff-bad");
  write(dir + "/bad.json", "{\"format\":\"dealgraph/1\",\"articles\":7}\n");
  CHECK(dg("diff " + dir + "/bad.json " + kNew, &out, &err) == 1);
  CHECK(out.empty());
  CHECK(err.find("bad.json: articles: expected an array") != std::string::npos);
}
