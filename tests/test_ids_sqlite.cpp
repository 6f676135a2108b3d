// Content ids across monthly exports (issue 17): two briefs exported to CSV
// separately and loaded into one SQLite database give each deal and entity
// once, with the right parties — the deals both months report share an id,
// no id names two different deals. Skipped without sqlite3.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <set>
#include <sstream>

#include "golden/golden_check.h"
#include "skip.h"

using namespace dealgraph;

namespace {
const std::string kDir = std::string(DEALGRAPH_SOURCE_DIR) + "/tests/diff/";

std::set<std::string> lines_set(const std::string& text) {
  std::set<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) out.insert(line);
  return out;
}
}  // namespace

TEST_CASE("ids: two months' CSV exports load into one SQLite database without collisions", "[ids][sqlite]") {
  testing::skip_test_unless(golden::have("sqlite3"), "sqlite3 not installed: the two-month load is not checked");
  const std::string dir = golden::temp_dir("ids-sqlite");
  REQUIRE(golden::dg("export --format csv --out " + dir + "/sep " + kDir + "brief-2025-09.txt") == 0);
  REQUIRE(golden::dg("export --format csv --out " + dir + "/oct " + kDir + "brief-2025-10.txt") == 0);
  std::string cmd = "cd " + dir + " && sqlite3 :memory:";
  for (const char* month : {"sep", "oct"})
    for (const char* t : {"entities", "deals", "deal_parties"})
      cmd += std::string(" -cmd '.import --csv ") + month + "/" + t + ".csv " + t + "_" + month + "'";
  auto query = [&](const std::string& sql) {
    std::string out;
    CHECK(golden::run(cmd + " \"" + sql + "\" 2>&1", &out) == 0);
    return out;
  };
  // One extract of both months: the deals and entities the database must hold.
  std::string json;
  REQUIRE(golden::dg("extract " + kDir + "brief-2025-09.txt " + kDir + "brief-2025-10.txt", &json) == 0);
  auto j = nlohmann::json::parse(json);
  std::set<std::string> deal_ids, entity_ids, parties;
  for (const auto& d : j["deals"]) {
    deal_ids.insert(d["id"].get<std::string>());
    for (const auto& p : d["parties"])
      parties.insert(d["id"].get<std::string>() + "|" + p["entity"].get<std::string>() + "|" + p["role"].get<std::string>());
  }
  for (const auto& e : j["entities"]) entity_ids.insert(e["id"].get<std::string>());
  REQUIRE(deal_ids.size() == 5);  // 3 in September, 4 in October, 2 of them in both

  CHECK(lines_set(query("SELECT \\\"id:ID(Deal)\\\" FROM deals_sep UNION SELECT \\\"id:ID(Deal)\\\" FROM deals_oct")) ==
        deal_ids);
  CHECK(lines_set(query("SELECT \\\"id:ID(Entity)\\\" FROM entities_sep UNION SELECT \\\"id:ID(Entity)\\\" FROM entities_oct")) ==
        entity_ids);
  // Joining parties over both months gives each deal its own parties, nothing more.
  CHECK(lines_set(query("SELECT \\\":START_ID(Deal)\\\" || '|' || \\\":END_ID(Entity)\\\" || '|' || role FROM deal_parties_sep "
                        "UNION SELECT \\\":START_ID(Deal)\\\" || '|' || \\\":END_ID(Entity)\\\" || '|' || role FROM deal_parties_oct")) ==
        parties);
  // The deal both months report with the same figure: one id, the same parties.
  CHECK(query("SELECT count(*) FROM deals_sep s JOIN deals_oct o ON s.\\\"id:ID(Deal)\\\" = o.\\\"id:ID(Deal)\\\" "
              "WHERE s.investor = o.investor AND s.investee = o.investee AND s.investor = 'NVIDIA'") == "1\n");
  // Every report shares its group with the other month's report of the deal.
  CHECK(query("SELECT count(*) FROM deals_sep s JOIN deals_oct o ON s.\\\"group\\\" = o.\\\"group\\\"") == "2\n");
}
