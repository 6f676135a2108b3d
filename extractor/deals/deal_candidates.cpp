// From a match's parties and figures to deal candidates: one per
// combination, each once per sentence and exclusive family.
#include <algorithm>
#include <sstream>

#include "extractor/deals/deal_steps.h"

namespace dealgraph {

namespace {

std::set<std::string> ids_of(const std::vector<Party>& ps) {
  std::set<std::string> ids;
  for (const auto& p : ps) ids.insert(p.entity);
  return ids;
}

// Joint types: every party of every role in one deal, each once.
std::vector<std::vector<Party>> joint_combination(const Parties& parties, DealType type) {
  std::vector<Party> all;
  for (const auto& [role, ids] : parties)
    for (const auto& id : ids) {
      bool dup = false;
      for (const auto& p : all) dup |= p.entity == id;
      if (!dup) all.push_back({id, role});
    }
  if (type == DealType::Partnership && all.size() < 2) return {};
  return {all};
}

// Other types: the cross product of the roles' parties.
std::vector<std::vector<Party>> cross_combinations(const Parties& parties) {
  std::vector<std::vector<Party>> combos{{}};
  if (parties.empty()) combos.clear();
  for (const auto& [role, ids] : parties) {
    std::vector<std::vector<Party>> next;
    for (const auto& c : combos)
      for (const auto& id : ids) {
        auto d = c;
        d.push_back({id, role});
        next.push_back(std::move(d));
      }
    combos = std::move(next);
  }
  return combos;
}

bool shares_word(const std::string& spaced, const std::string& words) {
  std::istringstream a(words);
  for (std::string f; a >> f;)
    if ((" " + spaced + " ").find(" " + f + " ") != std::string::npos) return true;
  return false;
}

// Whether a combination can be a deal at all: two parties, or one for a fund or a facility.
bool enough_parties(const std::vector<Party>& ps, DealType type) {
  if (type != DealType::Fund && type != DealType::Facility && ids_of(ps).size() < 2) return false;
  return !ps.empty();
}

Deal deal_of(const std::vector<Party>& ps, const MatchDeals& m, const ArticleInput& in, const SentenceState& s,
             size_t* turn, bool* shared) {
  Deal d;
  d.type = m.type;
  d.article = in.article.id;
  d.parties = ps;
  if (m.in_turn) d.amount = std::get<Money>(in.values[s.typed.slots[m.money.slots[(*turn)++]].index].data);
  else if (m.money.each) d.amount = m.money.each;
  else if ((m.combos.size() <= 1 || m.facts->round_total) && m.money.single) {
    d.amount = m.money.single;
    *shared = m.combos.size() > 1;
  } else if (!m.money.single && m.continued) {
    // a listed investor joins the round told before: its amount is the round's total
    d.amount = m.continued;
    *shared = true;
  }
  d.capacity = m.capacity;
  d.products = m.products;
  d.date = s.date;
  d.target_date = s.target_date;
  if (!d.date && in.article.date) d.date = DateValue{*in.article.date, "", "", ""};
  return d;
}

}  // namespace

std::vector<std::vector<Party>> party_combinations(const Parties& parties, DealType type, const DealTables& tables,
                                                   bool joint_rule) {
  auto combos = joint_rule || tables.joint_types.find(to_string(type)) ? joint_combination(parties, type)
                                                                       : cross_combinations(parties);
  // a party cannot deal with itself ("A가 B와, B는 A와"; an anaphor that
  // repeats a name): such combinations are no deals and split nothing
  combos.erase(std::remove_if(combos.begin(), combos.end(),
                              [](const std::vector<Party>& ps) { return ids_of(ps).size() != ps.size(); }),
               combos.end());
  return combos;
}

bool SentenceClaims::taken(const std::string& family, const std::set<std::string>& ids, bool joint) const {
  for (const auto& [claimed_family, claimed_ids] : claims_) {
    // a joint deal's partners found again from a later list start
    // ("A, B, C, D는" retried at B) are the same deal, not a new one
    const bool same = joint ? std::includes(claimed_ids.begin(), claimed_ids.end(), ids.begin(), ids.end())
                            : claimed_ids == ids;
    // families are space-separated; sharing one is enough
    if (same && shares_word(claimed_family, family)) return true;
  }
  return false;
}

std::string family_of(DealType type, const DealTables& tables) {
  const std::string* family = tables.exclusive_types.find(to_string(type));
  return family ? *family : std::string(to_string(type));
}

namespace {

// Whether the deal has one of `need` (space-separated roles, `amount`, `capacity`).
bool has_any_of(const Deal& d, const std::string& need) {
  std::istringstream ws(need);
  for (std::string w; ws >> w;) {
    if (w == "amount" && d.amount) return true;
    if (w == "capacity" && d.capacity) return true;
    for (const auto& p : d.parties)
      if (p.role == w) return true;
  }
  return false;
}

}  // namespace

bool has_what_type_needs(const Deal& d, const DealTables& tables) {
  const std::string* need = tables.needs_any.find(to_string(d.type));
  // "데이터센터를 구축·임대해 제공": building named with no site, sum or size is no deal of its own
  return !need || has_any_of(d, *need);
}

bool has_what_rule_needs(const Deal& d, const RuleFacts& rule) {
  return rule.needs.empty() || has_any_of(d, rule.needs);
}

bool has_party_flag_rule_needs(const Deal& d, const RuleFacts& rule, const EntityLookup& lookup) {
  if (rule.needs_flag.empty()) return true;
  std::istringstream ws(rule.needs_flag);
  for (std::string flag; ws >> flag;)
    for (const auto& p : d.parties) {
      const auto flags = lookup(p.entity).flags;
      if (std::find(flags.begin(), flags.end(), flag) != flags.end()) return true;
    }
  return false;
}

size_t add_candidates(const MatchDeals& m, const ArticleInput& in, SentenceState& s, const DealTables& tables,
                      std::vector<DealCandidate>* out) {
  const DealType type = m.type;
  // The same parties in one sentence: a rule of the same family
  // (exclusive_types) already decided what their deal is.
  const std::string family = family_of(type, tables);
  const bool joint = m.facts->joint || tables.joint_types.find(to_string(type)) != nullptr;
  const size_t before = out->size();
  size_t turn = 0;
  for (const auto& ps : m.combos) {
    if (!enough_parties(ps, type)) continue;
    std::set<std::string> ids = ids_of(ps);
    if (s.claims.taken(family, ids, joint)) continue;
    bool shared = false;
    Deal d = deal_of(ps, m, in, s, &turn, &shared);
    if (!has_what_type_needs(d, tables) || !has_what_rule_needs(d, *m.facts) ||
        !has_party_flag_rule_needs(d, *m.facts, in.lookup))
      continue;
    s.claims.add(family, std::move(ids));
    for (const std::string& a : m.aside)
      for (const Party& p : ps) s.claims.add(family, {a, p.entity});
    d.status = m.facts->status ? *m.facts->status : s.status;
    if (d.status.empty()) d.status = m.continued_status;
    d.evidence = {s.sent, std::string(in.text.substr(s.sent.start, s.sent.size()))};
    d.rule = m.rule->name;
    out->push_back({std::move(d), m.facts->symmetric, m.facts->subsumable, m.facts->fallback, shared,
                    m.site.entity, m.site.broad});
  }
  return out->size() - before;
}

}  // namespace dealgraph
