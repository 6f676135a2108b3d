#include "export/export_dot.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <set>
#include <vector>

#include "graph/deal_fields.h"
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

// A URL as Graphviz writes it into SVG: Graphviz 2.43 copies a bare "&"
// into the href (invalid XML: "?a=1&b=2"), so it gets "&amp;", which it
// keeps as an entity; characters a URL may not hold raw (space, quotes,
// < > \ and control bytes) are percent-encoded, which means the same URL.
std::string url_attr(std::string_view url) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : url) {
    if (c == '&') {
      out += "&amp;";
    } else if (c <= 0x20 || c == 0x7f || std::string_view("\"<>\\^`{|}'").find(static_cast<char>(c)) != std::string_view::npos) {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
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
// Other currencies by their amount_usd (graph/usd.h).
double pen_width_of(std::optional<double> usd) {
  if (!usd || *usd <= 1e8) return 1.0;
  return std::min(6.0, 1.0 + 0.75 * std::log10(*usd / 1e8));
}
std::string pen_width(const DealGroup& grp) {
  double w = pen_width_of(amount_fields(grp.amount, grp.when).usd);
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
    title();
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
    agattr(g_, AGRAPH, cs("labelloc"), cs("t"));
    agattr(g_, AGRAPH, cs("fontsize"), cs("16"));
    if (opt_.dpi > 0) agattr(g_, AGRAPH, cs("dpi"), cs(std::to_string(opt_.dpi)));
    // 14/12 points: "≥" and "≤" stay apart from ">" and "<" at 96 dpi
    agattr(g_, AGNODE, cs("fontname"), cs(opt_.font));
    agattr(g_, AGNODE, cs("fontsize"), cs("14"));
    agattr(g_, AGEDGE, cs("fontname"), cs(opt_.font));
    agattr(g_, AGEDGE, cs("fontsize"), cs("12"));
    // declared here so that agwrite prints them once, before any node
    agattr(g_, AGNODE, cs("URL"), cs(""));
    agattr(g_, AGNODE, cs("target"), cs(""));
    agattr(g_, AGNODE, cs("id"), cs(""));
    agattr(g_, AGEDGE, cs("id"), cs(""));
    agattr(g_, AGEDGE, cs("URL"), cs(""));
    agattr(g_, AGEDGE, cs("target"), cs(""));
  }

  // "Deals in a.txt, b.txt" and "2026-01-01 – 2026-03-02 · 4 deals": the
  // inputs (at most three named) and the range of the shown deals' dates.
  void title() {
    if (opt_.inputs.empty() && v_.groups.empty()) return;
    std::string files;
    for (size_t i = 0; i < opt_.inputs.size() && i < 3; ++i) files += (i ? ", " : "") + opt_.inputs[i];
    if (opt_.inputs.size() > 3) files += " and " + std::to_string(opt_.inputs.size() - 3) + " more";
    std::string first, last;
    for (const auto& grp : v_.groups) {
      const DateFields when = group_date_fields(grp);
      if (!when.start.empty() && (first.empty() || when.start < first)) first = when.start;
      const std::string& end = when.end.empty() ? when.start : when.end;
      if (!end.empty() && end > last) last = end;
    }
    std::string line2 = first.empty() ? "undated" : first == last ? first : first + " – " + last;
    line2 += " · " + std::to_string(v_.groups.size()) + (v_.groups.size() == 1 ? " deal" : " deals");
    set(g_, "label", esc((files.empty() ? "Deals" : "Deals in " + files) + "\n" + line2));
  }

  // The first article that mentions `e` and has a URL, for the node's link.
  std::string entity_url(const Entity& e) const {
    for (const auto& m : e.mentions) {
      std::string url = article_url(m.article);
      if (!url.empty() && v_.articles.count(m.article)) return url;
    }
    return "";
  }
  std::string article_url(const std::string& id) const {
    for (const auto& a : c_.articles)
      if (a.id == id && a.url) return *a.url;
    return "";
  }

  void entity_node(const Entity& e) {
    Agnode_t* n = agnode(g_, cs(e.id), 1);
    NodeStyle s = entity_style(e.type);
    set(n, "label", esc(e.name));
    set(n, "shape", s.shape);
    set(n, "style", s.style);
    set(n, "fillcolor", s.fill);
    set(n, "tooltip", esc(e.id));
    set(n, "id", esc("entity-" + e.id));  // the SVG element's id: the HTML report finds nodes by it
    const std::string url = entity_url(e);
    if (!url.empty()) {
      set(n, "URL", url_attr(url));
      set(n, "target", "_blank");
    }
    if (e.id == opt_.focus) {  // the entity the diagram is about
      set(n, "penwidth", "3");
      set(n, "color", "#d50000");
      set(n, "fillcolor", "#fff59d");
      set(n, "peripheries", "2");
    }
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
    set(obj, "penwidth", pen_width(grp));
    set(obj, "tooltip", tooltip(grp));
    const std::string url = article_url(grp.lead->article);
    if (!url.empty()) {
      set(obj, "URL", url_attr(url));
      set(obj, "target", "_blank");
    }
    if (grp.status == "failed") {
      set(obj, "style", "dotted");
      has_failed_ = true;
    }
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
    set(n, "id", esc("deal-" + id));
    style_deal(n, grp, true);
    const bool src = !sides.from.empty();
    int k = 0;
    for (const auto& e : src ? sides.from : sides.to) {
      Agedge_t* ed = agedge(g_, src ? node(e) : n, src ? n : node(e), cs(id + ":" + e), 1);
      style_deal(ed, grp, false);
      set(ed, "id", esc("deal-" + id + "~" + std::to_string(++k)));
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
        set(ed, "id", esc("deal-" + id + (k > 1 ? "~" + std::to_string(k) : "")));
        if (grp.lead->type == DealType::Partnership) set(ed, "dir", "none");
      }
  }

  // One small node holding an HTML-like table, a few lines high whatever
  // the graph: the deal types shown as words in their colours (five a line),
  // the line styles (dotted: failed, dashed: made by), three pen widths with
  // their USD amounts, and the entity types present in their fill colours.
  void legend() {
    if (types_.empty() && deal_types_.empty()) return;  // nothing shown, nothing to explain
    auto line = [](const std::string& cells) { return "<TR><TD><TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\"><TR>" + cells + "</TR></TABLE></TD></TR>"; };
    auto text = [](const std::string& t, const std::string& colour) {
      return "<TD><FONT COLOR=\"" + colour + "\">" + t + "</FONT></TD>";
    };
    // a bar `height` points thick: a fixed-size cell, so rows do not stretch it
    auto bar = [](int height) {
      return "<TD FIXEDSIZE=\"TRUE\" CELLPADDING=\"0\" WIDTH=\"28\" HEIGHT=\"" + std::to_string(height) + "\" BGCOLOR=\"#555555\"></TD>";
    };
    std::string rows, types;
    int n = 0;
    for (DealType t : deal_types_) {
      if (n && n % 5 == 0) {
        rows += line(types);
        types.clear();
      }
      types += text(to_string(t), deal_color(t));
      ++n;
    }
    if (!types.empty()) rows += line(types);
    std::string styles;
    if (has_failed_) styles += text("· · · failed", "#555555");
    if (has_maker_) styles += text("- - - made by", "#757575");
    styles += text("pen:", "#555555") + bar(1) + text("&lt;$100M", "#555555") + bar(2) + text("$1B", "#555555") +
              bar(4) + text("$100B+", "#555555");
    rows += line(styles);
    std::string shapes;
    for (EntityType t : types_)
      shapes += std::string("<TD BGCOLOR=\"") + entity_style(t).fill + "\">" + to_string(t) + "</TD>";
    if (!shapes.empty()) rows += line(shapes);
    const std::string html =
        "<TABLE BORDER=\"1\" COLOR=\"#cccccc\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">" + rows + "</TABLE>";
    Agnode_t* node = agnode(g_, cs("legend"), 1);
    set(node, "shape", "plain");
    set(node, "fontsize", "10");
    char* label = agstrdup_html(g_, cs(html));
    agsafeset(node, const_cast<char*>("label"), label, const_cast<char*>(""));
    agstrfree(g_, label);
  }

  const Corpus& c_;
  const Schema& schema_;
  const View& v_;
  Agraph_t* g_;
  const DiagramOptions& opt_;
  std::set<EntityType> types_;
  std::set<DealType> deal_types_;
  bool has_maker_ = false;
  bool has_failed_ = false;
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

GVC_t* graphviz_context() { return context(); }

Result<std::string> render_agraph(Agraph_t* g, const std::string& format) {
  GVC_t* gvc = context();
  g_messages.clear();
  agusererrf previous = agseterrf(collect);
  agerrlevel_t previous_level = agseterr(AGERR);
  Result<std::string> out = std::string();
  if (format == "dot") {
    *out = agwrite_string(g);
  } else if (gvLayout(gvc, g, "dot") != 0) {
    out = Error::at("", 0, 0, "graphviz layout failed: " + labels::one_line(g_messages));
  } else {
    char* data = nullptr;
    unsigned int len = 0;
    if (gvRenderData(gvc, g, format.c_str(), &data, &len) != 0 || !data)
      out = Error::at("", 0, 0, "graphviz cannot render " + format + ": " + labels::one_line(g_messages));
    else
      *out = std::string(data, len);
    if (data) gvFreeRenderData(data);
    gvFreeLayout(gvc, g);
  }
  agseterrf(previous);
  agseterr(previous_level);
  return out;
}

Result<std::string> render_diagram(const DealGraph& dg, const View& v, const std::string& format,
                                   const DiagramOptions& opt) {
  if (!is_diagram_format(format)) return Error::at("", 0, 0, "unknown diagram format '" + format + "'");
  context();  // before agopen: see context()
  std::unique_ptr<Agraph_t, Closer> g(agopen(cs("dealgraph"), Agdirected, nullptr));
  Builder(dg, v, g.get(), opt).build();
  return render_agraph(g.get(), format);
}

}  // namespace dealgraph
