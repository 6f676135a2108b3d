// dealgraph/graph/filter.h — which deals and entities an export or query shows.
//
//   Filter f;                                    // plain value; the CLI fills it from flags
//   f.focus = "엔비디아";  f.depth = 2;  f.types = {DealType::Investment};
//   Result<View> v = select(graph, f, /*everything_when_unfiltered=*/false);
//   if (!v) { err << v.error().message; }        // unknown entity, with suggestions
//
// select() works on deal groups (graph/groups.h): the same deal reported
// twice passes or fails as a whole and is kept once.
//
// Dates: `since` keeps a group whose date or span can end on or after the
// day ("2026-02" passes since "2026-02-15"); `until` one that can start on or
// before it. An undated group fails either bound.
// Statuses: a group passes when its status (groups.h) is in `statuses`.
// Amounts: `min_amount` compares labels::usd_figure(); non-USD groups and
// groups without an amount fail it when it is set.
// Focus: the groups within `depth` deal hops of the focus entity (its own
// deals are one hop, its partners' other deals two...).
//
// Thread-safety: pure functions over an immutable DealGraph.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/model.h"
#include "graph/bipartite.h"
#include "graph/graph.h"
#include "graph/groups.h"

namespace dealgraph {

struct Filter {
  std::string focus;                  // entity name, alias or id; "" = no focus
  int depth = 1;                      // deal hops from the focus (≥ 1)
  std::set<DealType> types;           // empty = all
  std::string since, until;           // YYYY[-MM[-DD]]; "" = open
  std::optional<double> min_amount;   // USD
  bool no_chips = false;              // leave chips and products out
  // The group statuses shown (DealGroup::status; "" = a group that states
  // none); empty = every status. The CLI's default for queries and diagrams
  // is every status but failed (cli/filter_flags.h).
  std::set<std::string> statuses;
  bool narrows() const {              // does it drop any deal?
    return !focus.empty() || !types.empty() || !since.empty() || !until.empty() || min_amount ||
           !statuses.empty();
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

// Does a group dated `when` (to `when_end`) pass the bounds? (See above.)
bool date_in_bounds(const std::string& when, const std::string& when_end, const std::string& since,
                    const std::string& until);

// The steps of select(), for tests.
// Does the group pass the types, statuses, dates and amount of `f` (not its focus)?
bool passes(const DealGroup& grp, const Filter& f);
// The groups within f.depth deal hops of entity id `focus`, in their order.
std::vector<DealGroup> near_focus(std::vector<DealGroup> groups, const std::string& focus, int depth);

}  // namespace dealgraph
