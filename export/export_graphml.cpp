#include "export/export_graphml.h"

#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <tuple>
#include <vector>

#include "export/party_edges.h"
#include "export/xml_text.h"
#include "graph/deal_fields.h"
#include "graph/labels.h"

namespace dealgraph {

namespace {

// One GraphML key: for node or edge, its name and type.
struct Key {
  const char* for_;
  const char* name;
  const char* type;  // string | double | int
};
// The keys, in the order they are declared and written (id = "d" + index).
const std::vector<Key>& keys() {
  static const std::vector<Key> k = {
      {"node", "id", "string"},          {"node", "kind", "string"},        {"node", "label", "string"},
      {"node", "type", "string"},        {"node", "date", "string"},        {"node", "date_grain", "string"},
      {"node", "date_start", "string"},  {"node", "date_end", "string"},    {"node", "status", "string"},
      {"node", "amount", "double"},      {"node", "amount_min", "double"},  {"node", "amount_max", "double"},
      {"node", "currency", "string"},    {"node", "amount_usd", "double"},  {"node", "amount_label", "string"},
      {"node", "capacity_w", "double"},  {"node", "url", "string"},         {"node", "rule", "string"},
      {"node", "mentions", "int"},       {"node", "deals", "int"},          {"edge", "relation", "string"},
      {"edge", "role", "string"},        {"edge", "deal", "string"},        {"edge", "type", "string"},
      {"edge", "status", "string"},      {"edge", "date", "string"},        {"edge", "date_start", "string"},
      {"edge", "date_end", "string"},    {"edge", "amount", "double"},      {"edge", "currency", "string"},
      {"edge", "amount_usd", "double"},  {"edge", "amount_label", "string"},
  };
  return k;
}

std::string key_id(const char* for_, const std::string& name) {
  const auto& k = keys();
  for (size_t i = 0; i < k.size(); ++i)
    if (k[i].for_ == std::string(for_) && name == k[i].name) return "d" + std::to_string(i);
  return "";  // not reached: every name written is declared
}

// The data of one node or edge: key name → text, written in key order.
struct Data {
  std::map<std::string, std::string> values;
  void text(const std::string& name, const std::string& v) {
    if (!v.empty()) values[name] = v;
  }
  void number(const std::string& name, const std::optional<double>& v) {
    if (v) values[name] = labels::plain_number(*v);
  }
  void count(const std::string& name, size_t n) { values[name] = std::to_string(n); }
  std::string xml(const char* for_, const char* indent) const {
    std::string out;
    for (const Key& k : keys()) {
      if (k.for_ != std::string(for_)) continue;
      auto it = values.find(k.name);
      if (it != values.end())
        out += std::string(indent) + "<data key=\"" + key_id(for_, k.name) + "\">" + xml_escape(it->second) +
               "</data>\n";
    }
    return out;
  }
};

// A deal's date and amount fields, on its node or on its edges.
void put_figures(Data* d, const DateFields& when, const AmountFields& a, const std::string& status, bool bounds) {
  d->text("date", when.date);
  d->text("date_start", when.start);
  d->text("date_end", when.end);
  d->text("status", status);
  d->number("amount", a.value);
  if (bounds) {
    d->text("date_grain", when.grain);
    d->number("amount_min", a.min);
    d->number("amount_max", a.max);
  }
  d->text("currency", a.currency);
  d->number("amount_usd", a.usd);
  d->text("amount_label", a.label);
}

class Writer {
 public:
  Writer(const DealGraph& dg, const View& v) : dg_(dg), c_(dg.corpus()), v_(v) {
    for (const auto& a : c_.articles) articles_[a.id] = &a;
    for (const auto& d : c_.deals) deals_[d.id] = &d;
    for (const auto& grp : v_.groups) {
      std::set<std::string> seen;  // a party with two roles is in the deal once
      for (const auto& p : grp.parties)
        if (seen.insert(p.entity).second) ++deal_count_[p.entity];
    }
  }

  std::string write() {
    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    const auto& k = keys();
    for (size_t i = 0; i < k.size(); ++i)
      out += std::string("  <key id=\"d") + std::to_string(i) + "\" for=\"" + k[i].for_ + "\" attr.name=\"" +
             k[i].name + "\" attr.type=\"" + k[i].type + "\"/>\n";
    out += "  <graph id=\"G\" edgedefault=\"directed\">\n";
    nodes(&out);
    edges(&out);
    return out + "  </graph>\n</graphml>\n";
  }

 private:
  void node(std::string* out, Vertex from, const Data& d) {
    const std::string id = "n" + std::to_string(node_of_.size());
    node_of_[from] = id;
    *out += "    <node id=\"" + id + "\">\n" + d.xml("node", "      ") + "    </node>\n";
  }

  void edge(std::string* out, const std::string& s, const std::string& t, const Data& d) {
    *out += "    <edge id=\"e" + std::to_string(edges_++) + "\" source=\"" + s + "\" target=\"" + t + "\">\n" +
            d.xml("edge", "      ") + "    </edge>\n";
  }

