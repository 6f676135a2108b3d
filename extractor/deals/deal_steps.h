// dealgraph/extractor/deals/deal_steps.h — internal: the steps of
// DealExtractor::extract, in the order they run. Each is a small function
// with its own unit test (tests/test_deals_steps.cpp).
//
//   per article:  article_focus → sentence_units
//   per sentence: typeset_sentence (typed_sentence.h) → sentence_status, sentence_dates
//                 → rules_to_try (one RE2::Set pass) → for each rule, each match:
//   per match:    negated / voided_match → slots_of_groups → products_of
//                 → parties_of, continue_roles, fill_implicit, fill_maker_role, fill_site_place
//                 → amount_slots → money_figures → capacity_of
//                 → party_combinations → amounts_in_turn → add_candidates
//                 → remember_frame (what later sentences continue)
//   per relative clause (relative_clauses, typed_sentence.h): the same, as a sentence
//   per sentence: drop_yielding_fallbacks (Sentence)
//   per article:  drop_yielding_fallbacks (Article), settle_roles, merge_article_deals (deal_settle.h)
//
// Every table a step reads comes from DealTables, loaded and checked once.
// The functions are pure; none keeps state between calls.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model.h"
#include "core/rule_filter.h"
#include "core/rule_set.h"
#include "extractor/deals/deal_extractor.h"
#include "extractor/deals/deal_inputs.h"
#include "extractor/deals/deal_tables.h"
#include "extractor/deals/typed_sentence.h"

namespace re2 {
class RE2;
}

