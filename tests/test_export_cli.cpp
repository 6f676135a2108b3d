// `dealgraph export` as a program: --help and usage errors. The run over the
// shared sample brief: test_export_cli_brief.cpp.
#include <catch2/catch.hpp>

#include "golden/golden_check.h"

using dealgraph::golden::dg;
using dealgraph::golden::run;

TEST_CASE("export --help lists every option", "[cli][export]") {
  std::string help;
  REQUIRE(dg("export --help", &help) == 0);
  for (const char* opt : {"--format", "--out", "--focus", "--depth", "--type", "--since", "--until",
                          "--min-amount", "--status", "--no-chips", "--bom", "--csv-safe", "--dpi", "--rules", "--dict",
                          "--ref", "--help"})
    CHECK(help.find(opt) != std::string::npos);
  for (const char* fmt : {"dot", "svg", "png", "pdf", "html", "jsonld", "csv", "graphml", "gexf"})
    CHECK(help.find(fmt) != std::string::npos);
  CHECK(help.find("exit codes") != std::string::npos);
}

TEST_CASE("export usage errors exit 2", "[cli][export]") {
  const std::string f = "/dev/null";
  CHECK(dg("export --format gif " + f) == 2);
  CHECK(dg("export --format csv " + f) == 2);             // csv needs --out DIR
  CHECK(dg("export --bom " + f) == 2);                    // --bom is for csv
  CHECK(dg("export --depth 2 " + f) == 2);                // --depth needs --focus
  CHECK(dg("export --type buyout " + f) == 2);
  CHECK(dg("export --since 2026/01 " + f) == 2);
  CHECK(dg("export --min-amount lots " + f) == 2);
  CHECK(dg("export --frobnicate " + f) == 2);
  CHECK(dg("export") == 2);                               // no input
  CHECK(dg("export --format csv --out /tmp/x --csv-safe off " + f) == 2);
  CHECK(dg("export --format svg --csv-safe none " + f) == 2);  // --csv-safe is for csv
  CHECK(dg("export --format svg --dpi 300 " + f) == 2);        // --dpi is for png
  CHECK(dg("export --format png --out /tmp/x.png --dpi 7 " + f) == 2);
}

TEST_CASE("export: a diagram with nothing to draw is a message and exit 1", "[cli][export]") {
  const std::string dir = dealgraph::golden::temp_dir("export-empty");
  const std::string brief = dir + "/brief.txt";
  dealgraph::golden::write(brief, "Quiet month\n\nNothing happened in the chip market this month.\n");
  std::string err;
  CHECK(run(std::string(DEALGRAPH_BINARY) + " export --format svg --out " + dir + "/x.svg " + brief + " 2>&1",
            &err) == 1);
  CHECK(err.find("nothing to draw: the input has no deals") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir + "/x.svg"));
  CHECK(dg("export --format html --out " + dir + "/x.html " + brief) == 1);
  CHECK(dg("export --format graphml " + brief) == 0);  // data formats write an empty graph
  std::filesystem::remove_all(dir);
}
