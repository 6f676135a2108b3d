// dealgraph/export/export_jsonld.h — the graph as JSON-LD (schema.org plus the
// dealgraph vocabulary, docs/vocab.md).
//
//   out << dump(to_jsonld(graph, view), /*pretty=*/true);
//
// One document: "@context" (inline, so no network is needed to read it) and
// "@graph" with entities (by id), deals (every member of each kept group, in
// corpus order) and articles (reading order). Entities are schema.org
// Organization / GovernmentOrganization / Person / Product / Place; a chip's
// maker is schema:manufacturer. A deal is a dg:Deal and a dg:Investment (...),
// links its parties through role properties (dg:investor, dg:investee...),
// its amount as a schema:MonetaryAmount (value or minValue/maxValue,
// currency), its capacity as a schema:QuantitativeValue in watts (unitCode
// WTT), dates typed xsd:date / xsd:gYearMonth / xsd:gYear.
// Node ids live under https://dealgraph.dev/id/ and are stable for one input
// (they are the JSON output's ids), not dereferenceable.
// Thread-safety: pure functions.
#pragma once

#include <nlohmann/json.hpp>

#include "graph/filter.h"
#include "graph/graph.h"

namespace dealgraph {

// The inline @context: schema.org, the dg: vocabulary and one term per role
// of `schema` (so a role added to rules/schema/ is a term at once).
nlohmann::json jsonld_context(const Schema& schema);
nlohmann::json to_jsonld(const DealGraph& g, const View& v);

}  // namespace dealgraph
