// dealgraph merge — partial graphs into one (graph/merge.h).
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/graph_input.h"
#include "export/json_output.h"
#include "graph/link.h"
#include "graph/merge.h"

namespace dealgraph::cli {

namespace {
const char kHelp[] =
    "usage: dealgraph merge [--compact] FILE... | -\n"
    "\n"
    "Combines graphs into one dealgraph/1 JSON object (docs/json.md): the partial\n"
    "graphs of 'extract --format partial' or 'extract --input jsonl' (one a line),\n"
    "whole graphs of 'extract' or 'merge', or 'extract --format jsonl' streams.\n"
    "Ids, groups and order come from the content, so merging is associative and\n"
    "commutative: any grouping and any order give the same bytes, and merging the\n"
    "partial graphs of documents gives what one 'extract' of them gives (docs/scale.md).\n"
    "\n"
    "  --compact       no indentation: the result is one line, itself a partial graph\n"
    "  -h, --help      this text\n"
    "  --version       the program's version\n"
    "\n"
    "exit codes: 0 ok, 1 bad input (unreadable file, not a dealgraph/1 graph: file:line), 2 usage\n";

}  // namespace

int cmd_merge(const std::vector<std::string>& args, IO io) {
  Options o({{"--compact", false}});
  if (auto done = o.parse_verb(args, kHelp, io.out, io.err)) return *done;
  std::vector<Corpus> parts;
  if (int rc = read_graph_files(o.positional(), io, &parts); rc != kOk) return rc;
  Corpus all;
  for (auto& p : parts) absorb(std::move(p), &all);
  link_reports(&all);
  io.out << dump(to_json(all), !o.has("--compact"));
  return io.out.good() ? kOk : kBadInput;
}

}  // namespace dealgraph::cli
