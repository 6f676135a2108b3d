// dealgraph diff — what changed between two graphs or two sets of briefs.
#include <iostream>
#include <optional>

#include "cli/documents.h"
#include "cli/graph_input.h"
#include "cli/load.h"
#include "export/diff_output.h"
#include "export/export_table.h"
#include "export/json_input.h"
#include "export/json_output.h"
#include "graph/diff.h"
#include "graph/link.h"
#include "graph/merge.h"

namespace dealgraph::cli {

namespace {
const char kHelp[] =
    "usage: dealgraph diff [--format table|json|dot|svg] OLD NEW\n"
    "       dealgraph diff [--format ...] --old FILE... --new FILE...\n"
    "\n"
    "Lists what changed from OLD to NEW: new deals, deals whose amount, capacity or\n"
    "status changed, removed deals, and new companies. Each side is a graph (the JSON\n"
    "of extract or merge) or briefs, which are read first (docs/queries.md, \"diff\").\n"
    "Deals are matched by their group id (type and parties: docs/json.md), so the\n"
    "order and the files they come from do not matter.\n"
    "\n"
    "  --format table  an aligned table, one row per change (default); json: an object\n"
    "                  {new_deals, changed, removed, new_companies}; dot, svg: a diagram\n"
    "                  with new deals green, changed orange, removed grey and dashed\n"
    "  --old FILE      a file of the old side (repeatable); --new FILE likewise\n"
    "  --rules DIR, --dict FILE, --ref DATE   as for extract, for briefs\n"
    "  -h, --help      this text\n"
    "  --version       the program's version\n"
    "\n"
    "exit codes: 0 ok (with or without changes), 1 bad input, 2 usage\n";

// One side: every file read as a graph or extracted as a brief, then merged and linked.
int load_side(const Options& o, const std::vector<std::string>& files, IO io, bool* stdin_used,
              std::optional<Pipeline>* pipeline, Schema* schema, Corpus* out) {
  for (const auto& f : files) {
    std::string text;
    if (int rc = read_text(f, io, stdin_used, &text); rc != kOk) return rc;
    const std::string name = f == "-" ? "<stdin>" : f;
    if (looks_like_graph(text)) {
      std::vector<Corpus> parts;
      if (Status s = read_graphs(text, name, &parts); !s) {
        io.err << "dealgraph: " << s.error().to_string() << "\n";
        return kBadInput;
      }
      for (auto& p : parts) absorb(std::move(p), out);
      continue;
    }
    if (!*pipeline)
      if (int rc = load_stages(o, io, pipeline, schema); rc != kOk) return rc;
    Corpus one;
    if (int rc = extract_document(**pipeline, Document{name, name, std::move(text), {}}, &one, io); rc != kOk)
      return rc;
    absorb(std::move(one), out);
  }
  link_reports(out);
  return kOk;
}

std::string joined(const std::vector<std::string>& files) {
  std::string out;
  for (const auto& f : files) out += (out.empty() ? "" : ", ") + f;
  return out;
}

}  // namespace

int cmd_diff(const std::vector<std::string>& args, IO io) {
  auto specs = common_specs();
  specs.push_back({"--format", true});
  specs.push_back({"--old", true, true});
  specs.push_back({"--new", true, true});
  Options o(specs);
  if (auto done = o.parse_verb(args, kHelp, io.out, io.err)) return *done;
  const std::string format = o.get("--format", "table");
  if (format != "table" && format != "json" && format != "dot" && format != "svg") {
    io.err << "dealgraph: diff --format must be table, json, dot or svg\n";
    return kUsage;
  }
  std::vector<std::string> old_files = o.all("--old"), new_files = o.all("--new");
  const auto& pos = o.positional();
  if (old_files.empty() && new_files.empty() && pos.size() == 2) {
    old_files = {pos[0]};
    new_files = {pos[1]};
  } else if (old_files.empty() || new_files.empty() || !pos.empty()) {
    io.err << "dealgraph: diff needs OLD and NEW, or --old FILE... and --new FILE...\n";
    return kUsage;
  }
  bool stdin_used = false;
  std::optional<Pipeline> pipeline;
  Schema schema = Schema::builtin();
  Corpus before, after;
  if (int rc = load_side(o, old_files, io, &stdin_used, &pipeline, &schema, &before); rc != kOk) return rc;
  if (int rc = load_side(o, new_files, io, &stdin_used, &pipeline, &schema, &after); rc != kOk) return rc;
  const GraphDiff d = diff_graphs(before, after);
  if (format == "table") {
    io.out << render_text(diff_table(d, before, after));
  } else if (format == "json") {
    io.out << dump(diff_json(d, before, after), true);
  } else {
    auto r = render_diff_diagram(d, before, after, schema, format, joined(old_files) + " → " + joined(new_files));
    if (!r) {
      io.err << "dealgraph: " << r.error().to_string() << "\n";
      return kBadInput;
    }
    io.out << *r;
  }
  return io.out.good() ? kOk : kBadInput;
}

}  // namespace dealgraph::cli
