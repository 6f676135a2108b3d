// Compiles one value rule: its kind, groups and attributes are checked
// against the vocabulary of docs/values.md and stored as indices and values.
#include "extractor/values/rule_compiler.h"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <utility>

namespace dealgraph::values::detail {

namespace {

// An Error at the rule's line: "rule NAME: msg".
Error rule_error(const rules::Rule& rule, const std::string& msg, const std::string& frag = {}) {
  return Error::at(rule.file, rule.line, 1, "rule " + rule.name + ": " + msg, frag);
}

// An Error when no rule file defines a `table` family; `why` names the
// group that needs it.
Status need_table(const rules::Rule& r, const TableFamilies& family, const char* table, const std::string& why) {
  if (!family(table).empty()) return {};
  return Error::at(r.file, r.line, 1,
                   "rule " + r.name + ": " + why + " needs table '" + table + "', which no rule file defines");
}

}  // namespace

std::string file_language(const std::string& path) {
  std::string lang;
  std::string base = path.substr(path.rfind('/') + 1);
  if (base.find(".ko.") != std::string::npos) lang = "ko";
  if (base.find(".en.") != std::string::npos) lang = "en";
  return lang;
}

bool whole_group(const std::string& pattern, const std::string& open) {
  if (pattern.compare(0, open.size(), open) != 0 || pattern.empty() || pattern.back() != ')') return false;
  int depth = 0;
  bool in_class = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\') {
      ++i;
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      continue;
    }
    if (c == '[') in_class = true;
    else if (c == '(') ++depth;
    else if (c == ')' && --depth == 0) return i + 1 == pattern.size();
  }
  return false;
}

// A misspelt attribute would otherwise be ignored silently.
Status check_attribute_names(const rules::Rule& rule) {
  for (const auto& [k, v] : rule.attrs)
    if (!kAttrs.count(k)) return rule_error(rule, "unknown attribute '" + k + "'", k + ": " + v);
  return {};
}

// The kind decides which groups and attributes mean something.
Status read_kind(const rules::Rule& rule, CompiledRule* cr) {
  std::string kind = rule.attr("kind");
  auto k = kind_from(kind);
  if (!k) return rule_error(rule, "kind must be " + kind_list(), "kind: " + kind);
  cr->kind = *k;
  return {};
}

// Group names become capture indices, so matching reads groups by index.
Status bind_groups(const rules::Rule& rule, CompiledRule* cr) {
  const unsigned kbit = 1u << static_cast<unsigned>(cr->kind);
  std::fill(std::begin(cr->group), std::end(cr->group), -1);
  cr->ncap = rule.re->NumberOfCapturingGroups();
  for (const auto& [name, idx] : rule.re->NamedCapturingGroups()) {
    int gi = group_index(name);
    if (gi < 0) return rule_error(rule, "unknown group name '" + name + "' (see docs/values.md)", "(?P<" + name + ">");
    if (!(kGroupSpecs[gi].kinds & kbit))
      return rule_error(rule, std::string("group '") + name + "' means nothing in a " + kind_text(cr->kind) + " rule",
                        "(?P<" + name + ">");
    cr->group[gi] = idx;
  }
  return {};
}

// A group whose words are looked up in a table needs that table to exist;
// said at load, not as a value that silently never comes.
Status check_group_tables(const rules::Rule& rule, const CompiledRule& cr, const TableFamilies& family) {
  const std::pair<G, const char*> needs[] = {
      {g_cur, "currency"}, {g_cur2, "currency"}, {g_subcur, "currency"}, {g_qual, "qualifier"},
      {g_qual2, "qualifier"}, {g_per, "per"},
      {g_wd, "weekday"},   {g_ord, "ordinal"}, {g_rel, "date_rel"},     {g_dir, "date_dir"},
      {g_part, "date_part"}, {g_half, "date_half"}, {g_hol, "holiday"}, {g_season, "season"},
      {g_relq, "date_relation"}};
  for (const auto& [g, t] : needs)
    if (cr.has(g))
      if (Status s = need_table(rule, family, t, std::string("group '") + kGroupSpecs[g].name + "'"); !s) return s;
  if (cr.has(g_unit)) {
    const char* t = cr.kind == Kind::Power      ? "power_unit"
                    : cr.kind == Kind::Quantity ? "quantity_unit"
                                                : "date_unit";
    if (Status s = need_table(rule, family, t, "group 'unit'"); !s) return s;
  }
  return {};
}

