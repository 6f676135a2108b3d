// dealgraph/export/export_table.h — query results as an aligned text table or
// CSV.
//
//   Table t{{"investor", "investee", "deals", "amount"}, {}, {false, false, false, true}};
//   t.rows.push_back({"NVIDIA", "코히어런트", "D1, D4", "$2B"});
//   out << render_text(t);
//
// Text tables align on terminal columns, not bytes: Hangul, CJK and other
// East Asian wide characters take two columns, combining marks none (Unicode
// East_Asian_Width via ICU). Cells are put on one line. Right-aligned columns
// (numbers) are marked in `right`.
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/table.h"

namespace dealgraph {

// Terminal columns `s` takes (UTF-8; an invalid byte counts as one column).
size_t display_width(std::string_view s);

// Header, a rule of dashes, the rows; columns two spaces apart, no trailing
// blanks. An empty table still prints its header.
std::string render_text(const Table& t);
// RFC 4180 with the header first (export/export_csv.h rules; `excel_safe`
// false is --csv-safe none).
std::string render_csv(const Table& t, bool excel_safe = true);

}  // namespace dealgraph
