// The value tagger: runs the rules of rules/values/ over text and turns each
// match into a typed Value by interpreting its named groups and attributes
// (vocabulary in docs/values.md). The engine knows no word of any language:
// every word it looks up comes from a table of the rule set.
#include "extractor/values/tagger.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <set>

#include "core/rule_set.h"
#include "core/utf8.h"
#include "extractor/values/dates.h"
#include "extractor/values/number.h"

namespace dealgraph::values {

namespace {

enum class Kind { Money, Power, Quantity, Percent, Date, Number };

const char* const kKindNames[] = {"money", "power", "quantity", "percent", "date", "number"};

// ------------------------------------------------------------ vocabulary

enum G {
  g_num, g_num2, g_den, g_qual, g_qual2,
  g_cur, g_cur2, g_sub, g_subcur, g_per,
  g_unit, g_unit2,
  g_y, g_yy, g_m, g_d, g_y2, g_m2, g_d2, g_wd, g_ord, g_rel, g_dir, g_part, g_q, g_half,
  g_n, g_n2, g_hol, g_season, g_relq, g_decade,
  g_lead, g_tail,
  kGroups
};

struct GroupSpec {
  const char* name;
  unsigned kinds;  // bit per Kind
};
constexpr unsigned kM = 1u << 0, kP = 1u << 1, kQ = 1u << 2, kPc = 1u << 3, kD = 1u << 4, kN = 1u << 5;
constexpr unsigned kAmounts = kM | kP | kQ | kPc | kN;
constexpr unsigned kAll = kAmounts | kD;

const GroupSpec kGroupSpecs[kGroups] = {
    {"num", kAmounts}, {"num2", kAmounts}, {"den", kN | kQ}, {"qual", kAmounts}, {"qual2", kAmounts},
    {"cur", kM}, {"cur2", kM}, {"sub", kM}, {"subcur", kM}, {"per", kM},
    {"unit", kP | kQ | kD}, {"unit2", kP | kQ},
    {"y", kD}, {"yy", kD}, {"m", kD}, {"d", kD}, {"y2", kD}, {"m2", kD}, {"d2", kD}, {"wd", kD},
    {"ord", kD}, {"rel", kD}, {"dir", kD}, {"part", kD}, {"q", kD}, {"half", kD},
    {"n", kD}, {"n2", kD}, {"hol", kD}, {"season", kD}, {"relq", kD}, {"decade", kD},
    {"lead", kAll}, {"tail", kAll},
};

const std::set<std::string> kAttrs = {"kind",  "currency", "unit",     "scale",    "qualifier", "per",
                                      "relation", "dir",   "part",     "alone",    "after",     "priority",
                                      "min",   "max",      "value",    "case",     "example",   "note"};

const std::set<std::string> kDirs = {"past", "next", "this", "ahead", "ago", "later", "within"};
const std::set<std::string> kParts = {"start", "end", "mid"};
const std::set<std::string> kRelations = {"by", "from", "since"};

std::optional<Qualifier> qualifier_from(const std::string& s) {
  if (s == "exact") return Qualifier::Exact;
  if (s == "approx") return Qualifier::Approx;
  if (s == "at_least") return Qualifier::AtLeast;
  if (s == "at_most") return Qualifier::AtMost;
  if (s == "range") return Qualifier::Range;
  if (s == "each") return Qualifier::Each;
  return std::nullopt;
}

int qualifier_rank(Qualifier q) {
  switch (q) {
    case Qualifier::Exact: return 0;
    case Qualifier::Approx: return 1;
    case Qualifier::Each: return 2;
    case Qualifier::AtLeast:
    case Qualifier::AtMost: return 3;
    case Qualifier::Range: return 4;
  }
  return 0;
}

bool parse_double(const std::string& s, double* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return *end == '\0';
}

// A date_rel value: "y-1", "m+1", "d0", optionally followed by a part ("y0 end").
bool parse_rel(const std::string& s, char* unit, int* off, std::string* part) {
  if (s.empty() || std::string("yqmwd").find(s[0]) == std::string::npos) return false;
  *unit = s[0];
  size_t sp = s.find(' ');
  std::string num = s.substr(1, sp == std::string::npos ? std::string::npos : sp - 1);
  char* end = nullptr;
  long v = std::strtol(num.c_str(), &end, 10);
  if (num.empty() || *end != '\0') return false;
  *off = static_cast<int>(v);
  part->clear();
  if (sp != std::string::npos) {
    *part = s.substr(sp + 1);
    if (!kParts.count(*part)) return false;
  }
  return true;
}

bool parse_mmdd(const std::string& s, int* m, int* d) {
  if (s.size() != 5 || s[2] != '-') return false;
  *m = std::atoi(s.substr(0, 2).c_str());
  *d = std::atoi(s.substr(3, 2).c_str());
  return *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31;
}

// Rounds away binary noise (20.430000000000003 -> 20.43).
double clean(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15) return v;
  char b[40];
  std::snprintf(b, sizeof b, "%.15g", v);
  return std::strtod(b, nullptr);
}

// v * f, dividing when f is 1/n so that 410 * 0.01 gives 4.1 exactly.
double scale_by(double v, double f) {
  if (f > 0 && f < 1) {
    double inv = 1 / f;
    if (std::fabs(inv - std::round(inv)) < 1e-9) return clean(v / std::round(inv));
  }
  return clean(v * f);
}

bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }

