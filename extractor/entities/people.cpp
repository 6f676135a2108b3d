// Steps 4b, 6b, 6c and 6d: what the text says about the names once every one
// is found —
// a Korean surname alone that stands for a person named before ("이 위원장은"),
// and the role a person holds at an organization ("박상진 산업은행 회장",
// "Sanjay Mehrotra, Micron's chief executive"), a regulator a company files
// with ("a filing with the SEC"), and a division and its owner ("the memory
// division of Toshiba"). All are rules of rules/entities/context.rules (kinds
// `surname`, `role`, `context` and `division`) read here against
// the mentions the earlier steps made, so a pattern may be generous: what it
// captures counts only where a mention of the right kind stands.
#include <re2/re2.h>

#include <algorithm>

#include "core/fold.h"
#include "core/utf8.h"
#include "extractor/entities/steps.h"

namespace dealgraph::entities {

namespace {

// Calls `on_match(groups)` for each match of `rule` in each region; the next
// search starts after group `last` of a match it takes (true) — not after
// the whole match, whose tail may be the space the next name starts after
// ("최태원 SK그룹 회장과 곽노정 …") — or at the next space after the start of one
// it does not take, so a match that stands on no mention hides no other.
template <typename F>
void for_each_match(const Scan& scan, const rules::Rule& rule, const char* last, F on_match) {
  bool any = false;  // (a rule no region can match is not even compiled)
  for (size_t ri = 0; ri < scan.regions.size() && !any; ++ri) any = scan.may_match(rule, ri);
  if (!any) return;
  auto last_group = rule.re->NamedCapturingGroups().find(last);
  const RE2& re = *rule.re;
  std::vector<re2::StringPiece> g(static_cast<size_t>(re.NumberOfCapturingGroups()) + 1);
  for (size_t ri = 0; ri < scan.regions.size(); ++ri) {
    if (!scan.may_match(rule, ri)) continue;
    const Span& r = scan.regions[ri];
    size_t pos = r.start;
    while (pos < r.end && re.Match(scan.text, pos, r.end, RE2::UNANCHORED, g.data(), static_cast<int>(g.size()))) {
      size_t start = static_cast<size_t>(g[0].data() - scan.text.data());
      if (on_match(g)) {
        const re2::StringPiece& end_group =
            last_group != rule.re->NamedCapturingGroups().end() && g[last_group->second].data() ? g[last_group->second]
                                                                                                   : g[0];
        size_t end = static_cast<size_t>(end_group.data() - scan.text.data()) + end_group.size();
        pos = std::max(end, start + 1);
      } else {
        size_t space = scan.text.find(' ', start + 1);
        pos = space == std::string_view::npos ? r.end : space;
      }
    }
  }
}

// The text of group `name` of a match (empty when it did not take part).
std::string_view group(const rules::Rule& rule, const std::vector<re2::StringPiece>& g, const char* name) {
  auto it = rule.re->NamedCapturingGroups().find(name);
  if (it == rule.re->NamedCapturingGroups().end() || g[it->second].data() == nullptr) return {};
  return {g[it->second].data(), g[it->second].size()};
}

bool all_hangul(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t len;
    if (!utf8::is_hangul(utf8::decode(s, i, &len))) return false;
    i += len;
  }
  return !s.empty();
}

// The person named nearest before `pos` whose Hangul name starts with
// `surname` and is longer than it, up to max_korean_name bytes; "" if none.
std::string person_with_surname(const Scan& scan, std::string_view surname, size_t pos) {
  std::string id;
  for (const auto& m : scan.mentions()) {
    if (m.span.end > pos) break;  // mentions are sorted
    std::string_view name = scan.text.substr(m.span.start, m.span.size());
    if (m.type == EntityType::Person && name.size() > surname.size() &&
        name.size() <= scan.k.settings.max_korean_name && name.substr(0, surname.size()) == surname &&
        all_hangul(name))
      id = m.entity;
  }
  return id;
}

// The one dictionary person whose surname `surname` is ("Son" -> Masayoshi
// Son); "" when none or several have it.
std::string dictionary_person_with_surname(const Scan& scan, std::string_view surname) {
  auto it = scan.k.unique_surnames.find(fold_name(surname));
  return it == scan.k.unique_surnames.end() ? "" : it->second;
}

bool is_org(EntityType t) { return t == EntityType::Organization || t == EntityType::GovernmentBody; }

// The mention that starts where `g` starts and ends within it, of a type
// `ok` accepts; nullptr if none.
template <typename Ok>
const FoundMention* mention_at(const Scan& scan, std::string_view g, Ok ok) {
  if (g.data() == nullptr) return nullptr;
  size_t s = static_cast<size_t>(g.data() - scan.text.data()), e = s + g.size();
  for (const auto& m : scan.mentions())
    if (m.span.start == s && m.span.end <= e && ok(m.type)) return &m;
  return nullptr;
}

}  // namespace

void link_korean_surnames(Scan& scan) {
  for (const auto& rule : scan.k.rules.rules()) {
    if (rule.attr("kind") != "surname") continue;
    struct Link {
      Span span;
      std::string id;
    };
    std::vector<Link> found;  // added after the walk, which reads the mentions
    const bool of_dictionary = rule.attr("of") == "dictionary";
    for_each_match(scan, rule, "surname", [&](const std::vector<re2::StringPiece>& g) {
      std::string_view surname = group(rule, g, "surname");
      size_t s = static_cast<size_t>(surname.data() - scan.text.data());
      // group `skip` took part: the words before say it is no name ("the Board's")
      if (surname.empty() || !group(rule, g, "skip").empty() || scan.overlaps(s, s + surname.size())) return false;
      std::string id = of_dictionary ? dictionary_person_with_surname(scan, surname)
                                     : person_with_surname(scan, surname, s);
      if (id.empty()) return false;
      found.push_back({{s, s + surname.size()}, id});
      return true;
    });
    for (const auto& l : found) scan.add(l.span.start, l.span.end, l.id, EntityType::Person, rule.name);
    scan.sort();
  }
}

