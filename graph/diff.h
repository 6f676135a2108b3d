// dealgraph/graph/diff.h — what changed between two graphs (`dealgraph diff`).
//
//   GraphDiff d = diff_graphs(old_corpus, new_corpus);   // both linked
//   for (const DealChange& c : d.changed) ...
//
// Deals are compared as groups (graph/groups.h), matched by group id
// (graph/ids.h: type and parties), so a deal reported in January as talks
// and in March as signed is one deal whose status changed, whatever the
// positions or files it was read from:
//   new_deals   groups only the new graph has;
//   changed     groups in both whose amount, capacity or status differ;
//   removed     groups only the old graph has;
//   new_companies  organizations (entity ids) only the new graph has.
// Each list is in the order of its graph (new, else old).
// Points into both corpora: keep them alive. Thread-safety: pure function.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"
#include "graph/groups.h"

namespace dealgraph {

struct DealChange {
  DealGroup before, after;
  std::vector<std::string> fields;  // "amount", "capacity", "status"
};

struct GraphDiff {
  std::vector<DealGroup> new_deals;
  std::vector<DealChange> changed;
  std::vector<DealGroup> removed;
  std::vector<const Entity*> new_companies;
};

GraphDiff diff_graphs(const Corpus& before, const Corpus& after);

// The group id of a DealGroup (its lead's `group`, else its lead's id).
const std::string& group_id(const DealGroup& g);

}  // namespace dealgraph
