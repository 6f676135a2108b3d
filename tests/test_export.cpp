// Labels, filters, the diagram (DOT/SVG/PNG/PDF) and GraphML, on the
// hand-made corpus of tests/golden/fixture_corpus.h. The DOT laid out by the
// dot tool: test_export_dot_tool.cpp.
#include <catch2/catch.hpp>

#include <graphviz/cgraph.h>

#include <regex>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include "golden/fixture_corpus.h"
#include "golden/golden_check.h"
#include "export/export_dot.h"
#include "export/export_files.h"
#include "export/export_gexf.h"
#include "export/export_graphml.h"
#include "graph/filter.h"
#include "graph/labels.h"

using namespace dealgraph;
namespace fs = std::filesystem;

namespace {

Money money(std::optional<double> v, std::optional<double> lo, std::optional<double> hi, Qualifier q,
            const std::string& cur) {
  return Money{Amount{v, lo, hi, q}, cur, ""};
}

std::set<std::string> lead_ids(const View& v) {
  std::set<std::string> out;
  for (const auto& g : v.groups) out.insert(g.lead->id);
  return out;
}

View view_of(const DealGraph& g, const Filter& f, bool everything = false) {
  auto v = select(g, f, everything);
  REQUIRE(v);
  return *v;
}

// Well-formed XML, or a Catch failure naming the parser's complaint.
boost::property_tree::ptree parse_xml(const std::string& text) {
  std::istringstream in(text);
  boost::property_tree::ptree t;
  REQUIRE_NOTHROW(boost::property_tree::read_xml(in, t));
  return t;
}

}  // namespace

TEST_CASE("labels: short amounts, capacities and dates", "[labels]") {
  using labels::short_money;
  CHECK(short_money(fixture::usd(2e9)) == "$2B");
  CHECK(short_money(money(1e11, {}, {}, Qualifier::AtLeast, "USD")) == "≥$100B");
  CHECK(short_money(money({}, 1e9, 1e10, Qualifier::Range, "USD")) == "$1–10B");
  CHECK(short_money(money(7e12, {}, {}, Qualifier::Exact, "KRW")) == "₩7T");
  CHECK(short_money(money(5e8, {}, {}, Qualifier::Approx, "EUR")) == "~€500M");
  CHECK(short_money(money(1.25e9, {}, {}, Qualifier::AtMost, "USD")) == "≤$1.25B");
  CHECK(short_money(money({}, 5e8, 2e9, Qualifier::Range, "USD")) == "$0.5–2B");
  CHECK(short_money(money(20, {}, {}, Qualifier::Exact, "TWD")) == "TWD 20");
  Money per_share = money(0.01, {}, {}, Qualifier::Exact, "USD");
  per_share.per = "share";
  CHECK(short_money(per_share) == "$0.01/share");
  CHECK(labels::short_power(Power{money(6e9, {}, {}, Qualifier::Exact, "").amount}) == "6 GW");
  CHECK(labels::short_power(Power{money(5e8, {}, {}, Qualifier::Exact, "").amount}) == "500 MW");
  CHECK(labels::short_power(Power{Amount{std::nullopt, 1e9, 2e9, Qualifier::Range}}) == "1–2 GW");
  CHECK(labels::short_date(DateValue{"2026-03", "", "", ""}) == "2026-03");
  CHECK(labels::short_date(DateValue{"", "2026-01", "2026-06", ""}) == "2026-01–2026-06");
  CHECK(labels::short_date(DateValue{"2027", "", "", "by"}) == "by 2027");
  CHECK(labels::plain_number(2e9) == "2000000000");
  CHECK(labels::plain_number(0.01) == "0.01");
  CHECK(labels::plain_number(1.2e9 / 1e9) == "1.2");
}

