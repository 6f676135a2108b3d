// dealgraph/graph/graph.h — the knowledge graph as a typed Boost.Graph.
//
// Vertices are entities (organizations, people, chips...), deals and
// articles; edges are typed:
//   deal    -> entity   role of a party ("investor", "seller", ...)
//   deal    -> entity   "product" (a chip or product the deal is about)
//   deal    -> article  "reported_in"
//   entity  -> entity   "maker" (chip -> the company that makes it)
//   entity  -> article  "mentioned_in"
// A deal is a vertex (an n-ary relation), so a three-party partnership is
// one deal with three role edges. Built from a merged Corpus: one vertex per
// entity id and per deal id whatever number of files it came from.
// The graph carries the deal schema (core/schema.h) it was built with, so
// queries and exporters learn roles and directions from it, never from C++.
//
//   DealGraph g = DealGraph::build(corpus, schema);   // schema: Schema::load(res)
//   const std::string& from = g.schema().from_role(DealType::Investment);
//   auto v = g.find_entity("엔비디아");          // resolves aliases
//   for (auto e : boost::make_iterator_range(out_edges(g.deal_vertex("D1"), g.graph()))) ...
//
// Ownership: a DealGraph refers to the Corpus it was built from (pointers in
// the vertex properties); keep the Corpus alive and unchanged. It holds its
// own copy of the Schema. Immutable after
// build; safe to read from several threads.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/fold.h"
#include "core/model.h"
#include "core/schema.h"

namespace dealgraph {

enum class NodeKind { Entity, Deal, Article };

struct NodeProps {
  NodeKind kind = NodeKind::Entity;
  std::string id;     // entity id, deal id or article id
  std::string label;  // display name (entity name, deal type, headline)
  const Entity* entity = nullptr;
  const Deal* deal = nullptr;
  const Article* article = nullptr;
};

struct EdgeProps {
  std::string kind;  // a role name, "product", "reported_in", "maker", "mentioned_in"
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeProps, EdgeProps>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;

class DealGraph {
 public:
  static DealGraph build(const Corpus& corpus, const Schema& schema = Schema::builtin());

  const Graph& graph() const { return g_; }
  const Corpus& corpus() const { return *corpus_; }
  const Schema& schema() const { return schema_; }

  std::optional<Vertex> entity_vertex(const std::string& id) const;
  std::optional<Vertex> deal_vertex(const std::string& id) const;
  std::optional<Vertex> article_vertex(const std::string& id) const;

  // Entity whose id, name or alias equals `name` (case, space and punctuation
  // ignored). nullopt when none.
  std::optional<Vertex> find_entity(const std::string& name) const;
  // Up to `n` entity names closest to `name` (edit distance on the folded
  // form), for "did you mean" messages.
  std::vector<std::string> close_matches(const std::string& name, size_t n = 3) const;

 private:
  // The steps of build(), in order.
  Vertex add_node(NodeKind kind, const std::string& id, const std::string& label);
  void add_articles();
  void add_entities();
  void index_names();
  void add_entity_edges();
  void add_deals();

  const Corpus* corpus_ = nullptr;
  Schema schema_;
  Graph g_;
  std::map<std::string, Vertex> entities_, deals_, articles_;
  std::map<std::string, Vertex> by_folded_name_;
};

}  // namespace dealgraph
