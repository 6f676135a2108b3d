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
// a comma, quote, CR or LF quoted with quotes doubled. With CsvSafe::Excel (the
// default) a text cell that a spreadsheet would run as a formula (first
// character = + - @ tab CR) gets a leading apostrophe, unless the whole cell
// is a plain number ("-5", "-0.5" stay numbers); CsvSafe::None writes text as
// it is, for loaders that run no formulas (SQLite, neo4j-admin). Number
// columns are written plainly (labels::plain_number). `bom` starts each file
// with a UTF-8 byte order mark, which Excel needs to read Hangul.
//
// deals.csv carries the BI columns of graph/deal_fields.h: date, date_grain,
// date_start, date_end; amount, currency, amount_min, amount_max, amount_usd
// (graph/usd.h), usd_rate_year, amount_label.
// Thread-safety: pure functions.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/filter.h"
#include "graph/graph.h"

namespace dealgraph {

// Whether text cells are kept from running as spreadsheet formulas.
enum class CsvSafe { Excel, None };
// "excel" or "none" → the value; nullopt for anything else.
std::optional<CsvSafe> csv_safe_from(const std::string& name);

struct CsvOptions {
  bool bom = false;
  CsvSafe safe = CsvSafe::Excel;
};

// One cell, ready to join with commas.
std::string csv_text(std::string_view s, CsvSafe safe = CsvSafe::Excel);  // quoted when needed
std::string csv_number(std::optional<double> v);  // plain; "" when absent
// Cells joined with commas, ending in CRLF.
std::string csv_line(const std::vector<std::string>& cells);

// File name → contents.
std::map<std::string, std::string> to_csv_tables(const DealGraph& g, const View& v, const CsvOptions& opt);
inline std::map<std::string, std::string> to_csv_tables(const DealGraph& g, const View& v, bool bom) {
  return to_csv_tables(g, v, CsvOptions{bom, CsvSafe::Excel});
}

}  // namespace dealgraph
