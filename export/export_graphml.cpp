#include "export/export_graphml.h"

// GCC 12 reports a false "may be used uninitialized" inside Boost's
// write_graphml edge loop (a boost::optional iterator); it is not our code.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/graph/graphml.hpp>
#include <boost/property_map/dynamic_property_map.hpp>

#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "graph/labels.h"

namespace dealgraph {

namespace {

struct GmlNode {
  std::string id, kind, label, type, date, amount, currency, amount_label, capacity_w, url, rule;
};
struct GmlEdge {
  std::string kind, role;
};
using Gml = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, GmlNode, GmlEdge>;

bool is_role(const std::string& kind) {
  return kind != "product" && kind != "reported_in" && kind != "maker" && kind != "mentioned_in";
}

GmlNode deal_node(const Deal& d, const Corpus& c) {
  GmlNode n{d.id, "deal", to_string(d.type), to_string(d.type), deal_when(d, c), "", "", "", "", "", d.rule};
  if (d.amount) {
    if (auto f = labels::figure(d.amount->amount)) n.amount = labels::plain_number(*f);
    n.currency = d.amount->currency;
    n.amount_label = labels::short_money(*d.amount);
  }
  if (d.capacity)
    if (auto f = labels::figure(d.capacity->amount)) n.capacity_w = labels::plain_number(*f);
  for (const auto& a : c.articles)
    if (a.id == d.article && a.url) n.url = *a.url;
  return n;
}

// The GraphML graph being built and, per DealGraph vertex, its vertex there.
struct GmlBuilder {
  const DealGraph& dg;
  const View& v;
  Gml g;
  std::map<Vertex, Gml::vertex_descriptor> map;  // DealGraph vertex → GraphML vertex

  void add(Vertex from, GmlNode n) {
    for (auto* s : {&n.label, &n.url, &n.rule}) *s = labels::printable(*s);
    map[from] = boost::add_vertex(std::move(n), g);
  }

  // Shown entities (by id), every member of each kept group, shown articles.
  void add_nodes() {
    const Corpus& c = dg.corpus();
    for (const auto& id : v.entities) {
      const Entity& e = c.entities.at(id);
      add(*dg.entity_vertex(id), GmlNode{id, "entity", e.name, to_string(e.type), "", "", "", "", "", "", ""});
    }
    for (const auto& grp : v.groups)
      for (const Deal* d : grp.members) add(*dg.deal_vertex(d->id), deal_node(*d, c));
    for (const auto& a : c.articles)
      if (v.articles.count(a.id))
        add(*dg.article_vertex(a.id),
            GmlNode{a.id, "article", a.headline, "", a.date.value_or(""), "", "", "", "", a.url.value_or(""), ""});
  }

  // The DealGraph's edges between shown nodes, then one same_as edge from
  // each group's lead to each other member.
  void add_edges() {
    const Graph& src = dg.graph();
    for (auto [it, end] = boost::edges(src); it != end; ++it) {
      auto s = map.find(boost::source(*it, src)), t = map.find(boost::target(*it, src));
      if (s == map.end() || t == map.end()) continue;
      const std::string& kind = src[*it].kind;
      boost::add_edge(s->second, t->second, GmlEdge{kind, is_role(kind) ? kind : ""}, g);
    }
    for (const auto& grp : v.groups)
      for (size_t i = 1; i < grp.members.size(); ++i)
        boost::add_edge(map.at(*dg.deal_vertex(grp.lead->id)), map.at(*dg.deal_vertex(grp.members[i]->id)),
                        GmlEdge{"same_as", ""}, g);
    add_role_edges();
  }

  // A person's role at an organization: one role_at edge, person to org,
  // per title stated in a shown article; the title goes in `role`.
  void add_role_edges() {
    std::set<std::tuple<std::string, std::string, std::string>> seen;
    for (const auto& r : dg.corpus().roles) {
      auto p = dg.entity_vertex(r.person), o = dg.entity_vertex(r.org);
      if (!p || !o || !v.articles.count(r.article) || !seen.insert({r.person, r.org, r.title}).second) continue;
      auto s = map.find(*p), t = map.find(*o);
      if (s == map.end() || t == map.end()) continue;
      boost::add_edge(s->second, t->second, GmlEdge{"role_at", labels::printable(r.title)}, g);
    }
  }
};

// The GraphML keys: one per node and edge field, by the name readers see.
boost::dynamic_properties properties(Gml& g) {
  boost::dynamic_properties dp;
  dp.property("id", boost::get(&GmlNode::id, g));
  dp.property("kind", boost::get(&GmlNode::kind, g));
  dp.property("label", boost::get(&GmlNode::label, g));
  dp.property("type", boost::get(&GmlNode::type, g));
  dp.property("date", boost::get(&GmlNode::date, g));
  dp.property("amount", boost::get(&GmlNode::amount, g));
  dp.property("currency", boost::get(&GmlNode::currency, g));
  dp.property("amount_label", boost::get(&GmlNode::amount_label, g));
  dp.property("capacity_w", boost::get(&GmlNode::capacity_w, g));
  dp.property("url", boost::get(&GmlNode::url, g));
  dp.property("rule", boost::get(&GmlNode::rule, g));
  dp.property("relation", boost::get(&GmlEdge::kind, g));
  dp.property("role", boost::get(&GmlEdge::role, g));
  return dp;
}

}  // namespace

std::string to_graphml(const DealGraph& dg, const View& v) {
  GmlBuilder b{dg, v, {}, {}};
  b.add_nodes();
  b.add_edges();
  std::ostringstream out;
  boost::write_graphml(out, b.g, properties(b.g), /*ordered_vertices=*/true);
  return out.str();
}

}  // namespace dealgraph
