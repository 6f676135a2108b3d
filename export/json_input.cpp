#include "export/json_input.h"

#include <sstream>

namespace dealgraph {

namespace {

using nlohmann::json;

// A field that is missing or of the wrong type: where, and what was wanted.
struct BadField {
  std::string path;
  std::string message;
};

const json& field(const json& j, const char* key, const std::string& path) {
  if (!j.is_object()) throw BadField{path, "expected an object"};
  auto it = j.find(key);
  if (it == j.end()) throw BadField{path + "." + key, "missing"};
  return *it;
}

std::string text_of(const json& j, const std::string& path) {
  if (!j.is_string()) throw BadField{path, "expected a string"};
  return j.get<std::string>();
}
std::string text(const json& j, const char* key, const std::string& path) {
  return text_of(field(j, key, path), path + "." + key);
}
// An optional string: absent or null is "".
std::string text_or_empty(const json& j, const char* key, const std::string& path) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  return text_of(*it, path + "." + key);
}
size_t offset(const json& j, const std::string& path) {
  if (!j.is_number_unsigned() && !(j.is_number_integer() && j.get<long long>() >= 0))
    throw BadField{path, "expected a byte offset"};
  return j.get<size_t>();
}
std::optional<double> number_or_none(const json& j, const char* key, const std::string& path) {
  auto it = j.find(key);
  if (it == j.end()) return std::nullopt;
  if (!it->is_number()) throw BadField{path + "." + key, "expected a number"};
  return it->get<double>();
}
std::vector<std::string> texts(const json& j, const char* key, const std::string& path) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end()) return out;
  if (!it->is_array()) throw BadField{path + "." + key, "expected an array"};
  for (size_t i = 0; i < it->size(); ++i)
    out.push_back(text_of((*it)[i], path + "." + key + "[" + std::to_string(i) + "]"));
  return out;
}
const json& array(const json& j, const char* key, const std::string& path) {
  const json& a = field(j, key, path);
  if (!a.is_array()) throw BadField{path + "." + key, "expected an array"};
  return a;
}
std::string at(const std::string& path, size_t i) { return path + "[" + std::to_string(i) + "]"; }

Amount amount_of(const json& j, const std::string& path) {
  Amount a;
  a.value = number_or_none(j, "value", path);
  a.min = number_or_none(j, "min", path);
  a.max = number_or_none(j, "max", path);
  const std::string q = text_or_empty(j, "qualifier", path);
  bool known = q.empty();
  for (Qualifier k : {Qualifier::Exact, Qualifier::Approx, Qualifier::AtLeast, Qualifier::AtMost, Qualifier::Range,
                      Qualifier::Each})
    if (q == to_string(k)) {
      a.qualifier = k;
      known = true;
    }
  if (!known) throw BadField{path + ".qualifier", "unknown qualifier '" + q + "'"};
  return a;
}
Money money_of(const json& j, const std::string& path) {
  return Money{amount_of(j, path), text(j, "currency", path), text_or_empty(j, "per", path)};
}
DateValue date_of(const json& j, const std::string& path) {
  if (!j.is_object()) throw BadField{path, "expected a date object"};
  return DateValue{text_or_empty(j, "value", path), text_or_empty(j, "from", path), text_or_empty(j, "to", path),
                   text_or_empty(j, "relation", path)};
}
std::optional<std::string> maybe_text(const json& j, const char* key, const std::string& path) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  return text_of(*it, path + "." + key);
}

Article article_of(const json& j, const std::string& path) {
  Article a;
  a.id = text(j, "id", path);
  a.source = text(j, "source", path);
  a.headline = text(j, "headline", path);
  a.date = maybe_text(j, "date", path);
  a.url = maybe_text(j, "url", path);
  const json& span = field(j, "span", path);
  if (!span.is_array() || span.size() != 2) throw BadField{path + ".span", "expected [start, end]"};
  a.span = Span{offset(span[0], path + ".span[0]"), offset(span[1], path + ".span[1]")};
  return a;
}

