// dealgraph query — questions over the merged graph (docs/queries.md).
#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <ostream>

#include "cli/commands.h"
#include "cli/filter_flags.h"
#include "cli/load.h"
#include "export/export_csv.h"
#include "export/export_table.h"
#include "export/json_output.h"
#include "graph/filter.h"
#include "graph/graph.h"
#include "graph/query.h"

namespace dealgraph::cli {

namespace {

const char kHelp[] =
    "usage: dealgraph query SUBCOMMAND [NAME...] [OPTIONS] FILE...\n"
    "\n"
    "Answers a question over the graph of all the briefs given. Names may be any\n"
    "name, alias or id of an entity (엔비디아 finds NVIDIA); answers use canonical\n"
    "names. A deal reported in several articles counts once.\n"
    "\n"
    "subcommands:\n"
    "  investments          who invested in whom (investment and acquisition deals)\n"
    "  investors-of NAME    who invested in NAME (or acquired it)\n"
    "  investees-of NAME    whom NAME invested in (or acquired)\n"
    "  deals                the deals, with their parties, amounts and dates\n"
    "  partners-of NAME     NAME's partners in partnership deals\n"
    "  path A B             the shortest chain of deals between A and B\n"
    "  top                  the most active companies\n"
    "\n"
    "options:\n"
    "  --format FORMAT    table (default; aligned for a terminal), json or csv\n"
    "                     (json and csv: amounts as numbers, amount_usd, and the\n"
    "                     short form in amount_label)\n"
    "  --csv-safe MODE    csv: excel (default) puts ' before a cell starting with\n"
    "                     = + - @ so a spreadsheet shows it as text; none writes\n"
    "                     cells as they are (SQLite, Neo4j)\n"
    "  --party NAME       deals: only deals NAME takes part in\n"
    "  --by deals|amount  top: rank by number of deals (default) or by USD amount\n"
    "  --limit N          top: at most N rows (default 10)\n"
    "  --type LIST        only these deal types, comma-separated (investment,...)\n"
    "  --status LIST      only deals of these statuses, comma-separated: signed,\n"
    "                     planned, reported, negotiating, failed, unstated (none\n"
    "                     stated), or all. Default: every status but failed\n"
    "  --since DATE       only deals dated on or after DATE (YYYY[-MM[-DD]])\n"
    "  --until DATE       only deals dated on or before DATE\n"
    "  --min-amount USD   only deals of at least this many US dollars (1e9)\n"
    "  --rules DIR        overlay rule files (as for extract)\n"
    "  --dict FILE        add a dictionary file (repeatable)\n"
    "  --ref DATE         reference date for undated articles\n"
    "  -h, --help         this text\n"
    "  --version          the program's version\n"
    "\n"
    "`query investments --format json` prints\n"
    "[{\"investor\": name, \"investee\": name, \"deals\": [ids], \"amount\": Money|null,\n"
    "  \"status\": string|null}]; tables end in a status column.\n"
    "\n"
    "exit codes: 0 ok (also for an empty answer), 1 bad input (unreadable file,\n"
    "unknown entity: the message suggests close names), 2 usage error.\n";

int usage(IO io, const std::string& msg) {
  io.err << "dealgraph query: " << msg << " (see --help)\n";
  return kUsage;
}

// How many NAME arguments each subcommand takes.
int arity(const std::string& sub) {
  if (sub == "investments" || sub == "deals" || sub == "top") return 0;
  if (sub == "investors-of" || sub == "investees-of" || sub == "partners-of") return 1;
  if (sub == "path") return 2;
  return -1;
}

// What the command line asks: the subcommand, its names, the files.
struct Question {
  std::string sub;
  std::vector<std::string> names, files;
  std::string format = "table";
  CsvSafe csv_safe = CsvSafe::Excel;  // --csv-safe
  std::string party;        // deals --party
  TopBy by = TopBy::Deals;  // top --by
  size_t limit = 10;        // top --limit
  Filter filter;
};

// --limit: a whole number from 1. The text is held in a local: strtol's end
// pointer points into it (it once pointed into a temporary, freed by then).
Result<size_t> parse_limit(const std::string& text) {
  char* end = nullptr;
  long v = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end || v < 1) return Error::at("", 0, 0, "--limit must be a whole number from 1");
  return static_cast<size_t>(v);
}

// Splits the positionals: SUBCOMMAND NAME... FILE...
int read_positionals(const Options& o, IO io, Question* q) {
  const auto& pos = o.positional();
  if (pos.empty()) return usage(io, "missing SUBCOMMAND");
  q->sub = pos[0];
  const int n = arity(q->sub);
  if (n < 0) return usage(io, "unknown subcommand '" + q->sub + "'");
  // A verb that needs names says so when they are missing: too few
  // arguments, or no file after the names while a "name" is a file, as in
  // `query investors-of brief.txt` (the file would be read as the name).
  auto needs_names = [&] {
    io.err << "dealgraph query " << q->sub << ": needs " << (n == 1 ? "a NAME" : "two names, A and B,")
           << " before the files (see --help)\n";
    return kUsage;
  };
  if (pos.size() < static_cast<size_t>(1 + n)) return needs_names();
  q->names.assign(pos.begin() + 1, pos.begin() + 1 + n);
  q->files.assign(pos.begin() + 1 + n, pos.end());
  if (q->files.empty())
    for (const auto& name : q->names) {
      std::error_code ec;
      if (name == "-" || std::filesystem::is_regular_file(name, ec)) return needs_names();
    }
  return kOk;
}

// The options, each checked against the subcommand it belongs to.
int read_options(const Options& o, IO io, Question* q) {
  q->format = o.get("--format", "table");
  if (q->format != "table" && q->format != "json" && q->format != "csv")
    return usage(io, "unknown format '" + q->format + "'");
  auto safe = csv_safe_from(o.get("--csv-safe", "excel"));
  if (!safe) return usage(io, "--csv-safe must be excel or none");
  if (o.has("--csv-safe") && q->format != "csv") return usage(io, "--csv-safe is for --format csv");
  q->csv_safe = *safe;
  if (o.has("--party") && q->sub != "deals") return usage(io, "--party is for 'query deals'");
  q->party = o.get("--party");
  if ((o.has("--by") || o.has("--limit")) && q->sub != "top") return usage(io, "--by and --limit are for 'query top'");
  const std::string by = o.get("--by", "deals");
  if (by != "deals" && by != "amount") return usage(io, "--by must be deals or amount");
  q->by = by == "amount" ? TopBy::Amount : TopBy::Deals;
  if (o.has("--limit")) {
    auto limit = parse_limit(o.get("--limit"));
    if (!limit) return usage(io, limit.error().message);
    q->limit = *limit;
  }
  // a query is read as what happened: failed deals only when asked for
  auto filter = filter_from(o, StatusDefault::HideFailed);
  if (!filter) return usage(io, filter.error().message);
  q->filter = *filter;
  return kOk;
}

Result<QueryResult> ask(const DealGraph& g, const Question& q) {
  const Filter& f = q.filter;
  if (q.sub == "investments") return query_investments(g, f);
  if (q.sub == "investors-of") return query_investors_of(g, q.names[0], f);
  if (q.sub == "investees-of") return query_investees_of(g, q.names[0], f);
  if (q.sub == "deals") return query_deals(g, q.party, f);
  if (q.sub == "partners-of") return query_partners_of(g, q.names[0], f);
  if (q.sub == "path") return query_path(g, q.names[0], q.names[1], f);
  return query_top(g, q.by, q.limit, f);
}

}  // namespace

