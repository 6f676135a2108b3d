#include "graph/bipartite.h"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/visitors.hpp>

#include <climits>
#include <cstdint>
#include <numeric>

namespace dealgraph {

Bipartite bipartite(const std::vector<DealGroup>& groups, bool with_products) {
  Bipartite b;
  auto entity_vertex = [&](const std::string& id) {
    auto [it, fresh] = b.vertex_of.emplace(id, b.entity.size());
    if (fresh) {
      boost::add_vertex(b.g);
      b.entity.push_back(id);
      b.group.push_back(-1);
    }
    return it->second;
  };
  for (size_t i = 0; i < groups.size(); ++i) {
    size_t dv = boost::add_vertex(b.g);
    b.entity.emplace_back();
    b.group.push_back(static_cast<int>(i));
    for (const auto& p : groups[i].parties) boost::add_edge(dv, entity_vertex(p.entity), b.g);
    if (with_products)
      for (const auto& p : groups[i].products) boost::add_edge(dv, entity_vertex(p), b.g);
  }
  return b;
}

void bfs(const Bipartite& b, size_t source, std::vector<size_t>* dist, std::vector<size_t>* pred) {
  const size_t n = boost::num_vertices(b.g);
  dist->assign(n, SIZE_MAX);
  pred->resize(n);
  std::iota(pred->begin(), pred->end(), 0);
  (*dist)[source] = 0;
  boost::breadth_first_search(
      b.g, source,
      boost::visitor(boost::make_bfs_visitor(std::make_pair(
          boost::record_distances(dist->data(), boost::on_tree_edge()),
          boost::record_predecessors(pred->data(), boost::on_tree_edge())))));
}

}  // namespace dealgraph
