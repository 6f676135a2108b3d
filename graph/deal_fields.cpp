#include "graph/deal_fields.h"

#include <cctype>
#include <cstdio>

#include "graph/groups.h"
#include "graph/labels.h"

namespace dealgraph {

namespace {

bool digits(const std::string& s, size_t from, size_t n) {
  for (size_t i = from; i < from + n; ++i)
    if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

// "year", "month", "day" for the three ISO shapes, else "".
std::string precision(const std::string& d) {
  if (d.size() == 4 && digits(d, 0, 4)) return "year";
  if (d.size() == 7 && digits(d, 0, 4) && d[4] == '-' && digits(d, 5, 2)) return "month";
  if (d.size() == 10 && digits(d, 0, 4) && d[4] == '-' && digits(d, 5, 2) && d[7] == '-' && digits(d, 8, 2))
    return "day";
  return "";
}

int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

}  // namespace

std::string first_day(const std::string& d) {
  const std::string p = precision(d);
  if (p == "year") return d + "-01-01";
  if (p == "month") return d + "-01";
  return p == "day" ? d : "";
}

std::string last_day(const std::string& d) {
  const std::string p = precision(d);
  if (p == "year") return d + "-12-31";
  if (p == "month") {
    char buf[8];
    std::snprintf(buf, sizeof buf, "-%02d", days_in_month(std::stoi(d.substr(0, 4)), std::stoi(d.substr(5, 2))));
    return d + buf;
  }
  return p == "day" ? d : "";
}

DateFields date_fields(const std::optional<DateValue>& d, const std::string& fallback) {
  DateFields f;
  if (d && !d->value.empty()) {
    f = {d->value, precision(d->value), first_day(d->value), last_day(d->value)};
  } else if (d && !d->from.empty()) {  // a span open at its start is dated by its article, as deal_when does
    f = {d->from, "span", first_day(d->from), last_day(d->to)};
  } else if (!fallback.empty()) {
    f = {fallback, precision(fallback), first_day(fallback), last_day(fallback)};
  }
  return f;
}

DateFields group_date_fields(const DealGroup& grp) { return date_fields(grp.date, grp.when); }

AmountFields amount_fields(const std::optional<Money>& m, const std::string& when, const UsdRates& rates) {
  AmountFields a;
  if (!m) return a;
  a.value = m->amount.value;
  a.min = m->amount.min;
  a.max = m->amount.max;
  // "at least $100B" is a lower bound, "up to $100B" an upper one: the bound
  // columns say so, as a range's do
  if (m->amount.qualifier == Qualifier::AtLeast && !a.min) a.min = a.value;
  if (m->amount.qualifier == Qualifier::AtMost && !a.max) a.max = a.value;
  a.currency = m->currency;
  a.qualifier = to_string(m->amount.qualifier);
  a.per = m->per;
  a.label = labels::short_money(*m);
  if (auto u = to_usd(m, when, rates)) {
    a.usd = u->usd;
    a.rate_year = u->rate_year;
  }
  return a;
}

}  // namespace dealgraph
