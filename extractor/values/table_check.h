// dealgraph/extractor/values/table_check.h — internal: the value rules' tables.
//
// A table named ROLE or ROLE_anything serves ROLE ("currency_ko" is a
// currency table), so each language keeps its own words in its own file.
// Each role's values are checked where they are written: an Error names the
// table line of the bad entry and shows "key = value".
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/rule_set.h"
#include "extractor/values/tagger_impl.h"

namespace dealgraph::values::detail {

// The tables of a rule set by role.
class TableFamilies {
 public:
  // The tables in the order the files give them (RuleSet::table_names), so
  // a role's words keep their file order.
  explicit TableFamilies(const rules::RuleSet& rs) : rs_(rs), names_(rs.table_names()) {}
  // Every table serving `role`, in file order.
  std::vector<const rules::Table*> operator()(const std::string& role) const;
  int line_of(const rules::Table& t, const std::string& key) const { return t.line_of(key); }
  // The names of every table some role asked for so far: after loading, the
  // tables the engine reads (RuleSet::check_unknown_tables takes them).
  const std::set<std::string>& served() const { return served_; }

 private:
  const rules::RuleSet& rs_;
  std::vector<std::string> names_;
  mutable std::set<std::string> served_;  // filled while loading, on one thread
};

using ValueCheck = std::function<bool(const std::string&)>;

// Checks every value of the `role` tables with `valid` (an Error says
// "table NAME: `expect`") and flattens them into *out.
Status check_table(const TableFamilies& family, const char* role, const ValueCheck& valid, const char* expect,
                   WordTable* out);

// Every word table the engine uses (currency, qualifier, ..., date_relation),
// checked and stored in `impl`; the `follow` table must exist.
Status load_word_tables(const TableFamilies& family, Tagger::Impl* impl);

// Value checks of the table roles.
bool season_ok(const std::string& v);  // "MM-DD MM-DD"
bool rel_ok(const std::string& v);     // a date_rel value (parse_rel)
ValueCheck int_in(int lo, int hi);     // an integer lo..hi

}  // namespace dealgraph::values::detail
