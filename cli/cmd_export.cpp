// dealgraph export — the merged graph as a diagram, linked data or tables.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <optional>
#include <ostream>

#include "cli/commands.h"
#include "cli/filter_flags.h"
#include "cli/load.h"
#include "export/export_csv.h"
#include "export/export_dot.h"
#include "export/export_files.h"
#include "export/export_gexf.h"
#include "export/export_graphml.h"
#include "export/export_html.h"
#include "export/export_jsonld.h"
#include "graph/filter.h"
#include "graph/graph.h"
#include "export/json_output.h"

namespace dealgraph::cli {

namespace {

const char kHelp[] =
    "usage: dealgraph export [--format FORMAT] [--out PATH] [OPTIONS] FILE...\n"
    "\n"
    "Writes the graph of all the briefs given (merged: one node per entity, one\n"
    "relation per deal however many articles report it).\n"
    "\n"
    "formats:\n"
    "  dot       Graphviz source (the default)\n"
    "  svg       diagram laid out by Graphviz dot, font NanumGothic\n"
    "  png, pdf  the same diagram; needs --out FILE or a pipe, not a terminal\n"
    "  jsonld    JSON-LD: schema.org and the dealgraph vocabulary (docs/vocab.md)\n"
    "  csv       entities, articles, deals, deal_parties and mentions tables for BI\n"
    "            tools and neo4j-admin import; needs --out DIR\n"
    "  graphml   GraphML for yEd, Gephi and networkx (typed: amounts are doubles)\n"
    "  gexf      GEXF 1.2 for Gephi's timeline and networkx: deals as dated edges\n"
    "  html      one self-contained page: the diagram, sortable deal tables that a\n"
    "            click on the diagram filters, evidence and rule of each deal\n"
    "\n"
    "options:\n"
    "  --format FORMAT    one of the formats above (default dot)\n"
    "  --out PATH         file to write, replaced atomically (a directory for csv);\n"
    "                     default standard output\n"
    "  --focus NAME       only deals within --depth deal hops of this entity (a name,\n"
    "                     alias or id: 엔비디아 finds NVIDIA); drawn highlighted\n"
    "  --dpi N            png: resolution (default 150; 72 to 600)\n"
    "  --depth N          deal hops from --focus (default 1)\n"
    "  --type LIST        only these deal types, comma-separated: investment,\n"
    "                     acquisition, purchase, lease, partnership, contract,\n"
    "                     manufacturing, approval, fund, facility\n"
    "  --since DATE       only deals dated on or after DATE (YYYY, YYYY-MM, YYYY-MM-DD;\n"
    "                     a deal without its own date has its article's)\n"
    "  --until DATE       only deals dated on or before DATE\n"
    "  --min-amount USD   only deals of at least this many US dollars (1e9); deals in\n"
    "                     other currencies or without an amount are then left out\n"
    "  --status LIST      only deals of these statuses, comma-separated: signed,\n"
    "                     planned, reported, negotiating, failed, unstated (none\n"
    "                     stated), or all. Default: diagrams (dot, svg, png, pdf,\n"
    "                     html) every status but failed; jsonld, csv, graphml,\n"
    "                     gexf all\n"
    "  --no-chips         leave chips and products out\n"
    "  --bom              csv: start each file with a UTF-8 byte order mark (Excel)\n"
    "  --csv-safe MODE    csv: excel (default) puts ' before a cell starting with\n"
    "                     = + - @ so a spreadsheet shows it as text; none writes\n"
    "                     cells as they are (SQLite, neo4j-admin import)\n"
    "  --rules DIR        overlay rule files (as for extract)\n"
    "  --dict FILE        add a dictionary file (repeatable)\n"
    "  --ref DATE         reference date for undated articles\n"
    "  -h, --help         this text\n"
    "  --version          the program's version\n"
    "\n"
    "exit codes: 0 ok, 1 bad input (unreadable file, unknown --focus entity, write\n"
    "failure, a diagram or report with no deal to show), 2 usage error.\n";

// Formats drawn for people: they hide failed deals by default and refuse to
// write a blank picture.
bool is_picture(const std::string& format) { return is_diagram_format(format) || format == "html"; }

int usage(IO io, const std::string& msg) {
  io.err << "dealgraph export: " << msg << " (see --help)\n";
  return kUsage;
}

// --dpi: a whole number from 72 to 600.
std::optional<int> parse_dpi(const std::string& text) {
  char* end = nullptr;
  long v = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end || v < 72 || v > 600) return std::nullopt;
  return static_cast<int>(v);
}

// --format and --out, and whether they go together.
int check_format(const Options& o, IO io) {
  const std::string format = o.get("--format", "dot"), out = o.get("--out");
  if (!is_picture(format) && format != "jsonld" && format != "csv" && format != "graphml" && format != "gexf")
    return usage(io, "unknown format '" + format + "'");
  if (o.has("--dpi")) {
    if (format != "png") return usage(io, "--dpi is for --format png");
    if (!parse_dpi(o.get("--dpi"))) return usage(io, "--dpi must be a whole number from 72 to 600, not '" + o.get("--dpi") + "'");
  }
  if (format == "csv" && out.empty()) return usage(io, "csv writes several files: give --out DIR");
  if (o.has("--bom") && format != "csv") return usage(io, "--bom is for --format csv");
  if (!csv_safe_from(o.get("--csv-safe", "excel"))) return usage(io, "--csv-safe must be excel or none");
  if (o.has("--csv-safe") && format != "csv") return usage(io, "--csv-safe is for --format csv");
  // A PNG or PDF on a terminal is noise and can upset it.
  if (is_binary_format(format) && out.empty() && &io.out == &std::cout && isatty(STDOUT_FILENO))
    return usage(io, format + " is binary: give --out FILE or redirect standard output");
  return kOk;
}

// What a diagram or report says besides the graph: the inputs for its
// title, the focus entity's id to highlight, the png resolution.
struct Picture {
  std::vector<std::string> inputs;
  std::string focus;
  int dpi = 150;
};

// One document (every format but csv) as bytes.
Result<std::string> render(const DealGraph& graph, const View& view, const std::string& format, const Picture& p) {
  if (is_diagram_format(format)) {
    DiagramOptions d;
    d.inputs = p.inputs;
    d.focus = p.focus;
    if (format == "png") d.dpi = p.dpi;
    return render_diagram(graph, view, format, d);
  }
  if (format == "html") return to_html_report(graph, view, ReportOptions{p.inputs, p.focus});
  if (format == "jsonld") return dump(to_jsonld(graph, view), /*pretty=*/true);
  if (format == "gexf") return to_gexf(graph, view);
  return to_graphml(graph, view);
}

// A failed write to standard output is reported once, by main, after the
// verb (cli/output.h), as for every other verb.
Status write_stdout(const std::string& data, IO io) {
  io.out.write(data.data(), static_cast<std::streamsize>(data.size()));
  return {};
}

// Renders and writes: to --out (atomically) or standard output. A rendering
// failure is returned as it is; a write failure carries the path.
int write_export(const DealGraph& graph, const View& view, const Options& o, const Picture& p, IO io) {
  const std::string format = o.get("--format", "dot"), out = o.get("--out");
  Status written;
  if (format == "csv") {
    const CsvOptions csv{o.has("--bom"), *csv_safe_from(o.get("--csv-safe", "excel"))};
    written = write_dir_atomic(out, to_csv_tables(graph, view, csv));
  } else {
    auto data = render(graph, view, format, p);
    if (!data) {
      io.err << "dealgraph: " << data.error().message << "\n";
      return kBadInput;
    }
    written = out.empty() ? write_stdout(*data, io) : write_file_atomic(out, *data);
  }
  if (!written) {
    io.err << "dealgraph: " << written.error().to_string() << "\n";
    return kBadInput;
  }
  return kOk;
}

}  // namespace

