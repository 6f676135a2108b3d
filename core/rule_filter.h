// dealgraph/core/rule_filter.h — which rules of a set can match a text,
// without running them.
//
//   auto filter = rules::RuleFilter::build(set.rules());   // once, at load
//   std::vector<bool> may;
//   if (filter && filter->candidates(sentence, &may)) ...   // per sentence
//
// Each rule's expanded pattern is read once for the literal strings every
// match of it must contain: "투자" of "(?:지분\s*)?(?:투자|출자)" is not one,
// but the group is — one of {"투자", "출자"}; the "⟦E" and ":ORG⟧" of a deal
// marker are. What comes out is a few clauses per rule, each a set of strings
// of which a match holds at least one. One literal RE2::Set of every such
// string (cheap to compile, one pass per text) says which a text holds; a
// rule may match when each of its clauses has one there.
//
// Sound by construction: a string counts only when no match can do without
// it, and the reader gives up (the rule is always tried) on syntax it does
// not follow. A case-folded pattern ((?i), `case: insensitive`) keeps only
// strings of characters that have no other case. tests/test_bounded_work.cpp
// checks every built-in rule set against RE2 on the bundled samples.
//
// Immutable and thread-safe after build.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "core/rule_set.h"

namespace re2 {
class RE2;
}

namespace dealgraph::rules {

struct FilterOptions {
  // A clause holding a string shorter than this is not checked: the deal
  // rules' one-byte strings (a space, a parenthesis) are in every sentence.
  size_t min_bytes = 2;
  // A small class of ASCII characters ([0-9], \d, [$€]) is a clause of its
  // one-byte strings: the value rules' digits (min_bytes 1 to use them).
  bool read_classes = false;
};

class RuleFilter {
 public:
  // Null when the literal set does not compile (every rule then runs).
  static std::shared_ptr<const RuleFilter> build(const std::vector<Rule>& rules, const FilterOptions& opt = {});

  // One flag per rule (in the order given to build): whether it may match
  // somewhere in `text`. False when the set could not decide (out of memory):
  // every rule must then run.
  bool candidates(std::string_view text, std::vector<bool>* out) const;

  size_t rule_count() const { return rules_.size(); }
  // Whether rule `i` has any clause (a rule without one is always tried).
  bool filters(size_t i) const { return !rules_[i].empty(); }

  ~RuleFilter();

 private:
  RuleFilter() = default;
  struct Set;
  std::vector<std::vector<std::vector<int>>> rules_;  // per rule, its clauses of literal ids
  // The same clauses indexed from the literals: a text holds few of them, so
  // a call visits the clauses of the literals found, not every clause of
  // every rule (a clause of a currency table holds thousands of names).
  std::vector<std::vector<int>> clauses_of_atom_;  // literal id -> clause ids
  std::vector<int> rule_of_clause_;                // clause id -> rule
  std::unique_ptr<Set> set_;
  size_t atoms_ = 0;
};

}  // namespace dealgraph::rules
