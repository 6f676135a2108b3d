#include "extractor/values/dates.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace dealgraph::values {

// Howard Hinnant's civil calendar algorithms.
long long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

CivilDate civil_from_days(long long z) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long y = static_cast<long long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return CivilDate{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[m - 1];
}

int iso_weekday(const CivilDate& d) {
  long long z = days_from_civil(d.year, d.month, d.day);
  // 1970-01-01 was a Thursday (4)
  long long w = ((z % 7) + 7 + 3) % 7;  // 0 = Monday
  return static_cast<int>(w) + 1;
}

CivilDate add_days(const CivilDate& d, long long n) {
  return civil_from_days(days_from_civil(d.year, d.month, d.day) + n);
}

CivilDate add_months(const CivilDate& d, int n) {
  long long idx = static_cast<long long>(d.year) * 12 + (d.month - 1) + n;
  int y = static_cast<int>(idx >= 0 ? idx / 12 : (idx - 11) / 12);
  int m = static_cast<int>(idx - static_cast<long long>(y) * 12) + 1;
  int day = d.day;
  if (day > days_in_month(y, m)) day = days_in_month(y, m);
  return CivilDate{y, m, day};
}

std::optional<CivilDate> parse_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto num = [&](size_t a, size_t n, int* out) {
    int v = 0;
    for (size_t i = a; i < a + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
  };
  CivilDate d;
  if (!num(0, 4, &d.year) || !num(5, 2, &d.month) || !num(8, 2, &d.day)) return std::nullopt;
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
  return d;
}

namespace {

std::string fmt_y(int y) {
  char b[32];
  std::snprintf(b, sizeof b, "%04d", y);
  return b;
}
std::string fmt_ym(int y, int m) {
  char b[32];
  std::snprintf(b, sizeof b, "%04d-%02d", y, m);
  return b;
}
std::string fmt_ymd(int y, int m, int d) {
  char b[40];
  std::snprintf(b, sizeof b, "%04d-%02d-%02d", y, m, d);
  return b;
}
std::string fmt(const CivilDate& d) { return fmt_ymd(d.year, d.month, d.day); }

CivilDate week_start(const CivilDate& d) { return add_days(d, -(iso_weekday(d) - 1)); }

CivilDate shift(const CivilDate& d, char unit, long long n) {
  switch (unit) {
    case 'y': return add_months(d, static_cast<int>(12 * n));
    case 'q': return add_months(d, static_cast<int>(3 * n));
    case 'm': return add_months(d, static_cast<int>(n));
    case 'w': return add_days(d, 7 * n);
    default: return add_days(d, n);
  }
}

// The period of `unit` that lies `k` periods from the one holding `ref`:
// its first and last, formatted at the unit's grain.
std::pair<std::string, std::string> period(const CivilDate& ref, char unit, long long k) {
  switch (unit) {
    case 'y': {
      std::string y = fmt_y(ref.year + static_cast<int>(k));
      return {y, y};
    }
    case 'q': {
      long long idx = static_cast<long long>(ref.year) * 4 + (ref.month - 1) / 3 + k;
      int y = static_cast<int>(idx >= 0 ? idx / 4 : (idx - 3) / 4);
      int q = static_cast<int>(idx - static_cast<long long>(y) * 4);
      return {fmt_ym(y, q * 3 + 1), fmt_ym(y, q * 3 + 3)};
    }
    case 'm': {
      CivilDate c = add_months(CivilDate{ref.year, ref.month, 1}, static_cast<int>(k));
      std::string m = fmt_ym(c.year, c.month);
      return {m, m};
    }
    case 'w': {
      CivilDate s = add_days(week_start(ref), 7 * k);
      return {fmt(s), fmt(add_days(s, 6))};
    }
    default: {
      std::string d = fmt(add_days(ref, k));
      return {d, d};
    }
  }
}

// Every year of the result is a plausible calendar year.
bool plausible(const DateValue& d) {
  for (const std::string* s : {&d.value, &d.from, &d.to}) {
    if (s->empty()) continue;
    int y = std::atoi(s->substr(0, 4).c_str());
    if (!plausible_year(y)) return false;
  }
  return !(d.value.empty() && d.from.empty() && d.to.empty());
}

bool is_int(double v) { return v == std::floor(v) && v >= 0 && v < 10000; }

}  // namespace

