// dealgraph/export/export_html.h — a self-contained HTML report of the deals,
// one file that needs no network (export --format html).
//
//   Result<std::string> page = to_html_report(graph, view, {inputs, focus_id});
//
// The page holds: a title (inputs, date range, counts); the diagram as inline
// SVG (export_dot.h: nodes and edges link to the source article; a click
// filters the tables below, Ctrl/⌘-click opens the article); a filter box;
// the deal table (type, date, status, amount, USD, parties, evidence with
// its rule, article link), sortable by any column; who invested in whom;
// the top companies by deals and by USD. Every row carries the entity ids
// and deal ids it concerns (data-entities, data-deals), which is what a
// click filters on. Styles and script are inline; a Content-Security-Policy
// forbids any fetch. A URL hash drives it without a mouse, for tests and
// links: #filter=ENTITY-ID, #deal=DEAL-ID, #click=ENTITY-ID (dispatches a
// real click on that diagram node). After each change <body> carries
// data-shown="N" (deal rows shown); script errors are listed in #errors.
// Every text is HTML-escaped (export/xml_text.h); the SVG comes from
// Graphviz, which escapes its own.
// Thread-safety: as render_diagram (Graphviz): one thread at a time.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "graph/filter.h"
#include "graph/graph.h"

namespace dealgraph {

struct ReportOptions {
  std::vector<std::string> inputs;  // the input files, for the title
  std::string focus;                // entity id highlighted in the diagram; "" for none
};

Result<std::string> to_html_report(const DealGraph& g, const View& v, const ReportOptions& opt);

}  // namespace dealgraph