size_t next_char(std::string_view text, size_t p) {
  size_t len;
  utf8::decode(text, p, &len);
  return p + std::max<size_t>(len, 1);
}
bool is_ascii_alnum(char32_t c) {
  return is_ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

// --------------------------------------------------------------- the engine

struct CompiledRule {
  const rules::Rule* rule = nullptr;
  Kind kind = Kind::Number;
  int group[kGroups];  // capture index or -1
  int ncap = 0;
  std::string lang;    // "", "ko", "en"
  // attributes
  std::string currency;
  double currency_factor = 1;
  double scale = 1;
  std::string unit;
  std::optional<Qualifier> qualifier;
  std::string per, relation, dir, part;
  std::optional<double> min, max, value;
  bool alone = false;
  bool check_follow = true;  // after: follow (default) or word
  bool follow_any_end = false;  // after: word — also after a digit or Latin end
  int priority = 0;
  // the pattern is "(?P<num>...)" and nothing else: the group is the match,
  // so no submatch search is needed
  bool whole_num = false;
};

struct Tagger::Impl {
  rules::RuleSet set;
  NumberParser numbers;
  WordTable currency, qualifier, per, power_unit, quantity_unit, follow;
  WordTable month, weekday, ordinal, date_rel, date_dir, date_part, date_half, date_unit, holiday, season,
      date_relation;
  std::vector<CompiledRule> rules;
  std::unique_ptr<RE2::Set> prefilter;

  struct Candidate {
    size_t start, end;  // the span
    size_t ms, me;      // the regex match it came from
    int priority;
    size_t rule;
  };

  bool left_ok(std::string_view text, size_t s) const;
  bool right_ok(std::string_view text, size_t e, const CompiledRule& r) const;
  std::optional<ValueData> build(const CompiledRule& r, const re2::StringPiece* caps,
                                 const std::optional<CivilDate>& ref) const;
  std::optional<Amount> amount(const CompiledRule& r, const re2::StringPiece* caps, double factor) const;
  void scan(const CompiledRule& r, size_t idx, std::string_view text, size_t cs, size_t ce,
            std::vector<re2::StringPiece>& caps, std::vector<Candidate>* out) const;
  bool span_ok(const CompiledRule& r, std::string_view text, size_t ms, size_t me, const re2::StringPiece* caps,
               bool groups, size_t* s, size_t* e) const;
  bool shrink(const RE2& re, std::string_view text, size_t ms, size_t* me, std::vector<re2::StringPiece>& caps,
              int n) const;
  // One chunk (a sentence or a line): the rules the prefilter lets through,
  // then the longest candidates that do not overlap, appended in order.
  void tag_chunk(std::string_view text, size_t cs, size_t ce, bool whole, const std::optional<CivilDate>& ref,
                 const TagOptions& opt, std::vector<int>& hits, std::vector<re2::StringPiece>& caps,
                 std::vector<Candidate>& cands, std::vector<Value>* out) const;
  size_t max_caps = 1;
};

namespace {

// The line of `key` inside table `t` of the rule files, for error messages.
int entry_line(const std::vector<std::pair<std::string, std::string>>& files, const rules::Table& t,
               const std::string& key) {
  for (const auto& [path, text] : files) {
    if (path != t.file) continue;
    int line = 0;
    size_t pos = 0;
    while (pos <= text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) nl = text.size();
      ++line;
      if (line > t.line) {
        std::string_view l(text.data() + pos, nl - pos);
        size_t b = l.find_first_not_of(" \t");
        if (b != std::string_view::npos && l.substr(b, key.size()) == key) return line;
      }
      pos = nl + 1;
    }
  }
  return t.line;
}

// True when `pattern` is one group opened by `open` that closes at its last
// character ("(?P<num>a|(b)c)"): the group then always spans the whole match.
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

// Names of the tables the rule files define, in file order.
std::vector<std::string> table_names(const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<std::string> out;
  for (const auto& f : files) {
    const std::string& text = f.second;
    bool in_table = false;
    size_t pos = 0;
    while (pos < text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) nl = text.size();
      std::string line = text.substr(pos, nl - pos);
      pos = nl + 1;
      size_t h = line.find(" #");
      if (!line.empty() && line[0] == '#') line.clear();
      if (h != std::string::npos) line = line.substr(0, h);
      size_t b = line.find_first_not_of(" \t\r");
      if (b == std::string::npos) continue;
      size_t e = line.find_last_not_of(" \t\r");
      std::string t = line.substr(b, e - b + 1);
      if (in_table) {
        if (t == "end") in_table = false;
        continue;
      }
      if (t.compare(0, 6, "table ") == 0) {
        std::string n = t.substr(6);
        n.erase(0, n.find_first_not_of(" \t"));
        out.push_back(n);
        in_table = true;
      }
    }
  }
  return out;
}

}  // namespace

Result<Tagger> Tagger::load(const Resources& res) {
  return from_files(rules::RuleSet::files_of(res, "rules/values"));
}

