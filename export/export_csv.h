// dealgraph/export/export_csv.h — the graph as CSV tables for BI tools and
// `neo4j-admin database import` (docs/outputs.md lists every column).
//
//   auto files = to_csv_tables(graph, view, /*bom=*/false);
//   Status s = write_dir_atomic(dir, files);   // export/export_files.h
//
// Files: entities.csv, articles.csv (nodes), deals.csv (nodes, one flat row
// per deal), deal_parties.csv and mentions.csv (relationships). Headers use
// neo4j's `:ID(space)`, `:LABEL`, `:START_ID(space)`, `:END_ID(space)`,
// `:TYPE` and `name:type` forms.
//
// Cells follow RFC 4180: UTF-8, comma separated, CRLF line ends, a cell with
// a comma, quote, CR or LF quoted with quotes doubled. A text cell that a
// spreadsheet would run as a formula (first character = + - @ tab CR) gets a
// leading apostrophe, unless the whole cell is a plain number ("-5", "-0.5"
// stay numbers); number columns are written plainly (labels::plain_number). `bom` starts each file with a
// UTF-8 byte order mark, which Excel needs to read Hangul.
// Thread-safety: pure functions.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "graph/filter.h"
#include "graph/graph.h"

namespace dealgraph {

// One cell, ready to join with commas.
std::string csv_text(std::string_view s);    // neutralized, quoted when needed
std::string csv_number(std::optional<double> v);  // plain; "" when absent
// Cells joined with commas, ending in CRLF.
std::string csv_line(const std::vector<std::string>& cells);

// File name → contents.
std::map<std::string, std::string> to_csv_tables(const DealGraph& g, const View& v, bool bom);

}  // namespace dealgraph
