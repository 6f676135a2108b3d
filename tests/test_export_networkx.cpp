// GraphML and GEXF read back by networkx (tests/networkx/check_graphs.py):
// typed numbers, sums over company-to-company deal edges, time intervals.
// Skipped (exit 77, tests/skip.h) when python3 or networkx is missing.
#include <catch2/catch.hpp>

#include "export/export_gexf.h"
#include "export/export_graphml.h"
#include "golden/fixture_exports.h"
#include "golden/golden_check.h"
#include "skip.h"

using namespace dealgraph;
namespace fs = std::filesystem;

TEST_CASE("export graphml and gexf: read by networkx", "[export][graphml][gexf][networkx]") {
  testing::skip_test_unless(golden::have("python3") && golden::run("python3 -c 'import networkx' 2>/dev/null") == 0,
                            "python3 with networkx not installed: GraphML and GEXF not read back");
  const std::string dir = golden::temp_dir("networkx");
  golden::write(dir + "/g.graphml", to_graphml(fixture::graph(), fixture::everything()));
  golden::write(dir + "/g.gexf", to_gexf(fixture::graph(), fixture::everything()));
  std::string out;
  const int rc = golden::run("python3 " + std::string(DEALGRAPH_SOURCE_DIR) + "/tests/networkx/check_graphs.py " +
                                 dir + "/g.graphml " + dir + "/g.gexf 2>&1",
                             &out);
  INFO(out);
  CHECK(rc == 0);
  fs::remove_all(dir);
}
