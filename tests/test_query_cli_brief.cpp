// `dealgraph query` end to end over the shared sample brief
// (../shared/corpus): the investments contract, tables, errors. Skipped
// (exit 77, tests/skip.h) when the brief is not there; --help and usage
// errors are in test_query_cli.cpp.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "golden/golden_check.h"
#include "skip.h"

namespace fs = std::filesystem;
using dealgraph::golden::dg;
using dealgraph::golden::run;
namespace testing = dealgraph::testing;

namespace {
const std::string kBin = DEALGRAPH_BINARY;
}  // namespace

TEST_CASE("query over the sample brief", "[cli][query][e2e]") {
  const std::string kBrief = testing::shared_brief();
  testing::skip_test_unless(fs::exists(kBrief), "no " + kBrief + ": end-to-end query not run");
  std::string out;
  REQUIRE(dg("query investments --format json " + kBrief, &out) == 0);
  auto j = nlohmann::json::parse(out);
  REQUIRE(j.is_array());
  for (const auto& row : j) {
    CHECK(row.size() == 7);  // the contract's four keys and the added status, amount_usd, amount_label
    CHECK((row["amount_usd"].is_null() || row["amount_usd"].is_number()));
    CHECK((row["status"].is_null() || row["status"] != "failed"));  // failed deals only with --status
    CHECK(row["investor"].is_string());
    CHECK(row["investee"].is_string());
    CHECK(row["deals"].is_array());
    CHECK((row["amount"].is_null() || row["amount"].is_object()));
  }
  std::string table;
  CHECK(dg("query investments " + kBrief, &table) == 0);
  CHECK(table.rfind("investor", 0) == 0);
  CHECK(dg("query top --by amount --limit 3 --format csv " + kBrief, &out) == 0);
  CHECK(out.rfind("rank,name,entity,type,deals,amount_usd\r\n", 0) == 0);  // numbers as numbers
  CHECK(out.find("$") == std::string::npos);
  CHECK(dg("query investments --format csv --csv-safe none " + kBrief, &out) == 0);
  CHECK(out.find(",amount_usd,") != std::string::npos);

  std::string err;
  CHECK(run(kBin + " query investors-of Nvidai " + kBrief + " 2>&1 >/dev/null", &err) == 1);
  CHECK(err.find("unknown entity 'Nvidai'") != std::string::npos);
  CHECK(dg("query investees-of 엔비디아 " + kBrief) == 0);
}