Result<Tagger> Tagger::from_files(const std::vector<std::pair<std::string, std::string>>& files) {
  if (files.empty()) return Error::at("rules/values", 0, 0, "no rule files (rules/values/*.rules)");
  auto set = rules::RuleSet::from_files(files);
  if (!set) return set.error();
  auto impl = std::make_shared<Impl>();
  impl->set = std::move(*set);
  const rules::RuleSet& rs = impl->set;

  // ---- tables: a table named ROLE or ROLE_anything serves ROLE
  std::vector<std::string> names = table_names(files);
  auto family = [&](const std::string& role) {
    std::vector<const rules::Table*> out;
    for (const auto& n : names) {
      if (n == role || (n.size() > role.size() + 1 && n.compare(0, role.size(), role) == 0 && n[role.size()] == '_')) {
        if (const rules::Table* t = rs.table(n)) out.push_back(t);
      }
    }
    return out;
  };
  auto nums = NumberParser::from(
      family, [&](const rules::Table& t, const std::string& key) { return entry_line(files, t, key); });
  if (!nums) return nums.error();
  impl->numbers = std::move(*nums);

  auto check_table = [&](const char* name, WordTable* out,
                         const std::function<bool(const std::string&)>& valid,
                         const char* expect) -> std::optional<Error> {
    auto tables = family(name);
    for (const rules::Table* t : tables) {
      for (const auto& [k, v] : t->entries) {
        if (!valid(v))
          return Error::at(t->file, entry_line(files, *t, k), 1,
                           std::string("table ") + t->name + ": " + expect, k + " = " + v);
      }
    }
    *out = WordTable(tables);
    return std::nullopt;
  };
  auto any = [](const std::string&) { return true; };
  auto nonempty = [](const std::string& v) { return !v.empty(); };
  auto number = [](const std::string& v) {
    double d;
    return parse_double(v, &d) && d > 0;
  };
  auto int_in = [](int lo, int hi) {
    return [lo, hi](const std::string& v) {
      char* end = nullptr;
      long x = std::strtol(v.c_str(), &end, 10);
      return !v.empty() && *end == '\0' && x >= lo && x <= hi;
    };
  };
  auto currency_ok = [](const std::string& v) {
    // "USD" or "USD 0.01"
    if (v.size() < 3) return false;
    for (int i = 0; i < 3; ++i)
      if (v[i] < 'A' || v[i] > 'Z') return false;
    if (v.size() == 3) return true;
    double f;
    return v[3] == ' ' && parse_double(v.substr(4), &f) && f > 0;
  };
  static const std::set<std::string> kQualNames = {"exact", "approx", "at_least", "at_most", "range", "each"};
  static const std::set<std::string> kUnits = {"y", "q", "m", "w", "d"};
  auto in_set = [](const std::set<std::string>& set_) {
    return [&set_](const std::string& v) { return set_.count(v) > 0; };
  };
  auto rel_ok = [](const std::string& v) {
    char u;
    int o;
    std::string p;
    return parse_rel(v, &u, &o, &p);
  };
  auto mmdd_ok = [](const std::string& v) {
    int m, d;
    return parse_mmdd(v, &m, &d);
  };
  auto season_ok = [](const std::string& v) {
    int m, d;
    return v.size() == 11 && v[5] == ' ' && parse_mmdd(v.substr(0, 5), &m, &d) && parse_mmdd(v.substr(6), &m, &d);
  };
  struct TSpec {
    const char* name;
    WordTable* out;
    std::function<bool(const std::string&)> valid;
    const char* expect;
  };
  Impl& I = *impl;
  const TSpec tspecs[] = {
      {"currency", &I.currency, currency_ok, "expected an ISO 4217 code, optionally with a factor ('USD 0.01')"},
      {"qualifier", &I.qualifier, in_set(kQualNames), "expected exact, approx, at_least, at_most, range or each"},
      {"per", &I.per, nonempty, "expected what the price is per ('share')"},
      {"power_unit", &I.power_unit, number, "expected the unit's size in watts"},
      {"quantity_unit", &I.quantity_unit, nonempty, "expected a unit name ('shares')"},
      {"follow", &I.follow, any, ""},
      {"month", &I.month, int_in(1, 12), "expected a month number 1..12"},
      {"weekday", &I.weekday, int_in(0, 7), "expected a weekday 1..7 (Monday = 1), or 0 for any day"},
      {"ordinal", &I.ordinal, int_in(-9, 99), "expected an ordinal number (-1 for the last)"},
      {"date_rel", &I.date_rel, rel_ok, "expected UNIT OFFSET [PART], e.g. 'y-1' or 'y0 end' (units y q m w d)"},
      {"date_dir", &I.date_dir, in_set(kDirs), "expected past, next, this, ahead, ago, later or within"},
      {"date_part", &I.date_part, in_set(kParts), "expected start, end or mid"},
      {"date_half", &I.date_half, int_in(1, 2), "expected 1 or 2"},
      {"date_unit", &I.date_unit, in_set(kUnits), "expected y, q, m, w or d"},
      {"holiday", &I.holiday, mmdd_ok, "expected MM-DD"},
      {"season", &I.season, season_ok, "expected 'MM-DD MM-DD'"},
      {"date_relation", &I.date_relation, in_set(kRelations), "expected by, from or since"},
  };
  for (const auto& t : tspecs)
    if (auto e = check_table(t.name, t.out, t.valid, t.expect)) return *e;
  if (family("follow").empty())
    return Error::at("rules/values", 0, 0,
                     "missing table 'follow' (the words that may follow a value glued to it)");

  // ---- rules
  auto need = [&](const rules::Rule& r, const char* table, const char* why) -> std::optional<Error> {
    if (!family(table).empty()) return std::nullopt;
    return Error::at(r.file, r.line, 1,
                     "rule " + r.name + ": " + why + " needs table '" + table + "', which no rule file defines");
  };
  for (const auto& rule : rs.rules()) {
    CompiledRule cr;
    cr.rule = &rule;
    auto err = [&](const std::string& msg, const std::string& frag = {}) {
      return Error::at(rule.file, rule.line, 1, "rule " + rule.name + ": " + msg, frag);
    };
    for (const auto& [k, v] : rule.attrs)
      if (!kAttrs.count(k)) return err("unknown attribute '" + k + "'", k + ": " + v);
    std::string kind = rule.attr("kind");
    int ki = -1;
    for (int i = 0; i < 6; ++i)
      if (kind == kKindNames[i]) ki = i;
    if (ki < 0) return err("kind must be money, power, quantity, percent, date or number", "kind: " + kind);
    cr.kind = static_cast<Kind>(ki);
    const unsigned kbit = 1u << ki;
    // file language: a ".ko." or ".en." segment of the file name
    {
      std::string base = rule.file.substr(rule.file.rfind('/') + 1);
      if (base.find(".ko.") != std::string::npos) cr.lang = "ko";
      if (base.find(".en.") != std::string::npos) cr.lang = "en";
    }
    std::fill(std::begin(cr.group), std::end(cr.group), -1);
    cr.ncap = rule.re->NumberOfCapturingGroups();
    for (const auto& [name, idx] : rule.re->NamedCapturingGroups()) {
      int gi = -1;
      for (int g = 0; g < kGroups; ++g)
        if (name == kGroupSpecs[g].name) gi = g;
      if (gi < 0) return err("unknown group name '" + name + "' (see docs/values.md)", "(?P<" + name + ">");
      if (!(kGroupSpecs[gi].kinds & kbit))
        return err("group '" + name + "' means nothing in a " + kind + " rule", "(?P<" + name + ">");
      cr.group[gi] = idx;
    }
    auto has = [&](G g) { return cr.group[g] >= 0; };
    // tables the groups need
    const std::pair<G, const char*> needs[] = {
        {g_cur, "currency"}, {g_cur2, "currency"}, {g_subcur, "currency"}, {g_qual, "qualifier"},
        {g_qual2, "qualifier"}, {g_per, "per"},
        {g_wd, "weekday"},   {g_ord, "ordinal"}, {g_rel, "date_rel"},     {g_dir, "date_dir"},
        {g_part, "date_part"}, {g_half, "date_half"}, {g_hol, "holiday"}, {g_season, "season"},
        {g_relq, "date_relation"}};
    for (const auto& [g, t] : needs)
      if (has(g))
        if (auto e = need(rule, t, (std::string("group '") + kGroupSpecs[g].name + "'").c_str())) return *e;
    if (has(g_unit)) {
      const char* t = cr.kind == Kind::Power ? "power_unit" : cr.kind == Kind::Quantity ? "quantity_unit" : "date_unit";
      if (auto e = need(rule, t, "group 'unit'")) return *e;
    }
    // attributes
    if (auto c = rule.attrs.find("currency"); c != rule.attrs.end()) {
      if (cr.kind != Kind::Money || !currency_ok(c->second))
        return err("currency: expects an ISO 4217 code in a money rule", c->second);
      cr.currency = c->second.substr(0, 3);
      if (c->second.size() > 3) parse_double(c->second.substr(4), &cr.currency_factor);
    }
    if (auto s = rule.attrs.find("scale"); s != rule.attrs.end())
      if (!parse_double(s->second, &cr.scale) || cr.scale <= 0) return err("scale: expects a positive number", s->second);
    if (auto q = rule.attrs.find("qualifier"); q != rule.attrs.end()) {
      cr.qualifier = qualifier_from(q->second);
      if (!cr.qualifier) return err("qualifier: expects exact, approx, at_least, at_most, range or each", q->second);
    }
    cr.unit = rule.attr("unit");
    cr.per = rule.attr("per");
    cr.relation = rule.attr("relation");
    if (!cr.relation.empty() && !kRelations.count(cr.relation)) return err("relation: expects by, from or since", cr.relation);
    cr.dir = rule.attr("dir");
    if (!cr.dir.empty() && !kDirs.count(cr.dir)) return err("dir: expects past, next, this, ahead, ago, later or within", cr.dir);
    cr.part = rule.attr("part");
    if (!cr.part.empty() && !kParts.count(cr.part)) return err("part: expects start, end or mid", cr.part);
    std::string alone = rule.attr("alone", "no");
    if (alone != "yes" && alone != "no") return err("alone: expects yes or no", alone);
    cr.alone = alone == "yes";
    std::string after = rule.attr("after", "follow");
    if (after != "follow" && after != "word" && after != "any") return err("after: expects follow, word or any", after);
    cr.check_follow = after != "any";
    cr.follow_any_end = after == "word";
    for (const char* b : {"min", "max", "value"}) {
      auto it = rule.attrs.find(b);
      if (it == rule.attrs.end()) continue;
      double d;
      if (!parse_double(it->second, &d)) return err(std::string(b) + ": expects a number", it->second);
      const std::string name = b;
      (name == "min" ? cr.min : name == "max" ? cr.max : cr.value) = d;
    }
    if (auto p = rule.attrs.find("priority"); p != rule.attrs.end()) {
      char* end = nullptr;
      cr.priority = static_cast<int>(std::strtol(p->second.c_str(), &end, 10));
      if (p->second.empty() || *end != '\0') return err("priority: expects an integer", p->second);
    }
    // what each kind needs
    switch (cr.kind) {
      case Kind::Money:
        if (!has(g_num) && !cr.value) return err("a money rule needs a (?P<num>...) group or a value: attribute");
        if (!has(g_cur) && !has(g_cur2) && cr.currency.empty())
          return err("a money rule needs a (?P<cur>...) group or a currency: attribute");
        break;
      case Kind::Power:
        if (!has(g_num)) return err("a power rule needs a (?P<num>...) group");
        if (!has(g_unit) && !I.power_unit.find(cr.unit))
          return err("a power rule needs a (?P<unit>...) group or a unit: attribute naming a power_unit key", cr.unit);
        break;
      case Kind::Quantity:
        if (!has(g_num)) return err("a quantity rule needs a (?P<num>...) group");
        if (!has(g_unit) && cr.unit.empty()) return err("a quantity rule needs a (?P<unit>...) group or a unit: attribute");
        break;
      case Kind::Percent:
      case Kind::Number:
        if (!has(g_num)) return err(std::string("a ") + kind + " rule needs a (?P<num>...) group");
        break;
      case Kind::Date: {
        bool any_date = false;
        for (int g = g_y; g <= g_decade; ++g)
          if (cr.group[g] >= 0) any_date = true;
        if (!any_date) return err("a date rule needs at least one date group (y, m, d, rel, q, half, n, hol, ...)");
        if ((has(g_n) || has(g_n2)) && !has(g_unit)) return err("a count (?P<n>...) needs a (?P<unit>...) group");
        break;
      }
    }
    I.max_caps = std::max(I.max_caps, static_cast<size_t>(cr.ncap) + 1);
    cr.whole_num = cr.ncap == 1 && cr.group[g_num] == 1 && whole_group(rule.pattern, "(?P<num>");
    I.rules.push_back(std::move(cr));
  }
  if (I.rules.empty()) return Error::at("rules/values", 0, 0, "the value rule files define no rule");

  // ---- prefilter: one pass of a set of every rule tells which rules can match a chunk
  RE2::Options so;
  so.set_log_errors(false);
  so.set_max_mem(256LL << 20);
  auto pre = std::make_unique<RE2::Set>(so, RE2::UNANCHORED);
  bool ok = true;
  for (const auto& cr : I.rules) {
    std::string p = cr.rule->expanded;
    if (!cr.rule->re->options().case_sensitive()) p = "(?i:" + p + ")";
    std::string e;
    if (pre->Add(p, &e) < 0) {
      ok = false;
      break;
    }
  }
  if (ok && pre->Compile()) I.prefilter = std::move(pre);
  return Tagger(std::move(impl));
}

