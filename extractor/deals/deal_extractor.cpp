#include "extractor/deals/deal_extractor.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>

#include "extractor/deals/deal_settle.h"
#include "extractor/deals/sentence_facts.h"
#include "extractor/deals/typed_sentence.h"
#include "core/utf8.h"

namespace dealgraph {

namespace {

std::string role_of_group(const std::string& g) {
  std::string r = g;
  while (!r.empty() && std::isdigit(static_cast<unsigned char>(r.back()))) r.pop_back();
  return r;
}


}  // namespace

// Which rules can match a typed sentence, in one DFA pass.
class RuleFilter {
 public:
  static std::shared_ptr<const RuleFilter> build(const std::vector<rules::Rule>& rules) {
    RE2::Options o;
    o.set_max_mem(256 << 20);
    o.set_log_errors(false);
    auto f = std::make_shared<RuleFilter>(o);
    for (size_t i = 0; i < rules.size(); ++i)
      if (f->set_.Add(rules[i].expanded, nullptr) != static_cast<int>(i)) return nullptr;
    if (!f->set_.Compile()) return nullptr;
    return f;
  }
  explicit RuleFilter(const RE2::Options& o) : set_(o, RE2::UNANCHORED) {}
  // false when the set could not decide (out of memory): run every rule
  bool candidates(const std::string& text, size_t n, std::vector<bool>* out) const {
    std::vector<int> hits;
    RE2::Set::ErrorInfo info;
    if (!set_.Match(text, &hits, &info) && info.kind != RE2::Set::kNoError) return false;
    out->assign(n, false);
    for (int h : hits) (*out)[h] = true;
    return true;
  }

