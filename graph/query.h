// dealgraph/graph/query.h — questions over the merged graph (docs/queries.md).
//
//   Result<QueryResult> r = query_investors_of(graph, "엔비디아", Filter{});
//   if (!r) { err << r.error().message; return 1; }   // unknown entity + suggestions
//   out << render_text(r->table);                      // or dump(r->json, true)
//
// Every query sees the deal groups that pass `f` (types, dates, USD minimum;
// its focus is ignored), so a deal reported twice (same_as) counts once where
// things are counted; lists of deal ids still name every report. Names
// resolve through aliases (graph.find_entity); output names are canonical.
// Rows come in a fixed order, stated per query.
// Thread-safety: pure functions over an immutable DealGraph.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "core/error.h"
#include "graph/table.h"
#include "graph/filter.h"
#include "graph/graph.h"

namespace dealgraph {

struct QueryResult {
  Table table;        // for --format table: short amounts for people ("≥$100B")
  // For --format csv: the same rows with numbers as plain numbers (amount,
  // currency, amount_min, amount_max, amount_usd, ...) and the short form in
  // a display column (amount_label). No columns: csv writes `table`.
  Table data;
  nlohmann::json json = nlohmann::json::array();  // for --format json
  std::string note;   // said on stderr when the answer is empty for a reason
};

// Who invested in whom: the deals of an ownership type of the graph's schema
// (Schema::is_ownership: investment, acquisition), from its from_role party
// (investor, acquirer) to its to_role party (investee, target).
// One row per (investor, investee) pair:
// [{"investor": name, "investee": name, "deals": [ids, id_less order],
//   "amount": Money of the first of those deals that has one, or null,
//   "status": the furthest along of those deals' group statuses (signed
//   before planned, reported, negotiating, failed), or null when none states one}],
// sorted by investor name, then investee name (byte order). Tables end in a
// status column (here, in deals and in path).
Result<QueryResult> query_investments(const DealGraph& g, const Filter& f);
// The investments rows whose investee (investor) is `name`, without that column.
Result<QueryResult> query_investors_of(const DealGraph& g, const std::string& name, const Filter& f);
Result<QueryResult> query_investees_of(const DealGraph& g, const std::string& name, const Filter& f);

// Deal groups, optionally only those `party` takes part in, in corpus order.
Result<QueryResult> query_deals(const DealGraph& g, const std::string& party, const Filter& f);

// The other partners of `name` in partnership deals (roles: the schema's
// roles of a partnership), by name.
Result<QueryResult> query_partners_of(const DealGraph& g, const std::string& name, const Filter& f);

// The shortest chain of deals from `a` to `b` (BFS over the entity–deal
// graph; parties only, not products). No chain: empty result and a note.
Result<QueryResult> query_path(const DealGraph& g, const std::string& a, const std::string& b, const Filter& f);

// The most active parties: by number of deal groups, or by the sum of their
// groups' figures in US dollars (graph/usd.h: other currencies converted at
// the rate of the group's year; currencies without a rate, prices per share
// and amounts without a number add nothing).
// Ties: the other measure, then name.
enum class TopBy { Deals, Amount };
Result<QueryResult> query_top(const DealGraph& g, TopBy by, size_t limit, const Filter& f);

}  // namespace dealgraph
