// dealgraph/cli/filter_flags.h — the filter options of export and query,
// read into a graph Filter (graph/filter.h), which knows no flags.
//
//   std::vector<Options::Spec> specs = common_specs();
//   add_filter_specs(&specs, /*with_focus=*/true);   // export: also --focus, --depth, --no-chips
//   ...
//   Result<Filter> f = filter_from(o);
//   if (!f) return usage(io, f.error().message);     // names the bad value
//
// Flags: --type LIST (repeatable, comma-separated), --status LIST (likewise),
// --since DATE, --until DATE (YYYY, YYYY-MM or YYYY-MM-DD), --min-amount USD;
// with_focus adds --focus NAME, --depth N (1..1000, needs --focus) and --no-chips.
//
// Statuses: without --status a verb shows what `defaults` says. Views people
// read (queries, diagrams) show deals that happened or may: every status but
// failed, negotiating included ("in talks" is news readers follow, and its
// status column says so); data exports keep every deal, as extract does, with
// its status for the reader to filter.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "cli/options.h"
#include "core/error.h"
#include "core/model.h"
#include "graph/filter.h"

namespace dealgraph::cli {

void add_filter_specs(std::vector<Options::Spec>* specs, bool with_focus);

// A Filter from the parsed options; an Error says which value is wrong:
// depth not a whole number from 1 or given without a focus, unknown type,
// malformed or impossible date (naming the option and the value), --since
// later than --until, amount not a number ≥ 0, unknown status.
enum class StatusDefault {
  HideFailed,  // every status but failed, unstated included
  All,         // every deal
};
Result<Filter> filter_from(const Options& o, StatusDefault defaults);

// The steps of filter_from, for tests and other verbs.
// "investment,purchase" → types; an Error names an unknown type.
Result<std::set<DealType>> parse_types(const std::string& list);
// --status: "signed,planned", names from deal_statuses(), "unstated" (a deal
// whose sentence states none) or "all" (every deal: the empty set). An Error
// names an unknown status and lists the known ones.
Result<std::set<std::string>> parse_statuses(const std::string& list);
// The statuses StatusDefault::HideFailed shows.
std::set<std::string> statuses_but_failed();
// YYYY, YYYY-MM or YYYY-MM-DD, and a real one: month 01..12, a day the month
// has ("2026-02-30" and "2026-13" are not dates).
bool valid_date_bound(const std::string& s);
// --depth: a whole number from 1 to 1000.
Result<int> parse_depth(const std::string& s);
// --min-amount: a finite number of US dollars ≥ 0 ("1e9").
Result<double> parse_min_amount(const std::string& s);

}  // namespace dealgraph::cli