namespace {

// currency: "USD" or "USD 0.01", in a money rule only.
Status read_currency(const rules::Rule& rule, CompiledRule* cr) {
  auto c = rule.attrs.find("currency");
  if (c == rule.attrs.end()) return {};
  if (cr->kind != Kind::Money || !currency_ok(c->second))
    return rule_error(rule, "currency: expects an ISO 4217 code in a money rule", c->second);
  cr->currency = c->second.substr(0, 3);
  if (c->second.size() > 3) parse_double(c->second.substr(4), &cr->currency_factor);
  return {};
}

// scale: and qualifier: change every value the rule gives.
Status read_scale_and_qualifier(const rules::Rule& rule, CompiledRule* cr) {
  if (auto s = rule.attrs.find("scale"); s != rule.attrs.end())
    if (!parse_double(s->second, &cr->scale) || cr->scale <= 0)
      return rule_error(rule, "scale: expects a positive number", s->second);
  if (auto q = rule.attrs.find("qualifier"); q != rule.attrs.end()) {
    cr->qualifier = qualifier_from(q->second);
    if (!cr->qualifier)
      return rule_error(rule, "qualifier: expects exact, approx, at_least, at_most, range or each", q->second);
  }
  return {};
}

// unit:, per:, relation:, dir:, part: are words of the engine's vocabulary.
Status read_words(const rules::Rule& rule, CompiledRule* cr) {
  cr->unit = rule.attr("unit");
  cr->per = rule.attr("per");
  cr->relation = rule.attr("relation");
  if (!cr->relation.empty() && !kRelations.count(cr->relation))
    return rule_error(rule, "relation: expects by, from or since", cr->relation);
  cr->dir = rule.attr("dir");
  if (!cr->dir.empty() && !kDirs.count(cr->dir))
    return rule_error(rule, "dir: expects past, recent, next, this, ahead, ago, later or within", cr->dir);
  cr->part = rule.attr("part");
  if (!cr->part.empty() && !kParts.count(cr->part)) return rule_error(rule, "part: expects start, end or mid", cr->part);
  return {};
}

// alone: and after: say where a match may stand.
Status read_placement(const rules::Rule& rule, CompiledRule* cr) {
  std::string alone = rule.attr("alone", "no");
  if (alone != "yes" && alone != "no") return rule_error(rule, "alone: expects yes or no", alone);
  cr->alone = alone == "yes";
  std::string after = rule.attr("after", "follow");
  if (after != "follow" && after != "word" && after != "any")
    return rule_error(rule, "after: expects follow, word or any", after);
  cr->check_follow = after != "any";
  cr->follow_any_end = after == "word";
  return {};
}

// min:, max:, value: bound or give the number; priority: breaks ties.
Status read_numbers(const rules::Rule& rule, CompiledRule* cr) {
  for (const char* b : {"min", "max", "value"}) {
    auto it = rule.attrs.find(b);
    if (it == rule.attrs.end()) continue;
    double d;
    if (!parse_double(it->second, &d)) return rule_error(rule, std::string(b) + ": expects a number", it->second);
    const std::string name = b;
    (name == "min" ? cr->min : name == "max" ? cr->max : cr->value) = d;
  }
  if (auto p = rule.attrs.find("priority"); p != rule.attrs.end()) {
    char* end = nullptr;
    cr->priority = static_cast<int>(std::strtol(p->second.c_str(), &end, 10));
    if (p->second.empty() || *end != '\0') return rule_error(rule, "priority: expects an integer", p->second);
  }
  return {};
}

}  // namespace

Status read_attributes(const rules::Rule& rule, CompiledRule* cr) {
  for (auto step : {read_currency, read_scale_and_qualifier, read_words, read_placement, read_numbers})
    if (Status s = step(rule, cr); !s) return s;
  return {};
}

