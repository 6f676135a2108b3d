// Step 3: discovery rules (rules/entities/discover.rules) find names the
// dictionary does not know. A `gloss` rule pairs a Hangul and a Latin
// spelling (gloss.cpp); a `name` or `quoted` rule captures one name of a
// given type. (`variant` rules are step 5, families.cpp.)
#include <re2/re2.h>

#include <algorithm>

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

// A captured name not to take: empty, overlapping, inside a word, a listed
// non-name, or an all-capitals string that is mostly a technical acronym.
bool skip_name(const Scan& scan, const rules::Rule& rule, std::string_view name, size_t s) {
  const std::string kind = rule.attr("kind");
  const rules::Table& not_a_name = scan.k.table("not_a_name");
  auto words = split_words(name);
  if (name.empty() || scan.overlaps(s, s + name.size()) || !left_edge_ok(scan.text, s) || not_a_name.find(name))
    return true;
  if (!words.empty() && not_a_name.find(words.front()) && kind == "name") return true;
  if (kind == "name" && words.size() == 1 && name.size() <= scan.k.settings.max_acronym && !has_lower(name))
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

void apply_name_rule(Scan& scan, const rules::Rule& rule, std::string_view name) {
  while (!name.empty() && (name.back() == '.' || name.back() == ' ')) name.remove_suffix(1);
  size_t s = static_cast<size_t>(name.data() - scan.text.data());
  if (skip_name(scan, rule, name, s)) return;
  EntityType type = *entity_type_from(rule.attr("type"));
  std::string id = scan.define(type, std::string(name), rule.name);
  if (scan.add(s, s + name.size(), id, type, rule.name) && rule.attr("maker") == "possessive")
    record_maker(scan, id, s);
}

void apply_gloss_rule(Scan& scan, const rules::Rule& rule, const Groups& g, size_t region_start) {
  Gloss gloss;
  gloss.region_start = region_start;
  if (trim_gloss(scan.k, scan.text, g["ko"], g["en"], &gloss)) apply_gloss(scan, rule, gloss);
}

void apply_rule_in_region(Scan& scan, const rules::Rule& rule, Span r) {
  const bool gloss = rule.attr("kind") == "gloss";
  Groups g(*rule.re);
  size_t pos = r.start;
  while (pos < r.end && g.match(scan.text, pos, r.end)) {
    std::string_view whole = g.whole();
    size_t next = static_cast<size_t>(whole.data() - scan.text.data()) + whole.size();
    if (whole.empty()) next += 1;
    if (gloss) apply_gloss_rule(scan, rule, g, r.start);
    else apply_name_rule(scan, rule, g["name"]);
    scan.sort();
    pos = next;
  }
}

}  // namespace

void apply_discovery_rules(Scan& scan) {
  for (const auto& rule : scan.k.rules.rules()) {
    if (rule.attr("kind") == "variant") continue;
    for (const auto& r : scan.regions) apply_rule_in_region(scan, rule, r);
  }
}

}  // namespace dealgraph::entities
