#include "export/export_dot.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <set>
#include <vector>

#include "graph/labels.h"

namespace dealgraph {

bool is_diagram_format(const std::string& f) { return f == "dot" || f == "svg" || f == "png" || f == "pdf"; }
bool is_binary_format(const std::string& f) { return f == "png" || f == "pdf"; }

namespace {

// cgraph 2.43 takes char* for names and values it only reads.
char* cs(const std::string& s) { return const_cast<char*>(s.c_str()); }

// Graphviz reads backslash escapes in labels (\N is the node name, \n \l \r
// break lines): a literal backslash is doubled, a newline becomes a centred
// line break, and other control characters are dropped. It also decodes
// HTML entities in labels ("&amp;" shows as "&"), so '&' is written as
// "&amp;": a name that reads "&lt;" shows as "&lt;".
std::string esc(std::string_view s) {
  std::string out;
  for (char c : labels::printable(s)) {
    if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '&') out += "&amp;";
    else out += c;
  }
  return out;
}

struct NodeStyle {
  const char* shape;
  const char* style;
  const char* fill;
};

NodeStyle entity_style(EntityType t) {
  switch (t) {
    case EntityType::Organization: return {"box", "rounded,filled", "#e3f2fd"};
    case EntityType::GovernmentBody: return {"house", "filled", "#fff3e0"};
    case EntityType::Person: return {"ellipse", "filled", "#f1f8e9"};
    case EntityType::Chip: return {"component", "filled", "#eeeeee"};
    case EntityType::Product: return {"tab", "filled", "#f5f5f5"};
    case EntityType::Facility: return {"cylinder", "filled", "#efebe9"};
    case EntityType::Fund: return {"folder", "filled", "#fce4ec"};
    case EntityType::Place: return {"octagon", "filled", "#ede7f6"};
  }
  return {"box", "filled", "#ffffff"};
}

const char* deal_color(DealType t) {
  switch (t) {
    case DealType::Investment: return "#2e7d32";
    case DealType::Acquisition: return "#c62828";
    case DealType::Purchase: return "#1565c0";
    case DealType::Lease: return "#6a1b9a";
    case DealType::Partnership: return "#ef6c00";
    case DealType::Contract: return "#00838f";
    case DealType::Manufacturing: return "#4e342e";
    case DealType::Approval: return "#827717";
    case DealType::Fund: return "#ad1457";
    case DealType::Facility: return "#37474f";
  }
  return "#000000";
}

// 1 below $100M, then +0.75 per tenfold, at most 6: $1B → 1.75, $100B → 3.25.
std::string pen_width(const std::optional<Money>& m) {
  double w = 1.0;
  if (auto usd = labels::usd_figure(m); usd && *usd > 1e8) w = std::min(6.0, 1.0 + 0.75 * std::log10(*usd / 1e8));
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", w);
  return buf;
}

struct Closer {
  void operator()(Agraph_t* g) const { agclose(g); }
};
// One gvc context for the whole process, never freed: Graphviz 2.43's pango
// plugin caches a pointer to the last font name, which gvFreeContext frees,
// so a second context reads freed memory (found by AddressSanitizer). It also
// installs the default node label (\N) that layout expects on every graph
// opened afterwards, so it must exist before agopen.
GVC_t* context() {
  static GVC_t* gvc = gvContext();
  return gvc;
}

// Graphviz reports through agerr(); collect its messages for the Error.
std::string g_messages;
int collect(char* msg) {
  g_messages += msg;
  return 0;
}

class Builder {
 public:
  Builder(const DealGraph& dg, const View& v, Agraph_t* g, const DiagramOptions& o)
      : c_(dg.corpus()), schema_(dg.schema()), v_(v), g_(g), opt_(o) {}

  void build() {
    declare();
    for (const auto& id : v_.entities) entity_node(c_.entities.at(id));
    for (const auto& id : v_.entities) maker_edge(c_.entities.at(id));
    for (const auto& grp : v_.groups) deal(grp);
    if (opt_.legend) legend();
  }

 private:
  void set(void* obj, const char* name, const std::string& value) {
    agsafeset(obj, const_cast<char*>(name), cs(value), const_cast<char*>(""));
  }

