#include "export/export_jsonld.h"

#include <algorithm>
#include <cctype>

#include "core/utf8.h"
#include "graph/deal_fields.h"
#include "graph/labels.h"

namespace dealgraph {

using nlohmann::json;

namespace {

// May code point `c` (>= 0x80) stand as itself in an IRI? RFC 3987: only a
// `ucschar` (2.2), and never a bidi formatting character (4.1: LRM, RLM,
// LRE..RLO, LRI..PDI, ALM), which would reorder how the IRI displays.
bool iri_char(char32_t c) {
  const bool ucschar = (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFEF) ||
                       (c >= 0x10000 && c <= 0xEFFFD && (c & 0xFFFE) != 0xFFFE);
  const bool bidi = c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
                    c == 0x061C;
  return ucschar && !bidi;
}

// Keeps an id readable (Hangul stays, as IRIs allow) but percent-encodes the
// bytes of every character an IRI cannot hold or that would end its path.
std::string iri_part(const std::string& id) {
  static const char kHex[] = "0123456789ABCDEF";
  // ids come from checked UTF-8; should one not, each of its bytes is encoded
  const bool valid = utf8::find_invalid(id) == std::string::npos;
  std::string out;
  for (size_t i = 0; i < id.size();) {
    const unsigned char c = static_cast<unsigned char>(id[i]);
    size_t len = 1;
    bool keep;
    if (c < 0x80)
      keep = std::isalnum(c) || std::string_view("-._~:!$&'()*+,;=@").find(c) != std::string_view::npos;
    else
      keep = valid && iri_char(utf8::decode(id, i, &len));
    for (size_t k = i; k < i + len; ++k) {
      const unsigned char b = static_cast<unsigned char>(id[k]);
      if (keep) {
        out += static_cast<char>(b);
      } else {
        out += '%';
        out += kHex[b >> 4];
        out += kHex[b & 15];
      }
    }
    i += len;
  }
  return out;
}

std::string entity_ref(const std::string& id) { return "entity:" + iri_part(id); }
std::string deal_ref(const std::string& id) { return "deal:" + iri_part(id); }
std::string article_ref(const std::string& id) { return "article:" + iri_part(id); }

// A date literal typed by its precision; text of another shape stays a plain string.
json typed_date(const std::string& d) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i)
      if (!std::isdigit(static_cast<unsigned char>(d[i]))) return false;
    return true;
  };
  const char* type = nullptr;
  if (d.size() == 4 && digits(0, 4)) type = "xsd:gYear";
  else if (d.size() == 7 && digits(0, 4) && d[4] == '-' && digits(5, 2)) type = "xsd:gYearMonth";
  else if (d.size() == 10 && digits(0, 4) && d[4] == '-' && digits(5, 2) && d[7] == '-' && digits(8, 2))
    type = "xsd:date";
  if (!type) return d;
  return {{"@value", d}, {"@type", type}};
}

// A bound is a bound: "at least $100B" is minValue, "up to" maxValue, a
// range both; schema:value only for a figure stated as such (exact, about, each).
void put_amount(json& j, const Amount& a) {
  const bool lower = a.qualifier == Qualifier::AtLeast, upper = a.qualifier == Qualifier::AtMost;
  if (a.value && !lower && !upper) j["value"] = *a.value;
  if (a.min || (lower && a.value)) j["minValue"] = a.min ? *a.min : *a.value;
  if (a.max || (upper && a.value)) j["maxValue"] = a.max ? *a.max : *a.value;
  j["qualifier"] = to_string(a.qualifier);
}

json money(const Money& m) {
  json j = {{"@type", "MonetaryAmount"}, {"currency", m.currency}};
  put_amount(j, m.amount);
  if (!m.per.empty()) j["per"] = m.per;
  return j;
}

json power(const Power& p) {
  json j = {{"@type", "QuantitativeValue"}, {"unitCode", "WTT"}, {"unitText", "W"}};
  put_amount(j, p.amount);
  return j;
}

const char* schema_type(EntityType t) {
  switch (t) {
    case EntityType::Organization: return "Organization";
    case EntityType::GovernmentBody: return "GovernmentOrganization";
    case EntityType::Person: return "Person";
    case EntityType::Chip: return "Product";
    case EntityType::Product: return "Product";
    case EntityType::Facility: return "Place";
    case EntityType::Fund: return "Organization";
    case EntityType::Place: return "Place";
  }
  return "Thing";
}

// The closest schema.org action of each deal type (docs/vocab.md, "Deals as
// schema.org actions"), and whether the parties on the to side are the
// action's object (what is invested in, bought, created) or participants (a
// seller, lessor, contractor, maker, the subject of an approval).
struct ActionKind {
  const char* cls;
  bool to_side_is_object;
};
ActionKind action_kind(DealType t) {
  switch (t) {
    case DealType::Investment: return {"InvestAction", true};
    case DealType::Acquisition: return {"BuyAction", true};
    case DealType::Purchase: return {"BuyAction", false};
    case DealType::Lease: return {"RentAction", false};
    case DealType::Partnership: return {"Action", false};
    case DealType::Contract: return {"TradeAction", false};
    case DealType::Manufacturing: return {"OrderAction", false};
    case DealType::Approval: return {"AuthorizeAction", false};
    case DealType::Fund: return {"CreateAction", true};
    case DealType::Facility: return {"CreateAction", true};
  }
  return {"Action", false};
}

