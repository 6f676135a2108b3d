// Tagger::load: the rule files become a Tagger in four steps — the rule set is
// parsed, the number and word tables are checked and flattened, every rule is
// compiled against the vocabulary, and the prefilter sets are built over them.
#include <algorithm>

#include "extractor/values/currency_icu.h"
#include "extractor/values/rule_compiler.h"
#include "extractor/values/table_check.h"
#include "extractor/values/tagger_impl.h"

namespace dealgraph::values {

using detail::TableFamilies;

namespace {

// The num_* tables drive the number parser (number.h).
Status load_numbers(const TableFamilies& family, Tagger::Impl* impl) {
  auto nums = NumberParser::from([&](const std::string& role) { return family(role); },
                                 [&](const rules::Table& t, const std::string& key) { return family.line_of(t, key); });
  if (!nums) return nums.error();
  impl->numbers = std::move(*nums);
  return {};
}

// Every rule of the set, compiled; a set without rules is an error, since a
// tagger that can find nothing is surely misconfigured.
Status compile_rules(const TableFamilies& family, Tagger::Impl* impl) {
  for (const auto& rule : impl->set.rules()) {
    auto cr = detail::compile_rule(rule, family, impl->power_unit);
    if (!cr) return cr.error();
    impl->max_caps = std::max(impl->max_caps, static_cast<size_t>(cr->ncap) + 1);
    impl->rules.push_back(std::move(*cr));
  }
  if (impl->rules.empty()) return Error::at("rules/values", 0, 0, "the value rule files define no rule");
  return {};
}

}  // namespace

Result<Tagger> Tagger::load(const Resources& res) {
  return from_files(rules::RuleSet::files_of(res, "rules/values"));
}

Result<Tagger> Tagger::from_files(const std::vector<std::pair<std::string, std::string>>& files) {
  if (files.empty()) return Error::at("rules/values", 0, 0, "no rule files (rules/values/*.rules)");
  // ICU's currency tables come last, so the rule files' news words win.
  auto with_icu = files;
  with_icu.emplace_back(detail::kIcuCurrencyPath, detail::icu_currency_rules());
  auto set = rules::RuleSet::from_files(with_icu);
  if (!set) return set.error();
  auto impl = std::make_shared<Impl>();
  impl->set = std::move(*set);
  const TableFamilies family(impl->set);
  if (Status s = load_numbers(family, impl.get()); !s) return s.error();
  if (Status s = detail::load_word_tables(family, impl.get()); !s) return s.error();
  if (Status s = compile_rules(family, impl.get()); !s) return s.error();
  if (Status s = impl->set.check_unknown_tables(family.served()); !s) return s.error();
  impl->prefilter = detail::build_prefilter(impl->rules);
  return Tagger(std::move(impl));
}

size_t Tagger::rule_count() const { return impl_ ? impl_->rules.size() : 0; }

std::optional<Amount> Tagger::number(std::string_view text) const {
  if (!impl_) return std::nullopt;
  auto n = impl_->numbers.parse(text);
  if (!n) return std::nullopt;
  Amount a;
  if (n->vague) {
    a.min = n->lo;
    a.max = n->hi;
  } else {
    a.value = n->lo;
  }
  return a;
}

}  // namespace dealgraph::values