  // Defaults first, so every later agsafeset finds the attribute declared and
  // agwrite prints them once, in this order.
  void declare() {
    agattr(g_, AGRAPH, cs("rankdir"), cs("LR"));
    agattr(g_, AGRAPH, cs("fontname"), cs(opt_.font));
    agattr(g_, AGRAPH, cs("label"), cs(""));
    agattr(g_, AGNODE, cs("fontname"), cs(opt_.font));
    agattr(g_, AGNODE, cs("fontsize"), cs("11"));
    agattr(g_, AGEDGE, cs("fontname"), cs(opt_.font));
    agattr(g_, AGEDGE, cs("fontsize"), cs("9"));
  }

  void entity_node(const Entity& e) {
    Agnode_t* n = agnode(g_, cs(e.id), 1);
    NodeStyle s = entity_style(e.type);
    set(n, "label", esc(e.name));
    set(n, "shape", s.shape);
    set(n, "style", s.style);
    set(n, "fillcolor", s.fill);
    set(n, "tooltip", esc(e.id));
    types_.insert(e.type);
  }

  void maker_edge(const Entity& e) {
    if (e.maker.empty() || !v_.entities.count(e.maker)) return;
    Agedge_t* ed = agedge(g_, node(e.id), node(e.maker), cs("maker:" + e.id), 1);
    set(ed, "style", "dashed");
    set(ed, "color", "#757575");
    set(ed, "arrowhead", "onormal");
    has_maker_ = true;
  }

  Agnode_t* node(const std::string& id) { return agnode(g_, cs(id), 0); }

  std::string label(const DealGroup& grp) {
    std::vector<std::string> parts;
    std::string products;
    for (const auto& p : grp.products)
      if (v_.entities.count(p)) products += (products.empty() ? "" : ", ") + c_.entities.at(p).name;
    if (!products.empty()) parts.push_back(products);
    if (grp.amount) parts.push_back(labels::short_money(*grp.amount));
    if (grp.capacity) parts.push_back(labels::short_power(*grp.capacity));
    std::string date = grp.date ? labels::short_date(*grp.date) : "";
    if (date.empty()) date = grp.when;
    if (!date.empty()) parts.push_back(date);
    std::string out = to_string(grp.lead->type);
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? " · " : "\\n") + esc(parts[i]);
    return out;
  }

  std::string tooltip(const DealGroup& grp) {
    std::string ids;
    for (const auto* d : grp.members) ids += (ids.empty() ? "" : ", ") + d->id;
    return esc(ids + ": " + grp.lead->evidence.text);
  }

  void style_deal(void* obj, const DealGroup& grp, bool with_label) {
    if (with_label) set(obj, "label", label(grp));
    set(obj, "color", deal_color(grp.lead->type));
    set(obj, "fontcolor", deal_color(grp.lead->type));
    set(obj, "penwidth", pen_width(grp.amount));
    set(obj, "tooltip", tooltip(grp));
    if (grp.lead->status == "failed") set(obj, "style", "dotted");
  }

  void deal(const DealGroup& grp) {
    deal_types_.insert(grp.lead->type);
    Sides sides = sides_of(grp);
    if (sides.from.empty() || sides.to.empty()) deal_as_node(grp, sides);
    else deal_as_edges(grp, sides);
  }

  // The kept parties of a deal, split into the side its edges start from
  // (Schema::is_from_role) and the side they point to. A partnership has no
  // direction: its first partner is drawn as the from side.
  struct Sides {
    std::vector<std::string> from, to;
  };
  Sides sides_of(const DealGroup& grp) const {
    Sides s;
    const bool partnership = grp.lead->type == DealType::Partnership;
    for (const auto& p : grp.parties) {
      if (!v_.entities.count(p.entity)) continue;
      if (partnership) (s.from.empty() ? s.from : s.to).push_back(p.entity);
      else (schema_.is_from_role(p.role) ? s.from : s.to).push_back(p.entity);
    }
    return s;
  }

  // One side only (a fund with its sponsor left out...): the deal becomes a
  // note node, with an edge from or to each party it has.
  void deal_as_node(const DealGroup& grp, const Sides& sides) {
    const std::string& id = grp.lead->id;
    Agnode_t* n = agnode(g_, cs("deal:" + id), 1);
    set(n, "shape", "note");
    set(n, "style", "filled");
    set(n, "fillcolor", "#fffde7");
    style_deal(n, grp, true);
    const bool src = !sides.from.empty();
    for (const auto& e : src ? sides.from : sides.to) {
      Agedge_t* ed = agedge(g_, src ? node(e) : n, src ? n : node(e), cs(id + ":" + e), 1);
      style_deal(ed, grp, false);
    }
  }

