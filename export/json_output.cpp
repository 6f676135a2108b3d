#include "export/json_output.h"

#include <map>
#include <string>
#include <vector>

#include "core/value_json.h"

namespace dealgraph {

namespace {
nlohmann::json span_json(const Span& s) { return nlohmann::json::array({s.start, s.end}); }
}  // namespace

nlohmann::json article_json(const Article& a) {
  nlohmann::json j;
  j["id"] = a.id;
  j["source"] = a.source;
  j["headline"] = a.headline;
  j["date"] = a.date ? nlohmann::json(*a.date) : nlohmann::json(nullptr);
  j["url"] = a.url ? nlohmann::json(*a.url) : nlohmann::json(nullptr);
  j["span"] = span_json(a.span);
  return j;
}

nlohmann::json entity_json(const Entity& e) {
  nlohmann::json j;
  j["id"] = e.id;
  j["type"] = to_string(e.type);
  j["name"] = e.name;
  j["aliases"] = e.aliases;
  j["source"] = e.source;
  nlohmann::json ms = nlohmann::json::array();
  for (const auto& m : e.mentions) {
    nlohmann::json jm = {{"article", m.article}, {"start", m.span.start}, {"end", m.span.end},
                         {"text", m.text}, {"rule", m.rule}};
    if (!m.context.empty()) jm["context"] = m.context;
    ms.push_back(std::move(jm));
  }
  j["mentions"] = ms;
  if (!e.ticker.empty()) j["ticker"] = e.ticker;
  if (!e.wikidata.empty()) j["wikidata"] = e.wikidata;
  if (!e.country.empty()) j["country"] = e.country;
  if (!e.maker.empty()) j["maker"] = e.maker;
  if (!e.part_of.empty()) j["part_of"] = e.part_of;
  return j;
}

nlohmann::json deal_json(const Deal& d) {
  nlohmann::json j;
  j["id"] = d.id;
  if (!d.group.empty()) j["group"] = d.group;
  j["type"] = to_string(d.type);
  j["article"] = d.article;
  nlohmann::json ps = nlohmann::json::array();
  for (const auto& p : d.parties) ps.push_back({{"entity", p.entity}, {"role", p.role}});
  j["parties"] = ps;
  j["amount"] = d.amount ? money_json(*d.amount) : nlohmann::json(nullptr);
  j["capacity"] = d.capacity ? power_json(*d.capacity) : nlohmann::json(nullptr);
  j["products"] = d.products;
  j["date"] = d.date ? date_json(*d.date) : nlohmann::json(nullptr);
  j["evidence"] = {{"start", d.evidence.span.start}, {"end", d.evidence.span.end}, {"text", d.evidence.text}};
  j["rule"] = d.rule;
  if (!d.status.empty()) j["status"] = d.status;
  // an addition to the contract: omitted when the sentence states none, like status
  if (d.target_date) j["target_date"] = date_json(*d.target_date);
  if (!d.conflicts.empty()) j["conflicts"] = d.conflicts;
  if (!d.same_as.empty()) j["same_as"] = d.same_as;
  return j;
}

nlohmann::json role_json(const Role& r) {
  return {{"person", r.person},
          {"org", r.org},
          {"title", r.title},
          {"article", r.article},
          {"evidence", {{"start", r.evidence.span.start}, {"end", r.evidence.span.end}, {"text", r.evidence.text}}},
          {"rule", r.rule}};
}

nlohmann::json groups_json(const Corpus& c) {
  // Groups in the order of their first report; deals keep corpus order within.
  std::vector<std::string> order;
  std::map<std::string, nlohmann::json> by_id;
  for (const auto& d : c.deals) {
    if (d.group.empty()) continue;
    auto [it, fresh] = by_id.emplace(d.group, nlohmann::json{{"id", d.group}, {"deals", nlohmann::json::array()},
                                                             {"conflicts", nlohmann::json::array()}});
    if (fresh) order.push_back(d.group);
    it->second["deals"].push_back(d.id);
    if (!d.conflicts.empty()) it->second["conflicts"].push_back(d.id);
  }
  nlohmann::json out = nlohmann::json::array();
  for (const auto& id : order)
    if (by_id[id]["deals"].size() > 1) out.push_back(std::move(by_id[id]));
  return out;
}

nlohmann::json to_json(const Corpus& c) {
  nlohmann::json j;
  j["format"] = "dealgraph/1";
  j["articles"] = nlohmann::json::array();
  for (const auto& a : c.articles) j["articles"].push_back(article_json(a));
  j["entities"] = nlohmann::json::array();
  for (const auto& [id, e] : c.entities) j["entities"].push_back(entity_json(e));
  j["deals"] = nlohmann::json::array();
  for (const auto& d : c.deals) j["deals"].push_back(deal_json(d));
  j["groups"] = groups_json(c);
  j["values"] = nlohmann::json::array();
  for (const auto& v : c.values) j["values"].push_back(values::to_json(v));
  // an addition to the contract (docs/json.md): present when some person's
  // role is stated, so documents without one read as before
  if (!c.roles.empty()) {
    j["roles"] = nlohmann::json::array();
    for (const auto& r : c.roles) j["roles"].push_back(role_json(r));
  }
  return j;
}

std::string dump(const nlohmann::json& j, bool pretty) {
  return j.dump(pretty ? 1 : -1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace dealgraph
