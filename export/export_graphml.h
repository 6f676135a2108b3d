// dealgraph/export/export_graphml.h — the graph as GraphML (yEd, Gephi,
// networkx) with typed keys: numbers are `double` or `int`, so a reader can
// sum and size by them.
//
//   out << to_graphml(graph, view);
//
// Vertices: the kept entities (by id), every member deal of the kept groups
// (corpus order) and the kept articles (reading order). Edges: the
// DealGraph's edges between them — deal→entity role edges (relation = role =
// "investor"...), "product", "reported_in", "maker", "mentioned_in" — then
// "same_as" from a group's lead to each other member, then one "deal" edge
// between parties per kept group (export/party_edges.h), which carries the
// deal's id, type, status, date, amount and amount_usd so that networkx and
// Gephi can weigh companies by money. Role edges carry the same figures.
// A value a node or edge does not have is left out (GraphML's missing data),
// never written as 0 or "".
// Keys: docs/outputs.md, "GraphML". Text is XML-escaped (export/xml_text.h).
// Thread-safety: pure functions.
#pragma once

#include <string>

#include "graph/filter.h"
#include "graph/graph.h"

namespace dealgraph {

std::string to_graphml(const DealGraph& g, const View& v);

}  // namespace dealgraph