size_t Tagger::rule_count() const { return impl_ ? impl_->rules.size() : 0; }

std::optional<Amount> Tagger::number(std::string_view text) const {
  if (!impl_) return std::nullopt;
  auto n = impl_->numbers.parse(text);
  if (!n) return std::nullopt;
  Amount a;
  if (n->vague) {
    a.min = n->lo;
    a.max = n->hi;
  } else {
    a.value = n->lo;
  }
  return a;
}

// ------------------------------------------------------------ boundaries

// A value does not start inside a word of its own script: "GB300" holds no
// 300, "CS-3" no 3, "계약" no "약"; a number does not start inside a number.
bool Tagger::Impl::left_ok(std::string_view text, size_t s) const {
  if (s == 0) return true;
  size_t len;
  char32_t c = utf8::decode(text, s, &len);
  size_t plen;
  char32_t p = utf8::decode_before(text, s, &plen);
  if (is_ascii_alnum(c) || c == '-' || c == 0x2212) {
    if (utf8::is_latin_alnum(p)) return false;
    if (p == '-' || p == '.' || p == ',') {
      size_t pplen;
      char32_t pp = utf8::decode_before(text, s - plen, &pplen);
      if (utf8::is_latin_alnum(pp)) return false;
    }
    return true;
  }
  if (utf8::is_hangul(c)) return !utf8::is_hangul(p);
  return true;
}