std::string format_iso_date(const CivilDate& d) { return fmt(d); }

namespace detail {

// ---- a count of units: 향후 5년간, 지난 2달, 3주 전, 삼년안에
std::optional<DateValue> resolve_count(const DateParts& p, const std::optional<CivilDate>& ref) {
  DateValue out;
  out.relation = p.relation;
  if (!ref || !p.unit || !is_int(*p.n) || *p.n < 1) return std::nullopt;
  long long n = static_cast<long long>(*p.n);
  long long n2 = n;
  if (p.n2) {
    if (!is_int(*p.n2) || *p.n2 < *p.n) return std::nullopt;
    n2 = static_cast<long long>(*p.n2);
  }
  const CivilDate& r = *ref;
  if (p.dir == "ago") {
    out.value = fmt(shift(r, p.unit, -n));
  } else if (p.dir == "later") {
    out.value = fmt(shift(r, p.unit, n2));
  } else if (p.dir == "within") {
    // a span that starts at the reference day (3일 이내, within two years), the
    // time left for something to happen; `value` keeps its end, the deadline
    // (relation by), as before spans were given
    out.from = fmt(r);
    out.to = fmt(shift(r, p.unit, n2));
    out.value = out.to;
    if (out.relation.empty()) out.relation = "by";
  } else if (p.dir == "past") {
    out.from = period(r, p.unit, -n2).first;
    out.to = period(r, p.unit, -1).second;
  } else if (p.dir == "next") {
    out.from = period(r, p.unit, 1).first;
    out.to = period(r, p.unit, n2).second;
  } else if (p.dir == "ahead") {
    out.from = period(r, p.unit, 0).first;
    out.to = period(r, p.unit, n2).second;
  } else {
    return std::nullopt;  // a bare duration is not a date
  }
  return out;
}

// ---- a decade: 2020..2029
std::optional<DateValue> resolve_decade(const DateParts& p) {
  DateValue out;
  out.relation = p.relation;
  if (*p.decade % 10 != 0) return std::nullopt;
  out.from = fmt_y(*p.decade);
  out.to = fmt_y(*p.decade + 9);
  return out;
}

// ---- a holiday: its next occurrence (the last one with dir past), or the given year's
std::optional<DateValue> resolve_holiday(const DateParts& p, const std::optional<CivilDate>& ref) {
  DateValue out;
  out.relation = p.relation;
  int mm = std::atoi(p.holiday.substr(0, 2).c_str()), dd = std::atoi(p.holiday.substr(3, 2).c_str());
  if (p.year) {
    if (dd > days_in_month(*p.year, mm)) return std::nullopt;
    out.value = fmt_ymd(*p.year, mm, dd);
    return out;
  }
  if (!ref) return std::nullopt;
  int y = ref->year;
  auto before = [&](int yy) { return days_from_civil(yy, mm, dd) < days_from_civil(ref->year, ref->month, ref->day); };
  if (p.dir == "past") {
    if (!before(y)) --y;
  } else if (before(y)) {
    ++y;
  }
  out.value = fmt_ymd(y, mm, dd);
  return out;
}

// ---- a season: the one under way (a winter wraps into the next year), or the
// one that begins in the year given (2025년 겨울) or named (내년 가을)
std::optional<DateValue> resolve_season(const DateParts& p, const std::optional<CivilDate>& ref) {
  DateValue out;
  out.relation = p.relation;
  int sm = 0, sd = 0, em = 0, ed = 0;
  if (std::sscanf(p.season.c_str(), "%d-%d %d-%d", &sm, &sd, &em, &ed) != 4) return std::nullopt;
  bool wraps = em < sm;
  int y;
  if (p.year) {
    y = *p.year;
  } else if (p.rel_unit == 'y') {
    if (!ref) return std::nullopt;
    y = ref->year + p.rel_offset;  // 내년 가을: the season that begins in that year
  } else {
    if (!ref) return std::nullopt;
    y = ref->year;
    if (wraps && (ref->month < em || (ref->month == em && ref->day <= ed))) --y;
    if (p.dir == "next") ++y;
    if (p.dir == "past") --y;
  }
  out.from = fmt_ymd(y, sm, sd);
  out.to = fmt_ymd(wraps ? y + 1 : y, em, ed);
  return out;
}

// ---- calendar parts: relative word, year, month, day or weekday, period

// A relative word ("지난해", "다음 달", "this week") moves the reference date.
void apply_relative(const DateParts& p, const CivilDate& r, Calendar* c) {
  switch (p.rel_unit) {
    case 'y':
      c->Y = r.year + p.rel_offset;
      c->grain = Calendar::Year;
      c->year_set = true;
      break;
    case 'q': {
      long long idx = static_cast<long long>(r.year) * 4 + (r.month - 1) / 3 + p.rel_offset;
      c->Y = static_cast<int>(idx >= 0 ? idx / 4 : (idx - 3) / 4);
      c->quarter = static_cast<int>(idx - static_cast<long long>(c->Y) * 4) + 1;
      c->year_set = true;
      c->grain = Calendar::Quarter;
      break;
    }
    case 'm': {
      CivilDate m = add_months(CivilDate{r.year, r.month, 1}, p.rel_offset);
      c->Y = m.year;
      c->M = m.month;
      c->grain = Calendar::Month;
      c->year_set = c->month_set = true;
      break;
    }
    case 'w':
      c->wk = add_days(week_start(r), 7LL * p.rel_offset);
      c->grain = Calendar::Week;
      break;
    case 'd': {
      CivilDate d = add_days(r, p.rel_offset);
      c->Y = d.year;
      c->M = d.month;
      c->D = d.day;
      c->grain = Calendar::Day;
      c->year_set = c->month_set = true;
      break;
    }
    default:
      break;
  }
}

// A month without a year is this year's, or the nearest one in `dir`.
bool apply_year_month(const DateParts& p, const CivilDate& r, Calendar* c) {
  if (p.year) {
    c->Y = *p.year;
    c->year_set = true;
    if (c->grain == Calendar::None) c->grain = Calendar::Year;
  }
  if (p.month) {
    c->M = *p.month;
    if (c->M < 1 || c->M > 12) return false;
    if (!c->year_set) {
      c->Y = r.year;
      if (p.dir == "past" && c->M >= r.month) --c->Y;
      if (p.dir == "next" && c->M <= r.month) ++c->Y;
    }
    c->year_set = c->month_set = true;
    c->grain = Calendar::Month;
  }
  return true;
}

// A day of the month alone is in this month, or the nearest month that fits
// (the one whose day falls on the weekday given, when one is).
bool apply_day(const DateParts& p, const CivilDate& r, Calendar* cal) {
  cal->D = *p.day;
  if (cal->D < 1 || cal->D > 31) return false;
  const int D = cal->D;
  if (!cal->month_set && cal->grain != Calendar::Week) {
    CivilDate base{r.year, r.month, 1};
    auto fits = [&](int k, CivilDate* c) {
      CivilDate m = add_months(base, k);
      if (D > days_in_month(m.year, m.month)) return false;
      *c = CivilDate{m.year, m.month, D};
      return true;
    };
    CivilDate c{};
    bool found = false;
    if (p.weekday && *p.weekday > 0) {
      long long best = 1LL << 40;
      for (int k : {0, -1, 1}) {
        CivilDate t;
        if (fits(k, &t) && iso_weekday(t) == *p.weekday) {
          long long dist = std::llabs(days_from_civil(t.year, t.month, t.day) - days_from_civil(r.year, r.month, r.day));
          if (dist < best) {
            best = dist;
            c = t;
            found = true;
          }
        }
      }
    }
    if (!found) {
      int k = 0;
      if (p.dir == "next") {
        k = D >= r.day ? 0 : 1;
      } else if (D > r.day && p.dir.empty()) {
        // still ahead this month: the nearer of this month's and last
        // month's, last month's on a tie (news reports the past)
        CivilDate ahead, back;
        const long long today = days_from_civil(r.year, r.month, r.day);
        const bool a = fits(0, &ahead), b = fits(-1, &back);
        k = a && b && days_from_civil(ahead.year, ahead.month, ahead.day) - today <
                          today - days_from_civil(back.year, back.month, back.day)
                ? 0
                : -1;
      } else {
        k = D <= r.day ? 0 : -1;
      }
      if (!fits(k, &c)) return false;
    }
    cal->Y = c.year;
    cal->M = c.month;
  } else if (cal->grain == Calendar::Week) {
    return false;
  }
  if (D > days_in_month(cal->Y, cal->M)) return false;
  cal->grain = Calendar::Day;
  return true;
}

// The nth (or last) weekday of the month, or day n (-1: the last) with
// weekday 0, e.g. "마지막날".
bool nth_weekday(int Y, int M, int wd, int ord, CivilDate* c) {
  int dim = days_in_month(Y, M);
  if (wd == 0) {
    int day = ord < 0 ? dim + 1 + ord : ord;
    if (day < 1 || day > dim) return false;
    *c = CivilDate{Y, M, day};
  } else if (ord > 0) {
    int first = 1 + (wd - iso_weekday(CivilDate{Y, M, 1}) + 7) % 7;
    int day = first + 7 * (ord - 1);
    if (day > dim) return false;
    *c = CivilDate{Y, M, day};
  } else {
    int last = dim - (iso_weekday(CivilDate{Y, M, dim}) - wd + 7) % 7;
    int day = last + 7 * (ord + 1);
    if (day < 1) return false;
    *c = CivilDate{Y, M, day};
  }
  return true;
}

// A weekday: its day in the week given, the nth of the month, its day in the
// week after the reference week (next_week), or the nearest one before (past)
// or after the reference date.
bool apply_weekday(const DateParts& p, const CivilDate& r, Calendar* cal) {
  int wd = *p.weekday;
  CivilDate c{};
  if (p.ordinal) {
    if (!nth_weekday(cal->Y, cal->M, wd, *p.ordinal, &c)) return false;
  } else if (wd == 0) {
    return false;
  } else if (cal->grain == Calendar::Week) {
    c = add_days(cal->wk, wd - 1);
  } else if (p.dir == "next_week") {
    c = add_days(week_start(r), 7 + wd - 1);  // that weekday of the week after the reference week
  } else {
    int w0 = iso_weekday(r);
    if (p.dir == "past" || p.dir == "recent") {
      // past: the last one before the reference day; recent: on or before it
      // (news "on Monday" tells what happened that day or earlier this week)
      int back = (w0 - wd + 7) % 7;
      if (back == 0 && p.dir == "past") back = 7;
      c = add_days(r, -back);
    } else {
      int ahead = (wd - w0 + 7) % 7;
      if (ahead == 0 && p.dir != "this") ahead = 7;
      c = add_days(r, ahead);
    }
  }
  cal->Y = c.year;
  cal->M = c.month;
  cal->D = c.day;
  cal->grain = Calendar::Day;
  return true;
}

// The calendar parts as a value at their grain, or a quarter or half as a
// span; "the end of the year" narrows the grain to its month.
bool format_calendar(const DateParts& p, Calendar* c, DateValue* out) {
  Calendar& cal = *c;
  if (cal.quarter) {
    int q = *cal.quarter;
    if (q < 1 || q > 4) return false;
    out->from = fmt_ym(cal.Y, q * 3 - 2);
    out->to = fmt_ym(cal.Y, q * 3);
    return true;
  }
  if (p.half) {
    int h = *p.half;
    if (h < 1 || h > 2) return false;
    out->from = fmt_ym(cal.Y, h == 1 ? 1 : 7);
    out->to = fmt_ym(cal.Y, h == 1 ? 6 : 12);
    return true;
  }
  if (cal.grain == Calendar::Year && (p.part == "start" || p.part == "end")) {
    cal.M = p.part == "start" ? 1 : 12;
    cal.grain = Calendar::Month;
  }
  switch (cal.grain) {
    case Calendar::None: return false;
    case Calendar::Year: out->value = fmt_y(cal.Y); break;
    case Calendar::Quarter: return false;  // has a quarter: handled above
    case Calendar::Month: out->value = fmt_ym(cal.Y, cal.M); break;
    case Calendar::Week:  // the week; its end is the weekend, Saturday and Sunday
      out->from = fmt(add_days(cal.wk, p.part == "end" ? 5 : 0));
      out->to = fmt(add_days(cal.wk, 6));
      break;
    case Calendar::Day: out->value = fmt_ymd(cal.Y, cal.M, cal.D); break;
  }
  return true;
}

// ---- the end of a span ("7월 13일 - 15일"): the value becomes its start
bool apply_span_end(const DateParts& p, const Calendar& cal, DateValue* out) {
  if (!p.year2 && !p.month2 && !p.day2) return true;
  int Y2 = p.year2 ? *p.year2 : cal.Y;
  int M2 = p.month2 ? *p.month2 : cal.M;
  if (M2 < 1 || M2 > 12) return false;
  std::string start = out->value.empty() ? out->from : out->value;
  if (p.day2) {
    if (cal.grain != Calendar::Day || *p.day2 < 1 || *p.day2 > days_in_month(Y2, M2)) return false;
    out->to = fmt_ymd(Y2, M2, *p.day2);
  } else if (p.month2) {
    out->to = fmt_ym(Y2, M2);
  } else {
    out->to = fmt_y(Y2);
  }
  if (out->to < start) return false;
  out->from = start;
  out->value.clear();
  return true;
}

// ---- calendar parts, against the reference date (or 1 January of the year given)
std::optional<DateValue> resolve_calendar(const DateParts& p, const std::optional<CivilDate>& ref) {
  DateValue out;
  out.relation = p.relation;
  if (!p.year && !ref) return std::nullopt;
  const CivilDate r = ref ? *ref : CivilDate{*p.year, 1, 1};
  Calendar cal;
  cal.Y = r.year;
  cal.M = r.month;
  cal.D = r.day;
  cal.quarter = p.quarter;
  apply_relative(p, r, &cal);
  if (!apply_year_month(p, r, &cal)) return std::nullopt;
  if (p.day) {
    if (!apply_day(p, r, &cal)) return std::nullopt;
  } else if (p.weekday) {
    if (!apply_weekday(p, r, &cal)) return std::nullopt;
  } else if (p.ordinal) {
    return std::nullopt;  // "the second" of nothing
  }
  if (!format_calendar(p, &cal, &out)) return std::nullopt;
  if (!apply_span_end(p, cal, &out)) return std::nullopt;
  return out;
}

}  // namespace detail

// The forms a date takes, tried in order: the first one the parts have decides.
std::optional<DateValue> resolve_date_inner(const DateParts& p, const std::optional<CivilDate>& ref) {
  if (p.n) return detail::resolve_count(p, ref);
  if (p.decade) return detail::resolve_decade(p);
  if (!p.holiday.empty()) return detail::resolve_holiday(p, ref);
  if (!p.season.empty()) return detail::resolve_season(p, ref);
  return detail::resolve_calendar(p, ref);
}

std::optional<DateValue> resolve_date(const DateParts& p, const std::optional<CivilDate>& ref) {
  auto d = resolve_date_inner(p, ref);
  if (d && !plausible(*d)) return std::nullopt;
  return d;
}

}  // namespace dealgraph::values
