// dealgraph/extractor/values/dates.h — calendar arithmetic and date resolution.
//
// A DateParts is what a date rule's groups said, already looked up in the date
// tables (no words left); resolve() turns it into a DateValue against a
// reference date. The semantics are documented in docs/values.md ("Dates").
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "core/model.h"
#include "extractor/values/tagger.h"

namespace dealgraph::values {

// The years a date may have: a figure outside them is not read as a year.
// One limit for the tagger and the resolver.
constexpr int kMinYear = 1, kMaxYear = 2999;  // 845년 is a year
inline bool plausible_year(int y) { return y >= kMinYear && y <= kMaxYear; }

// Days since 1970-01-01 (proleptic Gregorian).
long long days_from_civil(int y, int m, int d);
CivilDate civil_from_days(long long z);
int days_in_month(int y, int m);
int iso_weekday(const CivilDate& d);  // Monday = 1 .. Sunday = 7
CivilDate add_days(const CivilDate& d, long long n);
CivilDate add_months(const CivilDate& d, int n);  // day clamped to the month's length

struct DateParts {
  std::optional<int> year, month, day;    // absolute parts (year already four digits)
  std::optional<int> year2, month2, day2; // the end of a span ("7월 13일 - 15일")
  std::optional<int> weekday;             // 1..7, or 0 for "any day" (마지막날)
  std::optional<int> ordinal;             // 1.., or -1 for the last
  char rel_unit = 0;                      // y q m w d: a relative word ("지난해" = y -1)
  int rel_offset = 0;
  std::string dir;       // past | next | this | ahead | ago | later | within | "" (direction word)
  std::string part;      // start | end | mid
  std::optional<int> quarter, half;
  std::optional<double> n, n2;  // a count of `unit`s ("향후 5년간")
  char unit = 0;                // y q m w d
  std::string holiday;          // "MM-DD"
  std::string season;           // "MM-DD MM-DD"
  std::optional<int> decade;    // 2020 for "2020년대", "the 2020s"
  std::string relation;         // by | from | since
};

// nullopt when the parts do not make a date (day 31 of February, nothing set)
// or when they need `ref` and there is none.
std::optional<DateValue> resolve_date(const DateParts& p, const std::optional<CivilDate>& ref);

// The steps of resolve_date, one per form a date takes; exposed for tests.
namespace detail {

// The calendar parts read so far: a grain and the year, month, day at it.
struct Calendar {
  enum Grain { None, Year, Quarter, Month, Week, Day } grain = None;
  int Y = 0, M = 0, D = 0;
  bool year_set = false, month_set = false;
  std::optional<int> quarter;
  CivilDate wk{};  // the Monday of a week (grain Week)
};

std::optional<DateValue> resolve_count(const DateParts& p, const std::optional<CivilDate>& ref);    // p.n set
std::optional<DateValue> resolve_decade(const DateParts& p);                                        // p.decade set
std::optional<DateValue> resolve_holiday(const DateParts& p, const std::optional<CivilDate>& ref);  // p.holiday set
std::optional<DateValue> resolve_season(const DateParts& p, const std::optional<CivilDate>& ref);   // p.season set
std::optional<DateValue> resolve_calendar(const DateParts& p, const std::optional<CivilDate>& ref);
void apply_relative(const DateParts& p, const CivilDate& ref, Calendar* c);
bool apply_year_month(const DateParts& p, const CivilDate& ref, Calendar* c);
bool apply_day(const DateParts& p, const CivilDate& ref, Calendar* c);
bool nth_weekday(int year, int month, int weekday, int ordinal, CivilDate* out);
bool apply_weekday(const DateParts& p, const CivilDate& ref, Calendar* c);
bool format_calendar(const DateParts& p, Calendar* c, DateValue* out);
bool apply_span_end(const DateParts& p, const Calendar& c, DateValue* out);

}  // namespace detail

}  // namespace dealgraph::values
