// The SQL recipe of docs/outputs.md (docs/sql/usd_by_party.sql) against
// `dealgraph query top --by amount`, on two months of briefs that report the
// same deals twice (tests/diff/: NVIDIA's $5B in Intel in both months,
// Microsoft's Nebius lease at $17.4B and then $19.4B). Summing reports would
// count those deals twice; the recipe counts each deal group once, with the
// group's own figure, and must give query top's totals, party by party.
// Skipped (exit 77, tests/skip.h) without sqlite3.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>

#include "golden/golden_check.h"
#include "skip.h"
#include "sqlite_totals.h"

using namespace dealgraph;

namespace {
const std::string kSrc = DEALGRAPH_SOURCE_DIR;
const std::string kBriefs = kSrc + "/tests/diff/brief-2025-09.txt " + kSrc + "/tests/diff/brief-2025-10.txt";
const std::string kRecipe = kSrc + "/docs/sql/usd_by_party.sql";

// sqlite3 over the tables in `dir`: the output of `sql` (a string of SQL and
// dot-commands fed on standard input).
std::string sqlite(const std::string& dir, const std::string& sql_file) {
  std::string out;
  CHECK(golden::run("cd " + dir + " && sqlite3 :memory: < " + sql_file + " 2>&1", &out) == 0);
  return out;
}

// query top --by amount as entity → amount_usd, parties with a figure only.
std::map<std::string, double> top_by_amount(const std::string& inputs) {
  std::string json;
  REQUIRE(golden::dg("query top --by amount --limit 1000 --format json " + inputs, &json) == 0);
  std::map<std::string, double> out;
  for (const auto& row : nlohmann::json::parse(json)) {
    REQUIRE(row["amount_usd"].is_number());
    if (row["amount_usd"].get<double>() > 0) out[row["entity"]] = row["amount_usd"];
  }
  return out;
}

void check_equal(const std::map<std::string, double>& sql, const std::map<std::string, double>& top) {
  REQUIRE(sql.size() == top.size());
  for (const auto& [id, usd] : top) {
    INFO(id);
    REQUIRE(sql.count(id));
    CHECK(sql.at(id) == Approx(usd).epsilon(1e-9));
  }
}
}  // namespace

TEST_CASE("sql: the documented recipe sums each deal once and equals query top --by amount", "[export][csv][sqlite][bi]") {
  testing::skip_test_unless(golden::have("sqlite3"), "sqlite3 not installed: the SQL recipe is not checked");
  const std::string dir = golden::temp_dir("sql-groups");
  REQUIRE(golden::dg("export --format csv --csv-safe none --out " + dir + " " + kBriefs) == 0);

  // The test data matters: NVIDIA's investment is two rows of one group, and
  // a sum over rows would say $10B.
  const std::string probe = dir + "/probe.sql";
  golden::write(probe,
                ".import --csv deals.csv deals\n"
                "SELECT count(*), count(DISTINCT \"group\"), SUM(\"amount_usd:double\" + 0) FROM deals "
                "WHERE investor = 'NVIDIA';\n"
                "SELECT count(*), count(DISTINCT \"group\") FROM deals WHERE lessee = 'Microsoft';\n");
  CHECK(sqlite(dir, probe) == "2|1|10000000000\n2|1\n");

  const std::map<std::string, double> sql = testing::sqlite_totals(sqlite(dir, kRecipe));
  const std::map<std::string, double> top = top_by_amount(kBriefs);
  check_equal(sql, top);
  CHECK(top.at("org:nvidia") == Approx(5e9));
  CHECK(top.at("org:microsoft") == Approx(17.4e9));  // the group's first stated figure (graph/groups.h)
  std::filesystem::remove_all(dir);
}