int cmd_query(const std::vector<std::string>& args, IO io) {
  std::vector<Options::Spec> specs = common_specs();
  for (const char* name : {"--format", "--party", "--by", "--limit", "--csv-safe"}) specs.push_back({name, true});
  add_filter_specs(&specs, /*with_focus=*/false);
  Options o(specs);
  if (auto done = o.parse_verb(args, kHelp, io.out, io.err)) return *done;
  Question q;
  if (int rc = read_positionals(o, io, &q); rc != kOk) return rc;
  if (int rc = read_options(o, io, &q); rc != kOk) return rc;

  Loaded in;
  if (int rc = load_corpus(o, q.files, io, &in); rc != kOk) return rc;
  const DealGraph g = DealGraph::build(in.corpus, in.schema);
  Result<QueryResult> r = ask(g, q);
  if (!r) {
    io.err << "dealgraph: " << r.error().message << "\n";
    return kBadInput;
  }
  if (q.format == "json") io.out << dump(r->json, /*pretty=*/true);
  else if (q.format == "csv")
    io.out << render_csv(r->data.columns.empty() ? r->table : r->data, q.csv_safe == CsvSafe::Excel);
  else io.out << render_text(r->table);
  if (!r->note.empty()) io.err << "dealgraph: " << r->note << "\n";
  return kOk;
}

}  // namespace dealgraph::cli
