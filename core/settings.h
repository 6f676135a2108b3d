// dealgraph/core/settings.h — the numbers of a rule folder's `table settings`.
//
// Distances and limits a stage works with (how many bytes after a match a
// negation still counts, how long a headline may be) are language settings,
// so they live in the rule files, each with a comment that says why:
//
//   table settings
//     # a negation word this many bytes after the trigger undoes it
//     negation_after = 24
//   end
//
// A stage names its fields once and reads them at load:
//
//   struct DealSettings { size_t negation_after = 0; ... };
//   auto s = read_settings<DealSettings>(set.need_table("settings"),
//                                        {{"negation_after", &DealSettings::negation_after}});
//
// Every field must be there, as a whole number within its bounds, and the
// table may hold no other name. Errors name the file and the entry's line
// (the table's, for a missing one) and show the offending entry:
//   rules/deals/00-common.rules:40:1: setting 'each_after' is not a whole number from 0 to 100000: each_after = x
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <map>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/rule_set.h"

namespace dealgraph {

struct SettingSpec {
  std::string name;
  size_t min = 0;
  size_t max = 100000;
};

// The values of `specs` in `table`, by name; the checks above.
Result<std::map<std::string, size_t>> read_setting_values(const rules::Table& table,
                                                          const std::vector<SettingSpec>& specs);

template <class S>
struct SettingField {
  const char* name;
  size_t S::*field;
  size_t min = 0;
  size_t max = 100000;
};

// The settings struct S filled from `table`, one field per entry of `fields`.
template <class S>
Result<S> read_settings(const rules::Table& table, std::initializer_list<SettingField<S>> fields) {
  std::vector<SettingSpec> specs;
  for (const auto& f : fields) specs.push_back({f.name, f.min, f.max});
  auto values = read_setting_values(table, specs);
  if (!values) return values.error();
  S out;
  for (const auto& f : fields) out.*(f.field) = values->at(f.name);
  return out;
}

}  // namespace dealgraph
