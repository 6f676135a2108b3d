// dealgraph/export/json_output.h — the dealgraph/1 JSON contract
// (../shared/spec/dealgraph-json.md, docs/json.md).
//
// Outside tools read this: fields may be added, never renamed, dropped or
// retyped. Output is deterministic: arrays in a fixed order (articles in
// order of source and position, entities by id, deals by article and
// offset, values by article and offset)
// and object keys sorted.
#pragma once

#include <nlohmann/json.hpp>

#include "core/model.h"
#include "core/value_json.h"  // money_json, power_json, date_json

namespace dealgraph {

nlohmann::json to_json(const Corpus& corpus);

// The pieces, shared with the exporters (amounts: core/value_json.h).
nlohmann::json article_json(const Article& a);
nlohmann::json entity_json(const Entity& e);
nlohmann::json deal_json(const Deal& d);
nlohmann::json role_json(const Role& r);

// The reports of one deal, once per group of two reports or more, in the
// order of their first report: {"id", "deals": [ids], "conflicts": [ids of
// the reports that disagree on the figure, graph/link.h]}.
nlohmann::json groups_json(const Corpus& corpus);

// Serializes with 1-space indentation ("pretty") or compact, always UTF-8,
// ending in a newline.
std::string dump(const nlohmann::json& j, bool pretty);

}  // namespace dealgraph
