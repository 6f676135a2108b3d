// dealgraph/extractor/deals/deal_tables.h — internal: everything the steps of
// the deal stage read from rules/deals and rules/schema, looked up and checked
// once when the rules load, so that no step looks up a table by name or
// re-reads a rule's attributes while matching.
//
//   auto set = rules::RuleSet::load(res, "rules/deals");
//   auto schema = Schema::load(res);
//   Result<DealTables> t = DealTables::load(*set, *schema);  // Error at file:line
//   t->settings.negation_after  // a byte window, from `table settings`
//
// Ownership: a plain immutable value (copies of the tables); safe to share.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/model.h"
#include "core/rule_set.h"
#include "core/schema.h"

namespace dealgraph {

// Byte windows of the typed sentence (rules/deals: table settings). They are
// language settings: how far a word may stand from what it qualifies.
struct DealSettings {
  size_t negation_after = 0;     // after a match, where a negation word undoes it
  size_t distractor_before = 0;  // before a money marker, where a distractor word disowns it
  size_t distractor_after = 0;   // after a money marker, likewise
  size_t money_after_match = 0;  // after a match, where its amount may still stand
  size_t each_after = 0;         // after a money marker, where an each-word makes it each party's
  size_t negation_before = 0;        // before a match, where a negation_before word undoes it
  size_t subject_window = 0;         // where a sentence's first party stands to be its subject
  size_t pronoun_report_window = 0;  // before a pronoun, where a pronoun_kept_after word counts
  size_t majority_share = 0;     // percent above which a stake gives control (majority_retype)
  size_t title_case_share = 0;   // percent of capitalized words that make a headline title case
  size_t date_word_before = 0;   // before a date marker, where a date_word_before word classes it
  size_t date_word_after = 0;    // after a date marker, where a date_word_after word does
};

// What a date of a sentence is to its deal (tables date_word_before,
// date_word_after, date_relation_class; their values name the class).
enum class DateClass { Plain, Deal, Target, Founding };
// "deal", "target", "founding"; nullopt for any other word.
std::optional<DateClass> date_class_from(const std::string& s);

// What a rule's attributes say (deal_extractor.h lists them), read once.
struct RuleFacts {
  bool attach_amount = false;         // attach: amount|record — not a deal, a deal's size said apart
  bool attach_record = false;         // attach: record — the size of the record the line belongs to
  DealType type = DealType::Investment;  // unused when attach_amount
  bool headline_only = false;         // scope: headline
  bool body_only = false;             // scope: body
  std::string implicit;               // "" when none
  std::string maker_role;             // "" when none
  std::optional<std::string> status;  // a fixed status
  bool symmetric = false;             // direction: symmetric
  bool subsumable = false;            // subsumable: yes
  bool fallback = false;              // fallback: yes — yields to a plainer rule's deal for the same customer
  bool continues = false;             // continues: yes — empty roles and money from the article's last frame
  bool skip_owners = false;           // skip_owners: yes — in a list, "BlackRock's GIP" is GIP alone
  bool round_total = false;           // round_total: yes — the amount is the round's, each listed party's deal carries it
  bool joint = false;                 // joint: yes — one deal for all the match's parties (a consortium)
  std::string unless;                 // unless: words — a match holding one makes no deal
  std::string needs;                  // needs: roles (amount, capacity) one of which a deal must have
  std::string needs_flag;             // needs_flag: dictionary flags one of which a party must carry
};

struct DealTables {
  // Reads the tables of `set` and checks every rule against `schema`: a
  // group that is a role must be one of the rule's type, any other group one
  // of table group_kind. Mistakes are Errors naming file:line.
  static Result<DealTables> load(const rules::RuleSet& set, const Schema& schema);

  Schema schema;
  DealSettings settings;
  std::vector<RuleFacts> rule_facts;  // parallel to set.rules()
  rules::Table status_word, status_priority, status_of, anaphor, provider_flag, retype_by_provider_flag,
      amount_distractor, exclusive_types, maker_side, negation, respective, joint_types, each_word,
      each_word_before, negation_before, voided_by, place_role, needs_any, broad_place_flag, group_kind, owner_suffix,
      pronoun_subject_after, subject_verb, pronoun_kept_after, relative_word, majority_retype, date_word_before, date_word_after, date_relation_class;
};

// The role (or group kind) a group names: a trailing digit lets a role
// appear twice in one pattern (partner, partner2).
std::string role_of_group(const std::string& group);

}  // namespace dealgraph