std::string class_name(DealType t) {
  std::string s = to_string(t);
  s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// A listed company (one with a ticker) is also a schema:Corporation, where
// schema.org defines tickerSymbol; it stays an Organization for queries that
// ask for organizations without RDFS inference.
json entity_types(const Entity& e) {
  if (!e.ticker.empty() && e.type == EntityType::Organization) return json::array({"Organization", "Corporation"});
  return schema_type(e.type);
}

json entity_node(const Entity& e, const View& v) {
  json j = {{"@id", entity_ref(e.id)},
            {"@type", entity_types(e)},
            {"name", e.name},
            {"entityType", to_string(e.type)},
            {"source", e.source}};
  if (!e.aliases.empty()) j["alternateName"] = e.aliases;
  if (!e.ticker.empty()) j["tickerSymbol"] = e.ticker;
  if (!e.wikidata.empty()) j["sameAs"] = "http://www.wikidata.org/entity/" + e.wikidata;
  if (!e.country.empty()) j["country"] = e.country;
  // "manufacturer" alone is the deal role (dg:manufacturer): the chip's maker
  // is written with the schema.org IRI spelled out.
  if (!e.maker.empty() && v.entities.count(e.maker)) j["schema:manufacturer"] = {{"@id", entity_ref(e.maker)}};
  json seen = json::array();
  for (const auto& m : e.mentions) {
    std::string a = article_ref(m.article);
    if (v.articles.count(m.article) && std::find(seen.begin(), seen.end(), a) == seen.end()) seen.push_back(a);
  }
  if (!seen.empty()) j["mentionedIn"] = seen;
  return j;
}

// A role of the schema is a term of the @context (typed @id, so a plain
// string); any other role is written as dg:<role> with an explicit {"@id"}.
// The action's agent (the from side of the schema: investor, buyer,
// lessee...), object and participants (see action_kind). A partnership has
// no side: every partner is a participant. Products are the object of
// deals whose to side is not.
void put_action_roles(json& j, const Deal& d, const Schema& schema, const View& v) {
  const ActionKind kind = action_kind(d.type);
  const std::string& from = schema.from_role(d.type);
  for (const auto& p : d.parties) {
    if (!v.entities.count(p.entity) || !schema.is_role(p.role)) continue;
    const char* term = from.empty() ? "participant"
                       : p.role == from ? "agent"
                       : kind.to_side_is_object ? "object"
                                                : "participant";
    j[term].push_back(entity_ref(p.entity));
  }
  if (!kind.to_side_is_object)
    for (const auto& p : d.products)
      if (v.entities.count(p)) j["object"].push_back(entity_ref(p));
}

json deal_node(const Deal& d, const Corpus& c, const Schema& schema, const View& v) {
  json j = {{"@id", deal_ref(d.id)},
            {"@type", {"Deal", class_name(d.type), action_kind(d.type).cls}},
            {"evidence", d.evidence.text},
            {"rule", d.rule},
            {"reportedIn", article_ref(d.article)}};
  for (const auto& p : d.parties) {
    if (!v.entities.count(p.entity)) continue;
    if (schema.is_role(p.role)) j[p.role].push_back(entity_ref(p.entity));
    else j["dg:" + p.role].push_back({{"@id", entity_ref(p.entity)}});
  }
  put_action_roles(j, d, schema, v);
  for (const auto& p : d.products)
    if (v.entities.count(p)) j["product"].push_back(entity_ref(p));
  if (d.amount) {
    j["amount"] = money(*d.amount);
    if (auto usd = to_usd(d.amount, deal_when(d, c), UsdRates::builtin())) j["amountUsd"] = usd->usd;
  }
  if (d.capacity) j["capacity"] = power(*d.capacity);
  if (d.date) {
    if (!d.date->value.empty()) j["date"] = typed_date(d.date->value);
    if (!d.date->from.empty()) j["dateFrom"] = typed_date(d.date->from);
    if (!d.date->to.empty()) j["dateTo"] = typed_date(d.date->to);
    if (!d.date->relation.empty()) j["dateRelation"] = d.date->relation;
  }
  if (!d.status.empty()) j["status"] = d.status;
  for (const auto& a : c.articles)
    if (a.id == d.article && a.url) j["articleUrl"] = *a.url;
  for (const auto& s : d.same_as) j["sameDealAs"].push_back(deal_ref(s));
  for (const auto& s : d.conflicts) j["conflictsWith"].push_back(deal_ref(s));
  return j;
}

json article_node(const Article& a) {
  json j = {{"@id", article_ref(a.id)}, {"@type", "NewsArticle"}, {"headline", a.headline}, {"source", a.source}};
  if (a.date) j["datePublished"] = typed_date(*a.date);
  if (a.url) j["url"] = *a.url;
  return j;
}

}  // namespace

