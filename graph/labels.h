// dealgraph/graph/labels.h — short human labels for amounts, capacities and
// dates, and the plain numbers the table exports write.
//
//   short_money({{2e9}, "USD"})                       == "$2B"
//   short_money({{.value=1e11, .qualifier=AtLeast}, "USD"}) == "≥$100B"
//   short_money({{.min=1e9, .max=1e10}, "USD"})       == "$1–10B"
//   short_money({{7e12}, "KRW"})                      == "₩7T"
//   short_power({{6e9}})                              == "6 GW"
//   plain_number(2e9) == "2000000000"   (never an exponent: BI tools and CSV)
//
// One rule for "how big is this deal" lives here (figure()), so filters,
// rankings and pen widths agree: the exact value, else the lower bound of a
// range, else its upper bound.
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/model.h"

namespace dealgraph::labels {

std::string short_money(const Money& m);
std::string short_power(const Power& p);
// "2026-03-02", "2026-01–2026-06", "by 2027", "since 2025-05"; "" when empty.
std::string short_date(const DateValue& d);

// Shortest decimal that reads back as `v`, in fixed notation.
std::string plain_number(double v);

// The figure a deal is compared and ranked by (see above); nullopt when the
// amount states no number.
std::optional<double> figure(const Amount& a);
// figure() of a USD amount; nullopt for other currencies or no amount.
std::optional<double> usd_figure(const std::optional<Money>& m);

// `s` on one line: newlines, tabs and other control characters become one
// space each, so a table cell or a log line stays one line.
std::string one_line(std::string_view s);
// `s` without C0 control characters other than tab and newline (XML 1.0 and
// Graphviz reject them).
std::string printable(std::string_view s);

}  // namespace dealgraph::labels