Entity entity_of(const json& j, const std::string& path) {
  Entity e;
  e.id = text(j, "id", path);
  const std::string type = text(j, "type", path);
  auto t = entity_type_from(type);
  if (!t) throw BadField{path + ".type", "unknown entity type '" + type + "'"};
  e.type = *t;
  e.name = text(j, "name", path);
  e.aliases = texts(j, "aliases", path);
  e.source = text_or_empty(j, "source", path);
  const json& ms = array(j, "mentions", path);
  for (size_t i = 0; i < ms.size(); ++i) {
    const std::string p = at(path + ".mentions", i);
    e.mentions.push_back({text(ms[i], "article", p),
                          Span{offset(field(ms[i], "start", p), p + ".start"), offset(field(ms[i], "end", p), p + ".end")},
                          text(ms[i], "text", p), text_or_empty(ms[i], "rule", p),
                          text_or_empty(ms[i], "context", p)});
  }
  e.ticker = text_or_empty(j, "ticker", path);
  e.wikidata = text_or_empty(j, "wikidata", path);
  e.country = text_or_empty(j, "country", path);
  e.maker = text_or_empty(j, "maker", path);
  e.part_of = text_or_empty(j, "part_of", path);
  return e;
}

// The `evidence` object of a deal or a role: its byte span and its words.
Evidence evidence_of(const json& j, const std::string& path) {
  const json& ev = field(j, "evidence", path);
  Evidence e;
  e.span = Span{offset(field(ev, "start", path + ".evidence"), path + ".evidence.start"),
                offset(field(ev, "end", path + ".evidence"), path + ".evidence.end")};
  e.text = text(ev, "text", path + ".evidence");
  return e;
}

Deal deal_of(const json& j, const std::string& path) {
  Deal d;
  d.id = text(j, "id", path);
  d.group = text_or_empty(j, "group", path);
  const std::string type = text(j, "type", path);
  auto t = deal_type_from(type);
  if (!t) throw BadField{path + ".type", "unknown deal type '" + type + "'"};
  d.type = *t;
  d.article = text(j, "article", path);
  const json& ps = array(j, "parties", path);
  for (size_t i = 0; i < ps.size(); ++i)
    d.parties.push_back({text(ps[i], "entity", at(path + ".parties", i)), text(ps[i], "role", at(path + ".parties", i))});
  if (auto it = j.find("amount"); it != j.end() && !it->is_null()) d.amount = money_of(*it, path + ".amount");
  if (auto it = j.find("capacity"); it != j.end() && !it->is_null())
    d.capacity = Power{amount_of(*it, path + ".capacity")};
  d.products = texts(j, "products", path);
  if (auto it = j.find("date"); it != j.end() && !it->is_null()) d.date = date_of(*it, path + ".date");
  if (auto it = j.find("target_date"); it != j.end() && !it->is_null())
    d.target_date = date_of(*it, path + ".target_date");
  d.evidence = evidence_of(j, path);
  d.rule = text(j, "rule", path);
  d.status = text_or_empty(j, "status", path);
  d.conflicts = texts(j, "conflicts", path);
  d.same_as = texts(j, "same_as", path);
  return d;
}

Value value_of(const json& j, const std::string& path) {
  Value v;
  const std::string kind = text(j, "kind", path);
  auto k = value_kind_from(kind);
  if (!k) throw BadField{path + ".kind", "unknown value kind '" + kind + "'"};
  switch (*k) {
    case 0: v.data = money_of(j, path); break;
    case 1: v.data = Power{amount_of(j, path)}; break;
    case 2: v.data = Quantity{amount_of(j, path), text(j, "unit", path)}; break;
    case 3: v.data = Percent{amount_of(j, path)}; break;
    case 4: v.data = date_of(j, path); break;
    default: v.data = Number{amount_of(j, path)}; break;
  }
  v.span = Span{offset(field(j, "start", path), path + ".start"), offset(field(j, "end", path), path + ".end")};
  v.text = text(j, "text", path);
  v.rule = text(j, "rule", path);
  v.article = text_or_empty(j, "article", path);
  return v;
}

// A person's role at an organization (docs/json.md, "roles").
Role role_of(const json& j, const std::string& path) {
  Role r;
  r.person = text(j, "person", path);
  r.org = text(j, "org", path);
  r.title = text(j, "title", path);
  r.article = text(j, "article", path);
  r.evidence = evidence_of(j, path);
  r.rule = text(j, "rule", path);
  return r;
}

