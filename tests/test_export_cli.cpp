// `dealgraph export` as a program: --help, exit codes, files written; and a
// run over the shared sample brief when it is there.
#include <catch2/catch.hpp>

#include <graphviz/cgraph.h>

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

TEST_CASE("export --help lists every option", "[cli][export]") {
  std::string help;
  REQUIRE(dg("export --help", &help) == 0);
  for (const char* opt : {"--format", "--out", "--focus", "--depth", "--type", "--since", "--until",
                          "--min-amount", "--no-chips", "--bom", "--rules", "--dict", "--ref", "--help"})
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

TEST_CASE("export over the sample brief", "[cli][export][e2e]") {
  if (!fs::exists(kBrief)) {
    WARN("no " << kBrief << ": end-to-end export not run");
    return;
  }
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
