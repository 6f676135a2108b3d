#include "extractor/deals/deal_tables.h"

#include "core/settings.h"

#include <set>

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <sstream>
#include <utility>

namespace dealgraph {

namespace {

// Every table the steps read, and where DealTables keeps it.
std::vector<std::pair<const char*, rules::Table DealTables::*>> table_slots() {
  return {{"status_word", &DealTables::status_word},
          {"status_priority", &DealTables::status_priority},
          {"status_of", &DealTables::status_of},
          {"anaphor", &DealTables::anaphor},
          {"provider_flag", &DealTables::provider_flag},
          {"retype_by_provider_flag", &DealTables::retype_by_provider_flag},
          {"amount_distractor", &DealTables::amount_distractor},
          {"exclusive_types", &DealTables::exclusive_types},
          {"maker_side", &DealTables::maker_side},
          {"negation", &DealTables::negation},
          {"negation_before", &DealTables::negation_before},
          {"respective", &DealTables::respective},
          {"joint_types", &DealTables::joint_types},
          {"each_word", &DealTables::each_word},
          {"each_word_before", &DealTables::each_word_before},
          {"voided_by", &DealTables::voided_by},
          {"place_role", &DealTables::place_role},
          {"needs_any", &DealTables::needs_any},
          {"broad_place_flag", &DealTables::broad_place_flag},
          {"group_kind", &DealTables::group_kind},
          {"owner_suffix", &DealTables::owner_suffix},
          {"pronoun_subject_after", &DealTables::pronoun_subject_after},
          {"subject_verb", &DealTables::subject_verb},
          {"pronoun_kept_after", &DealTables::pronoun_kept_after},
          {"relative_word", &DealTables::relative_word},
          {"majority_retype", &DealTables::majority_retype},
          {"date_word_before", &DealTables::date_word_before},
          {"date_word_after", &DealTables::date_word_after},
          {"date_relation_class", &DealTables::date_relation_class},
          {"settings", nullptr}};
}

bool whole_number(const std::string& v) {
  return !v.empty() && v.size() <= 6 && v.find_first_not_of("0123456789") == std::string::npos;
}

// Priorities are whole numbers; checked here so matching never has to.
Status check_priorities(const rules::Table& pri) {
  for (const auto& [cls, v] : pri.entries)
    if (!whole_number(v))
      return Error::at(pri.file, pri.line, 1, "table status_priority: '" + cls + "' needs a whole number", v);
  return {};
}

// Every class that has a priority names, through status_of, a status the
// outputs and the --status flag know (deal_statuses): a new class cannot
// slip a status past them.
Status check_statuses(const rules::Table& pri, const rules::Table& status_of) {
  const auto& known = deal_statuses();
  for (const auto& [cls, unused] : pri.entries) {
    const std::string* named = status_of.find(cls);
    const std::string& status = named ? *named : cls;
    if (std::find(known.begin(), known.end(), status) == known.end())
      return Error::at(pri.file, pri.line_of(cls), 1,
                       "table status_priority: '" + cls + "' is no status (signed, planned, reported, negotiating, "
                       "failed) and status_of names none for it", cls);
  }
  return {};
}

Result<DealSettings> read_deal_settings(const rules::Table& t) {
  return read_settings<DealSettings>(t, {{"negation_after", &DealSettings::negation_after},
                                         {"distractor_before", &DealSettings::distractor_before},
                                         {"distractor_after", &DealSettings::distractor_after},
                                         {"money_after_match", &DealSettings::money_after_match},
                                         {"each_after", &DealSettings::each_after},
                                         {"title_case_share", &DealSettings::title_case_share},
                                         {"majority_share", &DealSettings::majority_share},
                                         {"pronoun_report_window", &DealSettings::pronoun_report_window},
                                         {"subject_window", &DealSettings::subject_window},
                                         {"negation_before", &DealSettings::negation_before},
                                         {"date_word_before", &DealSettings::date_word_before},
                                         {"date_word_after", &DealSettings::date_word_after}});
}

// Every date class a table names is one the steps know; checked here so
// classing a date never meets an unknown one.
Status check_date_classes(const rules::Table& t) {
  for (size_t i = 0; i < t.entries.size(); ++i)
    if (!date_class_from(t.entries[i].second))
      return Error::at(t.file, t.line_of(t.entries[i].first), 1,
                       "table " + t.name + ": '" + t.entries[i].first + "' needs a date class (deal, target, founding)",
                       t.entries[i].second);
  return {};
}

// A group must be a role of the rule's type or a known kind (amount, product).
Status check_groups(const rules::Rule& r, const RuleFacts& f, const Schema& schema, const rules::Table& kinds) {
  bool has_role = false;
  for (const auto& [name, idx] : r.named_groups) {
    const std::string role = role_of_group(name);
    if (kinds.find(role)) continue;
    if (f.attach_amount || !schema.is_role(role))
      return Error::at(r.file, r.line, 1, "rule " + r.name + ": group '" + name + "' is no role and no group_kind", name);
    if (!schema.allows(f.type, role))
      return Error::at(r.file, r.line, 1,
                       "rule " + r.name + ": group '" + name + "' is no role of " + to_string(f.type), name);
    has_role = true;
  }
  if (f.attach_amount) {
    for (const auto& [name, idx] : r.named_groups)
      if (role_of_group(name) == "amount") return {};
    return Error::at(r.file, r.line, 1, "rule " + r.name + ": 'attach' needs an (?P<amount>...) group");
  }
  if (!has_role) return Error::at(r.file, r.line, 1, "rule " + r.name + ": no role group (?P<role>...)");
  return {};
}

// majority_retype maps a deal type to a deal type; checked here so
// retyping never meets an unknown one.
Status check_retype_types(const rules::Table& t) {
  for (const auto& [from, to] : t.entries)
    for (const std::string& name : {from, to})
      if (!deal_type_from(name))
        return Error::at(t.file, t.line_of(from), 1, "table " + t.name + ": '" + name + "' is no deal type", name);
  return {};
}

// `needs:` names roles of the rule's type, `amount` or `capacity`.
Status check_needs(const rules::Rule& r, const RuleFacts& f, const Schema& schema) {
  std::istringstream ws(f.needs);
  for (std::string w; ws >> w;)
    if (w != "amount" && w != "capacity" && !schema.allows(f.type, w))
      return Error::at(r.file, r.line, 1, "rule " + r.name + ": needs: '" + w + "' is no role of " + to_string(f.type), w);
  return {};
}

Result<RuleFacts> read_rule(const rules::Rule& r) {
  RuleFacts f;
  const std::string attach = r.attr("attach");
  if (!attach.empty() && attach != "amount" && attach != "record")
    return Error::at(r.file, r.line, 1, "rule " + r.name + ": attach must be amount or record", attach);
  f.attach_amount = !attach.empty();
  f.attach_record = attach == "record";
  if (f.attach_amount) return f;
  auto type = deal_type_from(r.attr("type"));
  if (!type) return Error::at(r.file, r.line, 1, "rule " + r.name + ": unknown deal type '" + r.attr("type") + "'");
  f.type = *type;
  const std::string scope = r.attr("scope", "any");
  if (scope != "any" && scope != "headline" && scope != "body")
    return Error::at(r.file, r.line, 1, "rule " + r.name + ": scope must be any, headline or body", scope);
  f.headline_only = scope == "headline";
  f.body_only = scope == "body";
  f.implicit = r.attr("implicit");
  f.maker_role = r.attr("maker_role");
  if (auto it = r.attrs.find("status"); it != r.attrs.end()) f.status = it->second;
  f.symmetric = r.attr("direction") == "symmetric";
  f.subsumable = r.attr("subsumable") == "yes";
  for (const char* flag : {"subsumable", "fallback", "continues", "joint", "skip_owners", "round_total"}) {
    const std::string v = r.attr(flag, "no");
    if (v != "yes" && v != "no")
      return Error::at(r.file, r.line, 1, "rule " + r.name + ": " + flag + " must be yes or no", v);
  }
  f.fallback = r.attr("fallback") == "yes";
  f.continues = r.attr("continues") == "yes";
  f.needs = r.attr("needs");
  f.needs_flag = r.attr("needs_flag");
  f.unless = r.attr("unless");
  f.joint = r.attr("joint") == "yes";
  f.round_total = r.attr("round_total") == "yes";
  f.skip_owners = r.attr("skip_owners") == "yes";
  return f;
}

}  // namespace

std::optional<DateClass> date_class_from(const std::string& s) {
  if (s == "deal") return DateClass::Deal;
  if (s == "target") return DateClass::Target;
  if (s == "founding") return DateClass::Founding;
  return std::nullopt;
}

std::string role_of_group(const std::string& group) {
  std::string r = group;
  while (!r.empty() && std::isdigit(static_cast<unsigned char>(r.back()))) r.pop_back();
  return r;
}

Result<DealTables> DealTables::load(const rules::RuleSet& set, const Schema& schema) {
  DealTables t;
  t.schema = schema;
  for (const auto& [name, slot] : table_slots()) {
    const rules::Table* table = set.table(name);
    if (!table) {
      Error e;
      e.file = "rules/deals";
      e.message = std::string("missing table '") + name + "' (the engine needs it)";
      return e;
    }
    if (slot) t.*slot = *table;
  }
  std::set<std::string> read_by_engine;
  for (const auto& [name, slot] : table_slots()) read_by_engine.insert(name);
  if (Status st = set.check_unknown_tables(read_by_engine); !st) return st.error();
  if (Status st = check_priorities(t.status_priority); !st) return st.error();
  if (Status st = check_retype_types(t.majority_retype); !st) return st.error();
  if (Status st = check_statuses(t.status_priority, t.status_of); !st) return st.error();
  for (const rules::Table* dates : {&t.date_word_before, &t.date_word_after, &t.date_relation_class})
    if (Status st = check_date_classes(*dates); !st) return st.error();
  auto settings = read_deal_settings(set.need_table("settings"));
  if (!settings) return settings.error();
  t.settings = *settings;
  for (const auto& r : set.rules()) {
    auto facts = read_rule(r);
    if (!facts) return facts.error();
    if (Status st = check_groups(r, *facts, schema, t.group_kind); !st) return st.error();
    if (Status st = check_needs(r, *facts, schema); !st) return st.error();
    t.rule_facts.push_back(std::move(*facts));
  }
  return t;
}

}  // namespace dealgraph
