// dealgraph/export/export_graphml.h — the graph as GraphML (yEd, Gephi,
// networkx), written by Boost's write_graphml.
//
//   out << to_graphml(graph, view);
//
// Vertices: the kept entities (by id), every member deal of the kept groups
// (corpus order) and the kept articles (reading order), with string
// attributes id, kind (entity|deal|article), label, type, date, amount (plain
// number), currency, amount_label ("$2B"), capacity_w, url, rule. Edges, in
// the DealGraph's order, with attributes relation and role: deal→entity role
// edges (relation = role = "investor"...), then "product", "reported_in",
// "maker", "mentioned_in" (role empty), plus "same_as" from a group's lead to
// each other member. (Boost keys attributes by name, hence "relation" rather
// than a second "kind".)
// Thread-safety: pure functions.
#pragma once

#include <string>

#include "graph/filter.h"
#include "graph/graph.h"

namespace dealgraph {

std::string to_graphml(const DealGraph& g, const View& v);

}  // namespace dealgraph
