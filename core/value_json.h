// dealgraph/core/value_json.h — a Value as the JSON of the contract.
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

#include "core/model.h"

namespace dealgraph::values {

nlohmann::json to_json(const dealgraph::Value& v);
// The one writer of amounts: every number through number_json, so a deal's
// amount and a value print the same ("4500000000", never "4500000000.0").
nlohmann::json money_json(const dealgraph::Money& m);     // {value|min,max, currency, qualifier[, per]}
nlohmann::json power_json(const dealgraph::Power& p);     // {value|min,max (watts), qualifier, unit}
nlohmann::json date_json(const dealgraph::DateValue& d);  // {value} and/or {from, to}[, relation]
// A number as JSON: an integer when it is one (and small enough), else a double.
nlohmann::json number_json(double d);

}  // namespace dealgraph::values

namespace dealgraph {
using values::date_json;
using values::money_json;
using values::power_json;
using values::to_json;  // so `to_json(v)` reads as the brief has it
}  // namespace dealgraph
