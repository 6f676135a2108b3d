// dealgraph/graph/bipartite.h — the entity–deal graph that "how far" and
// "how linked" questions walk (focus --depth, query path).
//
//   Bipartite b = bipartite(groups, /*with_products=*/true);
//   std::vector<size_t> dist, pred;
//   bfs(b, b.vertex_of.at("org:nvidia"), &dist, &pred);
//   // dist[v] hops: a deal group is 1 hop from its parties, their other deals 3
//
// One vertex per entity taking part and per DealGroup, one edge per party
// (and, with `with_products`, per product). Entities are vertices in order
// of first appearance, deal groups in `groups` order.
// Thread-safety: pure functions.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include <map>
#include <string>
#include <vector>

#include "graph/groups.h"

namespace dealgraph {

struct Bipartite {
  using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  G g;
  std::vector<std::string> entity;  // per vertex: entity id, "" for a deal
  std::vector<int> group;           // per vertex: index into the groups, -1 for an entity
  std::map<std::string, size_t> vertex_of;  // entity id → vertex
};
Bipartite bipartite(const std::vector<DealGroup>& groups, bool with_products);

// Boost BFS from `source`: hop distance per vertex (SIZE_MAX when unreached)
// and the predecessor on one shortest path (itself for the source and unreached).
void bfs(const Bipartite& b, size_t source, std::vector<size_t>* dist, std::vector<size_t>* pred);

}  // namespace dealgraph
