// One deal per type and parties in an article (merge_article_deals in deal_settle.h).
#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "extractor/deals/deal_settle.h"

namespace dealgraph {

namespace {

// A deal of the article so far, with what its candidates said.
struct MergedDeal {
  Deal deal;
  bool subsumable = false;  // every candidate of it was
  std::string place;        // its site came from this place (DealCandidate::place)
  bool broad_place = false;
  bool shared_amount = false;  // its amount is a round's total (DealCandidate::shared_amount)
};

std::vector<Party> without(const std::vector<Party>& ps, const std::string& entity) {
  std::vector<Party> out;
  for (const auto& p : ps)
    if (p.entity != entity) out.push_back(p);
  return out;
}

bool within(const std::vector<Party>& a, const std::vector<Party>& b) {
  return std::includes(b.begin(), b.end(), a.begin(), a.end());
}

// Whether `c` is the deal `o` said again; may move `o` to the narrower place
// or to the fuller set of parties.
bool same_deal(MergedDeal& o, const DealCandidate& c) {
  const Deal& d = c.deal;
  if (o.deal.type != d.type) return false;
  if (!c.place.empty() && !o.place.empty() && without(o.deal.parties, o.place) == without(d.parties, c.place)) {
    // one site seen at two places: keep the narrower
    if (o.broad_place && !c.broad_place) {
      o.deal.parties = d.parties;
      o.place = c.place;
      o.broad_place = false;
    }
    return true;
  }
  // Two rules over one sentence where one saw fewer roles ("M15X 팹 건설에
  // 20조원을 투입": the facility named or not) found one deal.
  const bool one_sentence = o.deal.evidence.span == d.evidence.span;
  if (o.deal.parties == d.parties || (one_sentence && within(d.parties, o.deal.parties))) return true;
  if (one_sentence && within(o.deal.parties, d.parties)) {
    o.deal.parties = d.parties;
    return true;
  }
  return false;
}

// Later sentences fill what the first left out; a party's own sum ("with
// Nvidia contributing $2 billion") replaces the round's total it was given.
void fill_from(MergedDeal& m, const DealCandidate& c) {
  Deal& same = m.deal;
  const Deal& d = c.deal;
  if (d.amount && (!same.amount || (m.shared_amount && !c.shared_amount))) {
    same.amount = d.amount;
    m.shared_amount = c.shared_amount;
  }
  if (!same.capacity && d.capacity) same.capacity = d.capacity;
  for (const auto& p : d.products)
    if (std::find(same.products.begin(), same.products.end(), p) == same.products.end()) same.products.push_back(p);
  if (same.status.empty()) same.status = d.status;
}

// Where merge_same looks for the deal a candidate may repeat: same_deal holds
// only between deals of one type with the same parties, the same parties but
// for their places, or the same sentence. Keys of a deal whose parties change
// are added again; a stale key only costs a same_deal call that says no. An
// article with thousands of deals thus merges in n log n, not n².
class MergeIndex {
 public:
  // Every merged deal that may be the one `c` repeats, in merged order.
  std::vector<size_t> candidates(const DealCandidate& c) const {
    std::vector<size_t> out;
    const Deal& d = c.deal;
    append(by_parties_, {d.type, d.parties}, &out);
    append(by_sentence_, {d.type, d.evidence.span}, &out);
    if (!c.place.empty()) append(by_site_, {d.type, without(d.parties, c.place)}, &out);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }
  void add(const MergedDeal& m, size_t at) {
    push(by_parties_[{m.deal.type, m.deal.parties}], at);
    push(by_sentence_[{m.deal.type, m.deal.evidence.span}], at);
    if (!m.place.empty()) push(by_site_[{m.deal.type, without(m.deal.parties, m.place)}], at);
  }

