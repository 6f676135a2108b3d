// tests/golden/fixture_exports.h — the fixture corpus (fixture_corpus.h) as
// the exporters see it: its graph, every deal selected, and the CSV tables
// and JSON-LD text made from them, shared by the export tests.
#pragma once

#include <map>
#include <string>

#include "export/export_csv.h"
#include "export/export_jsonld.h"
#include "export/json_output.h"
#include "golden/fixture_corpus.h"
#include "graph/filter.h"

namespace dealgraph::fixture {

inline const DealGraph& graph() {
  static const Corpus c = corpus();
  static const DealGraph g = DealGraph::build(c);
  return g;
}

// Every entity and deal of the fixture (the filter selects all).
inline View everything() {
  auto v = select(graph(), Filter{}, true);
  REQUIRE(v);
  return *v;
}

inline std::map<std::string, std::string> csv_tables(bool bom) { return to_csv_tables(graph(), everything(), bom); }

inline std::string jsonld_text() { return dump(to_jsonld(graph(), everything()), true); }

}  // namespace dealgraph::fixture
