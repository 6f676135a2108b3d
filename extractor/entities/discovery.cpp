// Step 3: discovery rules (rules/entities/*.rules) find names the
// dictionary does not know. A `gloss` rule pairs a Hangul and a Latin
// spelling (gloss.cpp); a `name` or `quoted` rule captures names: group
// `name` of the rule's `type`, group `person` a Person, group `org` an
// Organization ("chief executive Lisa Su", "analyst NAME at ORG"); a `list`
// rule's group `list` is a list whose unknown members are organizations when
// another member is a known one. (`variant` rules are step 5, families.cpp.)
#include <re2/re2.h>

#include <algorithm>
#include <cctype>

#include "extractor/entities/steps.h"

namespace dealgraph::entities {

namespace {

// The named groups of one RE2 match, as views into the text.
class Groups {
 public:
  explicit Groups(const RE2& re) : re_(re), g_(re.NumberOfCapturingGroups() + 1) {}
  bool match(std::string_view text, size_t pos, size_t end) {
    return re_.Match(text, pos, end, RE2::UNANCHORED, g_.data(), static_cast<int>(g_.size()));
  }
  std::string_view whole() const { return {g_[0].data(), g_[0].size()}; }
  // Where the last named group that took part ends: a match's tail after it
  // ("사장과 ") is context the next name may start after ("… 박상진").
  size_t last_group_end(std::string_view text) const {
    size_t end = 0;
    for (const auto& [name, i] : re_.NamedCapturingGroups())
      if (g_[i].data()) end = std::max(end, static_cast<size_t>(g_[i].data() - text.data()) + g_[i].size());
    return end;
  }
  std::string_view operator[](const char* name) const {
    auto it = re_.NamedCapturingGroups().find(name);
    if (it == re_.NamedCapturingGroups().end() || g_[it->second].data() == nullptr) return {};
    return {g_[it->second].data(), g_[it->second].size()};
  }

 private:
  const RE2& re_;
  std::vector<re2::StringPiece> g_;
};

bool has_lower(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// A word of `name` (apostrophe-s and a final comma or period aside) that is
// never part of a name: a month, a weekday.
bool has_foreign_word(const Knowledge& k, std::string_view name) {
  const rules::Table& never = k.table("never_in_name");
  const rules::Table& never_suffix = k.table("never_name_suffix");
  const rules::Table* months = k.rules.table("month_en");
  const rules::Table& given = k.table("given_name_en");  // "Jan Oberhauser": a month that is a given name
  for (auto w : split_words(name)) {
    while (!w.empty() && (w.back() == ',' || w.back() == '.')) w.remove_suffix(1);
    if (never.find(w) || never_suffix.longest_suffix(w) > 0 || (months && months->find(w) && !given.find(w)))
      return true;
  }
  return false;
}

bool has_letter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x80 || std::isalpha(static_cast<unsigned char>(c));
  });
}

// A person's name may hold no word of table not_in_person_name ("정부", "신임")
// nor a corporate word ("Silver Lake Partners"); a rule's `word_not_ending`
// table lists endings no word may have ("취임한").
bool bad_person_name(const Knowledge& k, const rules::Rule& rule, std::string_view name) {
  const rules::Table& not_person = k.table("not_in_person_name");
  const rules::Table& corporate = k.table("corporate_suffix_en");
  std::string ending_table = rule.attr("word_not_ending");
  const rules::Table* endings = ending_table.empty() ? nullptr : k.rules.table(ending_table);
  for (auto w : split_words(name))
    if (not_person.find(w) || corporate.find(w) || (endings && endings->longest_suffix(w) > 0)) return true;
  return false;
}

// "Mr. Kelez" after "Nicholas Kelez": a one-word name that is the surname of
// a person already discovered is that person.
std::string person_by_surname(const Scan& scan, std::string_view name) {
  if (split_words(name).size() != 1) return "";
  for (const auto& [id, d] : scan.out.discovered)
    if (d.type == EntityType::Person && surname_of(scan.k.settings, d.name) == name) return id;
  return "";
}

