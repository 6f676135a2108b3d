// dealgraph/graph/json_output.h — the dealgraph/1 JSON contract
// (../shared/spec/dealgraph-json.md, docs/json.md).
//
// Outside tools read this: fields may be added, never renamed, dropped or
// retyped. Output is deterministic: arrays in a fixed order (articles in
// reading order, entities by id, deals by id, values by article and offset)
// and object keys sorted.
#pragma once

#include <nlohmann/json.hpp>

#include "extractor/model.h"

namespace dealgraph {

nlohmann::json to_json(const Corpus& corpus);

// The pieces, shared with the exporters and queries.
nlohmann::json money_json(const Money& m);   // {value|min,max, currency, qualifier[, per]}
nlohmann::json power_json(const Power& p);   // {value|min,max (watts), qualifier}
nlohmann::json date_json(const DateValue& d);  // {value} and/or {from, to}[, relation]
nlohmann::json article_json(const Article& a);
nlohmann::json entity_json(const Entity& e);
nlohmann::json deal_json(const Deal& d);

// Serializes with 1-space indentation ("pretty") or compact, always UTF-8,
// ending in a newline.
std::string dump(const nlohmann::json& j, bool pretty);

}  // namespace dealgraph