// What each kind cannot do without: a rule that could never build a value is
// an error at load.
Status check_kind_needs(const rules::Rule& rule, const CompiledRule& cr, const WordTable& power_unit) {
  switch (cr.kind) {
    case Kind::Money:
      if (!cr.has(g_num) && !cr.value) return rule_error(rule, "a money rule needs a (?P<num>...) group or a value: attribute");
      if (!cr.has(g_cur) && !cr.has(g_cur2) && cr.currency.empty())
        return rule_error(rule, "a money rule needs a (?P<cur>...) group or a currency: attribute");
      break;
    case Kind::Power:
      if (!cr.has(g_num)) return rule_error(rule, "a power rule needs a (?P<num>...) group");
      if (!cr.has(g_unit) && !power_unit.find(cr.unit))
        return rule_error(rule, "a power rule needs a (?P<unit>...) group or a unit: attribute naming a power_unit key",
                          cr.unit);
      break;
    case Kind::Quantity:
      if (!cr.has(g_num)) return rule_error(rule, "a quantity rule needs a (?P<num>...) group");
      if (!cr.has(g_unit) && cr.unit.empty())
        return rule_error(rule, "a quantity rule needs a (?P<unit>...) group or a unit: attribute");
      break;
    case Kind::Percent:
    case Kind::Number:
      if (!cr.has(g_num) && !cr.value)
        return rule_error(rule, std::string("a ") + kind_text(cr.kind) + " rule needs a (?P<num>...) group or a value: attribute");
      break;
    case Kind::Date: {
      bool any_date = false;
      for (int g = g_y; g <= g_decade; ++g)
        if (cr.group[g] >= 0) any_date = true;
      if (!any_date) return rule_error(rule, "a date rule needs at least one date group (y, m, d, rel, q, half, n, hol, ...)");
      if ((cr.has(g_n) || cr.has(g_n2)) && !cr.has(g_unit))
        return rule_error(rule, "a count (?P<n>...) needs a (?P<unit>...) group");
      break;
    }
  }
  return {};
}

Result<CompiledRule> compile_rule(const rules::Rule& rule, const TableFamilies& family, const WordTable& power_unit) {
  CompiledRule cr;
  cr.rule = &rule;
  if (Status s = check_attribute_names(rule); !s) return s.error();
  if (Status s = read_kind(rule, &cr); !s) return s.error();
  cr.lang = file_language(rule.file);
  if (Status s = bind_groups(rule, &cr); !s) return s.error();
  if (Status s = check_group_tables(rule, cr, family); !s) return s.error();
  if (Status s = read_attributes(rule, &cr); !s) return s.error();
  if (Status s = check_kind_needs(rule, cr, power_unit); !s) return s.error();
  cr.whole_num = cr.ncap == 1 && cr.group[g_num] == 1 && whole_group(rule.pattern, "(?P<num>");
  return cr;
}

// The pattern bytes (tables expanded) one prefilter set holds, an engine
// limit: rules are taken in order until the next would pass it, so a rule
// with a large table (ICU's currency names) shares its set with few others
// and small rules share one. One set of all ~140 rules spent most of `tag`
// building DFA states; many tiny sets spend it on the calls (docs/speed.md,
// "Value tagging: the prefilter (issue 15, h-val2)").
constexpr size_t kPatternBytesPerSet = 48000;

namespace {

// The ']' that closes the class opening at `open` (a '['); npos when none.
size_t class_end(const std::string& p, size_t open) {
  size_t i = open + 1;
  if (i < p.size() && p[i] == '^') ++i;
  if (i < p.size() && p[i] == ']') ++i;  // a ']' first is a member
  while (i < p.size() && p[i] != ']') i += p[i] == '\\' ? 2 : 1;
  return i < p.size() ? i : std::string::npos;
}

// The end of the group that opens at `open` (a '('), past its ')'; npos when
// unbalanced. Escapes and character classes hold no group.
size_t group_end(const std::string& p, size_t open) {
  int depth = 0;
  for (size_t i = open; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\') {
      ++i;
    } else if (c == '[') {
      i = class_end(p, i);
      if (i == std::string::npos) return i;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      return i + 1;
    }
  }
  return std::string::npos;
}