// A captured name not to take: empty, overlapping, inside a word, a listed
// non-name, or an all-capitals string that is mostly a technical acronym.
bool skip_name(const Scan& scan, const rules::Rule& rule, std::string_view name, size_t s) {
  const std::string kind = rule.attr("kind");
  const rules::Table& not_a_name = scan.k.table("not_a_name");
  auto words = split_words(name);
  if (name.empty() || scan.overlaps(s, s + name.size()) || !left_edge_ok(scan.text, s) || not_a_name.find(name))
    return true;
  if (!words.empty() && not_a_name.find(words.front()) && kind != "quoted") return true;
  // "Capital" left of "Mubadala Capital" once Mubadala is taken
  if (!words.empty() && kind != "quoted" && scan.k.table("corporate_suffix_en").find(words.front())) return true;
  if (kind != "quoted" && has_foreign_word(scan.k, name)) return true;
  // (a rule whose context says company, `acronyms: yes`, takes them: "자회사 DTS가")
  if (kind == "name" && words.size() == 1 && name.size() <= scan.k.settings.max_acronym && !has_lower(name) &&
      rule.attr("acronyms") != "yes")
    return true;
  // all-capitals strings glued to particles are mostly technical acronyms
  return rule.attr("requires") == "lowercase" && !has_lower(name);
}

// "엔비디아의 Rubin", "Nvidia's Rubin": a product's maker is the organization
// named just before it with a possessive marker in between.
void record_maker(Scan& scan, const std::string& id, size_t s) {
  const FoundMention* owner = scan.mention_before(s, scan.k.settings.maker_gap);
  auto d = scan.out.discovered.find(id);
  if (!owner || owner->type != EntityType::Organization || d == scan.out.discovered.end() ||
      !d->second.maker.empty())
    return;
  std::string_view gap = scan.text.substr(owner->span.end, s - owner->span.end);
  if (contains_any(scan.k.table("possessive_marker"), gap)) d->second.maker = owner->entity;
}

// `grows: yes`: "Deutsche Telekom Capital Partners" over the known "Deutsche
// Telekom" — one organization or place mention at the start of the name and
// none elsewhere in it, no list inside ("Nvidia and Cisco Systems" stays two),
// gives way to the longer name.
void give_way(Scan& scan, const rules::Rule& rule, std::string_view name, size_t s) {
  const std::string grows = rule.attr("grows");
  if ((grows != "yes" && grows != "past_a_word") || name.find(',') != std::string_view::npos ||
      name.find(" and ") != std::string_view::npos || name.find('&') != std::string_view::npos)
    return;
  const auto& ms = static_cast<const Scan&>(scan).mentions();
  size_t e = s + name.size(), inside = 0, at_start = ms.size();
  std::vector<size_t> gone;  // a country inside after the first word: "SilTerra | Malaysia | Sdn Bhd"
  const auto [first, last] = scan.intersecting(s, e);
  for (size_t i = first; i < last; ++i)
    if (ms[i].span.start < e && s < ms[i].span.end) {
      if (ms[i].span.start > s && ms[i].span.end <= e && scan.is_country(ms[i])) {
        gone.push_back(i);
        continue;
      }
      ++inside;
      if (ms[i].span.start == s && ms[i].span.end < e && ms[i].type != EntityType::Person) at_start = i;
    }
  if (inside == 1 && at_start != ms.size()) {
    // the rest is the known name's own particle: "포스코에서|는" is 포스코
    if (ms[at_start].span.end + ms[at_start].particle.size() >= e) return;
    // past_a_word: two words or more after the known name ("Siemens | Healthineers AG")
    if (grows == "past_a_word" &&
        split_words(scan.text.substr(ms[at_start].span.end, e - ms[at_start].span.end)).size() < 2)
      return;
    gone.push_back(at_start);
  } else if (inside != 0) {
    return;
  }
  std::sort(gone.rbegin(), gone.rend());
  for (size_t i : gone) scan.erase(i);
}

