// Figures by position: a match's amount (and whether it is each party's)
// and its capacity. (The sentence's dates: deal_dates.cpp.)
#include <algorithm>

#include "extractor/deals/deal_steps.h"

namespace dealgraph {

namespace {

constexpr std::string_view kOpen = "\xE2\x9F\xA6";   // ⟦ starts a marker
constexpr std::string_view kClose = "\xE2\x9F\xA7";  // ⟧ ends one

const Money& money_at(const TypedSentence& t, int s, const std::vector<Value>& values) {
  return std::get<Money>(values[t.slots[s].index].data);
}

void trim_front(std::string_view& s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
}
void trim_back(std::string_view& s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
}

// Whether the value at slot `s` says it is each party's sum: a qualifier,
// an each-word after it or before it, in or around its text.
bool says_each(const TypedSentence& t, int s, const std::vector<Value>& values, const DealTables& tables,
               bool* word_after) {
  const Money& m = money_at(t, s, values);
  // "각각 20억 달러씩", "$200 million each", "각각 최대 2억 달러"
  std::string_view after = std::string_view(t.text).substr(t.slots[s].typed_end, tables.settings.each_after);
  trim_front(after);
  std::string_view before = std::string_view(t.text).substr(0, t.slots[s].typed_start);
  trim_back(before);
  const std::string& vt = values[t.slots[s].index].text;  // "up to $200 million each"
  *word_after = tables.each_word.longest_prefix(after) > 0 || tables.each_word.longest_suffix(vt) > 0;
  return m.amount.qualifier == Qualifier::Each || tables.each_word.longest_prefix(after) > 0 ||
         tables.each_word_before.longest_suffix(before) > 0 || tables.each_word.longest_suffix(vt) > 0 ||
         tables.each_word_before.longest_prefix(vt) > 0;
}

// "5년간 174억 달러, 옵션 포함 시 최대 194억 달러": a firm figure, a comma,
// then its ceiling; the firm one is the deal's value. (Without the comma the
// first figure sizes something else: "200억 달러 규모 자금 조달에 최대 20억 달러".)
Money firm_before_ceiling(const TypedSentence& t, const std::vector<int>& slots, const std::vector<Value>& values,
                          const Money& last) {
  if (last.amount.qualifier != Qualifier::AtMost) return last;
  for (size_t k = slots.size() - 1; k-- > 0;) {
    const Money& m = money_at(t, slots[k], values);
    const bool comma = t.text.compare(t.slots[slots[k]].typed_end, 1, ",") == 0;
    if (comma && (m.amount.qualifier == Qualifier::Exact || m.amount.qualifier == Qualifier::Approx)) return m;
  }
  return last;
}

}  // namespace

bool usable_money(const TypedSentence& t, int s, const std::vector<Value>& values, const DealTables& tables) {
  const auto* money = std::get_if<Money>(&values[t.slots[s].index].data);
  if (!money || !money->per.empty()) return false;
  const size_t window_before = tables.settings.distractor_before;
  std::string_view before = std::string_view(t.text).substr(0, t.slots[s].typed_start);
  before = before.substr(before.size() > window_before ? before.size() - window_before : 0);
  std::string_view after = std::string_view(t.text).substr(t.slots[s].typed_end, tables.settings.distractor_after);
  // a distractor word belongs to the figure on its side of any other
  // marker: "130억달러 조달…기업가치 1830억달러" values the company, not the round
  if (size_t close = before.rfind(kClose); close != std::string_view::npos) before.remove_prefix(close + kClose.size());
  bool cut = false;
  if (size_t open = after.find(kOpen); open != std::string_view::npos) {
    after = after.substr(0, open);
    cut = true;
  }
  if (cut) trim_back(after);
  for (const auto& [w, unused] : tables.amount_distractor.entries) {
    if (before.find(w) != std::string_view::npos) return false;
    size_t at = after.find(w);
    // right before the next figure, the word is that figure's
    if (at != std::string_view::npos && !(cut && at + w.size() == after.size())) return false;
  }
  return true;
}

std::vector<int> amount_slots(const TypedSentence& t, const RuleMatch& m, int amount_slot,
                              const std::vector<Value>& values, const DealTables& tables) {
  if (amount_slot >= 0) return {amount_slot};
  std::vector<int> out;
  for (int s : t.slots_in(m.start, m.end, false))
    if (usable_money(t, s, values, tables)) out.push_back(s);
  if (!out.empty()) return out;
  const size_t until = std::min(t.text.size(), m.end + tables.settings.money_after_match);
  for (int s : t.slots_in(m.end, until, false))
    if (usable_money(t, s, values, tables)) return {s};
  return out;
}

MoneyFigures money_figures(const TypedSentence& t, std::vector<int> slots, const std::vector<Value>& values,
                           const DealTables& tables) {
  MoneyFigures f;
  f.slots = std::move(slots);
  for (int s : f.slots) {
    bool word_after = false;
    const bool each = says_each(t, s, values, tables, &word_after);
    f.each_after |= word_after;
    if (!f.each && each) f.each = money_at(t, s, values);
  }
  if (!f.slots.empty()) f.single = firm_before_ceiling(t, f.slots, values, money_at(t, f.slots.back(), values));
  return f;
}

std::optional<Power> capacity_of(const TypedSentence& t, const RuleMatch& m, const std::vector<Value>& values) {
  for (const auto& slots : {t.slots_in(m.start, m.end, false), t.slots_in(0, t.text.size(), false)})
    for (int s : slots)
      if (auto* p = std::get_if<Power>(&values[t.slots[s].index].data)) return *p;
  return std::nullopt;
}

bool amounts_in_turn(std::string_view written, size_t n_combos, const MoneyFigures& f, const DealTables& tables) {
  if (n_combos < 2 || f.slots.size() != n_combos || f.each_after) return false;
  // the sentence as written: the value tagger may have taken the word into
  // an amount ("각각 80억 달러, 30억 달러")
  for (const auto& [w, unused] : tables.respective.entries)
    if (written.find(w) != std::string_view::npos) return true;
  return false;
}

}  // namespace dealgraph
