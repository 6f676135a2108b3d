// dealgraph/cli/filter_flags.h — the filter options of export and query,
// read into a graph Filter (graph/filter.h), which knows no flags.
//
//   std::vector<Options::Spec> specs = common_specs();
//   add_filter_specs(&specs, /*with_focus=*/true);   // export: also --focus, --depth, --no-chips
//   ...
//   Result<Filter> f = filter_from(o);
//   if (!f) return usage(io, f.error().message);     // names the bad value
//
// Flags: --type LIST (repeatable, comma-separated), --since DATE, --until
// DATE (YYYY, YYYY-MM or YYYY-MM-DD), --min-amount USD; with_focus adds
// --focus NAME, --depth N (1..1000, needs --focus) and --no-chips.
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
// later than --until, amount not a number ≥ 0.
Result<Filter> filter_from(const Options& o);

// The steps of filter_from, for tests and other verbs.
// "investment,purchase" → types; an Error names an unknown type.
Result<std::set<DealType>> parse_types(const std::string& list);
// YYYY, YYYY-MM or YYYY-MM-DD, and a real one: month 01..12, a day the month
// has ("2026-02-30" and "2026-13" are not dates).
bool valid_date_bound(const std::string& s);
// --depth: a whole number from 1 to 1000.
Result<int> parse_depth(const std::string& s);
// --min-amount: a finite number of US dollars ≥ 0 ("1e9").
Result<double> parse_min_amount(const std::string& s);

}  // namespace dealgraph::cli
