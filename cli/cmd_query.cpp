// dealgraph query — questions over the merged graph (docs/queries.md).
#include <cstdlib>
#include <ostream>

#include "cli/commands.h"
#include "cli/load.h"
#include "export/export_table.h"
#include "graph/filter.h"
#include "graph/graph.h"
#include "export/json_output.h"
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
    "  --party NAME       deals: only deals NAME takes part in\n"
    "  --by deals|amount  top: rank by number of deals (default) or by USD amount\n"
    "  --limit N          top: at most N rows (default 10)\n"
    "  --type LIST        only these deal types, comma-separated (investment,...)\n"
    "  --since DATE       only deals dated on or after DATE (YYYY[-MM[-DD]])\n"
    "  --until DATE       only deals dated on or before DATE\n"
    "  --min-amount USD   only deals of at least this many US dollars (1e9)\n"
    "  --rules DIR        overlay rule files (as for extract)\n"
    "  --dict FILE        add a dictionary file (repeatable)\n"
    "  --ref DATE         reference date for undated articles\n"
    "  --help             this text\n"
    "\n"
    "`query investments --format json` prints\n"
    "[{\"investor\": name, \"investee\": name, \"deals\": [ids], \"amount\": Money|null}].\n"
    "\n"
    "exit codes: 0 ok (also for an empty answer), 1 bad input (unreadable file,\n"
    "unknown entity: the message suggests close names), 2 usage error.\n";

bool wants_help(const std::vector<std::string>& args) {
  for (const auto& a : args) {
    if (a == "--") break;
    if (a == "--help" || a == "-h") return true;
  }
  return false;
}

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

}  // namespace

int cmd_query(const std::vector<std::string>& args, IO io) {
  if (wants_help(args)) {
    io.out << kHelp;
    return kOk;
  }
  std::vector<Options::Spec> specs = common_specs();
  for (const char* name : {"--format", "--party", "--by", "--limit", "--since", "--until", "--min-amount"})
    specs.push_back({name, true});
  specs.push_back({"--type", true, true});
  Options o(specs);
  if (!o.parse(args, io.err)) return kUsage;

  const auto& pos = o.positional();
  if (pos.empty()) return usage(io, "missing SUBCOMMAND");
  const std::string sub = pos[0];
  const int n = arity(sub);
  if (n < 0) return usage(io, "unknown subcommand '" + sub + "'");
  if (pos.size() < static_cast<size_t>(1 + n))
    return usage(io, sub + " needs " + (n == 1 ? "a NAME" : "two names, A and B"));
  const std::vector<std::string> names(pos.begin() + 1, pos.begin() + 1 + n);
  const std::vector<std::string> files(pos.begin() + 1 + n, pos.end());

  const std::string format = o.get("--format", "table");
  if (format != "table" && format != "json" && format != "csv") return usage(io, "unknown format '" + format + "'");
  if (o.has("--party") && sub != "deals") return usage(io, "--party is for 'query deals'");
  if ((o.has("--by") || o.has("--limit")) && sub != "top") return usage(io, "--by and --limit are for 'query top'");
  const std::string by = o.get("--by", "deals");
  if (by != "deals" && by != "amount") return usage(io, "--by must be deals or amount");
  size_t limit = 10;
  if (o.has("--limit")) {
    char* end = nullptr;
    long v = std::strtol(o.get("--limit").c_str(), &end, 10);
    if (*end || o.get("--limit").empty() || v < 1) return usage(io, "--limit must be a whole number from 1");
    limit = static_cast<size_t>(v);
  }
  FilterArgs fa;
  for (const auto& t : o.all("--type")) fa.types += (fa.types.empty() ? "" : ",") + t;
  fa.since = o.get("--since");
  fa.until = o.get("--until");
  fa.min_amount = o.get("--min-amount");
  auto filter = parse_filter(fa);
  if (!filter) return usage(io, filter.error().message);

  Corpus corpus;
  if (int rc = load_corpus(o, files, io, &corpus); rc != kOk) return rc;
  const DealGraph g = DealGraph::build(corpus);
  const Filter& f = *filter;
  Result<QueryResult> r = Error{};
  if (sub == "investments") r = query_investments(g, f);
  else if (sub == "investors-of") r = query_investors_of(g, names[0], f);
  else if (sub == "investees-of") r = query_investees_of(g, names[0], f);
  else if (sub == "deals") r = query_deals(g, o.get("--party"), f);
  else if (sub == "partners-of") r = query_partners_of(g, names[0], f);
  else if (sub == "path") r = query_path(g, names[0], names[1], f);
  else r = query_top(g, by == "amount" ? TopBy::Amount : TopBy::Deals, limit, f);
  if (!r) {
    io.err << "dealgraph: " << r.error().message << "\n";
    return kBadInput;
  }
  if (format == "json") io.out << dump(r->json, /*pretty=*/true);
  else if (format == "csv") io.out << render_csv(r->table);
  else io.out << render_text(r->table);
  if (!r->note.empty()) io.err << "dealgraph: " << r->note << "\n";
  return kOk;
}

}  // namespace dealgraph::cli
