// dealgraph/cli/graph_input.h — reading inputs whole (extract --input jsonl,
// merge, diff) and dealgraph/1 graphs back (merge, diff).
//
//   std::vector<Corpus> parts;
//   if (int rc = read_graph_files(o.positional(), io, &parts); rc != kOk) return rc;
//
// Each file holds one graph or JSON lines of graphs (export/json_input.h);
// "-" is standard input, at most once. Errors name file and line, exit 1.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/model.h"

namespace dealgraph::cli {

// The whole of `f` ("-": standard input; `stdin_used` guards a second "-").
int read_text(const std::string& f, IO io, bool* stdin_used, std::string* text);

// Calls `use(name, text)` with the whole of each of `files` in order ("-" is
// standard input, named "<stdin>"); stops at the first rc that is not kOk. An
// empty list is a usage error.
int for_each_input(const std::vector<std::string>& files, IO io,
                   const std::function<int(const std::string& name, std::string text)>& use);

// Every graph of `files`, in order. Returns kOk, or kBadInput/kUsage after printing why.
int read_graph_files(const std::vector<std::string>& files, IO io, std::vector<Corpus>* parts);

// Whether a text is a graph (JSON: starts with '{') rather than a brief.
bool looks_like_graph(const std::string& text);

}  // namespace dealgraph::cli
