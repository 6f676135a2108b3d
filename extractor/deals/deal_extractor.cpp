#include "extractor/deals/deal_extractor.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>

#include "extractor/text/utf8.h"

namespace dealgraph {

namespace {

constexpr const char* kOpen = "\xE2\x9F\xA6";   // ⟦
constexpr const char* kClose = "\xE2\x9F\xA7";  // ⟧

const char* type_code(EntityType t) {
  switch (t) {
    case EntityType::Organization: return "ORG";
    case EntityType::GovernmentBody: return "GOV";
    case EntityType::Person: return "PER";
    case EntityType::Chip: return "CHIP";
    case EntityType::Product: return "CHIP";
    case EntityType::Facility: return "FAC";
    case EntityType::Fund: return "FUND";
    case EntityType::Place: return "PLACE";
  }
  return "ORG";
}

const char* value_code(const ValueData& v) {
  static const char* const kCodes[] = {"MONEY", "POWER", "QTY", "PCT", "DATE", "NUM"};
  return kCodes[v.index()];
}

// One marker in a typed sentence.
struct Slot {
  bool is_entity = true;
  int index = -1;          // into the article's mentions / values; -1 for a synthetic (anaphor) slot
  std::string entity;      // entity id (entities)
  EntityType type = EntityType::Organization;
  size_t typed_start = 0;  // where the marker starts in the typed string
  size_t typed_end = 0;
  Span span;               // in the document
};

struct Typed {
  std::string s;
  std::vector<Slot> slots;
};

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
  if (Status st = set->require_tables("rules/deals", {"status_word", "status_priority", "anaphor", "abbreviation", "provider_role",
                        "customer_role", "provider_flag", "retype_by_provider_flag", "amount_distractor", "exclusive_types", "maker_side", "negation", "respective", "joint_types"}); !st) return st.error();
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
  DealExtractor d;
  d.rules_ = std::move(*set);
  d.filter_ = RuleFilter::build(d.rules_.rules());
  return d;
}

std::vector<Span> DealExtractor::sentences(std::string_view text, Span region) const {
  const auto& abbr = rules_.need_table("abbreviation");
  std::vector<Span> out;
  size_t start = region.start;
  for (size_t i = region.start; i < region.end; ++i) {
    char c = text[i];
    bool end_mark = c == '.' || c == '!' || c == '?';
    size_t mark_len = 1;
    if (!end_mark && text.compare(i, 3, "\xE3\x80\x82") == 0) {  // 。
      end_mark = true;
      mark_len = 3;
    }
    if (!end_mark) continue;
    size_t after = i + mark_len;
    if (after < region.end && text[after] != ' ' && text[after] != '\n' && text[after] != '"' &&
        text.compare(after, 3, "\xE2\x80\x9D") != 0)
      continue;  // "0.01", "U.S." inside a word, "...6GW"
    if (c == '.') {
      // the word before the period
      size_t w = i;
      while (w > start && text[w - 1] != ' ' && text[w - 1] != '(' && text[w - 1] != '\n') --w;
      std::string_view word = text.substr(w, i - w);
      if (abbr.find(word) || (word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0])))) continue;
      if (i + 1 < region.end && text[i + 1] == '.') continue;  // an ellipsis goes on
    }
    while (after < region.end && (text[after] == '"' || text.compare(after, 3, "\xE2\x80\x9D") == 0))
      after += text[after] == '"' ? 1 : 3;
    out.push_back({start, after});
    while (after < region.end && (text[after] == ' ' || text[after] == '\n')) ++after;
    start = after;
    i = after > 0 ? after - 1 : 0;
  }
  if (start < region.end) out.push_back({start, region.end});
  return out;
}