// Takes one captured name as a `type` entity; false when it is skipped.
bool apply_name(Scan& scan, const rules::Rule& rule, std::string_view name, EntityType type) {
  while (!name.empty() && (name.back() == '.' || name.back() == ' ' || name.back() == ',')) name.remove_suffix(1);
  if (name.empty()) return false;
  size_t s = static_cast<size_t>(name.data() - scan.text.data());
  give_way(scan, rule, name, s);
  if (skip_name(scan, rule, name, s) || !has_letter(name)) return false;
  if (type == EntityType::Person && bad_person_name(scan.k, rule, name)) return false;
  std::string id = type == EntityType::Person ? person_by_surname(scan, name) : "";
  if (id.empty()) id = scan.define(type, std::string(name), rule.name);
  if (!scan.add(s, s + name.size(), id, type, rule.name)) return false;
  if (rule.attr("maker") == "possessive") record_maker(scan, id, s);
  return true;
}

// The groups a `name` or `quoted` rule may capture, with their types: `name`
// is of the rule's `type`; `person` and `org` say their own. The first group
// decides: when it is skipped, the match is (false: look again further on).
bool apply_name_rule(Scan& scan, const rules::Rule& rule, const Groups& g) {
  bool first = true, taken = false;
  for (const char* group : {"person", "name", "org"}) {
    std::string_view name = g[group];
    if (name.data() == nullptr) continue;
    EntityType type = std::string(group) == "person" ? EntityType::Person
                      : std::string(group) == "org"  ? EntityType::Organization
                                                     : *entity_type_from(rule.attr("type"));
    bool ok = apply_name(scan, rule, name, type);
    if (first && !ok) return false;
    first = false;
    taken = taken || ok;
  }
  return taken;
}

// ------------------------------------------------------------------ lists

// The members of a list "A, B, C and D" / "A·B·C", cut at the marks of table
// list_separator, trimmed.
std::vector<std::string_view> list_members(const Knowledge& k, std::string_view list) {
  const rules::Table& sep = k.table("list_separator");
  std::vector<std::string_view> out;
  size_t start = 0, i = 0;
  auto is_alpha_sep = [&](size_t n) {  // a word separates only between spaces
    unsigned char c = static_cast<unsigned char>(list[i]);
    bool word = std::isalpha(c) || (c >= 0xEA && c <= 0xED);  // a Latin letter or a Hangul syllable
    return !word || (i > 0 && list[i - 1] == ' ' && i + n < list.size() && list[i + n] == ' ');
  };
  while (i <= list.size()) {
    size_t n = i < list.size() ? sep.longest_prefix(list.substr(i)) : 0;
    if (n > 0 && !is_alpha_sep(n)) n = 0;
    if (i == list.size() || n > 0) {
      std::string_view m = list.substr(start, i - start);
      while (!m.empty() && m.front() == ' ') m.remove_prefix(1);
      while (!m.empty() && (m.back() == ' ' || m.back() == '.')) m.remove_suffix(1);
      if (!m.empty()) out.push_back(m);
      if (i == list.size()) break;
      i += n;
      start = i;
    } else {
      ++i;
    }
  }
  return out;
}

// A list member that may be a name: it starts with a capital, a digit, a
// lower-case run before a capital ("xLight") or Hangul, and it is not too long.
bool member_shaped(const Knowledge& k, std::string_view m) {
  if (m.empty() || split_words(m).size() > k.settings.max_list_member_words) return false;
  unsigned char c = static_cast<unsigned char>(m[0]);
  if (c >= 0x80) return true;  // Hangul (other scripts are not in the patterns)
  if (std::isupper(c) || std::isdigit(c)) return true;
  size_t i = 0;
  while (i < m.size() && std::islower(static_cast<unsigned char>(m[i]))) ++i;
  return i > 0 && i < m.size() && std::isupper(static_cast<unsigned char>(m[i]));
}

