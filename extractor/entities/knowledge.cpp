#include "extractor/entities/knowledge.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "core/fold.h"
#include "core/settings.h"
#include "core/utf8.h"
#include "extractor/entities/steps.h"

namespace dealgraph::entities {

namespace {

// Every table a step reads; checked once so need_table() cannot fail later,
// and a table in the folder that neither a step nor a rule reads is a typo.
Status require_step_tables(const rules::RuleSet& set) {
  static const std::vector<std::string> kTables = {
      "particle",          "actor_particle",        "government_noun",   "person_title",        "chip_head",
      "descriptor",        "locative_particle",     "argument_particle", "not_a_name",          "region_suffix",
      "absorbed_suffix",   "place_preposition",     "corporate_suffix_en", "possessive_marker",
      "coordinating_particle", "coordination_mark", "never_in_name", "never_name_suffix", "list_separator",
      "not_in_person_name", "given_name_en", "generic_head_ko", "origin_preposition", "not_in_division", "settings"};
  if (Status st = set.require_tables(kRuleFolder, kTables); !st) return st;
  std::set<std::string> read{kTables.begin(), kTables.end()};
  // a rule's word_not_ending names a table the engine reads for it
  for (const auto& r : set.rules()) {
    std::string t = r.attr("word_not_ending");
    if (t.empty()) continue;
    if (!set.table(t)) return Error::at(r.file, r.line, 1, "rule " + r.name + ": unknown table '" + t + "'");
    read.insert(t);
  }
  return set.check_unknown_tables(read);
}

// Discovery rules say what they make with `kind` (and `type`); the steps
// know these kinds only.
Status check_rule_kinds(const rules::RuleSet& set) {
  for (const auto& r : set.rules()) {
    std::string kind = r.attr("kind");
    if (kind != "gloss" && kind != "name" && kind != "quoted" && kind != "variant" && kind != "list" &&
        kind != "surname" && kind != "role" && kind != "alias" && kind != "context" && kind != "division")
      return Error::at(r.file, r.line, 1, "rule " + r.name + ": unknown kind '" + kind + "'",
                       "(expected gloss, name, quoted, list, alias, variant, surname, role, context or division)");
    const auto& groups = r.named_groups;  // read off the pattern: the regex may not be compiled yet
    if (kind == "alias" && (!groups.count("name") || !groups.count("short")))
      return Error::at(r.file, r.line, 1, "rule " + r.name + ": an alias rule needs groups 'name' and 'short'");
    if (kind == "surname" && !groups.count("surname"))
      return Error::at(r.file, r.line, 1, "rule " + r.name + ": a surname rule needs a group 'surname'");
    if (kind == "role" && (!groups.count("person") || !groups.count("org") || !groups.count("role")))
      return Error::at(r.file, r.line, 1, "rule " + r.name + ": a role rule needs groups 'person', 'org' and 'role'");
    if ((kind == "name" || kind == "quoted") && groups.count("name") && !entity_type_from(r.attr("type")))
      return Error::at(r.file, r.line, 1, "rule " + r.name + ": unknown type '" + r.attr("type") + "'");
    if ((kind == "name" || kind == "quoted") && !groups.count("name") && !groups.count("person") &&
        !groups.count("org"))
      return Error::at(r.file, r.line, 1, "rule " + r.name + ": no group 'name', 'person' or 'org'");
    if (kind == "context" && (!groups.count("body") || r.attr("context").empty()))
      return Error::at(r.file, r.line, 1, "rule " + r.name + ": a context rule needs a group 'body' and a 'context'");
    if (kind == "division" && (!groups.count("division") || !groups.count("owner")))
      return Error::at(r.file, r.line, 1, "rule " + r.name + ": a division rule needs groups 'division' and 'owner'");
    if (kind == "list" && !groups.count("list"))
      return Error::at(r.file, r.line, 1, "rule " + r.name + ": a list rule needs a group 'list'");
    if (kind == "list" && r.attr("needs", "known") != "known" && r.attr("needs") != "nothing")
      return Error::at(r.file, r.line, 1, "rule " + r.name + ": needs is 'known' or 'nothing'");
  }
  return {};
}

bool has_lower(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}
bool all_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}
bool has_hangul(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t len;
    if (utf8::is_hangul(utf8::decode(s, i, &len))) return true;
    i += len;
  }
  return false;
}

}  // namespace