// A value does not end inside a word: "5G" is no 5, "3원칙" no money; a
// Hangul value may be followed by a word of table `follow` (particles and
// suffixes: 을, 에서, 규모, 씩, ...). With `after: word` the same holds for any
// value glued to Hangul ("1위" is no number).
bool Tagger::Impl::right_ok(std::string_view text, size_t e, const CompiledRule& r) const {
  if (e >= text.size()) return true;
  size_t plen;
  char32_t c = utf8::decode_before(text, e, &plen);
  size_t nlen;
  char32_t n = utf8::decode(text, e, &nlen);
  if (r.follow_any_end && utf8::is_hangul(n) && !utf8::is_hangul(c))
    return follow.longest_prefix(text.substr(e), nullptr) > 0;
  if (utf8::is_latin_alnum(c)) {
    if (utf8::is_latin_alnum(n)) return false;
    if ((n == '.' || n == ',') && is_ascii_digit(c) && e + 1 < text.size() &&
        is_ascii_digit(static_cast<unsigned char>(text[e + 1])))
      return false;
    return true;
  }
  if (utf8::is_hangul(c) && utf8::is_hangul(n)) {
    if (!r.check_follow) return true;
    return follow.longest_prefix(text.substr(e), nullptr) > 0;
  }
  return true;
}

// ------------------------------------------------------------ values

std::optional<Amount> Tagger::Impl::amount(const CompiledRule& r, const re2::StringPiece* caps,
                                           double factor) const {
  auto grp = [&](G g) -> std::optional<std::string_view> {
    if (r.group[g] < 0 || caps[r.group[g]].data() == nullptr) return std::nullopt;
    return std::string_view(caps[r.group[g]].data(), caps[r.group[g]].size());
  };
  Amount a;
  // qualifier: the strongest of the attribute and the qual groups
  std::optional<Qualifier> q = r.qualifier;
  for (G g : {g_qual, g_qual2}) {
    if (auto t = grp(g)) {
      const std::string* v = qualifier.find(*t);
      if (!v) return std::nullopt;
      Qualifier qq = *qualifier_from(*v);
      if (!q || qualifier_rank(qq) > qualifier_rank(*q)) q = qq;
    }
  }
  a.qualifier = q.value_or(Qualifier::Exact);
  auto num = grp(g_num);
  if (!num) {
    if (!r.value) return std::nullopt;
    a.value = scale_by(*r.value, factor);
    return a;
  }
  auto n1 = numbers.parse(*num);
  if (!n1) return std::nullopt;
  if (auto den = grp(g_den)) {
    auto d = numbers.parse(*den);
    if (!d || d->vague || n1->vague || d->lo == 0) return std::nullopt;
    a.value = clean(n1->lo / d->lo);
  } else if (auto n2s = grp(g_num2)) {
    auto n2 = numbers.parse(*n2s);
    if (!n2 || n1->vague || n2->vague) return std::nullopt;
    double lo = n1->lo;
    if (n1->plain && !n2->plain && lo * n2->trailing <= n2->lo) lo *= n2->trailing;
    if (lo > n2->lo) return std::nullopt;
    a.min = lo;
    a.max = n2->lo;
    a.qualifier = Qualifier::Range;
  } else if (n1->vague) {
    // "수십억", "several billion": bounds, a range unless a word said otherwise
    a.min = n1->lo;
    a.max = n1->hi;
    if (!q) a.qualifier = Qualifier::Range;
  } else {
    a.value = n1->lo;
  }
  if (a.value) {
    if (r.min && *a.value < *r.min) return std::nullopt;
    if (r.max && *a.value > *r.max) return std::nullopt;
    a.value = scale_by(*a.value, factor);
  }
  if (a.min) a.min = scale_by(*a.min, factor);
  if (a.max) a.max = scale_by(*a.max, factor);
  return a;
}

