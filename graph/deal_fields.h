// dealgraph/graph/deal_fields.h — a deal's date and amount as the columns a
// BI tool reads: ISO days and plain numbers, one owner for every table and
// query that writes them (docs/outputs.md, "BI columns").
//
//   DateFields d = date_fields(deal.date, article_date);
//   // {date "2026-01", grain "span", start "2026-01-01", end "2026-06-30"}
//   AmountFields a = amount_fields(deal.amount, d.date);
//   // {value 7e12, currency "KRW", qualifier "at_least", usd 5.13e9, rate_year 2024, label "≥₩7T"}
//
// Grains: "day", "month", "year" (the date's own precision), "span" (a
// from..to span; an open end leaves date_end empty), "" when there is no
// date. `date` is groups.h's deal_when: the value, else the span's start,
// else the fallback (the article's date). start/end are the first and last day the date can mean.
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>

#include "core/model.h"
#include "graph/usd.h"

namespace dealgraph {

struct DateFields {
  std::string date;   // as shown elsewhere: the value, else the span's start ("" when none)
  std::string grain;  // day | month | year | span | ""
  std::string start, end;  // YYYY-MM-DD; "" when unknown
};

// The deal's own date when it has one, else `fallback` (its article's date).
DateFields date_fields(const std::optional<DateValue>& d, const std::string& fallback);
// First and last day of "YYYY", "YYYY-MM" or "YYYY-MM-DD"; "" for other text.
std::string first_day(const std::string& date);
std::string last_day(const std::string& date);

struct AmountFields {
  std::optional<double> value, min, max;
  std::string currency, qualifier, per;
  std::optional<double> usd;  // to_usd(): the figure in US dollars
  int rate_year = 0;          // the rate table's year used; 0 for USD or none
  std::string label;          // the short form for people: "≥₩7T", "$2B each"
};

// `when` picks the rate's year (graph/usd.h). No amount: every field empty.
// A deal group's: its date (groups.h) and amount, the rate of its date's year.
struct DealGroup;
DateFields group_date_fields(const DealGroup& grp);

AmountFields amount_fields(const std::optional<Money>& m, const std::string& when,
                           const UsdRates& rates = UsdRates::builtin());

}  // namespace dealgraph
