// A Value's data from one match: the rule's groups are looked up in the word
// tables and read by the number parser, the rule's attributes fill in what
// the text did not say. A value that cannot be built is no value (nullopt):
// the caller then tries a shorter reading of the same rule.
#include <cmath>
#include <cstdlib>
#include <utility>

#include "extractor/values/dates.h"
#include "extractor/values/tagger_impl.h"

namespace dealgraph::values {

using namespace detail;  // NOLINT: the group names g_* are this file's words

// ------------------------------------------------------------ amounts

namespace {

// Every number of the amount is finite: a value too large for a double
// (1e300 "억 달러") is no value, never infinity.
bool all_finite(const Amount& a) {
  for (const std::optional<double>* v : {&a.value, &a.min, &a.max})
    if (*v && !std::isfinite(**v)) return false;
  return true;
}

}  // namespace

std::optional<Amount> Tagger::Impl::amount(const CompiledRule& r, const re2::StringPiece* caps,
                                           double factor) const {
  auto grp = [&](G g) { return group_text(r, caps, g); };
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
    if (auto whole = grp(g_whole)) {  // 삼과 사분의 일 = 3 + 1/4
      auto w = numbers.parse(*whole);
      if (!w || w->vague) return std::nullopt;
      a.value = clean(w->lo + *a.value);
    }
  } else if (auto n2s = grp(g_num2)) {
    auto n2 = numbers.parse(*n2s);
    if (!n2 || n1->vague || n2->vague) return std::nullopt;
    double lo = n1->lo;
    // "1~2억": the scale of the second number applies to the first
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
  if (!all_finite(a)) return std::nullopt;
  return a;
}

// ------------------------------------------------------------ money

namespace {

// The currency the cur2/cur groups name (cur2 first: "US$" over "$"), or the
// rule's; false when the cur group holds a word no currency table knows.
bool money_currency(const CompiledRule& r, const re2::StringPiece* caps, const WordTable& currency,
                    std::string* code, double* factor) {
  *code = r.currency;
  *factor = r.currency_factor;
  for (G g : {g_cur2, g_cur}) {
    auto t = group_text(r, caps, g);
    if (!t) continue;
    const std::string* v = currency.find(*t);
    if (!v) {
      if (g == g_cur) return false;
      continue;
    }
    *code = v->substr(0, 3);
    *factor = 1;
    if (v->size() > 3) parse_double(v->substr(4), factor);
    return true;
  }
  return true;
}

// The sub-unit added to the amount ("3달러 50센트" = 3.5); false when the
// sub-unit cannot be read.
bool add_subunit(const CompiledRule& r, const re2::StringPiece* caps, const WordTable& currency,
                 const NumberParser& numbers, Amount* a) {
  auto sub = group_text(r, caps, g_sub);
  if (!sub) return true;
  if (!a->value) return false;
  auto s = numbers.parse(*sub);
  if (!s || s->vague || s->lo >= 100) return false;
  double sf = 0.01;
  if (auto sc = group_text(r, caps, g_subcur)) {
    const std::string* v = currency.find(*sc);
    if (!v || v->size() <= 3) return false;
    parse_double(v->substr(4), &sf);  // only the factor: "3 CAD 3 cents" are Canadian cents
  }
  a->value = clean(*a->value + scale_by(s->lo, sf));
  return std::isfinite(*a->value);
}

// True when the cur group, written before the figure, is a key of table
// `code_word` as written ("TOP 5", "ALL 3"): a word that is also an ISO code
// is a currency only after a figure ("40 TOP").
bool word_before_figure(const CompiledRule& r, const re2::StringPiece* caps, const WordTable& code_word) {
  auto cur = group_text(r, caps, g_cur);
  auto num = group_text(r, caps, g_num);
  if (!cur || !num || cur->data() > num->data()) return false;
  const std::string* v = code_word.find(*cur);
  return v && std::string_view(*v) == *cur;  // the table's spelling: capitals
}

// True when the cur group is, as written, a key of table `code_name`: a
// code that is a company's name in this domain ("160 million AMD shares").
bool name_not_code(const CompiledRule& r, const re2::StringPiece* caps, const WordTable& code_name) {
  auto cur = group_text(r, caps, g_cur);
  if (!cur) return false;
  const std::string* v = code_name.find(*cur);
  return v && std::string_view(*v) == *cur;
}

}  // namespace

std::optional<ValueData> Tagger::Impl::build_money(const CompiledRule& r, const re2::StringPiece* caps) const {
  std::string code;
  double factor;
  if (word_before_figure(r, caps, code_word) || name_not_code(r, caps, code_name)) return std::nullopt;
  if (!money_currency(r, caps, currency, &code, &factor)) return std::nullopt;
  if (code.empty()) return std::nullopt;
  auto a = amount(r, caps, factor * r.scale);
  if (!a) return std::nullopt;
  if (!add_subunit(r, caps, currency, numbers, &*a)) return std::nullopt;
  Money m;
  m.amount = *a;
  m.currency = code;
  m.per = r.per;
  if (auto p = group_text(r, caps, g_per)) {
    const std::string* v = per.find(*p);
    if (!v) return std::nullopt;
    m.per = *v;
  }
  return m;
}

// ------------------------------------------------------------ power, quantity

std::optional<ValueData> Tagger::Impl::build_power(const CompiledRule& r, const re2::StringPiece* caps) const {
  // watts per unit: the first unit group's, else the unit: attribute's
  double f = 0;
  for (G g : {g_unit, g_unit2}) {
    if (auto t = group_text(r, caps, g)) {
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

std::optional<ValueData> Tagger::Impl::build_quantity(const CompiledRule& r, const re2::StringPiece* caps) const {
  // the unit: attribute, else the first unit group's name
  std::string unit = r.unit;
  if (unit.empty()) {
    for (G g : {g_unit, g_unit2}) {
      if (auto t = group_text(r, caps, g)) {
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

// ------------------------------------------------------------ dates

namespace {

// Reads a date rule's groups into DateParts. Each step reads some groups and
// returns false when one holds what no table or number reading accepts.
class DateReader {
 public:
  DateReader(const Tagger::Impl& impl, const CompiledRule& r, const re2::StringPiece* caps, DateParts* p)
      : I_(impl), r_(r), caps_(caps), p_(*p) {}

  // y, yy, y2, decade, m, m2, d, d2: calendar numbers.
  bool calendar_numbers() {
    if (auto t = grp(g_y); t && !year_of(*t, &p_.year)) return false;
    if (auto t = grp(g_yy); t && !two_digit_year(*t, &p_.year)) return false;
    if (auto t = grp(g_y2); t && !year_of(*t, &p_.year2)) return false;
    if (auto t = grp(g_decade); t && !(t->size() == 2 ? two_digit_decade(*t, &p_.decade) : year_of(*t, &p_.decade)))
      return false;
    if (auto t = grp(g_m); t && !month_of(*t, &p_.month)) return false;
    if (auto t = grp(g_m2); t && !month_of(*t, &p_.month2)) return false;
    if (auto t = grp(g_d); t && !day_of(*t, &p_.day)) return false;
    if (auto t = grp(g_d2); t && !day_of(*t, &p_.day2)) return false;
    return true;
  }

  // wd, ord, rel, dir, part: words of the date tables; the rule's dir: and
  // part: hold unless a group says otherwise.
  bool relative_words() {
    if (auto t = grp(g_wd); t && !table_int(I_.weekday, *t, &p_.weekday)) return false;
    if (auto t = grp(g_ord); t && !table_int(I_.ordinal, *t, &p_.ordinal)) return false;
    if (auto t = grp(g_rel)) {
      const std::string* v = I_.date_rel.find(*t);
      std::string part;
      if (!v || !parse_rel(*v, &p_.rel_unit, &p_.rel_offset, &part)) return false;
      if (!part.empty()) p_.part = part;
    }
    p_.dir = r_.dir;
    if (auto t = grp(g_dir); t && !table_word(I_.date_dir, *t, &p_.dir)) return false;
    if (!r_.part.empty()) p_.part = r_.part;
    if (auto t = grp(g_part); t && !table_word(I_.date_part, *t, &p_.part)) return false;
    return true;
  }

  // q, half: a quarter (an ordinal word or a number) and a half-year.
  bool periods() {
    if (auto t = grp(g_q)) {
      if (const std::string* v = I_.ordinal.find(*t)) {
        p_.quarter = std::atoi(v->c_str());
      } else {
        int q;
        if (!int_of(*t, &q)) return false;
        p_.quarter = q;
      }
    }
    if (auto t = grp(g_half); t && !table_int(I_.date_half, *t, &p_.half)) return false;
    return true;
  }

  // n, n2, unit: a count of units ("향후 5년간").
  bool counts() {
    for (auto [g, out] : {std::pair<G, std::optional<double>*>{g_n, &p_.n}, {g_n2, &p_.n2}}) {
      if (auto t = grp(g)) {
        auto n = I_.numbers.parse(*t);
        if (!n || n->vague) return false;
        *out = n->lo;
      }
    }
    if (auto t = grp(g_unit)) {
      const std::string* v = I_.date_unit.find(*t);
      if (!v) return false;
      p_.unit = (*v)[0];
    }
    return true;
  }

  // hol, season, relq: named days, seasons and by/from/since.
  bool named() {
    if (auto t = grp(g_hol); t && !table_word(I_.holiday, *t, &p_.holiday)) return false;
    if (auto t = grp(g_season); t && !table_word(I_.season, *t, &p_.season)) return false;
    p_.relation = r_.relation;
    if (auto t = grp(g_relq); t && !table_word(I_.date_relation, *t, &p_.relation)) return false;
    return true;
  }

 private:
  std::optional<std::string_view> grp(G g) const { return group_text(r_, caps_, g); }

  // A whole number 0..9999 in digits or words.
  bool int_of(std::string_view t, int* out) const {
    auto n = I_.numbers.parse(t);
    if (!n || n->vague || n->lo != std::floor(n->lo) || n->lo < 0 || n->lo > 9999) return false;
    *out = static_cast<int>(n->lo);
    return true;
  }
  // Two digits: 00-68 are 20xx, 69-99 19xx (the POSIX pivot).
  bool two_digit_year(std::string_view t, std::optional<int>* out) const {
    int yy;
    if (t.size() != 2 || !int_of(t, &yy) || yy > 99) return false;
    *out = yy <= 68 ? 2000 + yy : 1900 + yy;
    return true;
  }
  // A decade of two digits ("60년대", "80년대"): the 1900s' unless it is one
  // begun by the reference era (00, 10, 20); decades to come are written in
  // full (2030년대), so 30..90 are the last century's.
  bool two_digit_decade(std::string_view t, std::optional<int>* out) const {
    int yy;
    if (t.size() != 2 || !int_of(t, &yy) || yy > 99) return false;
    *out = yy <= 20 ? 2000 + yy : 1900 + yy;
    return true;
  }
  bool year_of(std::string_view t, std::optional<int>* out) const {
    int y;
    if (!int_of(t, &y) || !plausible_year(y)) return false;
    *out = y;
    return true;
  }
  // A month name of the month tables, or a number 1..12.
  bool month_of(std::string_view t, std::optional<int>* out) const {
    if (const std::string* v = I_.month.find(t)) {
      *out = std::atoi(v->c_str());
      return true;
    }
    int m;
    if (!int_of(t, &m) || m < 1 || m > 12) return false;
    *out = m;
    return true;
  }
  bool day_of(std::string_view t, std::optional<int>* out) const {
    int d;
    if (!int_of(t, &d) || d < 1 || d > 31) return false;
    *out = d;
    return true;
  }
  static bool table_int(const WordTable& table, std::string_view t, std::optional<int>* out) {
    const std::string* v = table.find(t);
    if (!v) return false;
    *out = std::atoi(v->c_str());
    return true;
  }
  static bool table_word(const WordTable& table, std::string_view t, std::string* out) {
    const std::string* v = table.find(t);
    if (!v) return false;
    *out = *v;
    return true;
  }

  const Tagger::Impl& I_;
  const CompiledRule& r_;
  const re2::StringPiece* caps_;
  DateParts& p_;
};

}  // namespace

std::optional<ValueData> Tagger::Impl::build_date(const CompiledRule& r, const re2::StringPiece* caps,
                                                  const std::optional<CivilDate>& ref) const {
  DateParts p;
  DateReader read(*this, r, caps, &p);
  if (!read.calendar_numbers() || !read.relative_words() || !read.periods() || !read.counts() || !read.named())
    return std::nullopt;
  auto d = resolve_date(p, ref);
  if (!d) return std::nullopt;
  return *d;
}

// ------------------------------------------------------------ any kind

std::optional<ValueData> Tagger::Impl::build(const CompiledRule& r, const re2::StringPiece* caps,
                                             const std::optional<CivilDate>& ref) const {
  switch (r.kind) {
    case Kind::Money: return build_money(r, caps);
    case Kind::Power: return build_power(r, caps);
    case Kind::Quantity: return build_quantity(r, caps);
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
    case Kind::Date: return build_date(r, caps, ref);
  }
  return std::nullopt;
}

}  // namespace dealgraph::values
