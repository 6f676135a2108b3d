// `dealgraph query` as a program: --help and usage errors. The investments
// contract over the shared sample brief: test_query_cli_brief.cpp.
#include <catch2/catch.hpp>

#include "golden/golden_check.h"

using dealgraph::golden::dg;
using dealgraph::golden::run;

TEST_CASE("query --help lists every subcommand and option", "[cli][query]") {
  std::string help;
  REQUIRE(dg("query --help", &help) == 0);
  for (const char* s : {"investments", "investors-of", "investees-of", "deals", "partners-of", "path", "top",
                        "--format", "--party", "--by", "--limit", "--type", "--status", "--since", "--until", "--min-amount",
                        "--rules", "--dict", "--ref", "--help", "exit codes"})
    CHECK(help.find(s) != std::string::npos);
  std::string again;
  CHECK(dg("query investments --help", &again) == 0);
  CHECK(again == help);
}

TEST_CASE("query usage errors exit 2", "[cli][query]") {
  CHECK(dg("query") == 2);
  CHECK(dg("query whatever /dev/null") == 2);
  CHECK(dg("query investors-of") == 2);
  CHECK(dg("query path A") == 2);
  CHECK(dg("query investments --format xml /dev/null") == 2);
  CHECK(dg("query investments --party X /dev/null") == 2);
  CHECK(dg("query top --by size /dev/null") == 2);
  CHECK(dg("query top --limit 0 /dev/null") == 2);
  CHECK(dg("query investments") == 2);  // no input
}
