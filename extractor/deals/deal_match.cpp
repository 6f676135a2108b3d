// Rule matching: which rules to try, their matches, and what undoes a match.
#include <re2/re2.h>

#include "extractor/deals/deal_steps.h"

namespace dealgraph {

std::optional<RuleMatch> match_from(const RE2& re, const std::string& typed, size_t pos) {
  const int ng = re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> g(ng + 1);
  if (pos > typed.size() || !re.Match(typed, pos, typed.size(), RE2::UNANCHORED, g.data(), ng + 1))
    return std::nullopt;
  auto offset = [&](const re2::StringPiece& p) { return static_cast<size_t>(p.data() - typed.data()); };
  RuleMatch m;
  m.start = offset(g[0]);
  m.end = m.start + g[0].size();
  for (const auto& [name, idx] : re.NamedCapturingGroups())
    if (g[idx].data() != nullptr) m.groups.push_back({name, offset(g[idx]), offset(g[idx]) + g[idx].size()});
  return m;
}

size_t next_char(const std::string& typed, size_t at) {
  size_t n = at + 1;
  while (n < typed.size() && (static_cast<unsigned char>(typed[n]) & 0xC0) == 0x80) ++n;
  return n;
}

bool negated(std::string_view typed, size_t match_end, const DealTables& tables) {
  std::string_view after = typed.substr(match_end, tables.settings.negation_after);
  for (const auto& [w, unused] : tables.negation.entries)
    if (after.find(w) != std::string_view::npos) return true;
  return false;
}

bool negated_before(std::string_view typed, size_t match_start, const DealTables& tables) {
  const size_t window = tables.settings.negation_before;
  const size_t from = match_start > window ? match_start - window : 0;
  std::string_view before = typed.substr(from, match_start - from);
  for (const auto& [w, unused] : tables.negation_before.entries)
    if (before.find(w) != std::string_view::npos) return true;
  return false;
}

std::optional<StatedAmount> stated_amount_of(const RE2& re, const TypedSentence& t, const std::vector<Value>& values,
                                             Span sent) {
  std::optional<StatedAmount> out;
  auto m = match_from(re, t.text, 0);
  if (!m) return out;
  for (const auto& g : m->groups) {
    if (role_of_group(g.name) != "amount") continue;
    for (int sl : t.slots_in(g.from, g.to, false))
      if (auto* money = std::get_if<Money>(&values[t.slots[sl].index].data)) out = StatedAmount{*money, sent};
  }
  return out;
}

}  // namespace dealgraph