// A Latin member up to its first lower-case word: "Zetaflux" of "Zetaflux
// joined" (the list ran to the end of the sentence); the first word may be
// "xLight"-shaped, and "of" may join ("Bank of America").
std::string_view latin_head(std::string_view m) {
  if (m.empty() || static_cast<unsigned char>(m[0]) >= 0x80) return m;
  auto words = split_words(m);
  size_t end = words.empty() ? m.size() : words.front().size();
  for (size_t i = 1; i < words.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(words[i][0]);
    if (!(std::isupper(c) || std::isdigit(c) || words[i] == "&" || words[i] == "of")) break;
    end = static_cast<size_t>(words[i].data() - m.data()) + words[i].size();
  }
  while (end > 0 && (m[end - 1] == ' ')) --end;
  std::string_view head = m.substr(0, end);
  if (head.size() >= 3 && head.substr(head.size() - 3) == " of") head.remove_suffix(3);
  return head;
}

// A member up to a bracket, which glosses it or says its role:
// "한국전자통신연구원(ETRI)", "Disruptive (lead)".
std::string_view before_bracket(std::string_view m) {
  size_t open = m.find('(');
  if (open == std::string_view::npos) return m;
  m = m.substr(0, open);
  while (!m.empty() && m.back() == ' ') m.remove_suffix(1);
  return m;
}

bool is_org(EntityType t) { return t == EntityType::Organization || t == EntityType::GovernmentBody; }

// "Backers include Valor Equity Partners, Neuberger Berman, Nvidia and Cisco":
// with `needs: known`, when some member is a known organization, the members
// no mention covers are organizations too; with `needs: nothing`, every such
// member is (the pattern itself says the list is of companies).
void apply_list_rule(Scan& scan, const rules::Rule& rule, std::string_view list) {
  if (list.empty()) return;
  std::vector<std::string_view> fresh;
  bool known = false;
  // a rule's word_not_ending: a member ending so is a clause, no name ("지역으로")
  const std::string ending_table = rule.attr("word_not_ending");
  const rules::Table* endings = ending_table.empty() ? nullptr : scan.k.rules.table(ending_table);
  for (auto m : list_members(scan.k, list)) {
    m = before_bracket(m);
    if (endings && endings->longest_suffix(m) > 0) continue;
    size_t s = static_cast<size_t>(m.data() - scan.text.data());
    bool covered = false;
    const auto& ms = static_cast<const Scan&>(scan).mentions();
    const auto [first, last] = scan.intersecting(s, s + m.size());
    for (size_t i = first; i < last; ++i)
      if (const FoundMention& x = ms[i]; x.span.start < s + m.size() && s < x.span.end) {
        covered = true;
        known = known || is_org(x.type);
      }
    if (!covered && member_shaped(scan.k, m)) fresh.push_back(latin_head(m));
  }
  if (!known && rule.attr("needs", "known") == "known") return;
  for (auto m : fresh) apply_name(scan, rule, m, EntityType::Organization);
}

// ---------------------------------------------------------------- aliases

}  // namespace

bool initials_match(std::string_view short_name, std::string_view name) {
  std::string initials;
  for (auto w : split_words(name))
    if (!w.empty() && std::isupper(static_cast<unsigned char>(w[0]))) initials += w[0];
  if (initials.empty() || short_name.empty() || short_name[0] != initials[0]) return false;
  size_t i = 0;
  for (char c : short_name) {
    if (!std::isupper(static_cast<unsigned char>(c))) continue;  // digits, '&'
    while (i < initials.size() && initials[i] != c) ++i;
    if (i == initials.size()) return false;
    ++i;
  }
  return true;
}