std::optional<ValueData> Tagger::Impl::build(const CompiledRule& r, const re2::StringPiece* caps,
                                             const std::optional<CivilDate>& ref) const {
  auto grp = [&](G g) -> std::optional<std::string_view> {
    if (r.group[g] < 0 || caps[r.group[g]].data() == nullptr) return std::nullopt;
    return std::string_view(caps[r.group[g]].data(), caps[r.group[g]].size());
  };
  switch (r.kind) {
    case Kind::Money: {
      std::string code = r.currency;
      double factor = r.currency_factor;
      bool found = false;
      for (G g : {g_cur2, g_cur}) {
        auto t = grp(g);
        if (!t || found) continue;
        const std::string* v = currency.find(*t);
        if (!v) {
          if (g == g_cur) return std::nullopt;
          continue;
        }
        code = v->substr(0, 3);
        factor = 1;
        if (v->size() > 3) parse_double(v->substr(4), &factor);
        found = true;
      }
      if (code.empty()) return std::nullopt;
      auto a = amount(r, caps, factor * r.scale);
      if (!a) return std::nullopt;
      if (auto sub = grp(g_sub)) {
        if (!a->value) return std::nullopt;
        auto s = numbers.parse(*sub);
        if (!s || s->vague || s->lo >= 100) return std::nullopt;
        double sf = 0.01;
        if (auto sc = grp(g_subcur)) {
          const std::string* v = currency.find(*sc);
          if (!v || v->size() <= 3) return std::nullopt;
          parse_double(v->substr(4), &sf);  // only the factor: "3 CAD 3 cents" are Canadian cents
        }
        a->value = clean(*a->value + scale_by(s->lo, sf));
      }
      Money m;
      m.amount = *a;
      m.currency = code;
      m.per = r.per;
      if (auto p = grp(g_per)) {
        const std::string* v = per.find(*p);
        if (!v) return std::nullopt;
        m.per = *v;
      }
      return m;
    }
    case Kind::Power: {
      double f = 0;
      for (G g : {g_unit, g_unit2}) {
        if (auto t = grp(g)) {
          const std::string* v = power_unit.find(*t);
          if (!v) return std::nullopt;
          if (f == 0) parse_double(*v, &f);
        }
      }
      if (f == 0) {
        const std::string* v = power_unit.find(r.unit);
        if (!v || !parse_double(*v, &f)) return std::nullopt;
      }
      auto a = amount(r, caps, f * r.scale);
      if (!a) return std::nullopt;
      return Power{*a};
    }
    case Kind::Quantity: {
      std::string unit = r.unit;
      if (unit.empty()) {
        for (G g : {g_unit, g_unit2}) {
          if (auto t = grp(g)) {
            const std::string* v = quantity_unit.find(*t);
            if (!v) return std::nullopt;
            if (unit.empty()) unit = *v;
          }
        }
      }
      if (unit.empty()) return std::nullopt;
      auto a = amount(r, caps, r.scale);
      if (!a) return std::nullopt;
      return Quantity{*a, unit};
    }
    case Kind::Percent: {
      auto a = amount(r, caps, r.scale);
      if (!a) return std::nullopt;
      return Percent{*a};
    }
    case Kind::Number: {
      auto a = amount(r, caps, r.scale);
      if (!a) return std::nullopt;
      return Number{*a};
    }
    case Kind::Date: {
      DateParts p;
      auto int_of = [&](std::string_view t, int* out) {
        auto n = numbers.parse(t);
        if (!n || n->vague || n->lo != std::floor(n->lo) || n->lo < 0 || n->lo > 9999) return false;
        *out = static_cast<int>(n->lo);
        return true;
      };
      auto year_of = [&](std::string_view t, std::optional<int>* out) {
        int y;
        if (!int_of(t, &y) || y < 1000 || y > 2999) return false;
        *out = y;
        return true;
      };
      auto month_of = [&](std::string_view t, std::optional<int>* out) {
        if (const std::string* v = month.find(t)) {
          *out = std::atoi(v->c_str());
          return true;
        }
        int m;
        if (!int_of(t, &m) || m < 1 || m > 12) return false;
        *out = m;
        return true;
      };
      auto day_of = [&](std::string_view t, std::optional<int>* out) {
        int d;
        if (!int_of(t, &d) || d < 1 || d > 31) return false;
        *out = d;
        return true;
      };
      if (auto t = grp(g_y); t && !year_of(*t, &p.year)) return std::nullopt;
      if (auto t = grp(g_yy)) {
        int yy;
        if (!int_of(*t, &yy) || yy > 99) return std::nullopt;
        p.year = yy <= 68 ? 2000 + yy : 1900 + yy;
      }
      if (auto t = grp(g_y2); t && !year_of(*t, &p.year2)) return std::nullopt;
      if (auto t = grp(g_decade); t && !year_of(*t, &p.decade)) return std::nullopt;
      if (auto t = grp(g_m); t && !month_of(*t, &p.month)) return std::nullopt;
      if (auto t = grp(g_m2); t && !month_of(*t, &p.month2)) return std::nullopt;
      if (auto t = grp(g_d); t && !day_of(*t, &p.day)) return std::nullopt;
      if (auto t = grp(g_d2); t && !day_of(*t, &p.day2)) return std::nullopt;
      if (auto t = grp(g_wd)) {
        const std::string* v = weekday.find(*t);
        if (!v) return std::nullopt;
        p.weekday = std::atoi(v->c_str());
      }
      if (auto t = grp(g_ord)) {
        const std::string* v = ordinal.find(*t);
        if (!v) return std::nullopt;
        p.ordinal = std::atoi(v->c_str());
      }
      if (auto t = grp(g_rel)) {
        const std::string* v = date_rel.find(*t);
        std::string part;
        if (!v || !parse_rel(*v, &p.rel_unit, &p.rel_offset, &part)) return std::nullopt;
        if (!part.empty()) p.part = part;
      }
      p.dir = r.dir;
      if (auto t = grp(g_dir)) {
        const std::string* v = date_dir.find(*t);
        if (!v) return std::nullopt;
        p.dir = *v;
      }
      if (!r.part.empty()) p.part = r.part;
      if (auto t = grp(g_part)) {
        const std::string* v = date_part.find(*t);
        if (!v) return std::nullopt;
        p.part = *v;
      }
      if (auto t = grp(g_q)) {
        if (const std::string* v = ordinal.find(*t)) {
          p.quarter = std::atoi(v->c_str());
        } else {
          int q;
          if (!int_of(*t, &q)) return std::nullopt;
          p.quarter = q;
        }
      }
      if (auto t = grp(g_half)) {
        const std::string* v = date_half.find(*t);
        if (!v) return std::nullopt;
        p.half = std::atoi(v->c_str());
      }
      for (auto [g, out] : {std::pair<G, std::optional<double>*>{g_n, &p.n}, {g_n2, &p.n2}}) {
        if (auto t = grp(g)) {
          auto n = numbers.parse(*t);
          if (!n || n->vague) return std::nullopt;
          *out = n->lo;
        }
      }
      if (auto t = grp(g_unit)) {
        const std::string* v = date_unit.find(*t);
        if (!v) return std::nullopt;
        p.unit = (*v)[0];
      }
      if (auto t = grp(g_hol)) {
        const std::string* v = holiday.find(*t);
        if (!v) return std::nullopt;
        p.holiday = *v;
      }
      if (auto t = grp(g_season)) {
        const std::string* v = season.find(*t);
        if (!v) return std::nullopt;
        p.season = *v;
      }
      p.relation = r.relation;
      if (auto t = grp(g_relq)) {
        const std::string* v = date_relation.find(*t);
        if (!v) return std::nullopt;
        p.relation = *v;
      }
      auto d = resolve_date(p, ref);
      if (!d) return std::nullopt;
      return *d;
    }
  }
  return std::nullopt;
}