  std::string article_date(const std::string& id) const {
    auto it = articles_.find(id);
    return it != articles_.end() && it->second->date ? *it->second->date : "";
  }

  Data deal_data(const Deal& d) const {
    Data n;
    n.text("id", d.id);
    n.text("kind", "deal");
    n.text("label", to_string(d.type));
    n.text("type", to_string(d.type));
    const DateFields when = date_fields(d.date, article_date(d.article));
    put_figures(&n, when, amount_fields(d.amount, when.date), d.status, true);
    if (d.capacity) n.number("capacity_w", labels::figure(d.capacity->amount));
    auto a = articles_.find(d.article);
    if (a != articles_.end() && a->second->url) n.text("url", *a->second->url);
    n.text("rule", d.rule);
    return n;
  }

  void nodes(std::string* out) {
    for (const auto& id : v_.entities) {
      const Entity& e = c_.entities.at(id);
      Data n;
      n.text("id", id);
      n.text("kind", "entity");
      n.text("label", e.name);
      n.text("type", to_string(e.type));
      n.count("mentions", e.mentions.size());
      auto dc = deal_count_.find(id);
      n.count("deals", dc == deal_count_.end() ? 0 : dc->second);
      node(out, *dg_.entity_vertex(id), n);
    }
    for (const auto& grp : v_.groups)
      for (const Deal* d : grp.members) node(out, *dg_.deal_vertex(d->id), deal_data(*d));
    for (const auto& a : c_.articles) {
      if (!v_.articles.count(a.id)) continue;
      Data n;
      n.text("id", a.id);
      n.text("kind", "article");
      n.text("label", a.headline);
      n.text("date", a.date.value_or(""));
      n.text("url", a.url.value_or(""));
      node(out, *dg_.article_vertex(a.id), n);
    }
  }

  static bool is_role(const std::string& kind) {
    return kind != "product" && kind != "reported_in" && kind != "maker" && kind != "mentioned_in";
  }

  void edges(std::string* out) {
    const Graph& src = dg_.graph();
    for (auto [it, end] = boost::edges(src); it != end; ++it) {
      auto s = node_of_.find(boost::source(*it, src)), t = node_of_.find(boost::target(*it, src));
      if (s == node_of_.end() || t == node_of_.end()) continue;
      const std::string& kind = src[*it].kind;
      Data e;
      e.text("relation", kind);
      if (is_role(kind)) role_edge_data(&e, kind, src[boost::source(*it, src)].id);
      edge(out, s->second, t->second, e);
    }
    for (const auto& grp : v_.groups)
      for (size_t i = 1; i < grp.members.size(); ++i) {
        Data e;
        e.text("relation", "same_as");
        edge(out, node_of_.at(*dg_.deal_vertex(grp.lead->id)), node_of_.at(*dg_.deal_vertex(grp.members[i]->id)), e);
      }
    for (const PartyEdge& pe : party_edges(dg_, v_)) {
      Data e;
      e.text("relation", "deal");
      e.text("deal", pe.group->lead->id);
      e.text("type", to_string(pe.group->lead->type));
      put_figures(&e, pe.when, pe.amount, pe.group->status, false);
      edge(out, node_of_.at(*dg_.entity_vertex(pe.from)), node_of_.at(*dg_.entity_vertex(pe.to)), e);
    }
    role_edges(out);
  }

  // A person's role at an organization: one role_at edge, person to org,
  // per title stated in a shown article; the title goes in `role`.
  void role_edges(std::string* out) {
    std::set<std::tuple<std::string, std::string, std::string>> seen;
    for (const auto& r : c_.roles) {
      auto p = dg_.entity_vertex(r.person), o = dg_.entity_vertex(r.org);
      if (!p || !o || !v_.articles.count(r.article) || !seen.insert({r.person, r.org, r.title}).second) continue;
      auto s = node_of_.find(*p), t = node_of_.find(*o);
      if (s == node_of_.end() || t == node_of_.end()) continue;
      Data e;
      e.text("relation", "role_at");
      e.text("role", labels::printable(r.title));
      edge(out, s->second, t->second, e);
    }
  }

  // A deal→party edge: the role, and the deal's own figures.
  void role_edge_data(Data* e, const std::string& role, const std::string& deal_id) const {
    e->text("role", role);
    e->text("deal", deal_id);
    auto it = deals_.find(deal_id);
    if (it == deals_.end()) return;
    const Deal& d = *it->second;
    e->text("type", to_string(d.type));
    const DateFields when = date_fields(d.date, article_date(d.article));
    put_figures(e, when, amount_fields(d.amount, when.date), d.status, false);
  }

  const DealGraph& dg_;
  const Corpus& c_;
  const View& v_;
  std::map<std::string, const Article*> articles_;
  std::map<std::string, size_t> deal_count_;  // entity id → kept groups it is a party of
  std::map<std::string, const Deal*> deals_;
  std::map<Vertex, std::string> node_of_;  // DealGraph vertex → GraphML node id
  size_t edges_ = 0;
};

}  // namespace

std::string to_graphml(const DealGraph& dg, const View& v) { return Writer(dg, v).write(); }

}  // namespace dealgraph
