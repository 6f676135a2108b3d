// Hostile names (issue 18, item 5): quotes, backslashes, newlines, <script>,
// ]]>, control characters, bidi overrides and spreadsheet formula prefixes
// stay data in every export — JSON, JSON-LD, GraphML, CSV, DOT and SVG —
// read back by each format's real parser: python3's json, xml.etree and csv
// (tests/hostile/check_names.py), the dot tool for DOT, node for JSON-LD.
// Needs dot, python3 and node: skipped without them (tests/skip.h).
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "extractor/entities/dictionary.h"
#include "export/export_csv.h"
#include "export/export_dot.h"
#include "export/export_files.h"
#include "export/export_graphml.h"
#include "export/export_jsonld.h"
#include "export/json_output.h"
#include "golden/golden_check.h"
#include "graph/filter.h"
#include "graph/graph.h"
#include "skip.h"

using namespace dealgraph;
namespace fs = std::filesystem;

namespace {

// Every hostile name of the issue, one entity each.
const std::vector<std::string> kNames = {
    "\"Quoted\" Holdings",
    "Back\\slash \\N \\G \\n Corp",  // Graphviz reads \N, \G, \n in labels
    "New\nLine Ltd",
    "<script>alert(1)</script> Inc",
    "]]> CDATA <![CDATA[ end",
    "Ctl\x01\x07\x1b[31m Co",
    "Evil\xE2\x80\xAEgnp.exe Labs",          // U+202E RIGHT-TO-LEFT OVERRIDE
    "\xE2\x81\xA6Isolated\xE2\x81\xA9 AI",   // U+2066 LRI ... U+2069 PDI
    "=HYPERLINK(\"http://x\",\"y\")",
    "+1 Semiconductor",
    "@SUM(A1) Partners",
    "-2 Foundry",
    "Tab\tStart",
    "&amp; &lt;not an entity&gt; {brace} ->edge; }",
    "엔비디아\"코리아 <테스트>",
};

Corpus hostile_corpus() {
  Corpus c;
  Article a;
  a.id = "A1";
  a.source = "hostile.txt";
  a.headline = kNames[3] + " " + kNames[6];
  a.date = "2026-03-02";
  a.url = "https://example.com/a?x=<b>&y=\"1\"";
  a.span = {0, 100};
  c.articles = {a};
  for (size_t i = 0; i < kNames.size(); ++i) {
    Entity e;
    // the id as the dictionary derives it (non-ASCII kept: bidi controls too), made unique
    e.id = entity_id(EntityType::Organization, kNames[i]) + "-" + std::to_string(i);
    e.type = EntityType::Organization;
    e.name = kNames[i];
    e.aliases = {kNames[(i + 1) % kNames.size()]};
    e.mentions = {Mention{"A1", Span{i, i + 1}, kNames[i], "dictionary"}};
    c.entities[e.id] = e;
  }
  // a chain of deals, so every name is a party and shows in the diagram
  std::vector<std::string> ids;
  for (const auto& [id, e] : c.entities) ids.push_back(id);
  for (size_t i = 0; i + 1 < ids.size(); ++i) {
    Deal d;
    d.id = "D" + std::to_string(i + 1);
    d.type = DealType::Investment;
    d.article = "A1";
    d.parties = {{ids[i + 1], "investee"}, {ids[i], "investor"}};
    d.amount = Money{Amount{1e9, std::nullopt, std::nullopt, Qualifier::Exact}, "USD", ""};
    d.evidence = {{0, 10}, kNames[i] + " invested in " + kNames[i + 1]};
    d.rule = "deal.en.investment";
    c.deals.push_back(d);
  }
  return c;
}

void save(const std::string& path, const std::string& data) { REQUIRE(write_file_atomic(path, data)); }

}  // namespace

TEST_CASE("hostile names stay data in every export, read by real parsers", "[hostile][export][tool]") {
  using dealgraph::testing::skip_test_unless;
  skip_test_unless(golden::have("dot"), "dot not installed");
  skip_test_unless(golden::have("python3"), "python3 not installed");
  const std::string dir = golden::temp_dir("hostile-names");
  const Corpus c = hostile_corpus();
  const DealGraph g = DealGraph::build(c, Schema::builtin());
  auto v = select(g, Filter{}, /*everything_when_unfiltered=*/true);
  REQUIRE(v);

  save(dir + "/names.json", nlohmann::json(kNames).dump());
  save(dir + "/graph.json", dump(to_json(c), true));
  save(dir + "/graph.jsonld", dump(to_jsonld(g, *v), true));
  save(dir + "/graph.graphml", to_graphml(g, *v));
  REQUIRE(write_dir_atomic(dir + "/tables", to_csv_tables(g, *v, /*bom=*/true)));
  auto dot = render_diagram(g, *v, "dot");
  REQUIRE(dot);
  save(dir + "/graph.dot", *dot);
  auto svg = render_diagram(g, *v, "svg");
  REQUIRE(svg);
  save(dir + "/diagram.svg", *svg);

  // the dot tool reads our DOT without a complaint and lays it out
  std::string err;
  CHECK(golden::run("dot -Tsvg -o " + dir + "/dot.svg " + dir + "/graph.dot 2>&1", &err) == 0);
  CHECK(err.empty());
  std::string out;
  const int rc = golden::run("python3 " + std::string(DEALGRAPH_SOURCE_DIR) + "/tests/hostile/check_names.py " +
                                 dir + " 2>&1",
                             &out);
  INFO(out);
  CHECK(rc == 0);
  // node's JSON.parse reads the JSON-LD too, where node is installed
  if (golden::have("node")) {
    CHECK(golden::run("node -e 'JSON.parse(require(\"fs\").readFileSync(process.argv[1], \"utf8\"))' " + dir +
                          "/graph.jsonld 2>&1",
                      &out) == 0);
  }
  fs::remove_all(dir);
}
