// dealgraph/export/export_dot.h — the deal graph as a diagram: DOT, SVG, PNG
// or PDF through Graphviz (cgraph builds it, gvc lays it out and renders).
//
//   Result<std::string> svg = render_diagram(graph, view, "svg");
//
// Organizations are nodes, shaped and coloured by entity type; chips and
// products are their own shape, tied to their maker by a dashed edge. A deal
// is an edge from the investor/buyer/client/lessee/acquirer/sponsor/owner/
// regulator side to the other side, labelled with its type, products, short
// amount, capacity and date; its pen grows with the USD amount (log scale). A
// partnership is an undirected-looking edge from its first partner to each
// other one. A deal with only one side drawn is a note-shaped node. A cluster
// holds the legend for the types that appear.
//
// Every string reaches Graphviz through cgraph attributes (agsafeset), never
// as hand-made DOT, so quotes, backslashes, newlines, < > and Hangul in names
// come out as written. The font (NanumGothic, Debian fonts-nanum) has Hangul.
//
// Thread-safety: Graphviz keeps global state; call from one thread at a time.
#pragma once

#include <string>

#include "core/error.h"
#include "graph/filter.h"
#include "graph/graph.h"

namespace dealgraph {

struct DiagramOptions {
  std::string font = "NanumGothic";
  bool legend = true;
};

// `format`: "dot" (cgraph's agwrite, no layout), or "svg", "png", "pdf"
// (dot layout, gvRenderData). An Error carries Graphviz's message.
Result<std::string> render_diagram(const DealGraph& g, const View& v, const std::string& format,
                                   const DiagramOptions& opt = {});

bool is_diagram_format(const std::string& format);  // dot, svg, png, pdf
bool is_binary_format(const std::string& format);   // png, pdf

}  // namespace dealgraph