namespace dealgraph {

// ---------------------------------------------------------------- article

// The article's input as every step reads it.
struct ArticleInput {
  std::string_view text;
  const Article& article;
  const std::vector<FoundMention>& mentions;
  const std::vector<Value>& values;
  const EntityLookup& lookup;
  std::vector<const FoundMention*> focus;  // article_focus
  const MarkerIndex* index = nullptr;      // of `mentions` and `values`, for typeset_sentence
};


// The entities anaphors stand for: the first two distinct non-weak
// organizations, government bodies or people of the headline, else of the body.
std::vector<const FoundMention*> article_focus(const Article& article, const std::vector<FoundMention>& mentions);

// The headline, then every body sentence; `body_from` gets the index of the
// first body sentence.
std::vector<Span> sentence_units(const DealExtractor& d, std::string_view text, const Article& article,
                                 size_t* body_from);

// ---------------------------------------------------------------- rule matching

// Which rules can match a typed sentence, from the literal strings each
// rule's matches must hold, found in one pass (core/rule_filter.h).
// Null when the literal set does not compile (every rule then runs).
std::shared_ptr<const rules::RuleFilter> build_rule_filter(const std::vector<rules::Rule>& rules);
// One flag per rule: whether it may match `typed`; all true without a filter
// or when the filter could not decide.
std::vector<bool> rules_to_try(const rules::RuleFilter* filter, const std::string& typed, size_t n_rules);

// A named group that took part in a match, in typed-text bytes.
struct GroupSpan {
  std::string name;
  size_t from = 0, to = 0;
};
struct RuleMatch {
  size_t start = 0, end = 0;
  std::vector<GroupSpan> groups;  // in group-name order
};
// The first match of `re` in `typed` starting at or after `pos`.
std::optional<RuleMatch> match_from(const re2::RE2& re, const std::string& typed, size_t pos);
// The byte after the UTF-8 character that starts at `at`.
size_t next_char(const std::string& typed, size_t at);
// True when a negation word stands within settings.negation_after bytes after
// the match ("구매 자제를 권고", "인수설을 부인").
bool negated(std::string_view typed, size_t match_end, const DealTables& tables);
// True when a negation_before word stands within settings.negation_before
// bytes before the match ("OpenAI denied a report that it plans to buy a
// stake in Intel", "has no plans to").
bool negated_before(std::string_view typed, size_t match_start, const DealTables& tables);
// The money an `attach: amount` rule's amount group holds, if it matches.
std::optional<StatedAmount> stated_amount_of(const re2::RE2& re, const TypedSentence& t,
                                             const std::vector<Value>& values, Span sent);

// ---------------------------------------------------------------- roles and products

// A match's groups as slots: role groups take their parties and facilities,
// `amount` its first value, `product` its entities.
struct GroupSlots {
  std::map<std::string, std::vector<int>> roles;
  int amount_slot = -1;
  std::vector<int> product_slots;
  std::vector<int> aside_slots;  // `aside`: arguments with no role (a company's seller)
};
// An entity followed by an `owner_suffix` word and another entity ("BlackRock's
// GIP") is the next one's owner, no party of the role.
// The last name of a list that ends the match, followed by a `subject_verb`
// word, starts the next clause and leaves the list ("from Dell, and Microsoft
// will pay").
GroupSlots slots_of_groups(const TypedSentence& t, const RuleMatch& m, const rules::Table* owner_suffix = nullptr,
                           const rules::Table* subject_verb = nullptr);

// The deal's products, each once: the product groups, then chips inside the
// match, else chips anywhere in the sentence.
std::vector<std::string> products_of(const TypedSentence& t, const RuleMatch& m, std::vector<int> product_slots);

using Parties = std::map<std::string, std::vector<std::string>>;  // role -> entity ids, each once
Parties parties_of(const TypedSentence& t, const GroupSlots& g);
// `implicit: role`: the focus fills the role when empty, or a partnership's
// second partner.
void fill_implicit(Parties& parties, const RuleFacts& rule, const std::vector<const FoundMention*>& focus);
// `maker_role: role`: the maker of the first product that has one fills the role when empty.
void fill_maker_role(Parties& parties, const RuleFacts& rule, const std::vector<std::string>& products,
                     const EntityLookup& lookup);
// The type's place_role, when empty, takes the place the sentence names
// ("텍사스주 테일러에 공장을", "a fab in Boise").
struct SitePlace {
  std::string entity;  // "" when none was taken
  bool broad = false;  // a place that holds other places
};
SitePlace fill_site_place(Parties& parties, DealType type, Span sent, const TypedSentence& t, size_t match_end,
                          const ArticleInput& in, const DealTables& tables);
void drop_empty_roles(Parties& parties);

// ---------------------------------------------------------------- frames

// What the article has said so far about deals of one type: the roles and
// the money of its last match, whole or not ("xAI raised $20 billion in a
// Series E round" names no investor), so a later sentence can continue it
// ("Backers include A, B and C").
struct OpenFrame {
  Parties parties;
  std::optional<Money> money;
  std::string status;  // "xAI said it closed a $6 billion round": the round's, for its investors
};
using ArticleFrames = std::map<DealType, OpenFrame>;
// Records a match: its roles replace the frame's, its money (a round's total:
// the caller passes none for one investor's own sum) and status when it has them.
void remember_frame(ArticleFrames& frames, DealType type, const Parties& parties, const std::optional<Money>& money,
                    const std::string& status = "");
// `continues: yes`: the roles the match leaves empty come from the type's
// frame; true when it filled one.
bool continue_roles(Parties& parties, const RuleFacts& rule, const ArticleFrames& frames);
// The frame's money, for a continuing match that names none.
std::optional<Money> continued_money(const RuleFacts& rule, const ArticleFrames& frames);
// The frame's status, for a continuing match whose sentence says none.
std::string continued_status(const RuleFacts& rule, const ArticleFrames& frames);

// ---------------------------------------------------------------- retyping

// `majority_retype`: a deal of a listed type whose match states a share above
// settings.majority_share percent is of the other type ("sells 51% of Altera
// to Silver Lake": an acquisition). The type otherwise.
DealType majority_type(const TypedSentence& t, const RuleMatch& m, const std::vector<Value>& values, DealType type,
                       const DealTables& tables);
// The parties of a `from` deal as a `to` deal: the schema's from_role and
// to_role of one become the other's; other roles stay.
void retype_roles(Parties& parties, DealType from, DealType to, const Schema& schema);

// ---------------------------------------------------------------- figures

// Whether the money at value slot `s` may be a deal's amount: not a price per
// unit, no distractor word near it (on its side of any other marker).
bool usable_money(const TypedSentence& t, int s, const std::vector<Value>& values, const DealTables& tables);
// The amount's slots: the rule's amount group, else usable money inside the
// match, else the first within settings.money_after_match bytes after it.
std::vector<int> amount_slots(const TypedSentence& t, const RuleMatch& m, int amount_slot,
                              const std::vector<Value>& values, const DealTables& tables);
struct MoneyFigures {
  std::vector<int> slots;      // amount_slots
  std::optional<Money> each;   // the same sum for every party ("20억 달러씩", "$2 billion each")
  std::optional<Money> single; // the deal's amount when it is not split
  bool each_after = false;     // an each-word after a figure
};
MoneyFigures money_figures(const TypedSentence& t, std::vector<int> slots, const std::vector<Value>& values,
                           const DealTables& tables);
// The first power inside the match, else in the sentence.
std::optional<Power> capacity_of(const TypedSentence& t, const RuleMatch& m, const std::vector<Value>& values);
// "A and B will invest $5 billion and $10 billion, respectively": one amount
// per split deal, in order, when the sentence as written holds a respective word.
bool amounts_in_turn(std::string_view written, size_t n_combos, const MoneyFigures& f, const DealTables& tables);

// ---------------------------------------------------------------- dates

// What the date at value slot `s` is to the sentence's deal: the class of
// its relation (date_relation_class: "by 2030", "2030년까지"), of a
// date_word_before word within settings.date_word_before bytes before its
// marker or a date_word_after word within date_word_after bytes after it.
// The words are looked for in the date's own text too (the tagger keeps
// "late 2026", "2026년 하반기부터" whole), and each window stops at the
// next marker, so one date's words are not another's. Founding wins over
// target, target over deal; Plain when none is found.
DateClass date_class(const TypedSentence& t, int s, const std::vector<Value>& values, const DealTables& tables);
// The sentence's dates for its deals: `date` is the first Deal date, else
// the first Plain one that does not start after the article's date (a
// founding year, a target or a later plan is never the deal's date);
// `target` the first Target date.
struct SentenceDates {
  std::optional<DateValue> date;
  std::optional<DateValue> target;
};
SentenceDates sentence_dates(const TypedSentence& t, const std::vector<Value>& values,
                             const std::optional<std::string>& article_date, const DealTables& tables);

// ---------------------------------------------------------------- candidates

// The deals a match's parties make: one per combination of the roles' parties,
// one joint deal for joint types and `joint: yes` rules (a consortium buys
// as one); none where a party deals with itself.
std::vector<std::vector<Party>> party_combinations(const Parties& parties, DealType type, const DealTables& tables,
                                                   bool joint_rule = false);

// Which parties a sentence has already given a deal, by exclusive family.
class SentenceClaims {
 public:
  bool taken(const std::string& family, const std::set<std::string>& ids, bool joint) const;
  void add(std::string family, std::set<std::string> ids) { claims_.emplace_back(std::move(family), std::move(ids)); }

