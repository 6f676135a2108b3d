// dealgraph/export/json_input.h — reads back the dealgraph/1 JSON that
// export/json_output.h writes, for `dealgraph merge` and `dealgraph diff`.
//
//   std::vector<Corpus> parts;
//   Status s = read_graphs(text, "part-0.jsonl", &parts);   // one or many graphs
//   if (!s) report(s.error());                              // "part-0.jsonl:3: ..."
//
// A text holds either one graph object (`extract --format json`, pretty or
// compact), or JSON lines: each line a whole compact graph (`extract
// --format partial`, `merge --compact`), or the record stream of `extract
// --format jsonl` (a {"format":"dealgraph/1"} header starts a graph, then
// one record a line). Every field the writer writes is read back, so
// writing what was read gives the same bytes; the top-level `groups` list
// and each deal's same_as/conflicts are read too but graph/link.h
// recomputes them from the deals.
//
// Errors name the file, the line (for JSON lines) and the field:
//   "a.json:1: deals[3].type: unknown deal type 'loan'".
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/model.h"

namespace dealgraph {

// One graph object (with "format": "dealgraph/1") as a Corpus.
Result<Corpus> graph_from_json(const nlohmann::json& j);

// Every graph in `text` (see above), appended to `out` in the order given.
Status read_graphs(const std::string& text, const std::string& file, std::vector<Corpus>* out);

}  // namespace dealgraph
