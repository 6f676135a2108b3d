// Content ids across monthly exports (issue 17): two briefs exported to CSV
// separately and loaded into one SQLite database give each deal and entity
// once, with the right parties — the deals both months report share an id,
// no id names two different deals. Skipped without sqlite3.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <map>
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
  // Each month's own graph: what the database must hold, deal by deal.
  std::set<std::string> deal_ids, entity_ids, parties;
  std::map<std::string, std::set<std::string>> parties_of;  // deal id -> "entity|role", per month
  for (const char* month : {"brief-2025-09.txt", "brief-2025-10.txt"}) {
    std::string json;
    REQUIRE(golden::dg("extract " + kDir + month, &json) == 0);
    auto j = nlohmann::json::parse(json);
    for (const auto& d : j["deals"]) {
      const std::string id = d["id"].get<std::string>();
      std::set<std::string> ps;
      for (const auto& p : d["parties"]) ps.insert(p["entity"].get<std::string>() + "|" + p["role"].get<std::string>());
      // The same id in both months is the same deal: the same parties.
      if (deal_ids.count(id)) CHECK(parties_of[id] == ps);
      parties_of[id] = ps;
      deal_ids.insert(id);
      for (const auto& p : ps) parties.insert(id + "|" + p);
    }
    for (const auto& e : j["entities"]) entity_ids.insert(e["id"].get<std::string>());
  }
  REQUIRE(deal_ids.size() == 5);  // 3 in September, 4 in October, 2 of them in both

  CHECK(lines_set(query("SELECT \\\"id:ID(Deal)\\\" FROM deals_sep UNION SELECT \\\"id:ID(Deal)\\\" FROM deals_oct")) ==
        deal_ids);
  CHECK(lines_set(query("SELECT \\\"id:ID(Entity)\\\" FROM entities_sep UNION SELECT \\\"id:ID(Entity)\\\" FROM entities_oct")) ==
        entity_ids);
  // Joining parties over both months gives each deal its own parties, nothing more
  // (deal_parties also lists products, role 'product').
  CHECK(lines_set(query("SELECT \\\":START_ID(Deal)\\\" || '|' || \\\":END_ID(Entity)\\\" || '|' || role FROM deal_parties_sep WHERE role != 'product' "
                        "UNION SELECT \\\":START_ID(Deal)\\\" || '|' || \\\":END_ID(Entity)\\\" || '|' || role FROM deal_parties_oct WHERE role != 'product'")) ==
        parties);
  // The deal both months report with the same figure: one id, the same parties.
  CHECK(query("SELECT count(*) FROM deals_sep s JOIN deals_oct o ON s.\\\"id:ID(Deal)\\\" = o.\\\"id:ID(Deal)\\\" "
              "WHERE s.investor = o.investor AND s.investee = o.investee AND s.investor = 'NVIDIA'") == "1\n");
  // Every report shares its group with the other month's report of the deal.
  CHECK(query("SELECT count(*) FROM deals_sep s JOIN deals_oct o ON s.\\\"group\\\" = o.\\\"group\\\"") == "2\n");
}