void find_roles(Scan& scan) {
  for (const auto& rule : scan.k.rules.rules()) {
    if (rule.attr("kind") != "role") continue;
    for_each_match(scan, rule, "role", [&](const std::vector<re2::StringPiece>& g) {
      const FoundMention* person =
          mention_at(scan, group(rule, g, "person"), [](EntityType t) { return t == EntityType::Person; });
      const FoundMention* org = mention_at(scan, group(rule, g, "org"), is_org);
      std::string_view title = group(rule, g, "role");
      if (!person || !org || title.empty() || person->entity == org->entity) return false;
      // the words that say it: from the first of the three groups to the end of
      // the last, without the context around them (" 박상진 … 회장은 " -> "박상진 … 회장")
      size_t from = scan.text.size(), to = 0;
      for (std::string_view part : {group(rule, g, "person"), group(rule, g, "org"), title}) {
        size_t s = static_cast<size_t>(part.data() - scan.text.data());
        from = std::min(from, s);
        to = std::max(to, s + part.size());
      }
      FoundRole role;
      role.span = {from, to};
      role.person = person->entity;
      role.org = org->entity;
      role.title = std::string(title);
      role.rule = rule.name;
      auto& roles = scan.out.roles;
      bool seen = std::any_of(roles.begin(), roles.end(), [&](const FoundRole& r) {
        return r.person == role.person && r.org == role.org && r.span.start == role.span.start;
      });
      if (!seen) roles.push_back(std::move(role));
      return true;
    });
  }
  std::stable_sort(scan.out.roles.begin(), scan.out.roles.end(),
                   [](const FoundRole& a, const FoundRole& b) { return a.span < b.span; });
}

namespace {

// The display name of a known or discovered entity ("" when neither).
std::string display_name(const Scan& scan, const std::string& id) {
  if (int i = scan.k.dict->find_id(id); i >= 0) return scan.k.dict->entries()[static_cast<size_t>(i)].name;
  auto d = scan.out.discovered.find(id);
  return d != scan.out.discovered.end() ? d->second.name : "";
}

}  // namespace

void mark_contexts(Scan& scan) {
  for (const auto& rule : scan.k.rules.rules()) {
    if (rule.attr("kind") != "context") continue;
    const std::string context = rule.attr("context");
    const bool government_only = rule.attr("body", "any") == "government";
    for_each_match(scan, rule, "body", [&](const std::vector<re2::StringPiece>& g) {
      const FoundMention* body = mention_at(scan, group(rule, g, "body"), [&](EntityType t) {
        return government_only ? t == EntityType::GovernmentBody : is_org(t);
      });
      if (!body) return false;
      // every mention of that entity at that place (one per span) takes it
      for (auto& m : scan.mentions())
        if (m.span.start == body->span.start && m.entity == body->entity) m.context = context;
      return true;
    });
  }
}

void find_divisions(Scan& scan) {
  for (const auto& rule : scan.k.rules.rules()) {
    if (rule.attr("kind") != "division") continue;
    struct Division {
      Span span;
      std::string owner;
    };
    std::vector<Division> found;  // added after the walk, which reads the mentions
    for_each_match(scan, rule, "division", [&](const std::vector<re2::StringPiece>& g) {
      const FoundMention* owner = mention_at(scan, group(rule, g, "owner"),
                                             [](EntityType t) { return t == EntityType::Organization; });
      std::string_view words = group(rule, g, "division");
      if (!owner || words.empty()) return false;
      size_t s = static_cast<size_t>(words.data() - scan.text.data());
      if (scan.overlaps(s, s + words.size())) return false;  // a known name is no division's words
      // "tensor processing unit", "president of business": a word of table
      // not_in_division makes it no division
      const rules::Table& stop = scan.k.table("not_in_division");
      for (auto w : split_words(words))
        if (stop.find(w)) return false;
      // "NVentures, the venture capital arm of Nvidia": the division is named
      // already, by the mention before the comma
      size_t start = static_cast<size_t>(g[0].data() - scan.text.data());
      if (const FoundMention* named = scan.mention_before(start, 2);
          named && scan.text.substr(named->span.end, start - named->span.end).find(',') != std::string_view::npos)
        return false;
      found.push_back({{s, s + words.size()}, owner->entity});
      return true;
    });
    for (const auto& d : found) {
      std::string words(scan.text.substr(d.span.start, d.span.size()));
      std::string id = scan.define(EntityType::Organization, display_name(scan, d.owner) + " " + words, rule.name);
      if (auto e = scan.out.discovered.find(id); e != scan.out.discovered.end()) {
        e->second.part_of = d.owner;
        if (std::find(e->second.aliases.begin(), e->second.aliases.end(), words) == e->second.aliases.end())
          e->second.aliases.push_back(words);
      }
      if (scan.add(d.span.start, d.span.end, id, EntityType::Organization, rule.name))
        // The deal stage reads a division as words, so the owner stays the
        // party ("SoftBank buys ABB's robotics unit": target ABB) until it reads
        // part_of (docs/entities.md, "Filings and divisions").
        for (auto& m : scan.mentions())
          if (m.span.start == d.span.start && m.entity == id) m.place_word = true;
    }
    scan.sort();
  }
}

}  // namespace dealgraph::entities