// ------------------------------------------------------------ scanning

namespace {

// True when `p` lies inside a web address (a run of non-space characters
// holding "://" or starting with "www."): the figures in a URL are no values.
bool in_url(std::string_view text, size_t p) {
  auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  size_t b = p, e = p;
  size_t limit = p > 4096 ? p - 4096 : 0;
  while (b > limit && !ws(text[b - 1])) --b;
  while (e < text.size() && e - p < 4096 && !ws(text[e])) ++e;
  std::string_view tok = text.substr(b, e - b);
  if (tok.find("://") != std::string_view::npos) return true;
  size_t w = tok.find("www.");
  return w != std::string_view::npos && (w == 0 || tok[w - 1] == '<' || tok[w - 1] == '(');
}

}  // namespace

// Finds the matches of one rule in [cs, ce) that respect the word boundaries,
// as candidates (span only); values are built later, for the winners only.
void Tagger::Impl::scan(const CompiledRule& r, size_t idx, std::string_view text, size_t cs, size_t ce,
                        std::vector<re2::StringPiece>& caps, std::vector<Candidate>* out) const {
  const RE2& re = *r.rule->re;
  // the span needs the groups only when a rule trims `lead` or `tail`
  const bool groups = r.group[g_lead] >= 0 || r.group[g_tail] >= 0;
  const int n = groups ? r.ncap + 1 : 1;
  const re2::StringPiece whole(text.data(), text.size());
  size_t pos = cs;
  while (pos < ce) {
    if (!re.Match(whole, pos, ce, RE2::UNANCHORED, caps.data(), n)) break;
    size_t ms = static_cast<size_t>(caps[0].data() - text.data());
    size_t me = ms + caps[0].size();
    if (me == ms || !left_ok(text, ms) || in_url(text, ms)) {
      pos = next_char(text, ms);
      continue;
    }
    bool done = false;
    for (int attempt = 0; attempt < 12; ++attempt) {
      size_t s, e;
      if (span_ok(r, text, ms, me, caps.data(), groups, &s, &e)) {
        out->push_back(Candidate{s, e, ms, me, r.priority, idx});
        pos = me;
        done = true;
        break;
      }
      if (!shrink(re, text, ms, &me, caps, n)) break;
    }
    if (!done) pos = next_char(text, ms);
  }
}

// The span of a match [ms, me): without a leading `lead` or a trailing `tail`
// group and surrounding blanks; false when it breaks a word boundary or, for
// an `alone: yes` rule, is not the whole text.
bool Tagger::Impl::span_ok(const CompiledRule& r, std::string_view text, size_t ms, size_t me,
                           const re2::StringPiece* caps, bool groups, size_t* sp, size_t* ep) const {
  size_t s = ms, e = me;
  if (groups) {
    if (r.group[g_lead] >= 0 && caps[r.group[g_lead]].data() == text.data() + ms) s += caps[r.group[g_lead]].size();
    if (r.group[g_tail] >= 0 && caps[r.group[g_tail]].data() &&
        caps[r.group[g_tail]].data() + caps[r.group[g_tail]].size() == text.data() + me)
      e -= caps[r.group[g_tail]].size();
  }
  while (s < e && (text[s] == ' ' || text[s] == '\t')) ++s;
  while (e > s && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
  if (e <= s) return false;
  if (r.alone) {
    size_t ts = 0, te = text.size();
    auto ws = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; };
    while (ts < te && ws(text[ts])) ++ts;
    while (te > ts && ws(text[te - 1])) --te;
    if (s != ts || e != te) return false;
  }
  *sp = s;
  *ep = e;
  return left_ok(text, s) && right_ok(text, e, r);
}

// The longest match of `re` from `ms` that ends before *me (a shorter reading
// of the same rule); false when there is none.
bool Tagger::Impl::shrink(const RE2& re, std::string_view text, size_t ms, size_t* me,
                          std::vector<re2::StringPiece>& caps, int n) const {
  size_t plen;
  utf8::decode_before(text, *me, &plen);
  size_t lim = *me - std::max<size_t>(plen, 1);
  if (lim <= ms) return false;
  if (!re.Match(re2::StringPiece(text.data(), text.size()), ms, lim, RE2::ANCHOR_START, caps.data(), n)) return false;
  *me = ms + caps[0].size();
  return *me > ms;
}

std::vector<Value> Tagger::tag(std::string_view text, const std::optional<CivilDate>& ref) const {
  return tag(text, ref, TagOptions{});
}

