// dealgraph/graph/usd.h — amounts in US dollars, through the yearly rate table
// data/rates/usd.tsv (embedded in the binary; its header says where the rates
// come from).
//
//   const UsdRates& rates = UsdRates::builtin();
//   std::optional<UsdFigure> f = to_usd(deal.amount, "2026-03-02", rates);
//   // ₩7T in 2026 → {usd: 7e12 / 1363.98, rate_year: 2024}
//
// The figure converted is labels::figure() (the exact value, else the lower
// bound of a range, else its upper bound), so rankings and amount_usd agree.
// Year: that of `when` (a deal's date, else its article's); outside the
// table's years the nearest year's rate; no date at all, the latest year.
// No figure: an amount without a number, a price per share, or a currency the
// table does not list. USD itself needs no rate (rate_year 0).
// Thread-safety: builtin() is loaded once (C++ static init); the rest is pure.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/error.h"
#include "core/model.h"

namespace dealgraph {

class UsdRates {
 public:
  // Parses the table; an Error names `path`, the line and what is wrong
  // (a field count other than 3, a non-number, a rate ≤ 0, a duplicate).
  static Result<UsdRates> parse(const std::string& text, const std::string& path);
  // data/rates/usd.tsv as built into the binary (a test loads it).
  static const UsdRates& builtin();

  // Units of `currency` per USD in the year nearest to `year`, and that year.
  std::optional<std::pair<double, int>> rate(const std::string& currency, int year) const;
  int latest_year() const { return latest_; }

 private:
  std::map<std::string, std::map<int, double>> per_usd_;  // currency → year → units per USD
  int latest_ = 0;
};

struct UsdFigure {
  double usd = 0;
  int rate_year = 0;  // the table's year used; 0 for USD amounts
};

std::optional<UsdFigure> to_usd(const std::optional<Money>& m, const std::string& when, const UsdRates& rates);

}  // namespace dealgraph
