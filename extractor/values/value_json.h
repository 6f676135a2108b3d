// dealgraph/extractor/values/value_json.h — a Value as the JSON of the contract.
//
// Fields (../shared/spec/dealgraph-json.md, "Value"): kind, value (a number,
// or an ISO date string), min/max when known, currency (money), unit
// (quantity), per (money, when the price is per share etc.), from/to (dates,
// for a span), relation (dates: by/from/since, when stated), qualifier
// (always), start, end, text, rule, and article only when non-empty.
// nlohmann::json sorts object keys, so the output is deterministic.
// Thread-safety: a pure function.
#pragma once

#include <nlohmann/json.hpp>

#include "extractor/model.h"

namespace dealgraph::values {

nlohmann::json to_json(const dealgraph::Value& v);
// A number as JSON: an integer when it is one (and small enough), else a double.
nlohmann::json number_json(double d);

}  // namespace dealgraph::values

namespace dealgraph {
using values::to_json;  // so `to_json(v)` reads as the brief has it
}  // namespace dealgraph
