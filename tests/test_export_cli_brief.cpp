// `dealgraph export` end to end over the shared sample brief
// (../shared/corpus): every format written, focus, errors. Skipped (exit 77,
// tests/skip.h) when the brief is not there; --help and usage errors are in
// test_export_cli.cpp.
#include <catch2/catch.hpp>

#include <graphviz/cgraph.h>

#include "golden/golden_check.h"
#include "skip.h"

namespace fs = std::filesystem;
using dealgraph::golden::dg;
using dealgraph::golden::run;
namespace testing = dealgraph::testing;

namespace {
const std::string kBin = DEALGRAPH_BINARY;
}  // namespace

TEST_CASE("export over the sample brief", "[cli][export][e2e]") {
  const std::string kBrief = testing::shared_brief();
  testing::skip_test_unless(fs::exists(kBrief), "no " + kBrief + ": end-to-end export not run");
  const std::string dir = dealgraph::golden::temp_dir("cli-export");
  std::string dot;
  REQUIRE(dg("export --format dot " + kBrief, &dot) == 0);
  Agraph_t* g = agmemread(dot.c_str());
  REQUIRE(g);
  agclose(g);
  std::string again;
  dg("export --format dot " + kBrief, &again);
  CHECK(again == dot);

  CHECK(dg("export --format svg --out " + dir + "/g.svg " + kBrief) == 0);
  CHECK(dealgraph::golden::read(dir + "/g.svg").find("NanumGothic") != std::string::npos);
  CHECK(dg("export --format png --out " + dir + "/g.png " + kBrief) == 0);
  CHECK(dealgraph::golden::read(dir + "/g.png").compare(0, 4, "\x89PNG") == 0);
  CHECK(dg("export --format csv --bom --out " + dir + "/tables " + kBrief) == 0);
  for (const char* t : {"entities.csv", "articles.csv", "deals.csv", "deal_parties.csv", "mentions.csv"})
    CHECK(fs::exists(dir + "/tables/" + t));
  CHECK(dg("export --format jsonld --out " + dir + "/g.jsonld " + kBrief) == 0);
  CHECK(dg("export --format graphml --out " + dir + "/g.graphml " + kBrief) == 0);
  CHECK(dg("export --format gexf --out " + dir + "/g.gexf " + kBrief) == 0);
  CHECK(dealgraph::golden::read(dir + "/g.gexf").find("timeformat=\"date\"") != std::string::npos);
  CHECK(dg("export --format html --out " + dir + "/r.html " + kBrief) == 0);
  CHECK(dealgraph::golden::read(dir + "/r.html").find("<svg") != std::string::npos);
  CHECK(dg("export --format csv --csv-safe none --out " + dir + "/raw " + kBrief) == 0);
  for (const auto& e : fs::recursive_directory_iterator(dir))
    CHECK(e.path().extension() != ".tmp");

  CHECK(dg("export --focus 엔비디아 --depth 2 " + kBrief) == 0);
  std::string err;
  CHECK(run(kBin + " export --focus Nvidai " + kBrief + " 2>&1 >/dev/null", &err) == 1);
  CHECK(err.find("unknown entity 'Nvidai'; did you mean:") != std::string::npos);
  // Writing under a missing directory fails cleanly: exit 1, nothing left.
  CHECK(dg("export --out " + dir + "/no/such/g.dot " + kBrief) == 1);
  CHECK_FALSE(fs::exists(dir + "/no"));
  fs::remove_all(dir);
}
