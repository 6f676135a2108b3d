#include "core/value_json.h"

#include <cmath>

namespace dealgraph::values {

nlohmann::json number_json(double d) {
  if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9007199254740992.0)
    return static_cast<long long>(d);
  return d;
}

namespace {

void put_amount(nlohmann::json& j, const Amount& a) {
  if (a.value) j["value"] = number_json(*a.value);
  if (a.min) j["min"] = number_json(*a.min);
  if (a.max) j["max"] = number_json(*a.max);
  j["qualifier"] = to_string(a.qualifier);
}

}  // namespace

nlohmann::json money_json(const Money& m) {
  nlohmann::json j = nlohmann::json::object();
  put_amount(j, m.amount);
  j["currency"] = m.currency;
  if (!m.per.empty()) j["per"] = m.per;
  return j;
}

nlohmann::json power_json(const Power& p) {
  nlohmann::json j = nlohmann::json::object();
  put_amount(j, p.amount);
  j["unit"] = "W";
  return j;
}

nlohmann::json date_json(const DateValue& d) {
  nlohmann::json j = nlohmann::json::object();
  if (!d.value.empty()) j["value"] = d.value;
  if (!d.from.empty()) j["from"] = d.from;
  if (!d.to.empty()) j["to"] = d.to;
  if (!d.relation.empty()) j["relation"] = d.relation;
  return j;
}

nlohmann::json to_json(const dealgraph::Value& v) {
  nlohmann::json j = nlohmann::json::object();
  j["kind"] = kind_name(v.data);
  if (const auto* m = std::get_if<Money>(&v.data)) {
    put_amount(j, m->amount);
    j["currency"] = m->currency;
    if (!m->per.empty()) j["per"] = m->per;
  } else if (const auto* p = std::get_if<Power>(&v.data)) {
    put_amount(j, p->amount);
  } else if (const auto* q = std::get_if<Quantity>(&v.data)) {
    put_amount(j, q->amount);
    j["unit"] = q->unit;
  } else if (const auto* pc = std::get_if<Percent>(&v.data)) {
    put_amount(j, pc->amount);
  } else if (const auto* n = std::get_if<Number>(&v.data)) {
    put_amount(j, n->amount);
  } else if (const auto* d = std::get_if<DateValue>(&v.data)) {
    j.update(date_json(*d));
    j["qualifier"] = "exact";
  }
  j["start"] = v.span.start;
  j["end"] = v.span.end;
  j["text"] = v.text;
  j["rule"] = v.rule;
  if (!v.article.empty()) j["article"] = v.article;
  return j;
}

}  // namespace dealgraph::values
