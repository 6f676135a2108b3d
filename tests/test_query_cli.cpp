// `dealgraph query` as a program: --help, exit codes, and the investments
// contract over the shared sample brief when it is there.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "golden/golden_check.h"

namespace fs = std::filesystem;
using dealgraph::golden::run;

namespace {
const std::string kBin = DEALGRAPH_BINARY;
const std::string kBrief = std::string(DEALGRAPH_SOURCE_DIR) + "/../shared/corpus/kasic-brief-2026-03.txt";

int dg(const std::string& args, std::string* out = nullptr) {
  return run(kBin + " " + args + (out ? " 2>/dev/null" : " >/dev/null 2>&1"), out);
}
}  // namespace

TEST_CASE("query --help lists every subcommand and option", "[cli][query]") {
  std::string help;
  REQUIRE(dg("query --help", &help) == 0);
  for (const char* s : {"investments", "investors-of", "investees-of", "deals", "partners-of", "path", "top",
                        "--format", "--party", "--by", "--limit", "--type", "--since", "--until", "--min-amount",
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

TEST_CASE("query over the sample brief", "[cli][query][e2e]") {
  if (!fs::exists(kBrief)) {
    WARN("no " << kBrief << ": end-to-end query not run");
    return;
  }
  std::string out;
  REQUIRE(dg("query investments --format json " + kBrief, &out) == 0);
  auto j = nlohmann::json::parse(out);
  REQUIRE(j.is_array());
  for (const auto& row : j) {
    CHECK(row.size() == 4);
    CHECK(row["investor"].is_string());
    CHECK(row["investee"].is_string());
    CHECK(row["deals"].is_array());
    CHECK((row["amount"].is_null() || row["amount"].is_object()));
  }
  std::string table;
  CHECK(dg("query investments " + kBrief, &table) == 0);
  CHECK(table.rfind("investor", 0) == 0);
  CHECK(dg("query top --by amount --limit 3 --format csv " + kBrief, &out) == 0);
  CHECK(out.rfind("rank,name,type,deals,amount (USD)\r\n", 0) == 0);

  std::string err;
  CHECK(run(kBin + " query investors-of Nvidai " + kBrief + " 2>&1 >/dev/null", &err) == 1);
  CHECK(err.find("unknown entity 'Nvidai'") != std::string::npos);
  CHECK(dg("query investees-of 엔비디아 " + kBrief) == 0);
}