void check_format(const json& j) {
  if (!j.is_object() || text(j, "format", "") != "dealgraph/1")
    throw BadField{"format", "not a dealgraph/1 graph"};
}

// A record of `extract --format jsonl` added to `c`.
void add_record(const json& j, Corpus* c) {
  const std::string record = text(j, "record", "");
  if (record == "article") c->articles.push_back(article_of(j, "article"));
  else if (record == "entity") {
    Entity e = entity_of(j, "entity");
    c->entities[e.id] = std::move(e);
  } else if (record == "deal") c->deals.push_back(deal_of(j, "deal"));
  else if (record == "value") c->values.push_back(value_of(j, "value"));
  else if (record == "role") c->roles.push_back(role_of(j, "role"));
  else throw BadField{"record", "unknown record '" + record + "'"};
}

Error bad(const std::string& file, int line, const std::string& where, const std::string& message) {
  Error e;
  e.file = file;
  e.line = line;
  e.message = where.empty() ? message : where + ": " + message;
  if (!e.message.empty() && e.message[0] == '.') e.message.erase(0, 1);
  return e;
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

Result<Corpus> graph_from_json(const json& j) {
  try {
    check_format(j);
    Corpus c;
    const json& as = array(j, "articles", "");
    for (size_t i = 0; i < as.size(); ++i) c.articles.push_back(article_of(as[i], at("articles", i)));
    const json& es = array(j, "entities", "");
    for (size_t i = 0; i < es.size(); ++i) {
      Entity e = entity_of(es[i], at("entities", i));
      c.entities[e.id] = std::move(e);
    }
    const json& ds = array(j, "deals", "");
    for (size_t i = 0; i < ds.size(); ++i) c.deals.push_back(deal_of(ds[i], at("deals", i)));
    const json& vs = array(j, "values", "");
    for (size_t i = 0; i < vs.size(); ++i) c.values.push_back(value_of(vs[i], at("values", i)));
    if (j.contains("roles")) {  // only when some article states a role
      const json& rs = array(j, "roles", "");
      for (size_t i = 0; i < rs.size(); ++i) c.roles.push_back(role_of(rs[i], at("roles", i)));
    }
    return c;
  } catch (const BadField& b) {
    return bad("", 0, b.path, b.message);
  } catch (const json::exception& x) {  // a number out of range, say
    return bad("", 0, "", x.what());
  }
}

Status read_graphs(const std::string& text, const std::string& file, std::vector<Corpus>* out) {
  // One object over several lines (pretty JSON) or JSON lines: try the whole first.
  json whole = json::parse(text, nullptr, false);
  if (!whole.is_discarded() && whole.is_object() && whole.contains("articles")) {
    auto c = graph_from_json(whole);
    if (!c) return bad(file, 0, "", c.error().message);
    out->push_back(std::move(*c));
    return {};
  }
  std::istringstream lines(text);
  std::string line;
  int n = 0;
  std::optional<Corpus> stream;  // records of an `extract --format jsonl` stream
  size_t graphs = 0;
  while (std::getline(lines, line)) {
    ++n;
    if (blank(line)) continue;
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return bad(file, n, "", "not a JSON object");
    try {
      if (j.contains("record")) {
        if (!stream) throw BadField{"record", "a record before the {\"format\":\"dealgraph/1\"} header"};
        add_record(j, &*stream);
        continue;
      }
      check_format(j);
    } catch (const BadField& b) {
      return bad(file, n, b.path, b.message);
    } catch (const json::exception& x) {
      return bad(file, n, "", x.what());
    }
    if (stream) out->push_back(std::move(*stream));
    stream.reset();
    if (!j.contains("articles")) {  // a header: records follow
      stream.emplace();
      ++graphs;
      continue;
    }
    auto c = graph_from_json(j);
    if (!c) return bad(file, n, "", c.error().message);
    out->push_back(std::move(*c));
    ++graphs;
  }
  if (stream) out->push_back(std::move(*stream));
  if (graphs == 0) return bad(file, 0, "", "no dealgraph/1 graph in it (expected the JSON of extract or merge)");
  return {};
}

}  // namespace dealgraph
