// CSV tables: golden files, RFC 4180 and formula neutralization, BOM, and an
// import into SQLite (`sqlite3 .import --csv`).
#include <catch2/catch.hpp>

#include "golden/fixture_corpus.h"
#include "golden/golden_check.h"
#include "export/export_csv.h"
#include "export/export_files.h"
#include "export/export_table.h"
#include "graph/filter.h"

using namespace dealgraph;
namespace fs = std::filesystem;

namespace {
std::map<std::string, std::string> tables(bool bom) {
  static const Corpus c = fixture::corpus();
  static const DealGraph g = DealGraph::build(c);
  auto v = select(g, Filter{}, true);
  REQUIRE(v);
  return to_csv_tables(g, *v, bom);
}
}  // namespace

TEST_CASE("csv cells: quoting and formula neutralization", "[export][csv]") {
  CHECK(csv_text("plain") == "plain");
  CHECK(csv_text("a,b") == "\"a,b\"");
  CHECK(csv_text("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_text("two\nlines") == "\"two\nlines\"");
  CHECK(csv_text("=1+2") == "'=1+2");
  CHECK(csv_text("+82 2") == "'+82 2");
  CHECK(csv_text("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_text("-cmd") == "'-cmd");
  CHECK(csv_text("\tx") == "'\tx");
  CHECK(csv_text("-5") == "-5");      // a plain negative number stays a number
  CHECK(csv_text("-0.25") == "-0.25");
  CHECK(csv_text("-1+2") == "'-1+2");
  CHECK(csv_text("엔비디아") == "엔비디아");
  CHECK(csv_number(2e9) == "2000000000");
  CHECK(csv_number(std::nullopt).empty());
  CHECK(csv_line({"a", "b"}) == "a,b\r\n");
}

TEST_CASE("export csv: golden tables", "[export][csv]") {
  auto files = tables(false);
  REQUIRE(files.size() == 5);
  for (const auto& [name, text] : files) golden::check_golden("csv/" + name, text);
  CHECK(tables(false) == files);  // byte-identical on a second run
  for (const auto& [name, text] : tables(true)) {
    CHECK(text.compare(0, 3, "\xEF\xBB\xBF") == 0);
    CHECK(text.substr(3) == files[name]);
  }
  // The formula-looking evidence is neutralized, the quotes doubled.
  CHECK(files["deals.csv"].find(",\"'=HYPERLINK(\"\"x\"\") 삼성전자") != std::string::npos);
}

TEST_CASE("export csv: the tables import into SQLite", "[export][csv][sqlite]") {
  if (!golden::have("sqlite3")) {
    WARN("sqlite3 not installed: import not checked");
    return;
  }
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

TEST_CASE("query tables as CSV and aligned text", "[export][table]") {
  Table t{{"name", "deals"}, {{"엔비디아", "2"}, {"AMD", "10"}}, {false, true}};
  CHECK(display_width("엔비디아") == 8);
  CHECK(display_width("AMD") == 3);
  CHECK(display_width("e\xCC\x81") == 1);  // e + combining acute
  CHECK(render_text(t) ==
        "name      deals\n"
        "--------  -----\n"
        "엔비디아      2\n"
        "AMD          10\n");
  CHECK(render_csv(t) == "name,deals\r\n엔비디아,2\r\nAMD,10\r\n");
}
