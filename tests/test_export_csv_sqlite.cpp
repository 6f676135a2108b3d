// CSV tables imported into SQLite (`sqlite3 .import --csv`): counts, names,
// quoting and numbers survive. Skipped (exit 77, tests/skip.h) without
// sqlite3 on PATH; the tables themselves are checked in test_export_csv.cpp.
#include <catch2/catch.hpp>

#include "golden/fixture_corpus.h"
#include "golden/fixture_exports.h"
#include "golden/golden_check.h"
#include "skip.h"
#include "sqlite_totals.h"
#include "export/export_csv.h"
#include "export/export_files.h"
#include "graph/filter.h"
#include "graph/query.h"

using namespace dealgraph;
namespace fs = std::filesystem;

namespace {
std::map<std::string, std::string> tables(bool bom) { return fixture::csv_tables(bom); }
}  // namespace

TEST_CASE("export csv: the tables import into SQLite", "[export][csv][sqlite]") {
  testing::skip_test_unless(golden::have("sqlite3"), "sqlite3 not installed: import not checked");
  const std::string dir = golden::temp_dir("csv");
  REQUIRE(write_dir_atomic(dir, tables(false)));
  std::string cmd = "cd " + dir + " && sqlite3 :memory:";
  for (const char* t : {"entities", "articles", "deals", "deal_parties", "mentions"})
    cmd += std::string(" -cmd '.import --csv ") + t + ".csv " + t + "'";
  auto query = [&](const std::string& sql) {
    std::string out;
    CHECK(golden::run(cmd + " \"" + sql + "\" 2>&1", &out) == 0);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
  };
  CHECK(query("SELECT count(*) FROM entities") == "9");
  CHECK(query("SELECT count(*) FROM articles") == "2");
  CHECK(query("SELECT count(*) FROM deals") == "6");
  CHECK(query("SELECT count(*) FROM deal_parties") == "14");
  CHECK(query("SELECT count(*) FROM mentions") == "12");
  CHECK(query("SELECT name FROM entities WHERE \\\"id:ID(Entity)\\\" = 'org:samsung-electronics'") == "삼성전자");
  CHECK(query("SELECT investor FROM deals WHERE \\\"id:ID(Deal)\\\" = 'D1'") == "NVIDIA");
  CHECK(query("SELECT partner FROM deals WHERE \\\"id:ID(Deal)\\\" = 'D2'") ==
            "Meta; \"Q\" Labs \\ R&D <AI>\n큐랩스; 삼성전자");
  CHECK(query("SELECT \\\"amount:double\\\" * 2 FROM deals WHERE \\\"id:ID(Deal)\\\" = 'D1'") == "4000000000");
  CHECK(query("SELECT \\\"capacity_gw:double\\\" FROM deals WHERE \\\"id:ID(Deal)\\\" = 'D3'") == "6");
  fs::remove_all(dir);
}

// The SQLite recipe of docs/outputs.md (docs/sql/usd_by_party.sql, run as
// it is): --csv-safe none, then the sum of amount_usd per party equals
// `query top --by amount` (both leave failed deals out; each deal group
// counted once per party, with the group's figure). The fixture's deal
// reported twice (D1, D4) states its amount in one report only; the
// two-month briefs of test_export_sql_groups.cpp state it in both.
TEST_CASE("export csv: SQLite sums of amount_usd equal query top --by amount", "[export][csv][sqlite][bi]") {
  testing::skip_test_unless(golden::have("sqlite3"), "sqlite3 not installed: import not checked");
  const std::string dir = golden::temp_dir("csv-bi");
  REQUIRE(write_dir_atomic(dir, to_csv_tables(fixture::graph(), fixture::everything(),
                                              CsvOptions{false, CsvSafe::None})));
  std::string cmd = "cd " + dir + " && sqlite3 :memory:";
  for (const char* t : {"deals", "deal_parties"})
    cmd += std::string(" -cmd '.import --csv ") + t + ".csv " + t + "'";
  auto query = [&](const std::string& sql) {
    std::string out;
    CHECK(golden::run(cmd + " \"" + sql + "\" 2>&1", &out) == 0);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
  };
  // none: the evidence is stored as written, no apostrophe
  CHECK(query("SELECT substr(evidence, 1, 10) FROM deals WHERE \\\"id:ID(Deal)\\\" = 'D6'") == "=HYPERLINK");
  CHECK(query("SELECT typeof(\\\"amount_usd:double\\\" + 0) FROM deals WHERE \\\"id:ID(Deal)\\\" = 'D1'") ==
        "integer");
  // the two reports of one deal carry its group's figure and status
  CHECK(query("SELECT \\\"group_amount_usd:double\\\", group_status FROM deals WHERE \\\"id:ID(Deal)\\\" IN ('D1', 'D4')") ==
        "2000000000|signed\n2000000000|signed");
  std::string sums;
  CHECK(golden::run("cd " + dir + " && sqlite3 :memory: < " + std::string(DEALGRAPH_SOURCE_DIR) +
                        "/docs/sql/usd_by_party.sql 2>&1",
                    &sums) == 0);
  fs::remove_all(dir);
  Filter f;
  f.statuses = {"signed", "planned", "reported", "negotiating", ""};  // the query's default: all but failed
  auto top = query_top(fixture::graph(), TopBy::Amount, 100, f);
  REQUIRE(top);
  std::map<std::string, double> expected;
  for (const auto& row : top->json)
    if (row["amount_usd"].get<double>() > 0) expected[row["entity"]] = row["amount_usd"];
  const std::map<std::string, double> got = testing::sqlite_totals(sums);
  REQUIRE(got.size() == expected.size());
  CHECK(got.size() == 6);  // NVIDIA, Coherent, Meta, Google, 삼성전자, "Q" Labs
  for (const auto& [id, usd] : expected) {
    INFO(id);
    REQUIRE(got.count(id));
    CHECK(got.at(id) == Approx(usd).epsilon(1e-9));
  }
}