std::vector<Deal> DealExtractor::extract(std::string_view text, const Article& article,
                                         const std::vector<FoundMention>& mentions,
                                         const std::vector<Value>& values, const EntityLookup& lookup,
                                         std::vector<SentenceTrace>* trace) const {
  std::vector<Deal> deals;
  std::vector<bool> loose;       // per deal: the rule's wording does not fix who supplies whom
  std::vector<bool> subsumable;  // per deal: a generic partnership word ("파트너십")
  const auto& anaphor = rules_.need_table("anaphor");
  const auto& status_word = rules_.need_table("status_word");
  const auto& status_priority = rules_.need_table("status_priority");
  const auto& provider_role = rules_.need_table("provider_role");
  const auto& customer_role = rules_.need_table("customer_role");
  const auto& provider_flag = rules_.need_table("provider_flag");
  const auto& retype = rules_.need_table("retype_by_provider_flag");
  const auto& distractor = rules_.need_table("amount_distractor");
  const auto& exclusive = rules_.need_table("exclusive_types");
  const auto& maker_side = rules_.need_table("maker_side");
  const auto& negation = rules_.need_table("negation");
  const auto& respective = rules_.need_table("respective");
  const auto& joint_types = rules_.need_table("joint_types");

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

  // Builds the typed string for a sentence.
  auto typeset = [&](Span sent) {
    Typed t;
    size_t pos = sent.start;
    // markers in order: mentions and values, skipping ones that overlap an earlier marker
    struct Item {
      Span span;
      bool entity;
      int index;
    };
    std::vector<Item> items;
    for (size_t i = 0; i < mentions.size(); ++i)
      if (mentions[i].span.start >= sent.start && mentions[i].span.end <= sent.end)
        items.push_back({mentions[i].span, true, static_cast<int>(i)});
    for (size_t i = 0; i < values.size(); ++i)
      if (values[i].span.start >= sent.start && values[i].span.end <= sent.end)
        items.push_back({values[i].span, false, static_cast<int>(i)});
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
      return a.span.start != b.span.start ? a.span.start < b.span.start : a.span.end > b.span.end;
    });
    auto copy_text = [&](size_t from, size_t to) {
      std::string_view chunk = text.substr(from, to - from);
      // anaphors: a table word at a word start, followed by a particle or a non-letter
      size_t i = 0;
      while (i < chunk.size()) {
        std::string value;
        size_t n = 0;
        bool word_start = i == 0 ? (from == sent.start || !std::isalnum(static_cast<unsigned char>(text[from - 1])))
                                 : !std::isalnum(static_cast<unsigned char>(chunk[i - 1])) &&
                                       (static_cast<unsigned char>(chunk[i - 1]) < 0x80 || chunk[i - 1] == ' ');
        if (word_start) n = anaphor.longest_prefix(chunk.substr(i), &value);
        if (n > 0 && !focus.empty()) {
          std::vector<const FoundMention*> who;
          if (value == "both" && focus.size() >= 2) who = {focus[0], focus[1]};
          else if (value == "focus") who = {focus[0]};
          if (!who.empty()) {
            for (size_t w = 0; w < who.size(); ++w) {
              if (w) t.s += "·";  // a list separator every language's rules accept
              Slot sl;
              sl.is_entity = true;
              sl.entity = who[w]->entity;
              sl.type = who[w]->type;
              sl.typed_start = t.s.size();
              t.s += std::string(kOpen) + "E" + std::to_string(t.slots.size()) + ":" + type_code(sl.type) + kClose;
              sl.typed_end = t.s.size();
              sl.span = {from + i, from + i + n};
              t.slots.push_back(sl);
            }
            i += n;
            continue;
          }
        }
        // the marker brackets never appear in copied text
        if (chunk.compare(i, 3, kOpen) == 0 || chunk.compare(i, 3, kClose) == 0) {
          t.s += ' ';
          i += 3;
          continue;
        }
        t.s += chunk[i];
        ++i;
      }
    };
    for (size_t k = 0; k < items.size(); ++k) {
      const Item& it = items[k];
      if (it.span.start < pos) continue;  // overlaps an earlier marker
      copy_text(pos, it.span.start);
      Slot sl;
      sl.is_entity = it.entity;
      sl.index = it.index;
      sl.span = it.span;
      sl.typed_start = t.s.size();
      std::string code;
      if (it.entity) {
        sl.entity = mentions[it.index].entity;
        sl.type = mentions[it.index].type;
        code = type_code(sl.type);
      } else {
        code = value_code(values[it.index].data);
      }
      t.s += std::string(kOpen) + (it.entity ? "E" : "V") + std::to_string(t.slots.size()) + ":" + code + kClose;
      sl.typed_end = t.s.size();
      pos = it.span.end;
      // A gloss of the same entity right after: "코어위브(CoreWeave)" is one marker.
      if (it.entity && k + 1 < items.size() && items[k + 1].entity &&
          mentions[items[k + 1].index].entity == sl.entity) {
        std::string_view between = text.substr(pos, items[k + 1].span.start - pos);
        if (between == "(" || between == " (") {
          size_t close = items[k + 1].span.end;
          if (close < sent.end && text[close] == ')') {
            pos = close + 1;
            ++k;
          }
        }
      }
      t.slots.push_back(sl);
    }
    copy_text(pos, sent.end);
    return t;
  };

  // Entity slots inside a typed range.
  auto slots_in = [](const Typed& t, size_t from, size_t to, bool entity) {
    std::vector<int> out;
    for (size_t i = 0; i < t.slots.size(); ++i)
      if (t.slots[i].is_entity == entity && t.slots[i].typed_start >= from && t.slots[i].typed_end <= to)
        out.push_back(static_cast<int>(i));
    return out;
  };

  std::optional<Money> stated_amount;  // from an `attach: amount` rule
  std::vector<Span> units;  // headline first, then body sentences
  if (article.headline_span.size()) units.push_back(article.headline_span);
  const size_t body_from = units.size();
  for (const auto& p : article.paragraphs)
    for (const auto& s : sentences(text, p)) units.push_back(s);

  for (size_t u = 0; u < units.size(); ++u) {
    const bool headline = u < body_from;
    const Span sent = units[u];
    Typed t = typeset(sent);
    if (trace) trace->push_back({sent, t.s});
    std::vector<std::pair<std::string, std::set<std::string>>> claimed;  // (family, parties) used here

    // status from the sentence's words
    std::string status;
    int best = 1 << 20;
    for (const auto& [word, st] : status_word.entries) {
      if (t.s.find(word) == std::string::npos) continue;
      const std::string* pr = status_priority.find(st);
      int p = pr ? std::stoi(*pr) : 100;
      if (p < best) {
        best = p;
        status = st;
      }
    }

    std::vector<bool> may_match;
    const bool filtered = filter_ && filter_->candidates(t.s, rules_.rules().size(), &may_match);
    for (size_t ri = 0; ri < rules_.rules().size(); ++ri) {
      const rules::Rule& rule = rules_.rules()[ri];
      if (filtered && !may_match[ri]) continue;
      if (rule.attr("attach") == "amount") {
        // "계약 규모가 최대 140억 달러": the size of the article's deal, said apart
        if (stated_amount) continue;
        std::vector<re2::StringPiece> g(rule.re->NumberOfCapturingGroups() + 1);
        if (!rule.re->Match(t.s, 0, t.s.size(), RE2::UNANCHORED, g.data(), static_cast<int>(g.size()))) continue;
        for (const auto& [name, idx] : rule.re->NamedCapturingGroups()) {
          if (role_of_group(name) != "amount" || g[idx].data() == nullptr) continue;
          size_t gs = static_cast<size_t>(g[idx].data() - t.s.data());
          for (int sl : slots_in(t, gs, gs + g[idx].size(), false))
            if (auto* m = std::get_if<Money>(&values[t.slots[sl].index].data)) stated_amount = *m;
        }
        continue;
      }
      const std::string scope = rule.attr("scope", "any");
      if ((scope == "headline" && !headline) || (scope == "body" && headline)) continue;
      const RE2& re = *rule.re;
      const int ng = re.NumberOfCapturingGroups();
      std::vector<re2::StringPiece> g(ng + 1);
      size_t pos = 0;
      while (pos <= t.s.size() && re.Match(t.s, pos, t.s.size(), RE2::UNANCHORED, g.data(), ng + 1)) {
        const size_t m_start = static_cast<size_t>(g[0].data() - t.s.data());
        const size_t m_end = m_start + g[0].size();
        pos = m_end > m_start ? m_end : m_start + 1;
        {
          std::string_view after = std::string_view(t.s).substr(m_end, 24);
          bool negated = false;
          for (const auto& [w, unused] : negation.entries) negated |= after.find(w) != std::string_view::npos;
          if (negated) continue;
        }
        DealType type = *deal_type_from(rule.attr("type"));
        std::map<std::string, std::vector<int>> roles;  // role -> slots
        int amount_slot = -1;
        std::vector<int> product_slots;
        for (const auto& [name, idx] : re.NamedCapturingGroups()) {
          if (g[idx].data() == nullptr) continue;
          size_t gs = static_cast<size_t>(g[idx].data() - t.s.data());
          std::string role = role_of_group(name);
          if (role == "amount") {
            auto v = slots_in(t, gs, gs + g[idx].size(), false);
            if (!v.empty()) amount_slot = v.front();
            continue;
          }
          auto es = slots_in(t, gs, gs + g[idx].size(), true);
          if (role == "product") {
            product_slots.insert(product_slots.end(), es.begin(), es.end());
            continue;
          }
          for (int s : es)
            if (is_party_type(t.slots[s].type) || t.slots[s].type == EntityType::Facility)
              roles[role].push_back(s);
        }
        // products: chips inside the match, else in the sentence
        for (int s : slots_in(t, m_start, m_end, true))
          if (t.slots[s].type == EntityType::Chip || t.slots[s].type == EntityType::Product)
            product_slots.push_back(s);
        if (product_slots.empty())
          for (int s : slots_in(t, 0, t.s.size(), true))
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
        for (auto it = parties.begin(); it != parties.end();)
          it = it->second.empty() ? parties.erase(it) : std::next(it);

        // amount: the rule's, else money in the match (nearest before the
        // end, skipping prices per unit and distractors), else just after it
        auto usable_money = [&](int s) {
          const Value& v = values[t.slots[s].index];
          const auto* money = std::get_if<Money>(&v.data);
          if (!money || !money->per.empty()) return false;
          std::string_view before = std::string_view(t.s).substr(0, t.slots[s].typed_start);
          before = before.substr(before.size() > 24 ? before.size() - 24 : 0);
          std::string_view after = std::string_view(t.s).substr(t.slots[s].typed_end, 26);
          for (const auto& [w, unused] : distractor.entries)
            if (before.find(w) != std::string_view::npos || after.find(w) != std::string_view::npos) return false;
          return true;
        };
        std::vector<int> moneys;
        if (amount_slot >= 0) {
          moneys.push_back(amount_slot);
        } else {
          for (int s : slots_in(t, m_start, m_end, false))
            if (usable_money(s)) moneys.push_back(s);
          if (moneys.empty())
            for (int s : slots_in(t, m_end, std::min(t.s.size(), m_end + 40), false))
              if (usable_money(s)) {
                moneys.push_back(s);
                break;
              }
        }
        std::optional<Money> each, single;
        for (int s : moneys) {
          const Money& m = std::get<Money>(values[t.slots[s].index].data);
          if (m.amount.qualifier == Qualifier::Each && !each) each = m;
        }
        if (!moneys.empty()) single = std::get<Money>(values[t.slots[moneys.back()].index].data);
        std::optional<Power> capacity;
        for (int pass = 0; pass < 2 && !capacity; ++pass)
          for (int s : pass == 0 ? slots_in(t, m_start, m_end, false) : slots_in(t, 0, t.s.size(), false))
            if (auto* p = std::get_if<Power>(&values[t.slots[s].index].data)) {
              capacity = *p;
              break;
            }
        std::optional<DateValue> date;
        for (int s : slots_in(t, 0, t.s.size(), false))
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
        const bool split = combos.size() > 1;
        // "A and B will invest $5 billion and $10 billion, respectively",
        // "각각 50억 달러, 10억 달러씩": one amount per split deal, in order.
        bool in_turn = false;
        if (split && moneys.size() == combos.size()) {
          for (const auto& [w, unused] : respective.entries) in_turn |= t.s.find(w) != std::string::npos;
        }
        size_t turn = 0;
        for (auto& ps : combos) {
          std::set<std::string> ids;
          for (const auto& p : ps) ids.insert(p.entity);
          if (ids.size() != ps.size()) continue;                // the same entity twice
          if (type != DealType::Fund && type != DealType::Facility && ids.size() < 2) continue;
          if (ps.empty()) continue;
          // The same parties in one sentence: a rule of the same family
          // (exclusive_types) already decided what their deal is.
          const std::string* family = exclusive.find(to_string(type));
          std::string key = family ? *family : std::string(to_string(type));
          bool seen = false;
          for (const auto& c : claimed) {
            if (c.second != ids) continue;
            // families are space-separated; sharing one is enough
            std::istringstream a(key);
            for (std::string f; a >> f;) seen |= (" " + c.first + " ").find(" " + f + " ") != std::string::npos;
          }
          if (seen) continue;
          claimed.emplace_back(key, ids);
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
          d.status = rule.attr("status", status);
          d.evidence = {sent, std::string(text.substr(sent.start, sent.size()))};
          d.rule = rule.name;
          loose.push_back(rule.attr("direction") == "symmetric");
          subsumable.push_back(rule.attr("subsumable") == "yes");
          deals.push_back(std::move(d));
        }
      }
    }
  }

  // Roles from what the dictionary knows: a product's maker supplies it, and
  // a cloud provider is the lessor; some providers retype a deal.
  for (size_t di = 0; di < deals.size(); ++di) {
    Deal& d = deals[di];
    const std::string type = to_string(d.type);
    const std::string* prov = provider_role.find(type);
    const std::string* cust = customer_role.find(type);
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
        if (loose[di]) {
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
            const std::string* np = provider_role.find(*nt);
            const std::string* nc = customer_role.find(*nt);
            if (!new_type || !np || !nc) continue;
            d.type = *new_type;
            pp->role = *np;
            cp->role = *nc;
            break;
          }
      }
    }
    std::sort(d.parties.begin(), d.parties.end());
    // products the sentence did not name: the seller's chips named in the article
    if (d.products.empty() && prov) {
      std::string seller;
      for (const auto& p : d.parties)
        if (p.role == *provider_role.find(to_string(d.type))) seller = p.entity;
      for (const auto& m : mentions)
        if ((m.type == EntityType::Chip || m.type == EntityType::Product) && !seller.empty() &&
            lookup(m.entity).maker == seller &&
            std::find(d.products.begin(), d.products.end(), m.entity) == d.products.end())
          d.products.push_back(m.entity);
    }
  }

  // Merge the same deal said twice in the article (headline and body, two
  // sentences): same type and parties. The first keeps its evidence; figures
  // fill in from later ones.
  std::vector<Deal> merged;
  std::vector<bool> merged_subsumable;
  for (size_t di = 0; di < deals.size(); ++di) {
    Deal& d = deals[di];
    Deal* same = nullptr;
    for (size_t k = 0; k < merged.size(); ++k)
      if (merged[k].type == d.type && merged[k].parties == d.parties) {
        same = &merged[k];
        merged_subsumable[k] = merged_subsumable[k] && subsumable[di];
      }
    if (!same) {
      merged.push_back(std::move(d));
      merged_subsumable.push_back(subsumable[di]);
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
  if (stated_amount)
    for (auto& d : out)
      if (!d.amount) {
        d.amount = stated_amount;
        break;
      }
  return out;
}

}  // namespace dealgraph
