// The fixed vocabulary the value rules are written in (docs/values.md): group
// names, attribute names and values, and the small parsers for table values.
// It names no word of any language; the words are in rules/values/.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <type_traits>
#include <variant>

#include "extractor/values/tagger_impl.h"

namespace dealgraph::values::detail {

// ------------------------------------------------------------ kinds

// Kind must follow core's ValueData so that a Kind is its variant index:
// the kind names then come from core's kind_name, the one list of them.
static_assert(std::is_same_v<std::variant_alternative_t<static_cast<size_t>(Kind::Money), ValueData>, Money>);
static_assert(std::is_same_v<std::variant_alternative_t<static_cast<size_t>(Kind::Power), ValueData>, Power>);
static_assert(std::is_same_v<std::variant_alternative_t<static_cast<size_t>(Kind::Quantity), ValueData>, Quantity>);
static_assert(std::is_same_v<std::variant_alternative_t<static_cast<size_t>(Kind::Percent), ValueData>, Percent>);
static_assert(std::is_same_v<std::variant_alternative_t<static_cast<size_t>(Kind::Date), ValueData>, DateValue>);
static_assert(std::is_same_v<std::variant_alternative_t<static_cast<size_t>(Kind::Number), ValueData>, Number>);
constexpr size_t kKinds = std::variant_size_v<ValueData>;
static_assert(kKinds == static_cast<size_t>(Kind::Number) + 1);

const char* kind_text(Kind k) { return kind_name(static_cast<size_t>(k)); }

std::optional<Kind> kind_from(const std::string& name) {
  if (auto i = value_kind_from(name)) return static_cast<Kind>(*i);
  return std::nullopt;
}

std::string kind_list() {
  std::string out;
  for (size_t i = 0; i < kKinds; ++i) {
    if (i > 0) out += i + 1 == kKinds ? " or " : ", ";
    out += kind_name(i);
  }
  return out;
}

// ------------------------------------------------------------ groups

namespace {
constexpr unsigned kM = 1u << 0, kP = 1u << 1, kQ = 1u << 2, kPc = 1u << 3, kD = 1u << 4, kN = 1u << 5;
constexpr unsigned kAmounts = kM | kP | kQ | kPc | kN;
constexpr unsigned kAll = kAmounts | kD;
}  // namespace

const GroupSpec kGroupSpecs[kGroups] = {
    {"num", kAmounts}, {"num2", kAmounts}, {"den", kN | kQ}, {"whole", kN | kQ}, {"qual", kAmounts}, {"qual2", kAmounts},
    {"cur", kM}, {"cur2", kM}, {"sub", kM}, {"subcur", kM}, {"per", kM},
    {"unit", kP | kQ | kD}, {"unit2", kP | kQ},
    {"y", kD}, {"yy", kD}, {"m", kD}, {"d", kD}, {"y2", kD}, {"m2", kD}, {"d2", kD}, {"wd", kD},
    {"ord", kD}, {"rel", kD}, {"dir", kD}, {"part", kD}, {"q", kD}, {"half", kD},
    {"n", kD}, {"n2", kD}, {"hol", kD}, {"season", kD}, {"relq", kD}, {"decade", kD},
    {"lead", kAll}, {"tail", kAll},
};

int group_index(const std::string& name) {
  int gi = -1;
  for (int g = 0; g < kGroups; ++g)
    if (name == kGroupSpecs[g].name) gi = g;
  return gi;
}

// ------------------------------------------------------------ attributes

const std::set<std::string> kAttrs = {"kind",  "currency", "unit",     "scale",    "qualifier", "per",
                                      "relation", "dir",   "part",     "alone",    "after",     "priority",
                                      "min",   "max",      "value",    "case",     "example",   "note"};
const std::set<std::string> kDirs = {"past", "recent", "next", "this", "ahead", "ago", "later", "within",
                                     "next_week"};
const std::set<std::string> kParts = {"start", "end", "mid"};
const std::set<std::string> kRelations = {"by", "from", "since"};
const std::set<std::string> kQualifierNames = {"exact", "approx", "at_least", "at_most", "range", "each"};
const std::set<std::string> kDateUnits = {"y", "q", "m", "w", "d"};

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

// ------------------------------------------------------------ small parsers

bool parse_double(const std::string& s, double* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return *end == '\0';
}

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

bool currency_ok(const std::string& v) {
  if (v.size() < 3) return false;
  for (int i = 0; i < 3; ++i)
    if (v[i] < 'A' || v[i] > 'Z') return false;
  if (v.size() == 3) return true;
  double f;
  return v[3] == ' ' && parse_double(v.substr(4), &f) && f > 0;
}

double clean(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15) return v;
  char b[40];
  std::snprintf(b, sizeof b, "%.15g", v);
  return std::strtod(b, nullptr);
}

double scale_by(double v, double f) {
  if (f > 0 && f < 1) {
    double inv = 1 / f;
    if (std::fabs(inv - std::round(inv)) < 1e-9) return clean(v / std::round(inv));
  }
  return clean(v * f);
}

}  // namespace dealgraph::values::detail
