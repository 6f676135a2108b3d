// dealgraph/export/diff_output.h — a GraphDiff (graph/diff.h) as a table,
// JSON, or a diagram that highlights what is new.
//
//   GraphDiff d = diff_graphs(old_c, new_c);
//   out << render_text(diff_table(d, old_c, new_c));
//   out << dump(diff_json(d, old_c, new_c), true);
//   Result<std::string> svg = render_diff_diagram(d, old_c, new_c, schema, "svg", "jan.json → mar.json");
//
// Table: one row per change — `new`, `changed`, `removed` deals, then `new
// company` rows — with group id, type, date, parties (role: name), amount and
// status; a changed deal shows "old → new" in the fields that changed.
// JSON: {"new_deals", "changed", "removed", "new_companies"} (docs/queries.md,
// "diff"); a deal is {group, deals, type, date, parties, amount, capacity,
// status}, a changed one {group, fields, before, after}.
// Diagram: the companies of every changed deal; new deals green and bold,
// changed ones orange (labelled old → new), removed ones grey and dashed; new
// companies filled green. "dot" (no layout) or "svg"/"png"/"pdf" via Graphviz.
// Thread-safety: the diagram uses Graphviz (one thread at a time).
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "core/error.h"
#include "core/schema.h"
#include "graph/diff.h"
#include "graph/table.h"

namespace dealgraph {

Table diff_table(const GraphDiff& d, const Corpus& before, const Corpus& after);
nlohmann::json diff_json(const GraphDiff& d, const Corpus& before, const Corpus& after);
Result<std::string> render_diff_diagram(const GraphDiff& d, const Corpus& before, const Corpus& after,
                                        const Schema& schema, const std::string& format, const std::string& title);

}  // namespace dealgraph
