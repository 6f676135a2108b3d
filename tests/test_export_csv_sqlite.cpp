// CSV tables imported into SQLite (`sqlite3 .import --csv`): counts, names,
// quoting and numbers survive. Skipped (exit 77, tests/skip.h) without
// sqlite3 on PATH; the tables themselves are checked in test_export_csv.cpp.
#include <catch2/catch.hpp>

#include "golden/fixture_corpus.h"
#include "golden/fixture_exports.h"
#include "golden/golden_check.h"
#include "skip.h"
#include "export/export_csv.h"
#include "export/export_files.h"
#include "graph/filter.h"

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
