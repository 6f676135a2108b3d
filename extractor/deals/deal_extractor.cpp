// DealExtractor: load and check the rules once, then run the steps of
// deal_steps.h over every sentence of an article.
#include "extractor/deals/deal_extractor.h"

#include <re2/re2.h>

#include <cctype>

#include "core/schema.h"
#include "extractor/deals/deal_settle.h"
#include "extractor/deals/deal_steps.h"
#include "extractor/deals/sentence_facts.h"
#include "extractor/deals/typed_sentence.h"

namespace dealgraph {

namespace {

// The deals of one match of a deal rule, added to `out`; false when the
// match yields none (negated, voided, or no party combination stands).
bool deals_of_match(const rules::Rule& rule, const RuleFacts& facts, const RuleMatch& m, const ArticleInput& in,
                    SentenceState& s, ArticleFrames& frames, const DealTables& tables,
                    std::vector<DealCandidate>* out) {
  const TypedSentence& t = s.typed;
  if (negated(t.text, m.end, tables) || negated_before(t.text, m.start, tables)) return false;
  // "AMD 주식을 사들일 수 있는 워런트" buys no goods
  const std::string_view matched = std::string_view(t.text).substr(m.start, m.end - m.start);
  if (voided_match(matched, tables.voided_by.find(to_string(facts.type)))) return false;
  // "Nvidia sold its entire stake in SoundHound": a rule's own `unless:` words
  if (!facts.unless.empty() && voided_match(matched, &facts.unless)) return false;
  GroupSlots groups =
      slots_of_groups(t, m, facts.skip_owners ? &tables.owner_suffix : nullptr, &tables.subject_verb);
  MatchDeals d;
  d.rule = &rule;
  d.facts = &facts;
  d.products = products_of(t, m, groups.product_slots);
  for (int slot : groups.aside_slots) d.aside.push_back(t.slots[slot].entity);
  Parties parties = parties_of(t, groups);
  continue_roles(parties, facts, frames);  // the frame first: the round it continues, not the headline's
  fill_implicit(parties, facts, in.focus);
  fill_maker_role(parties, facts, d.products, in.lookup);
  d.site = fill_site_place(parties, facts.type, s.sent, t, m.end, in, tables);
  drop_empty_roles(parties);
  d.type = majority_type(t, m, in.values, facts.type, tables);
  retype_roles(parties, facts.type, d.type, tables.schema);
  d.money = money_figures(t, amount_slots(t, m, groups.amount_slot, in.values, tables), in.values, tables);
  d.capacity = capacity_of(t, m, in.values);
  d.combos = party_combinations(parties, d.type, tables, facts.joint);
  d.in_turn = amounts_in_turn(in.text.substr(s.sent.start, s.sent.size()), d.combos.size(), d.money, tables);
  d.continued = continued_money(facts, frames);
  d.continued_status = continued_status(facts, frames);
  const bool made = add_candidates(d, in, s, tables, out) > 0;
  // only a round's money is what its later investors join: "Japan put ¥100bn
  // into Rapidus" is the government's own share, not the round's
  const bool round_money = facts.round_total || parties[tables.schema.from_role(d.type)].empty();
  remember_frame(frames, facts.type, parties,
                 round_money ? (d.money.single ? d.money.single : d.money.each) : std::nullopt,
                 facts.status ? *facts.status : s.status);
  return made;
}

// Every match of one deal rule in the sentence. The next search starts after
// a match that yields a deal; otherwise at the next character, so a later
// subject gets its turn ("A가 B와 계약을 맺었고, B는 A의 지분을 받았다").
void deals_of_rule(const rules::Rule& rule, const RuleFacts& facts, const ArticleInput& in, SentenceState& s,
                   ArticleFrames& frames, const DealTables& tables, std::vector<DealCandidate>* out) {
  if ((facts.headline_only && !s.headline) || (facts.body_only && s.headline)) return;
  size_t pos = 0;
  while (auto m = match_from(*rule.re, s.typed.text, pos)) {
    const size_t after_start = next_char(s.typed.text, m->start);
    pos = after_start;
    if (deals_of_match(rule, facts, *m, in, s, frames, tables, out)) pos = m->end > m->start ? m->end : after_start;
  }
}

// The sentence as the rules see it, with its status and date; a pronoun
// subject with no party before it stands for `previous_subject`.
SentenceState sentence_state(Span sent, bool headline, const ArticleInput& in, const DealTables& tables,
                             const Slot* previous_subject) {
  SentenceState s;
  s.sent = sent;
  s.headline = headline;
  s.typed = typeset_sentence(in.text, sent, in.mentions, in.values, tables.anaphor, in.focus, tables.schema,
                             {&tables.pronoun_subject_after, &tables.subject_verb, &tables.pronoun_kept_after,
                              tables.settings.pronoun_report_window, previous_subject},
                             in.index);
  if (headline) fold_title_case(s.typed.text, tables.settings.title_case_share);
  // "completed supply negotiations" is done, not negotiating
  s.status = sentence_status(s.typed.text, tables.status_word, tables.status_priority, tables.status_of);
  SentenceDates dates = sentence_dates(s.typed, in.values, in.article.date, tables);
  s.date = std::move(dates.date);
  s.target_date = std::move(dates.target);
  return s;
}

// An `attach` rule's figure, once per sentence.
void add_stated_amount(const re2::RE2& re, bool record, const SentenceState& s, const ArticleInput& in,
                       std::vector<StatedAmount>* stated) {
  for (const auto& st : *stated)
    if (st.record == record && st.sentence == s.sent) return;
  if (auto a = stated_amount_of(re, s.typed, in.values, s.sent)) {
    a->record = record;
    stated->push_back(*a);
  }
}

// The rules and what was read from them once, as the sentence loop uses them.
struct RuleBook {
  const rules::RuleSet& rules;
  const rules::RuleFilter* filter;
  const DealTables& tables;
};

// Every rule over one sentence (or relative clause): its candidates to `out`,
// an `attach` rule's figure to `stated` (the article's size once, a record's
// size for each record).
void deals_of_sentence(const RuleBook& book, SentenceState& s, const ArticleInput& in, ArticleFrames& frames,
                       std::vector<StatedAmount>* stated, std::vector<DealCandidate>* out) {
  const DealTables& tables = book.tables;
  const auto& rules = book.rules.rules();
  const std::vector<bool> may_match = rules_to_try(book.filter, s.typed.text, rules.size());
  for (size_t ri = 0; ri < rules.size(); ++ri) {
    if (!may_match[ri]) continue;
    const rules::Rule& rule = rules[ri];
    const RuleFacts& facts = tables.rule_facts[ri];
    // "계약 규모가 최대 140억 달러": the size of the article's deal, said apart
    if (facts.attach_amount) {
      add_stated_amount(*rule.re, facts.attach_record, s, in, stated);
      continue;
    }
    deals_of_rule(rule, facts, in, s, frames, tables, out);
  }
}

// A relative clause as a sentence of the same span: its own status and dates.
SentenceState clause_state(const SentenceState& sentence, TypedSentence clause, const ArticleInput& in,
                           const DealTables& tables) {
  SentenceState c;
  c.sent = sentence.sent;
  c.headline = sentence.headline;
  c.typed = std::move(clause);
  c.status = sentence_status(c.typed.text, tables.status_word, tables.status_priority, tables.status_of);
  SentenceDates dates = sentence_dates(c.typed, in.values, in.article.date, tables);
  c.date = std::move(dates.date);
  c.target_date = std::move(dates.target);
  return c;
}

}  // namespace

Result<DealExtractor> DealExtractor::load(const Resources& res) {
  // The built-in rules compile when first used: a short input pays only for
  // the rules its sentences can match (the filter below says which).
  rules::LoadOptions opt;
  opt.defer_compile = true;
  for (const auto& [path, unused] : rules::RuleSet::files_of(res, "rules/deals"))
    opt.defer_compile = opt.defer_compile && res.is_builtin(path);
  auto set = rules::RuleSet::load(res, "rules/deals", opt);
  if (!set) return set.error();
  auto schema = Schema::load(res);
  if (!schema) return schema.error();
  auto tables = DealTables::load(*set, *schema);
  if (!tables) return tables.error();
  auto splitter = SentenceSplitter::load(res);
  if (!splitter) return splitter.error();
  DealExtractor d;
  d.rules_ = std::move(*set);
  d.splitter_ = std::move(*splitter);
  d.tables_ = std::make_shared<const DealTables>(std::move(*tables));
  d.filter_ = build_rule_filter(d.rules_.rules());
  return d;
}

std::vector<Span> DealExtractor::sentences(std::string_view text, Span region) const {
  return splitter_.split(text, region);
}

std::vector<Deal> DealExtractor::extract(std::string_view text, const Article& article,
                                         const std::vector<FoundMention>& mentions,
                                         const std::vector<Value>& values, const EntityLookup& lookup,
                                         std::vector<SentenceTrace>* trace) const {
  const DealTables& tables = *tables_;
  const MarkerIndex index = MarkerIndex::of(mentions, values);
  const ArticleInput in{text, article, mentions, values, lookup, article_focus(article, mentions), &index};
  std::vector<DealCandidate> cands;
  std::vector<StatedAmount> stated;  // from `attach` rules
  ArticleFrames frames;
  size_t body_from = 0;
  const std::vector<Span> units = sentence_units(*this, text, article, &body_from);
  const RuleBook book{rules_, filter_.get(), tables};
  std::optional<Slot> subject;  // the sentence before's, for pronouns
  for (size_t u = 0; u < units.size(); ++u) {
    SentenceState s = sentence_state(units[u], u < body_from, in, tables, subject ? &*subject : nullptr);
    subject = sentence_subject(s.typed, tables.settings.subject_window);
    if (trace) trace->push_back({s.sent, s.typed.text});
    const size_t first_of_sentence = cands.size();
    deals_of_sentence(book, s, in, frames, &stated, &cands);
    // "Microsoft, which has invested $13 billion in OpenAI, said ...": the
    // background deal of a relative clause, read as a sentence of its own
    for (TypedSentence& clause : relative_clauses(s.typed, tables.relative_word)) {
      SentenceState c = clause_state(s, std::move(clause), in, tables);
      const size_t first_of_clause = cands.size();
      deals_of_sentence(book, c, in, frames, &stated, &cands);
      for (size_t k = first_of_clause; k < cands.size(); ++k) cands[k].background = true;
    }
    drop_yielding_fallbacks(cands, first_of_sentence, tables, FallbackScope::Sentence);
  }
  drop_yielding_fallbacks(cands, 0, tables, FallbackScope::Article);
  if (!cands.empty()) {
    const ProductsByMaker products = ProductsByMaker::read(mentions, lookup);
    for (auto& c : cands) settle_roles_with(c, tables, lookup, products);
  }
  return merge_article_deals(std::move(cands), stated);
}

}  // namespace dealgraph
