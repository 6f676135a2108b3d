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
                          "--min-amount", "--status", "--no-chips", "--bom", "--rules", "--dict", "--ref", "--help"})
    CHECK(help.find(opt) != std::string::npos);
  for (const char* fmt : {"dot", "svg", "png", "pdf", "jsonld", "csv", "graphml"})
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
}