int cmd_export(const std::vector<std::string>& args, IO io) {
  std::vector<Options::Spec> specs = common_specs();
  specs.push_back({"--format", true});
  specs.push_back({"--out", true});
  specs.push_back({"--bom", false});
  specs.push_back({"--csv-safe", true});
  specs.push_back({"--dpi", true});
  add_filter_specs(&specs, /*with_focus=*/true);
  Options o(specs);
  if (auto done = o.parse_verb(args, kHelp, io.out, io.err)) return *done;
  if (int rc = check_format(o, io); rc != kOk) return rc;
  // A diagram is read as what happened; a data export keeps every deal with its status.
  const bool diagram = is_picture(o.get("--format", "dot"));
  auto filter = filter_from(o, diagram ? StatusDefault::HideFailed : StatusDefault::All);
  if (!filter) return usage(io, filter.error().message);

  Loaded in;
  if (int rc = load_corpus(o, o.positional(), io, &in); rc != kOk) return rc;
  const DealGraph graph = DealGraph::build(in.corpus, in.schema);
  // Data exports of an unfiltered graph keep every entity and article; a
  // diagram shows only what takes part in a deal.
  auto view = select(graph, *filter, /*everything_when_unfiltered=*/!diagram);
  if (!view) {
    io.err << "dealgraph: " << view.error().message << "\n";
    return kBadInput;
  }
  // An empty picture would look like a broken one: say why and fail.
  if (diagram && view->groups.empty()) {
    const size_t n = graph.corpus().deals.size();
    if (n == 0) io.err << "dealgraph: nothing to draw: the input has no deals\n";
    else
      io.err << "dealgraph: nothing to draw: none of the " << n << " deal" << (n == 1 ? "" : "s")
             << " in the input passes the filters (failed deals are left out unless --status all)\n";
    return kBadInput;
  }
  Picture picture;
  for (const auto& f : o.positional()) picture.inputs.push_back(f == "-" ? "standard input" : f);
  if (!filter->focus.empty()) picture.focus = graph.graph()[*resolve_entity(graph, filter->focus)].id;
  if (o.has("--dpi")) picture.dpi = *parse_dpi(o.get("--dpi"));
  return write_export(graph, *view, o, picture, io);
}

}  // namespace dealgraph::cli