TEST_CASE("filter: same_as groups, focus, types, dates, amounts, chips", "[filter]") {
  const Corpus c = fixture::corpus();
  const DealGraph g = DealGraph::build(c);

  SECTION("a deal reported twice is one group led by its first report") {
    auto groups = group_deals(c);
    REQUIRE(groups.size() == 5);
    CHECK(groups[0].lead->id == "D1");
    REQUIRE(groups[0].members.size() == 2);
    CHECK(groups[0].members[1]->id == "D4");
    CHECK(groups[0].when == "2026-03-02");
  }
  SECTION("unfiltered: the diagram shows deal parties and chips, the data exports everything") {
    View v = view_of(g, Filter{});
    CHECK(lead_ids(v) == std::set<std::string>{"D1", "D2", "D3", "D5", "D6"});
    CHECK(v.entities.count("chip:h200"));
    CHECK_FALSE(v.entities.count("person:jensen-huang"));
    CHECK(view_of(g, Filter{}, true).entities.count("person:jensen-huang"));
  }
  SECTION("focus through an alias, depth in deal hops") {
    Filter f;
    f.focus = "메타";
    CHECK(lead_ids(view_of(g, f)) == std::set<std::string>{"D2", "D3"});
    f.depth = 2;
    CHECK(lead_ids(view_of(g, f)) == std::set<std::string>{"D2", "D3", "D6"});
  }
  SECTION("unknown focus names close matches") {
    Filter f;
    f.focus = "Nvidai";
    auto v = select(g, f, false);
    REQUIRE_FALSE(v);
    CHECK(v.error().message == "unknown entity 'Nvidai'; did you mean: NVIDIA");
  }
  SECTION("types, dates and USD minimum") {
    Filter f;
    f.types = {DealType::Investment, DealType::Lease};
    CHECK(lead_ids(view_of(g, f)) == std::set<std::string>{"D1", "D3"});
    f = Filter{};
    f.since = "2026-02-15";  // D2 is dated 2026-02 (could be late February): kept
    CHECK(lead_ids(view_of(g, f)) == std::set<std::string>{"D1", "D2", "D3", "D6"});
    f.until = "2026-02";
    CHECK(lead_ids(view_of(g, f)) == std::set<std::string>{"D2", "D3", "D6"});
    f = Filter{};
    f.min_amount = 1e9;  // the lease counts with its lower bound; KRW is dropped
    CHECK(lead_ids(view_of(g, f)) == std::set<std::string>{"D1", "D3"});
    f.min_amount = 1.5e9;
    CHECK(lead_ids(view_of(g, f)) == std::set<std::string>{"D1"});
  }
  SECTION("--no-chips") {
    Filter f;
    f.no_chips = true;
    CHECK_FALSE(view_of(g, f).entities.count("chip:h200"));
  }
  SECTION("deal ids sort as people read them") {
    CHECK(id_less("D2", "D10"));
    CHECK_FALSE(id_less("D10", "D2"));
    CHECK(id_less("f2:D1", "f10:D1"));
  }
}

TEST_CASE("export dot: golden, re-read by cgraph", "[export][dot]") {
  const Corpus c = fixture::corpus();
  const DealGraph g = DealGraph::build(c);
  View v = view_of(g, Filter{});
  auto dot = render_diagram(g, v, "dot");
  REQUIRE(dot);
  golden::check_golden("export.dot", *dot);

  // Byte-identical on a second run.
  CHECK(*render_diagram(g, v, "dot") == *dot);

  // cgraph reads it back with the awkward name intact.
  Agraph_t* back = agmemread(dot->c_str());
  REQUIRE(back != nullptr);
  Agnode_t* q = agnode(back, const_cast<char*>("org:q-labs"), 0);
  REQUIRE(q != nullptr);
  // "&amp;": Graphviz decodes entities in labels, so the name shows "R&D"
  CHECK(std::string(agget(q, const_cast<char*>("label"))) == "\"Q\" Labs \\\\ R&amp;D <AI>\\n큐랩스");
  CHECK(agnnodes(back) > 8);
  agclose(back);
  // Laid out by the dot tool: test_export_dot_tool.cpp (skipped without dot).
}

