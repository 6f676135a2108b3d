#include "export/diff_output.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <set>

#include "core/value_json.h"
#include "export/export_dot.h"
#include "graph/labels.h"

namespace dealgraph {

namespace {

std::string name_of(const std::string& id, const Corpus& c) {
  auto it = c.entities.find(id);
  return it == c.entities.end() ? id : it->second.name;
}

std::string parties_text(const DealGroup& g, const Corpus& c) {
  std::string out;
  for (const auto& p : g.parties) out += (out.empty() ? "" : "; ") + p.role + ": " + name_of(p.entity, c);
  return out;
}

std::string amount_text(const DealGroup& g) { return g.amount ? labels::short_money(*g.amount) : ""; }

std::string both(const std::string& a, const std::string& b) {
  if (a == b) return b;
  return (a.empty() ? "-" : a) + " → " + (b.empty() ? "-" : b);
}

std::vector<std::string> deal_row(const std::string& change, const DealGroup& g, const Corpus& c) {
  return {change, group_id(g), to_string(g.lead->type), g.when, parties_text(g, c), amount_text(g), g.status};
}

nlohmann::json group_json(const DealGroup& g, const Corpus& c) {
  nlohmann::json j;
  j["group"] = group_id(g);
  j["deals"] = nlohmann::json::array();
  for (const Deal* d : g.members) j["deals"].push_back(d->id);
  j["type"] = to_string(g.lead->type);
  j["date"] = g.when.empty() ? nlohmann::json(nullptr) : nlohmann::json(g.when);
  j["parties"] = nlohmann::json::array();
  for (const auto& p : g.parties) j["parties"].push_back({{"entity", p.entity}, {"role", p.role}, {"name", name_of(p.entity, c)}});
  j["amount"] = g.amount ? money_json(*g.amount) : nlohmann::json(nullptr);
  j["capacity"] = g.capacity ? power_json(*g.capacity) : nlohmann::json(nullptr);
  j["status"] = g.status.empty() ? nlohmann::json(nullptr) : nlohmann::json(g.status);
  return j;
}

// ------------------------------------------------------------------ diagram

char* cs(const std::string& s) { return const_cast<char*>(s.c_str()); }

struct Closer {
  void operator()(Agraph_t* g) const { agclose(g); }
};

class DiffDiagram {
 public:
  DiffDiagram(Agraph_t* g, const Schema& schema) : g_(g), schema_(schema) {}

  void declare(const std::string& title) {
    agattr(g_, AGRAPH, cs("rankdir"), cs("LR"));
    agattr(g_, AGRAPH, cs("labelloc"), cs("t"));
    agattr(g_, AGRAPH, cs("fontname"), cs("NanumGothic"));
    agattr(g_, AGRAPH, cs("label"),
           cs(title + "\nnew deals: green, bold · changed: orange (old → new) · removed: grey, dashed · "
                      "new companies: filled"));
    agattr(g_, AGNODE, cs("fontname"), cs("NanumGothic"));
    agattr(g_, AGNODE, cs("fontsize"), cs("11"));
    agattr(g_, AGNODE, cs("shape"), cs("box"));
    agattr(g_, AGNODE, cs("style"), cs("rounded"));
    agattr(g_, AGNODE, cs("fillcolor"), cs("white"));
    agattr(g_, AGEDGE, cs("fontname"), cs("NanumGothic"));
    agattr(g_, AGEDGE, cs("fontsize"), cs("9"));
    agattr(g_, AGEDGE, cs("color"), cs("black"));
    agattr(g_, AGEDGE, cs("fontcolor"), cs("black"));
    agattr(g_, AGEDGE, cs("style"), cs("solid"));
    agattr(g_, AGEDGE, cs("penwidth"), cs("1"));
    agattr(g_, AGEDGE, cs("label"), cs(""));
  }

  void company(const std::string& id, const std::string& name, bool is_new) {
    Agnode_t* n = node(id, name);
    if (is_new) {
      set(n, "style", "rounded,filled");
      set(n, "fillcolor", "#c7e9c0");
    }
  }