Result<Settings> read_settings(const rules::RuleSet& set) {
  return dealgraph::read_settings<Settings>(set.need_table("settings"),
                                            {{"title_window", &Settings::title_window},
                                             {"title_window_after_paren", &Settings::title_window_after_paren},
                                             {"maker_gap", &Settings::maker_gap},
                                             {"region_gap", &Settings::region_gap},
                                             {"coordination_gap", &Settings::coordination_gap},
                                             {"min_region_word", &Settings::min_region_word},
                                             {"max_acronym", &Settings::max_acronym},
                                             {"min_upper_variant", &Settings::min_upper_variant},
                                             {"min_capitalized_variant", &Settings::min_capitalized_variant},
                                             {"min_surname", &Settings::min_surname},
                                             {"min_spread_name", &Settings::min_spread_name},
                                             {"min_person_words", &Settings::min_person_words},
                                             {"max_person_words", &Settings::max_person_words},
                                             {"max_list_member_words", &Settings::max_list_member_words},
                                             {"max_korean_name", &Settings::max_korean_name}});
}

std::vector<std::string> matcher_forms(const std::string& n, const Settings& s) {
  std::vector<std::string> forms{n};
  // Korean press spaces compound names either way ("앤드리슨 호로위츠",
  // "앤드리슨호로위츠"): a spaced Hangul form also matches glued. (The
  // dictionary's fold drops spaces, so the glued form is nobody else's.)
  if (n.find(' ') != std::string::npos && has_hangul(n)) {
    std::string glued;
    for (char c : n)
      if (c != ' ') glued += c;
    forms.push_back(glued);
  }
  // Headlines shout ("NVIDIA"), and some names are listed shouting ("ASML")
  // but written Capitalized ("Asml" rarely, "Arm" often).
  if (all_ascii(n) && has_lower(n) && n.size() >= s.min_upper_variant) {
    std::string up = n;
    for (auto& c : up) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    forms.push_back(up);
  }
  if (all_ascii(n) && !has_lower(n) && n.size() >= s.min_capitalized_variant &&
      std::isalpha(static_cast<unsigned char>(n[0]))) {
    std::string cap = n;
    for (size_t k = 1; k < cap.size(); ++k) cap[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(cap[k])));
    forms.push_back(cap);
  }
  return forms;
}

namespace {

// Knowledge::unique_surnames: each surname that one dictionary person has.
std::map<std::string, std::string> surnames_of_one_person(const Dictionary& dict, const Settings& s) {
  std::map<std::string, std::string> ids;  // "" once a second person shares the surname
  for (const auto& e : dict.entries()) {
    if (e.type != EntityType::Person) continue;
    std::string surname = surname_of(s, e.name);
    if (surname.empty()) continue;
    auto [it, fresh] = ids.emplace(fold_name(surname), e.id);
    if (!fresh && it->second != e.id) it->second.clear();
  }
  for (auto it = ids.begin(); it != ids.end();) it = it->second.empty() ? ids.erase(it) : std::next(it);
  return ids;
}

}  // namespace

Result<Knowledge> Knowledge::load(const Resources& res, const Dictionary& dict) {
  // The built-in rules compile when first run (a short text pays only for
  // the rules its regions let through); a --rules overlay compiles at load,
  // so that its RE2 errors are reported at file:line.
  rules::LoadOptions opt;
  opt.defer_compile = true;
  for (const auto& [path, unused] : rules::RuleSet::files_of(res, kRuleFolder))
    opt.defer_compile = opt.defer_compile && res.is_builtin(path);
  auto set = rules::RuleSet::load(res, kRuleFolder, opt);
  if (!set) return set.error();
  if (Status st = require_step_tables(*set); !st) return st.error();
  if (Status st = check_rule_kinds(*set); !st) return st.error();
  auto settings = read_settings(*set);
  if (!settings) return settings.error();
  Knowledge k;
  k.dict = &dict;
  k.rules = std::move(*set);
  k.filter = rules::RuleFilter::build(k.rules.rules());
  k.settings = *settings;
  const auto& entries = dict.entries();
  for (size_t i = 0; i < entries.size(); ++i) {
    std::vector<std::string> names = entries[i].aliases;
    names.push_back(entries[i].name);
    for (const auto& n : names)
      for (const auto& f : matcher_forms(n, k.settings)) k.matcher.add(f, static_cast<uint32_t>(i));
  }
  k.unique_surnames = surnames_of_one_person(dict, k.settings);
  return k;
}

}  // namespace dealgraph::entities