// True when `p` has a '|' outside every group and class.
bool top_level_alternation(const std::string& p) {
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '\\') {
      ++i;
    } else if (p[i] == '(' || p[i] == '[') {
      size_t e = p[i] == '(' ? group_end(p, i) : class_end(p, i);
      if (e == std::string::npos) return true;  // unreadable: keep the pattern whole
      i = (p[i] == '(' ? e : e + 1) - 1;
    } else if (p[i] == '|') {
      return true;
    }
  }
  return false;
}

// An optional quantifier ("?", "??", "*", "*?") at `q`; its length, or 0.
size_t optional_quantifier(const std::string& p, size_t q) {
  if (q >= p.size() || (p[q] != '?' && p[q] != '*')) return 0;
  return q + 1 < p.size() && p[q + 1] == '?' ? 2 : 1;
}

}  // namespace

// A pattern matches somewhere exactly when its core does, without the
// optional groups that open or close it ("(?:(?P<qual>...)\s?)?" before an
// amount, "(?:\s?(?P<qual2>...))?" after it): the prefilter needs only the
// core. The qualifier and particle tables that open most rules otherwise sit
// in the set's start state, which its DFA re-enters at every byte.
std::string prefilter_pattern(const std::string& p) {
  if (top_level_alternation(p)) return p;
  std::string core = p;
  while (!core.empty() && core[0] == '(') {
    size_t e = group_end(core, 0);
    size_t q = e == std::string::npos ? 0 : optional_quantifier(core, e);
    if (q == 0 || e + q >= core.size()) break;
    core.erase(0, e + q);
  }
  for (;;) {  // trailing optional groups: find the group that closes before the quantifier
    size_t q = core.size() >= 2 && core.compare(core.size() - 2, 2, ")?") == 0 ? core.size() - 1 : 0;
    if (q == 0) break;
    size_t open = std::string::npos;
    for (size_t i = 0; i < q; ++i) {
      if (core[i] == '\\') {
        ++i;
      } else if (core[i] == '[') {
        size_t e = class_end(core, i);
        if (e == std::string::npos) return core;
        i = e;
      } else if (core[i] == '(') {
        size_t e = group_end(core, i);
        if (e == std::string::npos) return core;
        if (e == q) open = i;
        i = e - 1;
      }
    }
    if (open == std::string::npos || open == 0) break;
    // a backslash right before the group would make its '(' a literal
    if (core[open - 1] == '\\') break;
    core.erase(open);
  }
  return core;
}

bool Prefilter::match(std::string_view text, std::vector<int>* hits) const {
  hits->clear();
  const re2::StringPiece piece(text.data(), text.size());
  std::vector<int> local;
  for (size_t s = 0; s < sets.size(); ++s) {
    RE2::Set::ErrorInfo info{RE2::Set::kNoError};
    if (sets[s]->Match(piece, &local, &info)) {
      for (int k : local) hits->push_back(rule_of[s][static_cast<size_t>(k)]);
    } else if (info.kind != RE2::Set::kNoError) {
      return false;
    }
  }
  std::sort(hits->begin(), hits->end());
  return true;
}

std::optional<Prefilter> build_prefilter(const std::vector<CompiledRule>& rules) {
  RE2::Options so;
  so.set_log_errors(false);
  so.set_max_mem(64LL << 20);  // an engine limit per set
  Prefilter pre;
  size_t bytes = kPatternBytesPerSet;  // of the current set's patterns
  for (size_t i = 0; i < rules.size(); ++i) {
    const CompiledRule& cr = rules[i];
    std::string p = prefilter_pattern(cr.rule->expanded);
    // a rule compiled case-insensitively must be found so by the set too
    if (!cr.rule->re->options().case_sensitive()) p = "(?i:" + p + ")";
    if (bytes + p.size() > kPatternBytesPerSet) {
      pre.sets.push_back(std::make_unique<RE2::Set>(so, RE2::UNANCHORED));
      pre.rule_of.emplace_back();
      bytes = 0;
    }
    bytes += p.size();
    std::string e;
    if (pre.sets.back()->Add(p, &e) < 0) return std::nullopt;
    pre.rule_of.back().push_back(static_cast<int>(i));
  }
  for (auto& set : pre.sets)
    if (!set->Compile()) return std::nullopt;
  return pre;
}

}  // namespace dealgraph::values::detail