 private:
  RE2::Set set_;
};

Result<DealExtractor> DealExtractor::load(const Resources& res) {
  auto set = rules::RuleSet::load(res, "rules/deals");
  if (!set) return set.error();
  if (Status st = set->require_tables("rules/deals", {"status_word", "status_priority", "status_of", "anaphor", "provider_role",
                        "customer_role", "provider_flag", "retype_by_provider_flag", "amount_distractor", "exclusive_types", "maker_side", "negation", "respective", "joint_types",
                                                      "each_word", "each_word_before", "voided_by", "place_role", "needs_any", "broad_place_flag"}); !st) return st.error();
  {
    // priorities are whole numbers; check them here so matching never has to
    const rules::Table& pri = set->need_table("status_priority");
    for (size_t i = 0; i < pri.entries.size(); ++i) {
      const std::string& v = pri.entries[i].second;
      if (v.empty() || v.size() > 6 || v.find_first_not_of("0123456789") != std::string::npos)
        return Error::at(pri.file, pri.line, 1, "table status_priority: '" + pri.entries[i].first + "' needs a whole number", v);
    }
  }
  for (const auto& r : set->rules()) {
    if (r.attr("attach") == "amount") {
      bool has_amount = false;
      for (const auto& [name, idx] : r.re->NamedCapturingGroups()) has_amount |= role_of_group(name) == "amount";
      if (!has_amount)
        return Error::at(r.file, r.line, 1, "rule " + r.name + ": 'attach: amount' needs an (?P<amount>...) group");
      continue;
    }
    auto type = deal_type_from(r.attr("type"));
    if (!type)
      return Error::at(r.file, r.line, 1, "rule " + r.name + ": unknown deal type '" + r.attr("type") + "'");
    std::string scope = r.attr("scope", "any");
    if (scope != "any" && scope != "headline" && scope != "body")
      return Error::at(r.file, r.line, 1, "rule " + r.name + ": scope must be any, headline or body", scope);
    bool has_role = false;
    for (const auto& [name, idx] : r.re->NamedCapturingGroups()) {
      std::string role = role_of_group(name);
      if (role == "amount" || role == "product") continue;
      has_role = true;
    }
    if (!has_role) return Error::at(r.file, r.line, 1, "rule " + r.name + ": no role group (?P<role>...)");
  }
  auto splitter = SentenceSplitter::load(res);
  if (!splitter) return splitter.error();
  DealExtractor d;
  d.rules_ = std::move(*set);
  d.splitter_ = std::move(*splitter);
  d.filter_ = RuleFilter::build(d.rules_.rules());
  return d;
}

std::vector<Span> DealExtractor::sentences(std::string_view text, Span region) const {
  return splitter_.split(text, region);
}

std::vector<Deal> DealExtractor::extract(std::string_view text, const Article& article,
                                         const std::vector<FoundMention>& mentions,
                                         const std::vector<Value>& values, const EntityLookup& lookup,
                                         std::vector<SentenceTrace>* trace) const {
  std::vector<DealCandidate> cands;
  const auto& anaphor = rules_.need_table("anaphor");
  const auto& status_word = rules_.need_table("status_word");
  const auto& status_priority = rules_.need_table("status_priority");
  const auto& status_of = rules_.need_table("status_of");
  const auto& distractor = rules_.need_table("amount_distractor");
  const auto& exclusive = rules_.need_table("exclusive_types");
  const auto& negation = rules_.need_table("negation");
  const auto& voided_by = rules_.need_table("voided_by");
  const auto& place_role = rules_.need_table("place_role");
  const auto& needs_any = rules_.need_table("needs_any");
  const auto& broad_place = rules_.need_table("broad_place_flag");
  const auto& respective = rules_.need_table("respective");
  const auto& joint_types = rules_.need_table("joint_types");
  const auto& each_word = rules_.need_table("each_word");
  const auto& each_word_before = rules_.need_table("each_word_before");

  auto is_party_type = [](EntityType t) {
    return t == EntityType::Organization || t == EntityType::GovernmentBody || t == EntityType::Person ||
           t == EntityType::Fund;
  };
  // The article's focus: the first two distinct parties of the headline, else of the body.
  std::vector<const FoundMention*> focus;
  for (int pass = 0; pass < 2 && focus.size() < 2; ++pass) {
    for (const auto& m : mentions) {
      bool in_headline = article.headline_span.size() && m.span.start >= article.headline_span.start &&
                         m.span.end <= article.headline_span.end;
      if ((pass == 0) != in_headline || m.weak || !is_party_type(m.type)) continue;
      if (m.type != EntityType::Organization && m.type != EntityType::GovernmentBody && m.type != EntityType::Person)
        continue;
      bool dup = false;
      for (auto* f : focus) dup |= f->entity == m.entity;
      if (!dup && focus.size() < 2) focus.push_back(&m);
    }
  }

  std::optional<StatedAmount> stated_amount;  // from an `attach: amount` rule
  std::vector<Span> units;  // headline first, then body sentences
  if (article.headline_span.size()) units.push_back(article.headline_span);
  const size_t body_from = units.size();
  for (const auto& p : article.paragraphs)
    for (const auto& s : sentences(text, p)) units.push_back(s);

  for (size_t u = 0; u < units.size(); ++u) {
    const bool headline = u < body_from;
    const Span sent = units[u];
    TypedSentence t = typeset_sentence(text, sent, mentions, values, anaphor, focus);
    if (trace) trace->push_back({sent, t.text});
    std::vector<std::pair<std::string, std::set<std::string>>> claimed;  // (family, parties) used here

    // "completed supply negotiations" is done, not negotiating
    const std::string status = sentence_status(t.text, status_word, status_priority, status_of);

    std::vector<bool> may_match;
    const bool filtered = filter_ && filter_->candidates(t.text, rules_.rules().size(), &may_match);
    for (size_t ri = 0; ri < rules_.rules().size(); ++ri) {
      const rules::Rule& rule = rules_.rules()[ri];
      if (filtered && !may_match[ri]) continue;
      if (rule.attr("attach") == "amount") {
        // "계약 규모가 최대 140억 달러": the size of the article's deal, said apart
        if (stated_amount) continue;
        std::vector<re2::StringPiece> g(rule.re->NumberOfCapturingGroups() + 1);
        if (!rule.re->Match(t.text, 0, t.text.size(), RE2::UNANCHORED, g.data(), static_cast<int>(g.size()))) continue;
        for (const auto& [name, idx] : rule.re->NamedCapturingGroups()) {
          if (role_of_group(name) != "amount" || g[idx].data() == nullptr) continue;
          size_t gs = static_cast<size_t>(g[idx].data() - t.text.data());
          for (int sl : t.slots_in(gs, gs + g[idx].size(), false))
            if (auto* m = std::get_if<Money>(&values[t.slots[sl].index].data)) stated_amount = StatedAmount{*m, sent};
        }
        continue;
      }
      const std::string scope = rule.attr("scope", "any");
      if ((scope == "headline" && !headline) || (scope == "body" && headline)) continue;
      const RE2& re = *rule.re;
      const int ng = re.NumberOfCapturingGroups();
      std::vector<re2::StringPiece> g(ng + 1);
      size_t pos = 0;
      while (pos <= t.text.size() && re.Match(t.text, pos, t.text.size(), RE2::UNANCHORED, g.data(), ng + 1)) {
        const size_t m_start = static_cast<size_t>(g[0].data() - t.text.data());
        const size_t m_end = m_start + g[0].size();
        // The next search starts after this match when it yields a deal;
        // otherwise at the next character, so a later subject gets its turn
        // ("A가 B와 계약을 맺었고, B는 A의 지분을 받았다").
        size_t next_char = m_start + 1;
        while (next_char < t.text.size() && (static_cast<unsigned char>(t.text[next_char]) & 0xC0) == 0x80) ++next_char;
        const size_t deals_before = cands.size();
        pos = next_char;
        {
          std::string_view after = std::string_view(t.text).substr(m_end, 24);
          bool negated = false;
          for (const auto& [w, unused] : negation.entries) negated |= after.find(w) != std::string_view::npos;
          if (negated) continue;
        }
        DealType type = *deal_type_from(rule.attr("type"));
        if (voided_match(std::string_view(t.text).substr(m_start, m_end - m_start), voided_by.find(to_string(type))))
          continue;  // "AMD 주식을 사들일 수 있는 워런트" buys no goods
        std::map<std::string, std::vector<int>> roles;  // role -> slots
        int amount_slot = -1;
        std::vector<int> product_slots;
        for (const auto& [name, idx] : re.NamedCapturingGroups()) {
          if (g[idx].data() == nullptr) continue;
          size_t gs = static_cast<size_t>(g[idx].data() - t.text.data());
          std::string role = role_of_group(name);
          if (role == "amount") {
            auto v = t.slots_in(gs, gs + g[idx].size(), false);
            if (!v.empty()) amount_slot = v.front();
            continue;
          }
          auto es = t.slots_in(gs, gs + g[idx].size(), true);
          if (role == "product") {
            product_slots.insert(product_slots.end(), es.begin(), es.end());
            continue;
          }
          for (int s : es)
            if (is_party_type(t.slots[s].type) || t.slots[s].type == EntityType::Facility)
              roles[role].push_back(s);
        }
        // products: chips inside the match, else in the sentence
        for (int s : t.slots_in(m_start, m_end, true))
          if (t.slots[s].type == EntityType::Chip || t.slots[s].type == EntityType::Product)
            product_slots.push_back(s);
        if (product_slots.empty())
          for (int s : t.slots_in(0, t.text.size(), true))
            if (t.slots[s].type == EntityType::Chip || t.slots[s].type == EntityType::Product)
              product_slots.push_back(s);
        std::vector<std::string> products;
        for (int s : product_slots)
          if (std::find(products.begin(), products.end(), t.slots[s].entity) == products.end())
            products.push_back(t.slots[s].entity);

        std::map<std::string, std::vector<std::string>> parties;  // role -> entity ids
        for (const auto& [role, ss] : roles)
          for (int s : ss)
            if (std::find(parties[role].begin(), parties[role].end(), t.slots[s].entity) == parties[role].end())
              parties[role].push_back(t.slots[s].entity);
        if (std::string imp = rule.attr("implicit"); !imp.empty() && !focus.empty()) {
          // the role is empty, or a partnership still lacks its second partner
          auto& v = parties[imp];
          bool lacking = v.empty() || (type == DealType::Partnership && v.size() < 2);
          if (lacking && std::find(v.begin(), v.end(), focus[0]->entity) == v.end()) v.push_back(focus[0]->entity);
        }
        if (std::string mr = rule.attr("maker_role"); !mr.empty() && parties[mr].empty())
          for (const auto& p : products)
            if (std::string mk = lookup(p).maker; !mk.empty()) {
              parties[mr].push_back(mk);
              break;
            }
        // A role that names a site takes the place the sentence names when the
        // match holds no entity for it ("텍사스주 테일러에 공장을", "a fab in Boise").
        std::string site_place_id;
        bool site_broad = false;
        if (const std::string* pr = place_role.find(to_string(type)); pr && parties[*pr].empty()) {
          // text after the last marker is copied as it is, so offsets carry over
          size_t match_end_doc = sent.start + m_end;
          for (const auto& sl : t.slots)
            if (sl.typed_end <= m_end) match_end_doc = sl.span.end + (m_end - sl.typed_end);
          auto broad = [&](const FoundMention& m) {
            for (const auto& f : lookup(m.entity).flags)
              if (broad_place.find(f)) return true;
            return false;
          };
          if (const FoundMention* place = site_place(sent, match_end_doc, mentions, broad)) {
            parties[*pr].push_back(place->entity);
            site_place_id = place->entity;
            site_broad = broad(*place);
          }
        }
        for (auto it = parties.begin(); it != parties.end();)
          it = it->second.empty() ? parties.erase(it) : std::next(it);

        // amount: the rule's, else money in the match (nearest before the
        // end, skipping prices per unit and distractors), else just after it
        auto usable_money = [&](int s) {
          const Value& v = values[t.slots[s].index];
          const auto* money = std::get_if<Money>(&v.data);
          if (!money || !money->per.empty()) return false;
          std::string_view before = std::string_view(t.text).substr(0, t.slots[s].typed_start);
          before = before.substr(before.size() > 24 ? before.size() - 24 : 0);
          std::string_view after = std::string_view(t.text).substr(t.slots[s].typed_end, 26);
          // a distractor word belongs to the figure on its side of any other
          // marker: "130억달러 조달…기업가치 1830억달러" values the company, not the round
          if (size_t close = before.rfind("\xE2\x9F\xA7"); close != std::string_view::npos) before.remove_prefix(close + 3);
          bool cut = false;
          if (size_t open = after.find("\xE2\x9F\xA6"); open != std::string_view::npos) {
            after = after.substr(0, open);
            cut = true;
          }
          while (cut && !after.empty() && after.back() == ' ') after.remove_suffix(1);
          for (const auto& [w, unused] : distractor.entries) {
            if (before.find(w) != std::string_view::npos) return false;
            size_t at = after.find(w);
            // right before the next figure, the word is that figure's
            if (at != std::string_view::npos && !(cut && at + w.size() == after.size())) return false;
          }
          return true;
        };
        std::vector<int> moneys;
        if (amount_slot >= 0) {
          moneys.push_back(amount_slot);
        } else {
          for (int s : t.slots_in(m_start, m_end, false))
            if (usable_money(s)) moneys.push_back(s);
          if (moneys.empty())
            for (int s : t.slots_in(m_end, std::min(t.text.size(), m_end + 64), false))
              if (usable_money(s)) {
                moneys.push_back(s);
                break;
              }
        }
        std::optional<Money> each, single;
        bool each_after = false;  // "20억 달러씩", "$2 billion each": the same sum for every party
        for (int s : moneys) {
          const Money& m = std::get<Money>(values[t.slots[s].index].data);
          // "각각 20억 달러씩", "$200 million each", "각각 최대 2억 달러"
          std::string_view after = std::string_view(t.text).substr(t.slots[s].typed_end, 8);
          while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
          std::string_view before = std::string_view(t.text).substr(0, t.slots[s].typed_start);
          while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
          const std::string& vt = values[t.slots[s].index].text;  // "up to $200 million each"
          each_after |= each_word.longest_prefix(after) > 0 || each_word.longest_suffix(vt) > 0;
          if (!each && (m.amount.qualifier == Qualifier::Each || each_word.longest_prefix(after) > 0 ||
                        each_word_before.longest_suffix(before) > 0 || each_word.longest_suffix(vt) > 0 ||
                        each_word_before.longest_prefix(vt) > 0))
            each = m;
        }
        if (!moneys.empty()) single = std::get<Money>(values[t.slots[moneys.back()].index].data);
        // "5년간 174억 달러, 옵션 포함 시 최대 194억 달러": a firm figure, a comma,
        // then its ceiling; the firm one is the deal's value. (Without the comma
        // the first figure sizes something else: "200억 달러 규모 자금 조달에 최대 20억 달러".)
        if (single && single->amount.qualifier == Qualifier::AtMost)
          for (size_t k = moneys.size() - 1; k-- > 0;) {
            const Money& m = std::get<Money>(values[t.slots[moneys[k]].index].data);
            const bool comma = t.text.compare(t.slots[moneys[k]].typed_end, 1, ",") == 0;
            if (comma && (m.amount.qualifier == Qualifier::Exact || m.amount.qualifier == Qualifier::Approx)) {
              single = m;
              break;
            }
          }
        std::optional<Power> capacity;
        for (int pass = 0; pass < 2 && !capacity; ++pass)
          for (int s : pass == 0 ? t.slots_in(m_start, m_end, false) : t.slots_in(0, t.text.size(), false))
            if (auto* p = std::get_if<Power>(&values[t.slots[s].index].data)) {
              capacity = *p;
              break;
            }
        std::optional<DateValue> date;
        for (int s : t.slots_in(0, t.text.size(), false))
          if (auto* d = std::get_if<DateValue>(&values[t.slots[s].index].data)) {
            date = *d;
            break;
          }

        // Split multi-party roles into one deal per combination, except for
        // joint types (a partnership, a fund with several sponsors).
        std::vector<std::vector<Party>> combos{{}};
        if (joint_types.find(to_string(type))) {
          for (const auto& [role, ids] : parties)
            for (const auto& id : ids) {
              bool dup = false;
              for (const auto& p : combos[0]) dup |= p.entity == id;
              if (!dup) combos[0].push_back({id, role});
            }
          if (type == DealType::Partnership && combos[0].size() < 2) combos.clear();
        } else {
          if (parties.size() < 1) combos.clear();
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
        }
        // a party cannot deal with itself ("A가 B와, B는 A와"; an anaphor that
        // repeats a name): such combinations are no deals and split nothing
        combos.erase(std::remove_if(combos.begin(), combos.end(),
                                    [](const std::vector<Party>& ps) {
                                      std::set<std::string> ids;
                                      for (const auto& p : ps) ids.insert(p.entity);
                                      return ids.size() != ps.size();
                                    }),
                     combos.end());
        const bool split = combos.size() > 1;
        // "A and B will invest $5 billion and $10 billion, respectively",
        // "각각 50억 달러, 10억 달러씩": one amount per split deal, in order.
        bool in_turn = false;
        if (split && moneys.size() == combos.size() && !each_after) {
          // the sentence as written: the value tagger may have taken the word
          // into an amount ("각각 80억 달러, 30억 달러")
          std::string_view written = text.substr(sent.start, sent.size());
          for (const auto& [w, unused] : respective.entries) in_turn |= written.find(w) != std::string_view::npos;
        }
        size_t turn = 0;
        for (auto& ps : combos) {
          std::set<std::string> ids;
          for (const auto& p : ps) ids.insert(p.entity);
          if (type != DealType::Fund && type != DealType::Facility && ids.size() < 2) continue;
          if (ps.empty()) continue;
          // The same parties in one sentence: a rule of the same family
          // (exclusive_types) already decided what their deal is.
          const std::string* family = exclusive.find(to_string(type));
          std::string key = family ? *family : std::string(to_string(type));
          const bool joint = joint_types.find(to_string(type)) != nullptr;
          bool seen = false;
          for (const auto& c : claimed) {
            // a joint deal's partners found again from a later list start
            // ("A, B, C, D는" retried at B) are the same deal, not a new one
            bool same = joint ? std::includes(c.second.begin(), c.second.end(), ids.begin(), ids.end())
                              : c.second == ids;
            if (!same) continue;
            // families are space-separated; sharing one is enough
            std::istringstream a(key);
            for (std::string f; a >> f;) seen |= (" " + c.first + " ").find(" " + f + " ") != std::string::npos;
          }
          if (seen) continue;
          Deal d;
          d.type = type;
          d.article = article.id;
          d.parties = ps;
          if (in_turn) d.amount = std::get<Money>(values[t.slots[moneys[turn++]].index].data);
          else if (each) d.amount = each;
          else if (!split && single) d.amount = single;
          d.capacity = capacity;
          d.products = products;
          d.date = date;
          if (!d.date && article.date) d.date = DateValue{*article.date, "", "", ""};
          if (const std::string* need = needs_any.find(to_string(type))) {
            // "데이터센터를 구축·임대해 제공": building named with no site, sum or size is no deal of its own
            std::istringstream ws(*need);
            bool has = false;
            for (std::string w; ws >> w;) {
              if (w == "amount") has |= d.amount.has_value();
              else if (w == "capacity") has |= d.capacity.has_value();
              else
                for (const auto& p : ps) has |= p.role == w;
            }
            if (!has) continue;
          }
          claimed.emplace_back(key, ids);
          d.status = rule.attr("status", status);
          d.evidence = {sent, std::string(text.substr(sent.start, sent.size()))};
          d.rule = rule.name;
          cands.push_back({std::move(d), rule.attr("direction") == "symmetric", rule.attr("subsumable") == "yes",
                           site_place_id, site_broad});
        }
        if (cands.size() > deals_before) pos = m_end > m_start ? m_end : next_char;
      }
    }
  }

  for (auto& c : cands) settle_roles(c, rules_, lookup, mentions);
  return merge_article_deals(std::move(cands), stated_amount);
}

}  // namespace dealgraph
