#include "extractor/deals/deal_settle.h"

#include <algorithm>
#include <set>
#include <sstream>

namespace dealgraph {

void settle_roles(DealCandidate& c, const DealTables& tables, const EntityLookup& lookup,
                  const std::vector<FoundMention>& mentions) {
  const Schema& schema = tables.schema;
  const auto& provider_flag = tables.provider_flag;
  const auto& retype = tables.retype_by_provider_flag;
  const auto& maker_side = tables.maker_side;
  Deal& d = c.deal;
  const std::string type = to_string(d.type);
  const std::string* prov = schema.provider_role(d.type).empty() ? nullptr : &schema.provider_role(d.type);
  const std::string* cust = schema.customer_role(d.type).empty() ? nullptr : &schema.customer_role(d.type);
  if (prov && cust) {
    auto role_party = [&](const std::string& role) -> Party* {
      for (auto& p : d.parties)
        if (p.role == role) return &p;
      return nullptr;
    };
    Party* pp = role_party(*prov);
    Party* cp = role_party(*cust);
    if (pp && cp) {
      // Who provides, when the wording did not say: a product's maker
      // first, then the provider flags in priority order.
      const std::string* side = maker_side.find(type);
      const bool maker_provides = !side || *side == "provider";
      auto maker_is = [&](const Party* p) {
        for (const auto& prod : d.products)
          if (lookup(prod).maker == p->entity) return true;
        return false;
      };
      if (c.loose) {
        const Party* want_provider_maker = maker_provides ? pp : cp;
        const Party* other = maker_provides ? cp : pp;
        bool decided = false, swap = false;
        if (maker_is(other) != maker_is(want_provider_maker)) {
          decided = true;
          swap = maker_is(other);
        }
        if (const std::string* flags = provider_flag.find(type); flags && !decided) {
          std::istringstream in(*flags);
          for (std::string flag; in >> flag;) {
            auto has = [&](const Party* p) {
              auto f = lookup(p->entity).flags;
              return std::find(f.begin(), f.end(), flag) != f.end();
            };
            if (has(cp) == has(pp)) continue;
            swap = has(cp);
            break;
          }
        }
        if (swap) std::swap(pp->entity, cp->entity);
      }
      // retype: "purchase cloud = lease", unless the provider sells chips it makes
      auto makes_chip = [&](const Party* p) {
        for (const auto& prod : d.products)
          if (lookup(prod).maker == p->entity && lookup(prod).type == EntityType::Chip) return true;
        return false;
      };
      if (!makes_chip(pp))
        for (const auto& f : lookup(pp->entity).flags) {
          const std::string* nt = retype.find(type + " " + f);
          if (!nt) continue;
          auto new_type = deal_type_from(*nt);
          if (!new_type || schema.provider_role(*new_type).empty() || schema.customer_role(*new_type).empty()) continue;
          d.type = *new_type;
          pp->role = schema.provider_role(*new_type);
          cp->role = schema.customer_role(*new_type);
          break;
        }
    }
  }
  std::sort(d.parties.begin(), d.parties.end());
  // products the sentence did not name: the seller's chips named in the article
  if (d.products.empty() && prov) {
    std::string seller;
    for (const auto& p : d.parties)
      if (p.role == schema.provider_role(d.type)) seller = p.entity;
    for (const auto& m : mentions)
      if ((m.type == EntityType::Chip || m.type == EntityType::Product) && !seller.empty() &&
          lookup(m.entity).maker == seller &&
          std::find(d.products.begin(), d.products.end(), m.entity) == d.products.end())
        d.products.push_back(m.entity);
  }
}

std::vector<Deal> merge_article_deals(std::vector<DealCandidate> cands, const std::optional<StatedAmount>& stated) {
  // Merge the same deal said twice in the article (headline and body, two
  // sentences): same type and parties. The first keeps its evidence; figures
  // fill in from later ones.
  std::vector<Deal> merged;
  std::vector<bool> merged_subsumable;
  std::vector<std::pair<std::string, bool>> merged_place;  // (place-derived site, broad)
  auto without = [](const std::vector<Party>& ps, const std::string& entity) {
    std::vector<Party> out;
    for (const auto& p : ps)
      if (p.entity != entity) out.push_back(p);
    return out;
  };
  for (auto& c : cands) {
    Deal& d = c.deal;
    Deal* same = nullptr;
    for (size_t k = 0; k < merged.size() && !same; ++k) {
      Deal& o = merged[k];
      if (o.type != d.type) continue;
      if (!c.place.empty() && !merged_place[k].first.empty() &&
          without(o.parties, merged_place[k].first) == without(d.parties, c.place)) {
        // one site seen at two places: keep the narrower
        if (merged_place[k].second && !c.broad_place) {
          o.parties = d.parties;
          merged_place[k] = {c.place, false};
        }
        same = &o;
        merged_subsumable[k] = merged_subsumable[k] && c.subsumable;
        break;
      }
      // Two rules over one sentence where one saw fewer roles ("M15X 팹 건설에
      // 20조원을 투입": the facility named or not) found one deal.
      const bool one_sentence = o.evidence.span == d.evidence.span;
      auto within = [](const std::vector<Party>& a, const std::vector<Party>& b) {
        return std::includes(b.begin(), b.end(), a.begin(), a.end());
      };
      if (o.parties == d.parties || (one_sentence && within(d.parties, o.parties))) {
        same = &o;
      } else if (one_sentence && within(o.parties, d.parties)) {
        o.parties = d.parties;
        same = &o;
      }
      if (same) merged_subsumable[k] = merged_subsumable[k] && c.subsumable;
    }
    if (!same) {
      merged.push_back(std::move(d));
      merged_subsumable.push_back(c.subsumable);
      merged_place.emplace_back(c.place, c.broad_place);
      continue;
    }
    if (!same->amount && d.amount) same->amount = d.amount;
    if (!same->capacity && d.capacity) same->capacity = d.capacity;
    for (const auto& p : d.products)
      if (std::find(same->products.begin(), same->products.end(), p) == same->products.end())
        same->products.push_back(p);
    if (same->status.empty()) same->status = d.status;
  }
  // A partnership named only by a generic word ("파트너십을 확대") between
  // parties that also have a more specific deal in the article says nothing more.
  std::vector<bool> subsumed(merged.size(), false);
  for (size_t i = 0; i < merged.size(); ++i) {
    if (merged[i].type != DealType::Partnership || !merged_subsumable[i]) continue;
    std::set<std::string> ids;
    for (const auto& p : merged[i].parties) ids.insert(p.entity);
    for (const auto& o : merged) {
      if (o.type == DealType::Partnership) continue;
      std::set<std::string> oi;
      for (const auto& p : o.parties) oi.insert(p.entity);
      if (oi == ids) subsumed[i] = true;
    }
  }
  std::vector<Deal> out;
  for (size_t i = 0; i < merged.size(); ++i)
    if (!subsumed[i]) out.push_back(std::move(merged[i]));
  if (stated) {
    auto same_figure = [&](const Money& a) {
      return a.currency == stated->money.currency && a.amount.value == stated->money.amount.value &&
             a.amount.min == stated->money.amount.min && a.amount.max == stated->money.amount.max;
    };
    bool taken = false;
    for (const auto& d : out) taken |= d.amount && same_figure(*d.amount);
    Deal* target = nullptr;
    for (auto& d : out)
      if (!d.amount && d.evidence.span == stated->sentence) {
        target = &d;
        break;
      }
    if (!target)
      for (auto& d : out)
        if (!d.amount) {
          target = &d;
          break;
        }
    if (target && !taken) target->amount = stated->money;
  }
  return out;
}

}  // namespace dealgraph
