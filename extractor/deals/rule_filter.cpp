// Which deal rules can match a typed sentence, without running them: the
// literal filter of core/rule_filter.h over the deal rules. The rules compile
// when the filter first lets them run (LoadOptions::defer_compile).
#include "core/rule_filter.h"
#include "extractor/deals/deal_steps.h"

namespace dealgraph {

std::shared_ptr<const rules::RuleFilter> build_rule_filter(const std::vector<rules::Rule>& rules) {
  return rules::RuleFilter::build(rules);
}

std::vector<bool> rules_to_try(const rules::RuleFilter* filter, const std::string& typed, size_t n_rules) {
  std::vector<bool> out;
  if (filter && filter->candidates(typed, &out) && out.size() == n_rules) return out;
  return std::vector<bool>(n_rules, true);
}

}  // namespace dealgraph
