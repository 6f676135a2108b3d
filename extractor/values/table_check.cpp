// The value rules' tables: found by role, every value checked where it is
// written, then flattened into the WordTables the engine looks words up in.
#include "extractor/values/table_check.h"

#include <cstdlib>

namespace dealgraph::values::detail {

std::vector<const rules::Table*> TableFamilies::operator()(const std::string& role) const {
  std::vector<const rules::Table*> out;
  for (const auto& n : names_) {
    if (n == role || (n.size() > role.size() + 1 && n.compare(0, role.size(), role) == 0 && n[role.size()] == '_')) {
      if (const rules::Table* t = rs_.table(n)) {
        out.push_back(t);
        served_.insert(n);
      }
    }
  }
  return out;
}

Status check_table(const TableFamilies& family, const char* role, const ValueCheck& valid, const char* expect,
                   WordTable* out) {
  auto tables = family(role);
  for (const rules::Table* t : tables) {
    for (const auto& [k, v] : t->entries) {
      if (!valid(v))
        return Error::at(t->file, family.line_of(*t, k), 1, std::string("table ") + t->name + ": " + expect,
                         k + " = " + v);
    }
  }
  *out = WordTable(tables);
  return {};
}

bool season_ok(const std::string& v) {
  int m, d;
  return v.size() == 11 && v[5] == ' ' && parse_mmdd(v.substr(0, 5), &m, &d) && parse_mmdd(v.substr(6), &m, &d);
}

bool rel_ok(const std::string& v) {
  char u;
  int o;
  std::string p;
  return parse_rel(v, &u, &o, &p);
}

ValueCheck int_in(int lo, int hi) {
  return [lo, hi](const std::string& v) {
    char* end = nullptr;
    long x = std::strtol(v.c_str(), &end, 10);
    return !v.empty() && *end == '\0' && x >= lo && x <= hi;
  };
}

namespace {

ValueCheck in_set(const std::set<std::string>& set) {
  return [&set](const std::string& v) { return set.count(v) > 0; };
}

bool any_value(const std::string&) { return true; }
bool nonempty(const std::string& v) { return !v.empty(); }
bool positive_number(const std::string& v) {
  double d;
  return parse_double(v, &d) && d > 0;
}
bool mmdd_ok(const std::string& v) {
  int m, d;
  return parse_mmdd(v, &m, &d);
}

}  // namespace

Status load_word_tables(const TableFamilies& family, Tagger::Impl* impl) {
  struct Spec {
    const char* role;
    WordTable* out;
    ValueCheck valid;
    const char* expect;
  };
  Tagger::Impl& I = *impl;
  const Spec specs[] = {
      {"currency", &I.currency, currency_ok, "expected an ISO 4217 code, optionally with a factor ('USD 0.01')"},
      {"code_word", &I.code_word, currency_ok, "expected the code as written in capitals ('TOP = TOP')"},
      {"code_name", &I.code_name, currency_ok, "expected the code as written in capitals ('AMD = AMD')"},
      {"qualifier", &I.qualifier, in_set(kQualifierNames), "expected exact, approx, at_least, at_most, range or each"},
      {"per", &I.per, nonempty, "expected what the price is per ('share')"},
      {"power_unit", &I.power_unit, positive_number, "expected the unit's size in watts"},
      {"quantity_unit", &I.quantity_unit, nonempty, "expected a unit name ('shares')"},
      {"follow", &I.follow, any_value, ""},
      {"person_title", &I.person_title, any_value, ""},
      {"month", &I.month, int_in(1, 12), "expected a month number 1..12"},
      {"weekday", &I.weekday, int_in(0, 7), "expected a weekday 1..7 (Monday = 1), or 0 for any day"},
      {"ordinal", &I.ordinal, int_in(-9, 99), "expected an ordinal number (-1 for the last)"},
      {"date_rel", &I.date_rel, rel_ok, "expected UNIT OFFSET [PART], e.g. 'y-1' or 'y0 end' (units y q m w d)"},
      {"date_dir", &I.date_dir, in_set(kDirs), "expected past, recent, next, this, ahead, ago, later or within"},
      {"date_part", &I.date_part, in_set(kParts), "expected start, end or mid"},
      {"date_half", &I.date_half, int_in(1, 2), "expected 1 or 2"},
      {"date_unit", &I.date_unit, in_set(kDateUnits), "expected y, q, m, w or d"},
      {"holiday", &I.holiday, mmdd_ok, "expected MM-DD"},
      {"season", &I.season, season_ok, "expected 'MM-DD MM-DD'"},
      {"date_relation", &I.date_relation, in_set(kRelations), "expected by, from or since"},
  };
  for (const auto& s : specs)
    if (Status st = check_table(family, s.role, s.valid, s.expect, s.out); !st) return st;
  // Without it no Hangul value could be followed by a particle ("10억 달러를").
  if (family("follow").empty())
    return Error::at("rules/values", 0, 0, "missing table 'follow' (the words that may follow a value glued to it)");
  return {};
}

}  // namespace dealgraph::values::detail