  // One edge per pair of sides, as the deal diagram draws it.
  void deal(const DealGroup& g, const Corpus& c, const std::string& label, const char* color, const char* style,
            const char* pen) {
    std::vector<std::string> from, to;
    const std::string& from_role = schema_.from_role(g.lead->type);
    for (const auto& p : g.parties) (p.role == from_role && !from_role.empty() ? from : to).push_back(p.entity);
    if (from.empty() && !to.empty()) {  // no direction (partners): the first to each other
      from.push_back(to.front());
      to.erase(to.begin());
    }
    for (const auto& a : from)
      for (const auto& b : to) {
        Agedge_t* e = agedge(g_, node(a, name_of(a, c)), node(b, name_of(b, c)), cs(group_id(g) + a + b), 1);
        set(e, "label", label);
        set(e, "color", color);
        set(e, "fontcolor", color);
        set(e, "style", style);
        set(e, "penwidth", pen);
      }
  }

 private:
  Agnode_t* node(const std::string& id, const std::string& name) {
    Agnode_t* n = agnode(g_, cs(id), 1);
    set(n, "label", name);
    return n;
  }
  void set(void* obj, const char* name, const std::string& value) {
    agsafeset(obj, const_cast<char*>(name), cs(value), const_cast<char*>(""));
  }

  Agraph_t* g_;
  const Schema& schema_;
};

std::string label_of(const DealGroup& g) {
  std::string l = to_string(g.lead->type);
  if (g.amount) l += " " + labels::short_money(*g.amount);
  if (!g.status.empty()) l += " (" + g.status + ")";
  return l;
}

}  // namespace

Table diff_table(const GraphDiff& d, const Corpus& before, const Corpus& after) {
  Table t{{"change", "id", "type", "date", "parties", "amount", "status"}, {}, {}};
  for (const auto& g : d.new_deals) t.rows.push_back(deal_row("new", g, after));
  for (const auto& c : d.changed) {
    auto row = deal_row("changed", c.after, after);
    row[5] = both(amount_text(c.before), amount_text(c.after));
    row[6] = both(c.before.status, c.after.status);
    t.rows.push_back(row);
  }
  for (const auto& g : d.removed) t.rows.push_back(deal_row("removed", g, before));
  for (const Entity* e : d.new_companies) t.rows.push_back({"new company", e->id, to_string(e->type), "", e->name, "", ""});
  return t;
}

nlohmann::json diff_json(const GraphDiff& d, const Corpus& before, const Corpus& after) {
  nlohmann::json j;
  j["new_deals"] = nlohmann::json::array();
  for (const auto& g : d.new_deals) j["new_deals"].push_back(group_json(g, after));
  j["changed"] = nlohmann::json::array();
  for (const auto& c : d.changed)
    j["changed"].push_back({{"group", group_id(c.after)}, {"fields", c.fields},
                            {"before", group_json(c.before, before)}, {"after", group_json(c.after, after)}});
  j["removed"] = nlohmann::json::array();
  for (const auto& g : d.removed) j["removed"].push_back(group_json(g, before));
  j["new_companies"] = nlohmann::json::array();
  for (const Entity* e : d.new_companies)
    j["new_companies"].push_back({{"id", e->id}, {"name", e->name}, {"type", to_string(e->type)}});
  return j;
}

Result<std::string> render_diff_diagram(const GraphDiff& d, const Corpus& before, const Corpus& after,
                                        const Schema& schema, const std::string& format, const std::string& title) {
  graphviz_context();  // before agopen (export/export_dot.cpp)
  std::unique_ptr<Agraph_t, Closer> g(agopen(cs("dealgraph_diff"), Agdirected, nullptr));
  DiffDiagram dd(g.get(), schema);
  dd.declare(title);
  std::set<std::string> fresh;
  for (const Entity* e : d.new_companies) fresh.insert(e->id);
  // Nodes first, so new companies are marked whichever deal draws them.
  auto companies = [&](const DealGroup& grp, const Corpus& c) {
    for (const auto& p : grp.parties) dd.company(p.entity, name_of(p.entity, c), fresh.count(p.entity) > 0);
  };
  for (const auto& grp : d.new_deals) companies(grp, after);
  for (const auto& c : d.changed) companies(c.after, after);
  for (const auto& grp : d.removed) companies(grp, before);
  for (const auto& grp : d.new_deals) dd.deal(grp, after, "new: " + label_of(grp), "#1a9850", "bold", "2.5");
  for (const auto& c : d.changed)
    dd.deal(c.after, after, both(label_of(c.before), label_of(c.after)), "#e66101", "solid", "2");
  for (const auto& grp : d.removed) dd.deal(grp, before, "removed: " + label_of(grp), "#999999", "dashed", "1");
  return render_agraph(g.get(), format);
}

}  // namespace dealgraph