  // Both sides: one labelled edge per (from, to) pair, named D1, D1/2, ...
  void deal_as_edges(const DealGroup& grp, const Sides& sides) {
    const std::string& id = grp.lead->id;
    int k = 0;
    for (const auto& a : sides.from)
      for (const auto& b : sides.to) {
        std::string name = k++ ? id + "/" + std::to_string(k) : id;
        Agedge_t* ed = agedge(g_, node(a), node(b), cs(name), 1);
        style_deal(ed, grp, true);
        if (grp.lead->type == DealType::Partnership) set(ed, "dir", "none");
      }
  }

  void legend() {
    if (types_.empty() && deal_types_.empty()) return;  // nothing shown, nothing to explain
    Agraph_t* sub = agsubg(g_, cs("cluster_legend"), 1);
    set(sub, "label", "Legend");
    for (EntityType t : types_) {
      Agnode_t* n = agnode(sub, cs(std::string("legend:") + to_string(t)), 1);
      NodeStyle s = entity_style(t);
      set(n, "label", to_string(t));
      set(n, "shape", s.shape);
      set(n, "style", s.style);
      set(n, "fillcolor", s.fill);
    }
    auto sample_edge = [&](const std::string& key, const std::string& text, const char* color) {
      Agnode_t* a = agnode(sub, cs("legend:" + key + ":from"), 1);
      Agnode_t* b = agnode(sub, cs("legend:" + key + ":to"), 1);
      for (Agnode_t* n : {a, b}) {
        set(n, "shape", "point");
        set(n, "label", "");
      }
      Agedge_t* e = agedge(sub, a, b, cs("legend:" + key), 1);
      set(e, "label", text);
      set(e, "color", color);
      set(e, "fontcolor", color);
      return e;
    };
    for (DealType t : deal_types_) sample_edge(to_string(t), to_string(t), deal_color(t));
    if (has_maker_) set(sample_edge("maker", "made by", "#757575"), "style", "dashed");
  }

  const Corpus& c_;
  const Schema& schema_;
  const View& v_;
  Agraph_t* g_;
  const DiagramOptions& opt_;
  std::set<EntityType> types_;
  std::set<DealType> deal_types_;
  bool has_maker_ = false;
};

std::string agwrite_string(Agraph_t* g) {
  char* buf = nullptr;
  size_t len = 0;
  std::FILE* f = open_memstream(&buf, &len);
  if (!f) return "";
  agwrite(g, f);
  std::fclose(f);
  std::string out(buf, len);
  std::free(buf);
  return out;
}

}  // namespace

Result<std::string> render_diagram(const DealGraph& dg, const View& v, const std::string& format,
                                   const DiagramOptions& opt) {
  if (!is_diagram_format(format)) return Error::at("", 0, 0, "unknown diagram format '" + format + "'");
  g_messages.clear();
  agusererrf previous = agseterrf(collect);
  agerrlevel_t previous_level = agseterr(AGERR);
  GVC_t* gvc = context();
  std::unique_ptr<Agraph_t, Closer> g(agopen(cs("dealgraph"), Agdirected, nullptr));
  Builder(dg, v, g.get(), opt).build();

  Result<std::string> out = std::string();
  if (format == "dot") {
    *out = agwrite_string(g.get());
  } else if (gvLayout(gvc, g.get(), "dot") != 0) {
    out = Error::at("", 0, 0, "graphviz layout failed: " + labels::one_line(g_messages));
  } else {
    char* data = nullptr;
    unsigned int len = 0;
    if (gvRenderData(gvc, g.get(), format.c_str(), &data, &len) != 0 || !data)
      out = Error::at("", 0, 0, "graphviz cannot render " + format + ": " + labels::one_line(g_messages));
    else
      *out = std::string(data, len);
    if (data) gvFreeRenderData(data);
    gvFreeLayout(gvc, g.get());
  }
  agseterrf(previous);
  agseterr(previous_level);
  return out;
}

}  // namespace dealgraph