std::vector<Value> Tagger::tag(std::string_view text, const std::optional<CivilDate>& ref,
                               const TagOptions& opt) const {
  std::vector<Value> result;
  if (!impl_) return result;
  const Impl& I = *impl_;
  std::vector<int> hits;
  std::vector<re2::StringPiece> caps(I.max_caps);
  std::vector<Impl::Candidate> cands;
  size_t ts = 0, te = text.size();
  auto ws = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; };
  while (ts < te && ws(text[ts])) ++ts;
  while (te > ts && ws(text[te - 1])) --te;
  // Chunks: lines, cut further after a sentence end ("...다. ", "...said. The")
  // and at white space every 8 KB; no value spans such a cut.
  constexpr size_t kMaxChunk = 8192;
  size_t cs = 0;
  while (cs < text.size()) {
    size_t ce = cs;
    size_t last_space = std::string_view::npos;
    while (ce < text.size() && text[ce] != '\n') {
      char c = text[ce];
      if ((c == '.' || c == '!' || c == '?') && ce > cs && ce + 2 < text.size() && text[ce + 1] == ' ') {
        size_t plen;
        char32_t p = utf8::decode_before(text, ce, &plen);
        size_t k = ce + 1;
        while (k < text.size() && text[k] == ' ') ++k;
        size_t nlen;
        char32_t nx = k < text.size() ? utf8::decode(text, k, &nlen) : 0;
        bool end = utf8::is_hangul(p) ||
                   (p >= 'a' && p <= 'z' && ((nx >= 'A' && nx <= 'Z') || utf8::is_hangul(nx)));
        if (end) {
          ce += 1;
          break;
        }
      }
      if (c == ' ') last_space = ce;
      if (ce - cs >= kMaxChunk && last_space != std::string_view::npos && last_space > cs) {
        ce = last_space;
        break;
      }
      ++ce;
    }
    if (ce > cs) {
      // is this chunk the whole text (for `alone: yes` rules)?
      size_t a = cs, b = ce;
      while (a < b && ws(text[a])) ++a;
      while (b > a && ws(text[b - 1])) --b;
      I.tag_chunk(text, cs, ce, a == ts && b == te, ref, opt, hits, caps, cands, &result);
    }
    cs = (ce < text.size() && text[ce] == '\n') ? ce + 1 : ce;
  }
  return result;
}

void Tagger::Impl::tag_chunk(std::string_view text, size_t cs, size_t ce, bool whole,
                             const std::optional<CivilDate>& ref, const TagOptions& opt, std::vector<int>& hits,
                             std::vector<re2::StringPiece>& caps, std::vector<Candidate>& cands,
                             std::vector<Value>* out) const {
  std::string_view chunk = text.substr(cs, ce - cs);
  hits.clear();
  bool all = true;
  if (prefilter) {
    RE2::Set::ErrorInfo info{RE2::Set::kNoError};
    if (prefilter->Match(re2::StringPiece(chunk.data(), chunk.size()), &hits, &info)) {
      all = false;
    } else if (info.kind == RE2::Set::kNoError) {
      return;  // nothing can match here
    }
  }
  if (all) {
    hits.resize(rules.size());
    for (size_t i = 0; i < hits.size(); ++i) hits[i] = static_cast<int>(i);
  }
  std::sort(hits.begin(), hits.end());
  cands.clear();
  for (int h : hits) {
    const CompiledRule& r = rules[static_cast<size_t>(h)];
    if (r.alone && !whole) continue;
    if (!opt.lang.empty() && !r.lang.empty() && r.lang != opt.lang) continue;
    scan(r, static_cast<size_t>(h), text, cs, ce, caps, &cands);
  }
  if (cands.empty()) return;
  // longest first; then higher priority; then earlier rule; then earlier start
  std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
    size_t la = a.end - a.start, lb = b.end - b.start;
    if (la != lb) return la > lb;
    if (a.priority != b.priority) return a.priority > b.priority;
    if (a.rule != b.rule) return a.rule < b.rule;
    return a.start < b.start;
  });
  const size_t first = out->size();
  auto overlaps = [&](size_t s, size_t e) {
    for (size_t i = first; i < out->size(); ++i) {
      const Span& sp = (*out)[i].span;
      if (s < sp.end && sp.start < e) return true;
    }
    return false;
  };
  for (const auto& c : cands) {
    if (overlaps(c.start, c.end)) continue;
    const CompiledRule& r = rules[c.rule];
    const RE2& re = *r.rule->re;
    const int n = r.ncap + 1;
    // the groups of this match; a value that cannot be built falls back to a
    // shorter reading of the same rule
    size_t s = c.start, e = c.end, me = c.me;
    // (the match alone as the text: RE2 then goes straight to its submatch
    // engine; rules use no context beyond \b, which holds the same at a text end)
    bool ok;
    if (r.whole_num) {
      caps[0] = caps[1] = re2::StringPiece(text.data() + c.ms, me - c.ms);
      ok = true;
    } else {
      ok = re.Match(re2::StringPiece(text.data() + c.ms, me - c.ms), 0, me - c.ms, RE2::ANCHOR_BOTH, caps.data(), n);
    }
    std::optional<ValueData> data;
    for (int attempt = 0; ok && attempt < 12; ++attempt) {
      if (attempt == 0 || (span_ok(r, text, c.ms, me, caps.data(), true, &s, &e) && !overlaps(s, e)))
        if ((data = build(r, caps.data(), ref))) break;
      ok = shrink(re, text, c.ms, &me, caps, n);
    }
    if (!data) continue;
    Value v;
    v.data = std::move(*data);
    v.span = Span{s, e};
    v.text = std::string(text.substr(s, e - s));
    v.rule = r.rule->name;
    out->push_back(std::move(v));
  }
  std::sort(out->begin() + static_cast<std::ptrdiff_t>(first), out->end(),
            [](const Value& a, const Value& b) { return a.span < b.span; });
}

}  // namespace dealgraph::values