 private:
  std::vector<std::pair<std::string, std::set<std::string>>> claims_;
};
// The exclusive family of a type (exclusive_types; the type itself when none).
std::string family_of(DealType type, const DealTables& tables);
// needs_any: a deal of the type stands only with one of the listed roles, amount or capacity.
bool has_what_type_needs(const Deal& d, const DealTables& tables);
// `needs: ROLE...` on a rule: likewise, for one rule's looser wording ("spend
// $9 billion on Oklahoma data centers" is a facility only with its site).
bool has_what_rule_needs(const Deal& d, const RuleFacts& rule);
// `needs_flag: FLAG...` on a rule: the deal stands only when one of its parties
// carries one of the dictionary flags ("signed a $19 billion contract with
// Nebius" is a lease because Nebius is a cloud; with anyone else it says nothing).
bool has_party_flag_rule_needs(const Deal& d, const RuleFacts& rule, const EntityLookup& lookup);

// What one sentence knows while its matches turn into candidates.
struct SentenceState {
  Span sent;
  bool headline = false;
  TypedSentence typed;
  std::string status;               // sentence_status
  std::optional<DateValue> date;    // sentence_dates: the deal's date (else the article's)
  std::optional<DateValue> target_date;  // sentence_dates: a build-out target, deadline or delivery
  SentenceClaims claims;
};
// Everything a match decided, ready to become candidates.
struct MatchDeals {
  const rules::Rule* rule = nullptr;
  const RuleFacts* facts = nullptr;
  DealType type = DealType::Investment;  // the rule's, or majority_type's
  std::vector<std::vector<Party>> combos;
  std::vector<std::string> products;
  MoneyFigures money;
  std::optional<Power> capacity;
  bool in_turn = false;
  SitePlace site;
  std::optional<Money> continued;  // continued_money, used when the match names no amount
  std::string continued_status;    // continued_status, used when the sentence says none
  // Entities of `aside` groups: no party, but the deal claims them with each
  // party ("AMD sold ZT Systems to Sanmina" is no sale of goods from AMD to
  // Sanmina as well).
  std::vector<std::string> aside;
};
// `fallback: yes` rules guess a party from wording another rule may read
// plainly ("orders Google TPU racks from Broadcom": the maker named before
// its product is no seller when a `from` names one). Drops the candidates
// of cands[from..] made by a fallback rule when a plain candidate of the same
// type in that range has the same customer-side (from_role) parties: in the
// same sentence always; across the article when the two share a product
// ("a $10 billion order for racks built around Ironwood, Google's latest TPU"
// after "orders Ironwood racks from Broadcom": Google made it, Broadcom sells it).
enum class FallbackScope { Sentence, Article };
void drop_yielding_fallbacks(std::vector<DealCandidate>& cands, size_t from, const DealTables& tables,
                             FallbackScope scope);

// Adds a candidate per combination the sentence has not claimed; returns how many.
size_t add_candidates(const MatchDeals& m, const ArticleInput& in, SentenceState& s, const DealTables& tables,
                      std::vector<DealCandidate>* out);

}  // namespace dealgraph
