// dealgraph/export/export_gexf.h — the deal network as GEXF 1.2 (Gephi,
// networkx) with time: Gephi's timeline plays the deals month by month.
//
//   out << to_gexf(graph, view);
//
// A dynamic graph (timeformat "date"). Nodes: the kept entities, with type,
// deals (int: kept deal groups they are a party of) and amount_usd (double:
// the sum of those groups' amount_usd); each node starts on the first day of
// its earliest dated deal and has no end (a company stays once it appeared).
// Edges: one per pair of parties of a kept deal group (export/party_edges.h),
// start and end = the first and last day of the deal's date (a day, a month,
// a year or a span; an undated deal's edge has no interval and is always
// shown), with deal, type, status, date, date_grain, amount, currency,
// amount_usd, amount_label. A partnership's edges go from its first partner
// to the others like the diagram's (GEXF could mark them undirected, but
// networkx refuses mixed graphs); their type says what they are.
// Text is XML-escaped (export/xml_text.h). Thread-safety: pure functions.
#pragma once

#include <string>

#include "graph/filter.h"
#include "graph/graph.h"

namespace dealgraph {

std::string to_gexf(const DealGraph& g, const View& v);

}  // namespace dealgraph