TEST_CASE("export svg, png, pdf through gvc", "[export][svg]") {
  const Corpus c = fixture::corpus();
  const DealGraph g = DealGraph::build(c);
  View v = view_of(g, Filter{});
  auto svg = render_diagram(g, v, "svg");
  REQUIRE(svg);
  auto tree = parse_xml(*svg);
  CHECK(tree.count("svg") == 1);
  CHECK(svg->find("font-family=\"NanumGothic") != std::string::npos);
  // The awkward name, XML-escaped, on two lines.
  CHECK(svg->find("&quot;Q&quot; Labs \\ R&amp;D &lt;AI&gt;") != std::string::npos);
  CHECK(svg->find(">큐랩스<") != std::string::npos);
  CHECK(svg->find("≥₩7T") != std::string::npos);
  CHECK(svg->find(">&lt;$100M<") != std::string::npos);  // the compact legend

  auto png = render_diagram(g, v, "png");
  REQUIRE(png);
  CHECK(png->compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  auto pdf = render_diagram(g, v, "pdf");
  REQUIRE(pdf);
  CHECK(pdf->compare(0, 5, "%PDF-") == 0);
  CHECK_FALSE(render_diagram(g, v, "gif"));

  // A filter that keeps nothing still gives a valid (empty) diagram.
  Filter none;
  none.since = "2030";
  View empty = view_of(g, none);
  CHECK(empty.groups.empty());
  auto blank = render_diagram(g, empty, "svg");
  REQUIRE(blank);
  parse_xml(*blank);
  CHECK(render_diagram(g, empty, "dot")->find("legend [") == std::string::npos);
  // (the CLI refuses to write it: test_export_cli.cpp)
}

TEST_CASE("export dot: one edge per deal group, partnership fan, one-sided deals", "[export][dot]") {
  const Corpus c = fixture::corpus();
  const DealGraph g = DealGraph::build(c);
  std::string dot = *render_diagram(g, view_of(g, Filter{}), "dot");
  Agraph_t* back = agmemread(dot.c_str());
  REQUIRE(back);
  Agnode_t* nv = agnode(back, const_cast<char*>("org:nvidia"), 0);
  Agnode_t* co = agnode(back, const_cast<char*>("org:coherent"), 0);
  int n = 0;
  for (Agedge_t* e = agfstout(back, nv); e; e = agnxtout(back, e)) n += aghead(e) == co;
  CHECK(n == 1);  // D1 and D4 are one deal
  // The partnership: the first partner to each other one, undirected-looking.
  Agnode_t* meta = agnode(back, const_cast<char*>("org:meta"), 0);
  int fan = 0;
  for (Agedge_t* e = agfstout(back, meta); e; e = agnxtout(back, e))
    if (std::string(agget(e, const_cast<char*>("dir")) ? agget(e, const_cast<char*>("dir")) : "") == "none") ++fan;
  CHECK(fan == 2);
  agclose(back);

  Filter f;
  f.no_chips = true;
  std::string plain = *render_diagram(g, view_of(g, f), "dot");
  CHECK(plain.find("chip:h200") == std::string::npos);
  CHECK(plain.find("made by") == std::string::npos);
}

TEST_CASE("export graphml: golden and well-formed", "[export][graphml]") {
  const Corpus c = fixture::corpus();
  const DealGraph g = DealGraph::build(c);
  View v = view_of(g, Filter{}, true);
  std::string xml = to_graphml(g, v);
  golden::check_golden("export.graphml", xml);
  CHECK(to_graphml(g, v) == xml);
  auto t = parse_xml(xml);
  size_t nodes = 0, edges = 0;
  for (const auto& [k, child] : t.get_child("graphml.graph")) {
    nodes += k == "node";
    edges += k == "edge";
  }
  CHECK(nodes == c.entities.size() + c.deals.size() + c.articles.size());
  CHECK(edges > c.deals.size());
}

TEST_CASE("atomic writes leave no partial file", "[export][files]") {
  const std::string dir = golden::temp_dir("atomic");
  REQUIRE(write_file_atomic(dir + "/a.txt", "one"));
  REQUIRE(write_file_atomic(dir + "/a.txt", "two"));
  CHECK(golden::read(dir + "/a.txt") == "two");
  CHECK_FALSE(fs::exists(dir + "/a.txt.tmp"));

  Status bad = write_file_atomic(dir + "/missing/a.txt", "x");
  CHECK_FALSE(bad);
  CHECK(bad.error().to_string().find("missing/a.txt: cannot create") != std::string::npos);

  REQUIRE(write_dir_atomic(dir + "/tables", {{"x.csv", "1\r\n"}, {"y.csv", "2\r\n"}}));
  CHECK(golden::read(dir + "/tables/y.csv") == "2\r\n");
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir + "/tables")) files += e.is_regular_file();
  CHECK(files == 2);
  // replaced as a whole: a table the new set lacks is gone, nothing else is left
  REQUIRE(write_dir_atomic(dir + "/tables", {{"x.csv", "3\r\n"}}));
  files = 0;
  for (const auto& e : fs::directory_iterator(dir + "/tables")) files += e.is_regular_file();
  CHECK(files == 1);
  CHECK(golden::read(dir + "/tables/x.csv") == "3\r\n");
  // A directory cannot be created over a file: an error, nothing written.
  CHECK_FALSE(write_dir_atomic(dir + "/a.txt", {{"x.csv", "1"}}));
  fs::remove_all(dir);
}

