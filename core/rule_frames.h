// dealgraph/core/rule_frames.h — internal: how a frame of the rule language
// becomes rules (the manual is core/rule_set.h, "Frames and clauses").
//
// A frame is a lexicon entry in the manner of FrameNet's frames and
// PropBank's rolesets: a trigger and which argument fills which role. A
// clause is the shape a language gives a sentence, a regex with slots
// `{=name}`. A frame fills the slots with its attributes; each clause of its
// `clauses:` list whose slots it fills becomes one rule named FRAME.CLAUSE,
// carrying the frame's other attributes. A clause the frame cannot fill is
// passed over: a frame without `from:` makes no "... from X" rule.
//
// Not a public header; tests include it to check each step on its own.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/rule_parse.h"

namespace dealgraph::rules::parse {

Clause make_clause(std::string name, std::string body, std::string file, int line);

// The {=name} slots of a clause body, each once, in order of first use.
std::vector<std::string> slots_of(const std::string& body);

// `body` with every {=name} replaced by attrs[name] (every slot must be there).
std::string fill_slots(const std::string& body, const std::map<std::string, std::string>& attrs);

// The clauses a frame's `clauses:` list names, in list order: an item ending
// in '.' takes every clause whose name starts with it, in definition order;
// any other item names one clause. Each comes with the name its rule gets
// (the clause name after the prefix or after its last '.').
struct SelectedClause {
  const Clause* clause = nullptr;
  std::string short_name;
};
Result<std::vector<SelectedClause>> select_clauses(const RawRule& frame, const std::vector<Clause>& clauses);

// The rules a frame makes, in the order of its clauses. Errors at the
// frame's line: no `clauses:`, an item naming no clause, no clause whose
// slots it all fills.
Result<std::vector<RawRule>> instantiate_frame(const RawRule& frame, const std::vector<Clause>& clauses);

}  // namespace dealgraph::rules::parse
