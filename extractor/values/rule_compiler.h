// dealgraph/extractor/values/rule_compiler.h — internal: one value rule,
// checked against the engine's vocabulary and compiled.
//
// A rule's kind, its named groups and its attributes are read once at load,
// so that matching never looks at a name again. Every check fails with an
// Error naming the rule's file:line and the offending fragment; each step
// below is one such check.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/rule_set.h"
#include "extractor/values/table_check.h"
#include "extractor/values/tagger_impl.h"

namespace dealgraph::values::detail {

// "ko" or "en" when the file's name has a ".ko." or ".en." segment, else "".
std::string file_language(const std::string& path);

// True when `pattern` is one group opened by `open` that closes at its last
// character ("(?P<num>a|(b)c)"): the group then always spans the whole match.
bool whole_group(const std::string& pattern, const std::string& open);

// The steps of compile_rule, in order; each fills part of *cr.
Status check_attribute_names(const rules::Rule& rule);
Status read_kind(const rules::Rule& rule, CompiledRule* cr);
Status bind_groups(const rules::Rule& rule, CompiledRule* cr);
Status check_group_tables(const rules::Rule& rule, const CompiledRule& cr, const TableFamilies& family);
Status read_attributes(const rules::Rule& rule, CompiledRule* cr);
Status check_kind_needs(const rules::Rule& rule, const CompiledRule& cr, const WordTable& power_unit);

// Every step above; `power_unit` is the loaded power_unit table (a power
// rule's unit: attribute must name one of its keys).
Result<CompiledRule> compile_rule(const rules::Rule& rule, const TableFamilies& family,
                                  const WordTable& power_unit);

// `p` without the optional groups that open or close it (when it has no
// alternation at its top level): it matches somewhere exactly when `p` does.
std::string prefilter_pattern(const std::string& p);

// The prefilter of `rules`; nullopt when a set cannot be built (the tagger
// then tries every rule).
std::optional<Prefilter> build_prefilter(const std::vector<CompiledRule>& rules);

}  // namespace dealgraph::values::detail
