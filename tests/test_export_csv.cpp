// CSV tables: golden files, RFC 4180 and formula neutralization, BOM. The
// import into SQLite: test_export_csv_sqlite.cpp.
#include <catch2/catch.hpp>

#include "golden/fixture_corpus.h"
#include "golden/fixture_exports.h"
#include "golden/golden_check.h"
#include "export/export_csv.h"
#include "export/export_files.h"
#include "export/export_table.h"
#include "graph/filter.h"

using namespace dealgraph;
namespace fs = std::filesystem;

namespace {
std::map<std::string, std::string> tables(bool bom) { return fixture::csv_tables(bom); }
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
