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
// other one. A deal with only one side drawn is a note-shaped node. A title on top names the
// inputs and the date range; one compact legend node explains colour (deal
// type), line style (dotted: failed) and pen width (USD amount) and the
// entity shapes present; the focus entity is drawn thick and yellow. In SVG
// every deal edge links to its article's URL and every entity to the first
// article that mentions it with one (target _blank).
//
// Every string reaches Graphviz through cgraph attributes (agsafeset), never
// as hand-made DOT, so quotes, backslashes, newlines, < > and Hangul in names
// come out as written. The font (NanumGothic, Debian fonts-nanum) has Hangul.
//
// Thread-safety: Graphviz keeps global state; call from one thread at a time.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "graph/filter.h"
#include "graph/graph.h"

typedef struct Agraph_s Agraph_t;  // as <graphviz/cgraph.h> and <graphviz/gvc.h> declare them
typedef struct GVC_s GVC_t;

namespace dealgraph {

struct DiagramOptions {
  std::string font = "NanumGothic";
  bool legend = true;
  // The title's first line names these (the input files, as given); its
  // second line gives the shown deals' date range and count. No inputs and
  // no deals: no title.
  std::vector<std::string> inputs;
  std::string focus;  // entity id drawn highlighted (--focus); "" for none
  int dpi = 0;        // png resolution (graph attribute dpi); 0 = Graphviz's 96
};

// `format`: "dot" (cgraph's agwrite, no layout), or "svg", "png", "pdf"
// (dot layout, gvRenderData). An Error carries Graphviz's message.
Result<std::string> render_diagram(const DealGraph& g, const View& v, const std::string& format,
                                   const DiagramOptions& opt = {});

// For other diagrams built with cgraph (the diff diagram, export/diff_output.cpp):
// the process's one Graphviz context, to be had before the first agopen, and
// the writer render_diagram uses ("dot": agwrite; else dot layout and
// gvRenderData, Graphviz's messages in the Error).
GVC_t* graphviz_context();
Result<std::string> render_agraph(Agraph_t* g, const std::string& format);

bool is_diagram_format(const std::string& format);  // dot, svg, png, pdf
bool is_binary_format(const std::string& format);   // png, pdf

}  // namespace dealgraph