namespace {

// Prefixes, and the schema.org classes and properties the nodes use.
json schema_org_terms() {
  return {
      {"@version", 1.1},
      // schema.org's own context maps its terms to http://schema.org/: the
      // same IRIs here, so SPARQL with the usual prefix finds them
      {"schema", "http://schema.org/"},
      {"dg", "https://dealgraph.dev/ns#"},
      {"xsd", "http://www.w3.org/2001/XMLSchema#"},
      {"entity", "https://dealgraph.dev/id/entity/"},
      {"deal", "https://dealgraph.dev/id/deal/"},
      {"article", "https://dealgraph.dev/id/article/"},
      // schema.org classes and properties
      {"Organization", "schema:Organization"},
      {"Corporation", "schema:Corporation"},
      {"Action", "schema:Action"},
      {"InvestAction", "schema:InvestAction"},
      {"BuyAction", "schema:BuyAction"},
      {"RentAction", "schema:RentAction"},
      {"TradeAction", "schema:TradeAction"},
      {"OrderAction", "schema:OrderAction"},
      {"AuthorizeAction", "schema:AuthorizeAction"},
      {"CreateAction", "schema:CreateAction"},
      {"agent", {{"@id", "schema:agent"}, {"@type", "@id"}}},
      {"object", {{"@id", "schema:object"}, {"@type", "@id"}}},
      {"participant", {{"@id", "schema:participant"}, {"@type", "@id"}}},
      {"GovernmentOrganization", "schema:GovernmentOrganization"},
      {"Person", "schema:Person"},
      {"Product", "schema:Product"},
      {"Place", "schema:Place"},
      {"NewsArticle", "schema:NewsArticle"},
      {"MonetaryAmount", "schema:MonetaryAmount"},
      {"QuantitativeValue", "schema:QuantitativeValue"},
      {"name", "schema:name"},
      {"alternateName", "schema:alternateName"},
      {"tickerSymbol", "schema:tickerSymbol"},
      {"sameAs", {{"@id", "schema:sameAs"}, {"@type", "@id"}}},
      {"headline", "schema:headline"},
      {"datePublished", "schema:datePublished"},
      {"url", {{"@id", "schema:url"}, {"@type", "xsd:anyURI"}}},
      {"value", "schema:value"},
      {"minValue", "schema:minValue"},
      {"maxValue", "schema:maxValue"},
      {"currency", "schema:currency"},
      {"unitCode", "schema:unitCode"},
      {"unitText", "schema:unitText"},
  };
}

// The dealgraph vocabulary (docs/vocab.md) but for deal classes and roles.
json dealgraph_terms() {
  return {
      {"Deal", "dg:Deal"},
      {"entityType", "dg:entityType"},
      {"source", "dg:sourceFile"},
      {"country", "dg:country"},
      {"mentionedIn", {{"@id", "dg:mentionedIn"}, {"@type", "@id"}}},
      {"amount", "dg:amount"},
      {"amountUsd", "dg:amountUsd"},
      {"capacity", "dg:capacity"},
      {"qualifier", "dg:qualifier"},
      {"per", "dg:per"},
      {"product", {{"@id", "dg:product"}, {"@type", "@id"}}},
      {"date", "dg:date"},
      {"dateFrom", "dg:dateFrom"},
      {"dateTo", "dg:dateTo"},
      {"dateRelation", "dg:dateRelation"},
      {"status", "dg:status"},
      {"evidence", "dg:evidence"},
      {"rule", "dg:rule"},
      {"reportedIn", {{"@id", "dg:reportedIn"}, {"@type", "@id"}}},
      {"articleUrl", {{"@id", "dg:articleUrl"}, {"@type", "xsd:anyURI"}}},
      {"sameDealAs", {{"@id", "dg:sameDealAs"}, {"@type", "@id"}}},
      {"conflictsWith", {{"@id", "dg:conflictsWith"}, {"@type", "@id"}}},
  };
}

}  // namespace

json jsonld_context(const Schema& schema) {
  json c = schema_org_terms();
  c.update(dealgraph_terms());
  for (int t = 0; t <= static_cast<int>(DealType::Facility); ++t) {
    std::string cls = class_name(static_cast<DealType>(t));
    c[cls] = "dg:" + cls;
  }
  for (const std::string& r : schema.roles()) c[r] = {{"@id", "dg:" + r}, {"@type", "@id"}};
  return c;
}

json to_jsonld(const DealGraph& g, const View& v) {
  const Corpus& c = g.corpus();
  json graph = json::array();
  for (const auto& id : v.entities) graph.push_back(entity_node(c.entities.at(id), v));
  for (const auto& grp : v.groups)
    for (const Deal* d : grp.members) graph.push_back(deal_node(*d, c, g.schema(), v));
  for (const auto& a : c.articles)
    if (v.articles.count(a.id)) graph.push_back(article_node(a));
  return {{"@context", jsonld_context(g.schema())}, {"@graph", graph}};
}

}  // namespace dealgraph
