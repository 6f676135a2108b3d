// The exported DOT laid out by the `dot` tool: no complaint on stderr, and
// well-formed SVG out. Skipped (exit 77, tests/skip.h) without dot on PATH;
// the DOT itself (golden, cgraph) is checked in test_export.cpp.
#include <catch2/catch.hpp>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include "golden/fixture_corpus.h"
#include "golden/golden_check.h"
#include "skip.h"
#include "export/export_dot.h"
#include "graph/filter.h"

using namespace dealgraph;
namespace fs = std::filesystem;

TEST_CASE("export dot: laid out by the dot tool", "[export][dot][tool]") {
  testing::skip_test_unless(golden::have("dot"), "dot not installed: DOT not rendered by the dot tool");
  const Corpus c = fixture::corpus();
  const DealGraph g = DealGraph::build(c);
  auto v = select(g, Filter{}, false);
  REQUIRE(v);
  auto dot = render_diagram(g, *v, "dot");
  REQUIRE(dot);

  const std::string dir = golden::temp_dir("dot");
  golden::write(dir + "/g.dot", *dot);
  std::string svg;
  CHECK(golden::run("dot -Tsvg " + dir + "/g.dot 2>" + dir + "/err", &svg) == 0);
  CHECK(golden::read(dir + "/err").empty());
  // Well-formed XML, or a Catch failure naming the parser's complaint.
  std::istringstream in(svg);
  boost::property_tree::ptree t;
  REQUIRE_NOTHROW(boost::property_tree::read_xml(in, t));
  fs::remove_all(dir);
}
