#include "export/export_gexf.h"

#include <map>
#include <optional>
#include <vector>

#include "export/party_edges.h"
#include "export/xml_text.h"
#include "graph/labels.h"

namespace dealgraph {

namespace {

struct Attr {
  const char* title;
  const char* type;  // string | integer | double
};
const std::vector<Attr> kNodeAttrs = {{"type", "string"}, {"deals", "integer"}, {"amount_usd", "double"}};
const std::vector<Attr> kEdgeAttrs = {{"deal", "string"},       {"type", "string"},     {"status", "string"},
                                      {"date", "string"},       {"date_grain", "string"}, {"amount", "double"},
                                      {"currency", "string"},   {"amount_usd", "double"}, {"amount_label", "string"}};

std::string declare(const char* cls, const std::vector<Attr>& attrs) {
  std::string out = std::string("    <attributes class=\"") + cls + "\">\n";
  for (size_t i = 0; i < attrs.size(); ++i)
    out += "      <attribute id=\"" + std::to_string(i) + "\" title=\"" + attrs[i].title + "\" type=\"" +
           attrs[i].type + "\"/>\n";
  return out + "    </attributes>\n";
}

// attvalues for the attributes given (title → value), empty ones left out.
std::string values(const std::vector<Attr>& attrs, const std::map<std::string, std::string>& v, const char* indent) {
  std::string out;
  for (size_t i = 0; i < attrs.size(); ++i) {
    auto it = v.find(attrs[i].title);
    if (it == v.end() || it->second.empty()) continue;
    out += std::string(indent) + "  <attvalue for=\"" + std::to_string(i) + "\" value=\"" + xml_escape(it->second) +
           "\"/>\n";
  }
  return out.empty() ? "" : std::string(indent) + "<attvalues>\n" + out + indent + "</attvalues>\n";
}

std::string number(const std::optional<double>& v) { return v ? labels::plain_number(*v) : ""; }

std::string interval(const std::string& start, const std::string& end) {
  std::string out;
  if (!start.empty()) out += " start=\"" + start + "\"";
  if (!end.empty()) out += " end=\"" + end + "\"";
  return out;
}

struct NodeSums {
  size_t deals = 0;
  double usd = 0;
  bool has_usd = false;
  std::string first;  // earliest date_start of its deals
};

}  // namespace

std::string to_gexf(const DealGraph& g, const View& v) {
  const Corpus& c = g.corpus();
  const std::vector<PartyEdge> edges = party_edges(g, v);
  std::map<std::string, NodeSums> sums;
  for (const auto& grp : v.groups) {
    const DateFields when = group_date_fields(grp);
    const AmountFields a = amount_fields(grp.amount, grp.when);
    std::map<std::string, bool> seen;
    for (const auto& p : grp.parties) {
      if (!v.entities.count(p.entity) || seen[p.entity]) continue;
      seen[p.entity] = true;
      NodeSums& s = sums[p.entity];
      ++s.deals;
      if (a.usd) {
        s.usd += *a.usd;
        s.has_usd = true;
      }
      if (!when.start.empty() && (s.first.empty() || when.start < s.first)) s.first = when.start;
    }
  }
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
      "  <meta>\n    <creator>dealgraph</creator>\n    <description>deals between companies</description>\n"
      "  </meta>\n"
      "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">\n";
  out += declare("node", kNodeAttrs);
  out += declare("edge", kEdgeAttrs);
  out += "    <nodes>\n";
  for (const auto& id : v.entities) {
    auto s = sums.find(id);
    if (s == sums.end()) continue;  // a chip or a focus with no kept deal: not in the deal network
    const Entity& e = c.entities.at(id);
    out += "      <node id=\"" + xml_escape(id) + "\" label=\"" + xml_escape(e.name) + "\"" +
           interval(s->second.first, "") + ">\n";
    out += values(kNodeAttrs,
                  {{"type", to_string(e.type)},
                   {"deals", std::to_string(s->second.deals)},
                   {"amount_usd", s->second.has_usd ? labels::plain_number(s->second.usd) : ""}},
                  "        ");
    out += "      </node>\n";
  }
  out += "    </nodes>\n    <edges>\n";
  for (size_t i = 0; i < edges.size(); ++i) {
    const PartyEdge& e = edges[i];
    out += "      <edge id=\"" + std::to_string(i) + "\" source=\"" + xml_escape(e.from) + "\" target=\"" +
           xml_escape(e.to) + "\"" +
           " label=\"" + xml_escape(to_string(e.group->lead->type)) + "\"" + interval(e.when.start, e.when.end) +
           ">\n";
    out += values(kEdgeAttrs,
                  {{"deal", e.group->lead->id},
                   {"type", to_string(e.group->lead->type)},
                   {"status", e.group->status},
                   {"date", e.when.date},
                   {"date_grain", e.when.grain},
                   {"amount", number(e.amount.value)},
                   {"currency", e.amount.currency},
                   {"amount_usd", number(e.amount.usd)},
                   {"amount_label", e.amount.label}},
                  "        ");
    out += "      </edge>\n";
  }
  return out + "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace dealgraph
