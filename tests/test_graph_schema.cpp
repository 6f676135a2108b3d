// The graph's schema reaches every exporter and query: a role added to
// rules/schema/ is a CSV column and a JSON-LD term, and the ownership types
// decide what `query investments` counts. Also the steps of select().
#include <catch2/catch.hpp>

#include "core/resources.h"
#include "core/schema.h"
#include "export/export_csv.h"
#include "export/export_jsonld.h"
#include "golden/fixture_corpus.h"
#include "graph/filter.h"
#include "graph/query.h"

using namespace dealgraph;

namespace {

// The built-in schema with one line of its table replaced.
Schema schema_with(const std::string& from, const std::string& to) {
  Resources res = Resources::embedded();
  std::string text = *res.find("rules/schema/schema.rules");
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  res.put("rules/schema/schema.rules", text.replace(at, from.size(), to));
  auto s = Schema::load(res);
  REQUIRE(s);
  return *s;
}

std::vector<std::string> lead_ids(const std::vector<DealGroup>& groups) {
  std::vector<std::string> out;
  for (const auto& g : groups) out.push_back(g.lead->id);
  return out;
}

}  // namespace

TEST_CASE("graph: carries the schema it was built with", "[graph][schema]") {
  const Corpus c = fixture::corpus();
  CHECK(DealGraph::build(c).schema().roles() == Schema::builtin().roles());
  const Schema s = schema_with("investment = investor investee", "investment = investor investee adviser");
  const DealGraph g = DealGraph::build(c, s);
  CHECK(g.schema().allows(DealType::Investment, "adviser"));
}

TEST_CASE("exports: role columns and terms come from the schema", "[graph][schema][export]") {
  const Corpus c = fixture::corpus();
  const Schema s = schema_with("investment = investor investee", "investment = investor investee adviser");
  const DealGraph g = DealGraph::build(c, s);
  auto v = select(g, Filter{}, true);
  REQUIRE(v);
  const std::string deals = to_csv_tables(g, *v, false).at("deals.csv");
  CHECK(deals.find(",investor,investee,adviser,acquirer,") != std::string::npos);
  CHECK(jsonld_context(g.schema()).contains("adviser"));
  CHECK_FALSE(jsonld_context(Schema::builtin()).contains("adviser"));
}

TEST_CASE("queries: the ownership types decide who invested in whom", "[graph][schema][query]") {
  const Corpus c = fixture::corpus();
  auto builtin = query_investments(DealGraph::build(c), Filter{});
  REQUIRE(builtin);
  CHECK(builtin->json.size() == 2);  // NVIDIA → Coherent, Samsung → "Q" Labs
  // Without acquisitions among the ownership types, only the investment is left.
  const Schema s = schema_with("table ownership_types\n  investment\n  acquisition\nend",
                               "table ownership_types\n  investment\nend");
  auto r = query_investments(DealGraph::build(c, s), Filter{});
  REQUIRE(r);
  REQUIRE(r->json.size() == 1);
  CHECK(r->json[0]["investor"] == "NVIDIA");
}

TEST_CASE("filter steps: passes() and near_focus()", "[graph][filter]") {
  const Corpus c = fixture::corpus();
  const std::vector<DealGroup> groups = group_deals(c);  // D1 (+D4), D2, D3, D5, D6
  REQUIRE(lead_ids(groups) == std::vector<std::string>{"D1", "D2", "D3", "D5", "D6"});
  auto passing = [&](const Filter& f) {
    std::vector<std::string> out;
    for (const auto& g : groups)
      if (passes(g, f)) out.push_back(g.lead->id);
    return out;
  };
  Filter types;
  types.types = {DealType::Investment, DealType::Lease};
  CHECK(passing(types) == std::vector<std::string>{"D1", "D3"});
  Filter amount;
  amount.min_amount = 1e9;  // D3's range counts by its lower bound; D6 is in KRW
  CHECK(passing(amount) == std::vector<std::string>{"D1", "D3"});
  Filter since;
  since.since = "2026-02-15";  // D2 is "2026-02"; D6 runs to 2026-06; D3 has its article's date
  CHECK(passing(since) == std::vector<std::string>{"D1", "D2", "D3", "D6"});

  CHECK(lead_ids(near_focus(groups, "org:coherent", 1)) == std::vector<std::string>{"D1"});
  CHECK(lead_ids(near_focus(groups, "org:coherent", 2)) == std::vector<std::string>{"D1", "D5"});
  CHECK(lead_ids(near_focus(groups, "org:google", 2)) == std::vector<std::string>{"D2", "D3"});
  CHECK(near_focus(groups, "org:nobody", 3).empty());
}
