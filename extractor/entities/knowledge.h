// dealgraph/extractor/entities/knowledge.h — what the recognizer knows.
//
// Internal to extractor/entities (the public header is recognizer.h). The
// recognizer's steps read three things, loaded and checked once:
//   - the dictionary and a NameMatcher over every surface form of it;
//   - the rule set rules/entities/ (discovery rules and word tables);
//   - its `table settings`: byte windows and lengths, each "name = number".
// Every table the steps read is required at load, every setting must be a
// whole number; either missing is an Error naming the file and line.
//
//   auto k = entities::Knowledge::load(res, dict);
//   size_t gap = k->settings.maker_gap;
//   const rules::Table& particles = k->table("particle");
//
// Thread-safety: immutable after load.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>

#include "core/error.h"
#include "core/resources.h"
#include "core/rule_filter.h"
#include "core/rule_set.h"
#include "extractor/entities/dictionary.h"
#include "extractor/entities/name_matcher.h"

namespace dealgraph::entities {

// The numbers in rules/entities/settings.rules; what each means is said there.
struct Settings {
  size_t title_window = 0;
  size_t title_window_after_paren = 0;
  size_t maker_gap = 0;
  size_t region_gap = 0;
  size_t coordination_gap = 0;
  size_t min_region_word = 0;
  size_t max_acronym = 0;
  size_t min_upper_variant = 0;
  size_t min_capitalized_variant = 0;
  size_t min_surname = 0;
  size_t min_spread_name = 0;
  size_t min_person_words = 0;
  size_t max_person_words = 0;
  size_t max_list_member_words = 0;
  size_t max_korean_name = 0;
};

// The rule folder the recognizer reads.
inline constexpr const char* kRuleFolder = "rules/entities";

// Reads `table settings` of `set`: every field of Settings must be there as a
// whole number (core/settings.h); an error names the entry's line.
Result<Settings> read_settings(const rules::RuleSet& set);

struct Knowledge {
  const Dictionary* dict = nullptr;
  NameMatcher matcher;
  rules::RuleSet rules;
  // Which rules can match a region at all (core/rule_filter.h); null: all.
  std::shared_ptr<const rules::RuleFilter> filter;
  Settings settings;
  // The surname (folded) of each dictionary person whose surname is no other
  // dictionary person's: "son" -> Masayoshi Son ("tan" is two people, so none).
  // Surname rules with `of: dictionary` link a surname alone to it.
  std::map<std::string, std::string> unique_surnames;

  static Result<Knowledge> load(const Resources& res, const Dictionary& dict);
  const rules::Table& table(const char* name) const { return rules.need_table(name); }
};

// Every form the matcher looks for of one dictionary name: the name itself,
// a spaced Hangul name glued, an ASCII name in capitals or Capitalized.
std::vector<std::string> matcher_forms(const std::string& name, const Settings& s);

}  // namespace dealgraph::entities
