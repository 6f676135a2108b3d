// dealgraph/graph/filter.h — which deals and entities an export or query
// shows, with the same deal reported twice counted once.
//
//   std::vector<DealGroup> all = group_deals(corpus);
//   Filter f;  f.focus = "엔비디아";  f.depth = 2;  f.types = {DealType::Investment};
//   Result<View> v = select(graph, f, /*everything_when_unfiltered=*/false);
//   if (!v) { err << v.error().message; }          // unknown entity, with suggestions
//
// Deals linked by `same_as` form one DealGroup: drawn as one edge, counted as
// one deal, filtered as a whole; its fields come from the first member that
// has them (members in corpus order). Data exports still write every member.
//
// Dates: a group's date is its deal date (value, else span start) or else its
// article's date. --since keeps a group whose date or span can end on or
// after the day ("2026-02" passes --since 2026-02-15); --until one that can
// start on or before it. An undated group fails either bound.
// Amounts: --min-amount compares labels::usd_figure(); non-USD deals and deals
// without an amount are dropped when a minimum is given, kept otherwise.
//
// Thread-safety: pure functions over an immutable DealGraph.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/model.h"
#include "graph/graph.h"

namespace dealgraph {

struct DealGroup {
  const Deal* lead = nullptr;         // first member: id, type, article, evidence
  std::vector<const Deal*> members;   // corpus order, lead first
  std::vector<Party> parties;         // union over members, sorted, deduplicated
  std::vector<std::string> products;  // union, sorted
  std::optional<Money> amount;        // first member with one
  std::optional<Power> capacity;
  std::optional<DateValue> date;
  std::string when;                   // date shown and filtered: see above; "" if none
  std::string when_end;               // end of a date span ("2026-01" to "2026-06"); "" if none
};

std::vector<DealGroup> group_deals(const Corpus& corpus);
// One deal's date as above: deal date (value, else span start), else its
// article's date, else "".
std::string deal_when(const Deal& d, const Corpus& corpus);
// The end of its date span when it has one ("" otherwise).
std::string deal_when_end(const Deal& d);

struct Filter {
  std::string focus;                  // entity name or alias; "" = no focus
  int depth = 1;                      // deal hops from the focus
  std::set<DealType> types;           // empty = all
  std::string since, until;           // YYYY[-MM[-DD]]; "" = open
  std::optional<double> min_amount;   // USD
  bool no_chips = false;              // leave chips and products out
  bool narrows() const {              // does it drop any deal?
    return !focus.empty() || !types.empty() || !since.empty() || !until.empty() || min_amount;
  }
};

struct View {
  std::vector<DealGroup> groups;      // kept, corpus order
  std::set<std::string> entities;     // kept entity ids
  std::set<std::string> articles;     // kept article ids
};

// Applies `f`. Entities kept: the parties and products of kept deals, the
// focus itself, and (unless no_chips) chips made by a kept entity and the
// maker of a kept chip. With `everything_when_unfiltered` and a filter that
// drops no deal, every entity and article is kept (the data exports).
// An unknown focus name is an Error (see resolve_entity).
Result<View> select(const DealGraph& g, const Filter& f, bool everything_when_unfiltered);

// The entity vertex for a name, id or alias; otherwise an Error whose message
// reads "unknown entity 'X'; did you mean: A, B".
Result<Vertex> resolve_entity(const DealGraph& g, const std::string& name);

// A Filter from command-line text (an empty string: option not given). An
// Error says which value is wrong: depth not a whole number ≥ 1 or given
// without a focus, unknown type, malformed date, amount not a number ≥ 0.
struct FilterArgs {
  std::string focus, depth, types, since, until, min_amount;
  bool no_chips = false;
};
Result<Filter> parse_filter(const FilterArgs& a);

// "investment,purchase" → types; an Error names an unknown type.
Result<std::set<DealType>> parse_types(const std::string& list);
bool valid_date_bound(const std::string& s);  // YYYY, YYYY-MM or YYYY-MM-DD
// Does a group dated `when` pass the bounds? (See above.)
bool date_in_bounds(const std::string& when, const std::string& when_end, const std::string& since,
                    const std::string& until);

// Deal ids in human order: "D2" before "D10" (digit runs compare as numbers).
bool id_less(const std::string& a, const std::string& b);

// The bipartite entity–deal graph that breadth-first searches walk: one vertex
// per entity taking part and per DealGroup, one edge per party (and, with
// `with_products`, per product).
struct Bipartite {
  using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  G g;
  std::vector<std::string> entity;  // per vertex: entity id, "" for a deal
  std::vector<int> group;           // per vertex: index into the groups, -1 for an entity
  std::map<std::string, size_t> vertex_of;  // entity id → vertex
};
Bipartite bipartite(const std::vector<DealGroup>& groups, bool with_products);

// Boost BFS from `source`: hop distance per vertex (SIZE_MAX when unreached)
// and the predecessor on one shortest path (itself for the source and unreached).
void bfs(const Bipartite& b, size_t source, std::vector<size_t>* dist, std::vector<size_t>* pred);

}  // namespace dealgraph
