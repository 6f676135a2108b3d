// dealgraph/export/party_edges.h — each kept deal as edges between its
// parties, the way the diagram draws it, for the formats whose readers want
// company-to-company edges (GraphML, GEXF, the HTML report).
//
//   for (const PartyEdge& e : party_edges(graph, view)) write(e.from, e.to, e.group->lead->id);
//
// From every party on the from side of the schema (investor, buyer, lessee,
// client...) to every party on the other side; a partnership, which has no
// side, from its first partner (by entity id) to each other one. A deal with
// parties on one side only has no such edge. Order: groups in view order,
// then from, then to. Each edge carries its group's BI fields.
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include "graph/deal_fields.h"
#include "graph/filter.h"
#include "graph/graph.h"

namespace dealgraph {

struct PartyEdge {
  std::string from, to;         // entity ids
  const DealGroup* group;       // points into the View
  bool undirected;              // a partnership
  DateFields when;
  AmountFields amount;
};

std::vector<PartyEdge> party_edges(const DealGraph& g, const View& v);

}  // namespace dealgraph
