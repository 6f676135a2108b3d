// People in the graph: a person's role at an organization, from the text
// through the pipeline into JSON, CSV (roles.csv) and GraphML (role_at edges).
#include <catch2/catch.hpp>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <sstream>

#include "export/export_csv.h"
#include "export/export_graphml.h"
#include "export/json_output.h"
#include "extractor/pipeline.h"
#include "golden/fixture_corpus.h"
#include "graph/filter.h"
#include "graph/link.h"

using namespace dealgraph;

namespace {

// The fixture corpus and one role: Jensen Huang, NVIDIA's 최고경영자.
Corpus with_role() {
  Corpus c = fixture::corpus();
  Role r;
  r.person = "person:jensen-huang";
  r.org = "org:nvidia";
  r.title = "최고경영자";
  r.article = "A1";
  r.evidence = {{90, 120}, "젠슨 황 엔비디아 최고경영자"};
  r.rule = "role.ko.name_org_title";
  c.roles.push_back(r);
  return c;
}

View everything(const DealGraph& g) {
  auto v = select(g, Filter{}, true);
  REQUIRE(v);
  return *v;
}

Corpus extract(const std::string& text) {
  auto p = Pipeline::load(Resources::embedded(), PipelineOptions{});
  REQUIRE(p);
  Corpus c;
  REQUIRE(p->add_file("roles.txt", text, &c));
  link_reports(&c);
  return c;
}

}  // namespace

TEST_CASE("roles: found in the text, in reading order, with their evidence", "[roles]") {
  Corpus c = extract(
      "Micron beats forecasts\n\n"
      "Sanjay Mehrotra, Micron's chief executive, spoke. Mizuho analyst Vijay Rakesh was upbeat.\n\n"
      "박상진 산업은행 회장은 말했다. 이억원 금융위원장은 말했다.\n");
  REQUIRE(c.roles.size() == 3);
  CHECK(c.roles[0].person == "person:sanjay-mehrotra");
  CHECK(c.roles[0].org == "org:micron-technology");
  CHECK(c.roles[0].title == "chief executive");
  CHECK(c.roles[0].evidence.text == "Sanjay Mehrotra, Micron's chief executive");
  CHECK(c.roles[1].person == "person:vijay-rakesh");
  CHECK(c.roles[1].title == "analyst");
  CHECK(c.roles[2].person == "person:박상진");
  CHECK(c.roles[2].title == "회장");
  CHECK(c.roles[2].evidence.text == "박상진 산업은행 회장");  // no context around it
  for (const auto& r : c.roles) {
    CHECK(c.entities.count(r.person) == 1);  // both ends are entities of the output
    CHECK(c.entities.count(r.org) == 1);
    CHECK(r.article == c.articles[0].id);  // the article's content id (docs/json.md)
  }
}

TEST_CASE("roles: JSON has them only when there are some", "[roles][json]") {
  nlohmann::json j = to_json(with_role());
  REQUIRE(j.contains("roles"));
  REQUIRE(j["roles"].size() == 1);
  const auto& r = j["roles"][0];
  CHECK(r["person"] == "person:jensen-huang");
  CHECK(r["org"] == "org:nvidia");
  CHECK(r["title"] == "최고경영자");
  CHECK(r["article"] == "A1");
  CHECK(r["evidence"]["start"] == 90);
  CHECK(r["rule"] == "role.ko.name_org_title");
  CHECK_FALSE(to_json(fixture::corpus()).contains("roles"));  // the contract as before
}

TEST_CASE("roles: roles.csv is a Neo4j relationship table, person to org", "[roles][csv]") {
  Corpus c = with_role();
  DealGraph g = DealGraph::build(c);
  auto files = to_csv_tables(g, everything(g), false);
  REQUIRE(files.count("roles.csv") == 1);
  CHECK(files["roles.csv"] ==
        ":START_ID(Entity),:END_ID(Entity),:TYPE,title,person,org,article,evidence,rule\r\n"
        "person:jensen-huang,org:nvidia,ROLE_AT,최고경영자,Jensen Huang,NVIDIA,A1,젠슨 황 엔비디아 최고경영자,"
        "role.ko.name_org_title\r\n");
  Corpus plain = fixture::corpus();
  DealGraph g2 = DealGraph::build(plain);
  CHECK(to_csv_tables(g2, everything(g2), false).count("roles.csv") == 0);
}

TEST_CASE("roles: GraphML has one role_at edge from the person to the org", "[roles][graphml]") {
  Corpus c = with_role();
  c.roles.push_back(c.roles[0]);  // said twice: still one edge
  DealGraph g = DealGraph::build(c);
  std::string xml = to_graphml(g, everything(g));
  std::istringstream in(xml);
  boost::property_tree::ptree t;
  boost::property_tree::read_xml(in, t);
  std::map<std::string, std::string> key_of;  // attr.name -> key id
  for (const auto& [k, child] : t.get_child("graphml"))
    if (k == "key")  // "attr.name" holds a dot, ptree's path separator: read it with '/'
      key_of[child.get<std::string>(boost::property_tree::ptree::path_type("<xmlattr>/attr.name", '/'))] =
          child.get<std::string>("<xmlattr>.id");
  std::map<std::string, std::string> node_id;  // GraphML node id -> our id
  int role_edges = 0;
  for (const auto& [k, child] : t.get_child("graphml.graph")) {
    std::map<std::string, std::string> data;
    for (const auto& [dk, d] : child)
      if (dk == "data") data[d.get<std::string>("<xmlattr>.key")] = d.data();
    if (k == "node") node_id[child.get<std::string>("<xmlattr>.id")] = data[key_of["id"]];
    if (k == "edge" && data[key_of["relation"]] == "role_at") {
      ++role_edges;
      CHECK(node_id[child.get<std::string>("<xmlattr>.source")] == "person:jensen-huang");
      CHECK(node_id[child.get<std::string>("<xmlattr>.target")] == "org:nvidia");
      CHECK(data[key_of["role"]] == "최고경영자");
    }
  }
  CHECK(role_edges == 1);
}