TEST_CASE("export diagrams: title, compact legend, focus, links to the article", "[export][dot][svg]") {
  const Corpus c = fixture::corpus();
  const DealGraph g = DealGraph::build(c);
  View v = view_of(g, Filter{});
  DiagramOptions o;
  o.inputs = {"brief-2026-03.txt", "brief-2026-02.txt"};
  o.focus = "org:nvidia";
  auto svg = render_diagram(g, v, "svg", o);
  REQUIRE(svg);
  parse_xml(*svg);
  // Graphviz writes "-" in SVG text and ids as &#45;: read it back as "-"
  for (size_t at; (at = svg->find("&#45;")) != std::string::npos;) svg->replace(at, 5, "-");
  // title: the inputs, then the date range of the shown deals and their count
  CHECK(svg->find(">Deals in brief-2026-03.txt, brief-2026-02.txt<") != std::string::npos);
  CHECK(svg->find(">2026-01-01 – 2026-06-30 · 5 deals<") != std::string::npos);
  // one legend node: colours by type, pen widths, entity types; no cluster
  CHECK(svg->find("cluster_legend") == std::string::npos);
  CHECK(svg->find(">investment<") != std::string::npos);
  CHECK(svg->find(">$100B+<") != std::string::npos);
  CHECK(svg->find(">GovernmentBody<") != std::string::npos);
  // the focus: red and thick; ids the HTML report finds
  CHECK(svg->find("id=\"entity-org:nvidia\"") != std::string::npos);
  CHECK(svg->find("id=\"deal-D1\"") != std::string::npos);
  auto focus = svg->substr(svg->find("id=\"entity-org:nvidia\""), 800);
  CHECK(focus.find("#d50000") != std::string::npos);
  // links: the edge of D1 and NVIDIA's node go to article A1
  auto d1 = svg->substr(svg->find("id=\"deal-D1\""), 600);
  CHECK(d1.find("xlink:href=\"https://example.com/news/1?a=1&amp;b=2\"") != std::string::npos);
  CHECK(focus.find("xlink:href=\"https://example.com/news/1?a=1&amp;b=2\"") != std::string::npos);
  CHECK(svg->find("&b=2") == std::string::npos);  // Graphviz alone would leave a bare & (invalid XML)
  // no bare & anywhere: every & starts an entity (the lenient parser above would not notice)
  CHECK_FALSE(std::regex_search(*svg, std::regex("&(?!(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)")));
  // a failed deal: dotted, and the legend says what dotted means
  Corpus failed = fixture::corpus();
  failed.deals[2].status = "failed";  // D3, the lease
  const DealGraph gf = DealGraph::build(failed);
  auto dot = render_diagram(gf, view_of(gf, Filter{}), "dot", o);
  REQUIRE(dot);
  CHECK(dot->find("· · · failed") != std::string::npos);
  CHECK(dot->find("style=dotted") != std::string::npos);
  // png at a given dpi is larger than at the default 96
  DiagramOptions hi = o;
  hi.dpi = 192;
  CHECK(render_diagram(g, v, "png", hi)->size() > render_diagram(g, v, "png", o)->size());
}

TEST_CASE("export gexf: golden, well-formed, dated edges", "[export][gexf]") {
  const Corpus c = fixture::corpus();
  const DealGraph g = DealGraph::build(c);
  View v = view_of(g, Filter{}, true);
  std::string xml = to_gexf(g, v);
  golden::check_golden("export.gexf", xml);
  CHECK(to_gexf(g, v) == xml);
  auto t = parse_xml(xml);
  size_t edges = 0;
  for (const auto& [k, child] : t.get_child("gexf.graph.edges")) edges += k == "edge";
  CHECK(edges == 6);  // D1 (= D4), the partnership's two, D3, D5, D6
  CHECK(xml.find("source=\"org:samsung-electronics\" target=\"org:q-labs\" label=\"acquisition\" "
                 "start=\"2026-01-01\" end=\"2026-06-30\"") != std::string::npos);
  CHECK(xml.find("label=\"&quot;Q&quot; Labs \\ R&amp;D &lt;AI&gt;&#10;큐랩스\"") != std::string::npos);
}