 private:
  // a deal said again and again stays once under its key
  static void push(std::vector<size_t>& list, size_t at) {
    if (list.empty() || list.back() != at) list.push_back(at);
  }
  template <class Map>
  static void append(const Map& map, const typename Map::key_type& key, std::vector<size_t>* out) {
    auto it = map.find(key);
    if (it != map.end()) out->insert(out->end(), it->second.begin(), it->second.end());
  }
  std::map<std::pair<DealType, std::vector<Party>>, std::vector<size_t>> by_parties_, by_site_;
  std::map<std::pair<DealType, Span>, std::vector<size_t>> by_sentence_;
};

std::vector<MergedDeal> merge_same(std::vector<DealCandidate> cands) {
  std::vector<MergedDeal> merged;
  MergeIndex index;
  for (auto& c : cands) {
    MergedDeal* same = nullptr;
    for (size_t at : index.candidates(c))
      if (same_deal(merged[at], c)) {
        same = &merged[at];
        index.add(*same, at);  // its parties or place may have changed
        break;
      }
    if (!same) {
      merged.push_back({std::move(c.deal), c.subsumable, c.place, c.broad_place, c.shared_amount});
      index.add(merged.back(), merged.size() - 1);
      continue;
    }
    same->subsumable = same->subsumable && c.subsumable;
    fill_from(*same, c);
  }
  return merged;
}

std::set<std::string> entities_of(const Deal& d) {
  std::set<std::string> ids;
  for (const auto& p : d.parties) ids.insert(p.entity);
  return ids;
}

// A partnership named only by a generic word ("파트너십을 확대") between
// parties that also have a more specific deal in the article says nothing more.
std::vector<Deal> without_subsumed(std::vector<MergedDeal> merged) {
  std::set<std::set<std::string>> specific;  // the parties of each deal that is no partnership
  for (const auto& o : merged)
    if (o.deal.type != DealType::Partnership) specific.insert(entities_of(o.deal));
  std::vector<Deal> out;
  for (auto& m : merged) {
    const bool subsumed =
        m.deal.type == DealType::Partnership && m.subsumable && specific.count(entities_of(m.deal)) > 0;
    if (!subsumed) out.push_back(m.deal);
  }
  return out;
}

bool same_figure(const Money& a, const Money& b) {
  return a.currency == b.currency && a.amount.value == b.amount.value && a.amount.min == b.amount.min &&
         a.amount.max == b.amount.max;
}

// Whether a deal of the stated figure's sentence already carries it.
bool carries(const std::vector<DealCandidate>& cands, const StatedAmount& stated) {
  for (const auto& c : cands)
    if (c.deal.evidence.span == stated.sentence && c.deal.amount && same_figure(*c.deal.amount, stated.money))
      return true;
  return false;
}

// A stated size goes to the first deal of its own sentence that has none,
// not one read from a relative clause (background), and to the other deals
// of that type the sentence lists without one ("BlackRock, MGX and friends
// buy Aligned": each buyer's deal), unless a deal of the sentence already
// carries that figure. Says whether its sentence has any deal (then the
// size is that sentence's, taken or not).
bool attach_stated_in_sentence(std::vector<DealCandidate>& cands, const StatedAmount& stated) {
  const bool has_deal = std::any_of(cands.begin(), cands.end(), [&](const DealCandidate& c) {
    return c.deal.evidence.span == stated.sentence;
  });
  if (carries(cands, stated)) return true;
  auto open = [&](const DealCandidate& c) {
    return !c.deal.amount && !c.background && c.deal.evidence.span == stated.sentence;
  };
  const DealCandidate* first = nullptr;
  for (const auto& c : cands)
    if (open(c)) {
      first = &c;
      break;
    }
  if (!first) return has_deal;
  const DealType type = first->deal.type;
  for (auto& c : cands)
    if (open(c) && c.deal.type == type) c.deal.amount = stated.money;
  return true;
}

// The article's size (the first stated) with no deal in its sentence goes to
// the article's first deal without one.
void attach_article_size(std::vector<Deal>& deals, const StatedAmount& stated) {
  for (const auto& d : deals)
    if (d.amount && same_figure(*d.amount, stated.money)) return;
  for (auto& d : deals)
    if (!d.amount) {
      d.amount = stated.money;
      return;
    }
}

// A record's size ("Value: US$40bn" after "Parties: A, B and C (buyers)")
// goes to every deal of the nearest sentence before it that has deals, when
// none of them has an amount yet.
void attach_to_record(std::vector<Deal>& deals, const StatedAmount& stated) {
  const Deal* nearest = nullptr;
  for (const auto& d : deals)
    if (d.evidence.span.start < stated.sentence.start &&
        (!nearest || d.evidence.span.start > nearest->evidence.span.start))
      nearest = &d;
  if (!nearest) return;
  const Span record = nearest->evidence.span;
  for (const auto& d : deals)
    if (d.evidence.span == record && d.amount) return;
  for (auto& d : deals)
    if (d.evidence.span == record) d.amount = stated.money;
}

}  // namespace

std::vector<Deal> merge_article_deals(std::vector<DealCandidate> cands, const std::vector<StatedAmount>& stated) {
  // The same deal said twice in the article (headline and body, two
  // sentences): same type and parties. The first keeps its evidence.
  const StatedAmount* article_size = nullptr;  // the first stated, when no deal of its sentence took it
  bool first = true;
  for (const auto& st : stated) {
    if (st.record) continue;
    if (!attach_stated_in_sentence(cands, st) && first) article_size = &st;
    first = false;
  }
  std::vector<Deal> out = without_subsumed(merge_same(std::move(cands)));
  if (article_size) attach_article_size(out, *article_size);
  for (const auto& st : stated)
    if (st.record) attach_to_record(out, st);
  return out;
}

}  // namespace dealgraph
