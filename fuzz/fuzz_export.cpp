// Fuzz target: every exporter on the graph built from fuzzed input — JSON,
// JSON-LD, GraphML, CSV tables and DOT (cgraph; the SVG layout is left to the
// test suite, it costs a second an input). Each output must parse back where
// a parser is at hand (JSON, JSON-LD).
#include <nlohmann/json.hpp>

#include "export/export_csv.h"
#include "export/export_dot.h"
#include "export/export_graphml.h"
#include "export/export_jsonld.h"
#include "export/json_output.h"
#include "fuzz_common.h"
#include "graph/filter.h"
#include "graph/graph.h"
#include "graph/link.h"

using namespace dealgraph;

// Loads before the first input, so its time is not taken for a slow input.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::pipeline();
  fuzz::schema();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Corpus corpus;
  if (!fuzz::pipeline().add_file("fuzz.txt", fuzz::bytes(data, size), &corpus)) return 0;
  link_reports(&corpus);
  const DealGraph g = DealGraph::build(corpus, fuzz::schema());
  auto view = select(g, Filter{}, /*everything_when_unfiltered=*/true);
  fuzz::check(static_cast<bool>(view), "an unfiltered selection never fails");
  fuzz::check(nlohmann::json::accept(dump(to_jsonld(g, *view), true)), "JSON-LD is valid JSON");
  (void)to_graphml(g, *view);
  (void)to_csv_tables(g, *view, /*bom=*/true);
  auto dot = render_diagram(g, *view, "dot");
  fuzz::check(static_cast<bool>(dot), "DOT renders");
  return 0;
}
