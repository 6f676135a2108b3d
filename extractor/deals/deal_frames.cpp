// Frames: what a later sentence of the article continues ("xAI raised $20
// billion. Backers include A and B"), and fallback rules that yield to a
// plainer reading of the same sentence.
#include <algorithm>
#include <map>
#include <set>

#include "extractor/deals/deal_steps.h"

namespace dealgraph {

void remember_frame(ArticleFrames& frames, DealType type, const Parties& parties, const std::optional<Money>& money,
                    const std::string& status) {
  OpenFrame& f = frames[type];
  for (const auto& [role, ids] : parties)
    if (!ids.empty()) f.parties[role] = ids;
  if (money) f.money = money;
  if (!status.empty()) f.status = status;
}

bool continue_roles(Parties& parties, const RuleFacts& rule, const ArticleFrames& frames) {
  if (!rule.continues) return false;
  auto it = frames.find(rule.type);
  if (it == frames.end()) return false;
  bool filled = false;
  for (const auto& [role, ids] : it->second.parties) {
    auto& mine = parties[role];
    if (!mine.empty()) continue;
    mine = ids;
    filled = true;
  }
  return filled;
}

std::optional<Money> continued_money(const RuleFacts& rule, const ArticleFrames& frames) {
  if (!rule.continues) return std::nullopt;
  auto it = frames.find(rule.type);
  return it == frames.end() ? std::nullopt : it->second.money;
}

std::string continued_status(const RuleFacts& rule, const ArticleFrames& frames) {
  if (!rule.continues) return "";
  auto it = frames.find(rule.type);
  return it == frames.end() ? "" : it->second.status;
}

namespace {

std::vector<std::string> customer_side(const Deal& d, const DealTables& tables) {
  std::vector<std::string> ids;
  const std::string& role = tables.schema.from_role(d.type);
  for (const auto& p : d.parties)
    if (p.role == role) ids.push_back(p.entity);
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace

void drop_yielding_fallbacks(std::vector<DealCandidate>& cands, size_t from, const DealTables& tables,
                             FallbackScope scope) {
  // The deals a fallback may yield to, grouped by type and customer side,
  // with the products of each group: one look-up per fallback, not a pass
  // over every deal of the article.
  std::map<std::pair<DealType, std::vector<std::string>>, std::set<std::string>> found;
  for (size_t k = from; k < cands.size(); ++k)
    if (!cands[k].fallback) {
      auto& products = found[{cands[k].deal.type, customer_side(cands[k].deal, tables)}];
      products.insert(cands[k].deal.products.begin(), cands[k].deal.products.end());
    }
  auto yields = [&](const DealCandidate& c) {
    if (!c.fallback) return false;
    const auto mine = customer_side(c.deal, tables);
    if (mine.empty()) return false;
    auto group = found.find({c.deal.type, mine});
    if (group == found.end()) return false;
    if (scope == FallbackScope::Sentence) return true;
    for (const auto& p : c.deal.products)
      if (group->second.count(p)) return true;
    return false;
  };
  std::vector<bool> drop(cands.size(), false);
  for (size_t k = from; k < cands.size(); ++k) drop[k] = yields(cands[k]);
  size_t w = from;
  for (size_t k = from; k < cands.size(); ++k) {
    if (drop[k]) continue;
    if (w != k) cands[w] = std::move(cands[k]);  // never onto itself
    ++w;
  }
  cands.resize(w);
}

}  // namespace dealgraph