namespace {

// The mention of exactly [s, e), or nullptr ("Taiwan" is no side of
// "Taiwan Glass Works (TGW)").
const FoundMention* mention_of(const Scan& scan, size_t s, size_t e) {
  for (const auto& m : scan.mentions())
    if (m.span.start == s && m.span.end == e) return &m;
  return nullptr;
}

// Kind `alias`: group `name` and its acronym, group `short`, written side by
// side ("SMIC (Semiconductor Manufacturing International Corp)"). A known side
// gives the other as an alias; with neither known, a new organization named
// by the long side. The acronym must be the long side's initials.
bool apply_alias_rule(Scan& scan, const rules::Rule& rule, const Groups& g) {
  std::string_view name = g["name"], short_name = g["short"];
  if (name.empty() || short_name.empty() || !initials_match(short_name, name)) return false;
  size_t ns = static_cast<size_t>(name.data() - scan.text.data());
  size_t ss = static_cast<size_t>(short_name.data() - scan.text.data());
  const FoundMention* known = mention_of(scan, ns, ns + name.size());
  if (!known) known = mention_of(scan, ss, ss + short_name.size());
  std::string id;
  EntityType type = EntityType::Organization;
  if (known) {
    id = known->entity;
    type = known->type;
  } else {
    if (skip_name(scan, rule, name, ns) || scan.overlaps(ss, ss + short_name.size())) return false;
    id = scan.define(type, std::string(name), rule.name);
  }
  if (auto d = scan.out.discovered.find(id); d != scan.out.discovered.end() && d->second.name != short_name &&
                                              std::find(d->second.aliases.begin(), d->second.aliases.end(),
                                                        short_name) == d->second.aliases.end())
    d->second.aliases.emplace_back(short_name);
  scan.add(ns, ns + name.size(), id, type, rule.name);
  scan.add(ss, ss + short_name.size(), id, type, rule.name);
  scan.find_everywhere(std::string(short_name), id, type, rule.name);
  return true;
}

void apply_gloss_rule(Scan& scan, const rules::Rule& rule, const Groups& g, size_t region_start) {
  Gloss gloss;
  gloss.region_start = region_start;
  if (trim_gloss(scan.k, scan.text, g["ko"], g["en"], &gloss)) apply_gloss(scan, rule, gloss);
}

// The space before the word after the one at `pos` (the region's end when
// none): where a rule looks again after a match it could not take, so that
// "The Acme Group" still finds "Acme Group", "Nvidia and Acme Systems" (Nvidia
// known) "Acme Systems", and a pattern that starts at a space still can.
size_t next_word(std::string_view text, size_t pos, size_t end) {
  size_t i = pos;
  while (i < end && text[i] == ' ') ++i;
  while (i < end && text[i] != ' ') ++i;
  return i > pos ? i : pos + 1;
}

void apply_rule_in_region(Scan& scan, const rules::Rule& rule, Span r) {
  const std::string kind = rule.attr("kind");
  Groups g(*rule.re);
  size_t pos = r.start;
  while (pos < r.end && g.match(scan.text, pos, r.end)) {
    std::string_view whole = g.whole();
    size_t start = static_cast<size_t>(whole.data() - scan.text.data());
    size_t next = start + whole.size();
    if (whole.empty()) next += 1;
    if (kind == "gloss") {
      apply_gloss_rule(scan, rule, g, r.start);
    } else if (kind == "list") {
      apply_list_rule(scan, rule, g["list"]);
    } else if (kind == "alias") {
      if (!apply_alias_rule(scan, rule, g)) next = std::min(next, next_word(scan.text, start, r.end));
    } else if (!apply_name_rule(scan, rule, g)) {
      next = std::min(next, next_word(scan.text, start, r.end));
    } else {
      next = std::max(start + 1, std::min(next, g.last_group_end(scan.text)));
    }
    scan.sort();
    pos = next;
  }
}

}  // namespace

void apply_discovery_rules(Scan& scan) {
  for (const auto& rule : scan.k.rules.rules()) {
    // variants are step 5 (families.cpp); surnames and roles read the mentions
    // every rule has made (people.cpp)
    const std::string kind = rule.attr("kind");
    if (kind == "variant" || kind == "surname" || kind == "role" || kind == "context" || kind == "division") continue;
    for (size_t r = 0; r < scan.regions.size(); ++r)
      if (scan.may_match(rule, r)) apply_rule_in_region(scan, rule, scan.regions[r]);
  }
}

}  // namespace dealgraph::entities
