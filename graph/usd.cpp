#include "graph/usd.h"

#include <cstdlib>
#include <iostream>
#include <sstream>

#include "core/resources.h"
#include "graph/labels.h"

namespace dealgraph {

namespace {

const char kPath[] = "data/rates/usd.tsv";

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::string cell;
  std::istringstream in(line);
  while (std::getline(in, cell, '\t')) out.push_back(cell);
  return out;
}

std::optional<double> number(const std::string& s) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (*end) return std::nullopt;
  return v;
}

}  // namespace

Result<UsdRates> UsdRates::parse(const std::string& text, const std::string& path) {
  UsdRates r;
  std::istringstream in(text);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    auto bad = [&](const std::string& what) { return Error::at(path, n, 1, what, line); };
    auto cells = split_tabs(line);
    if (cells.size() != 3) return bad("expected currency, year and rate separated by tabs");
    if (cells[0].size() != 3) return bad("currency must be a 3-letter ISO 4217 code");
    auto year = number(cells[1]);
    auto rate = number(cells[2]);
    if (!year || *year < 1900 || *year > 2200 || *year != static_cast<int>(*year)) return bad("bad year");
    if (!rate || !(*rate > 0)) return bad("rate must be a number above 0");
    if (!r.per_usd_[cells[0]].emplace(static_cast<int>(*year), *rate).second) return bad("duplicate currency and year");
    r.latest_ = std::max(r.latest_, static_cast<int>(*year));
  }
  return r;
}

const UsdRates& UsdRates::builtin() {
  static const UsdRates rates = [] {
    const Resources res = Resources::embedded();
    const std::string* text = res.find(kPath);
    auto r = parse(text ? *text : std::string(), kPath);
    // The table is built into the binary and checked by a test: failing here
    // is a broken build, not bad input.
    if (!r || !text) {
      std::cerr << "dealgraph: built-in " << kPath << " is missing or broken\n";
      std::abort();
    }
    return *r;
  }();
  return rates;
}

std::optional<std::pair<double, int>> UsdRates::rate(const std::string& currency, int year) const {
  auto it = per_usd_.find(currency);
  if (it == per_usd_.end() || it->second.empty()) return std::nullopt;
  const auto& years = it->second;
  auto y = years.lower_bound(year);
  if (y == years.end()) y = std::prev(years.end());  // after the table: its last year
  // before the table, lower_bound gives its first year already
  return std::make_pair(y->second, y->first);
}

std::optional<UsdFigure> to_usd(const std::optional<Money>& m, const std::string& when, const UsdRates& rates) {
  if (!m || !m->per.empty()) return std::nullopt;
  auto f = labels::figure(m->amount);
  if (!f) return std::nullopt;
  if (m->currency == "USD") return UsdFigure{*f, 0};
  int year = rates.latest_year();
  if (when.size() >= 4) {
    auto y = number(when.substr(0, 4));
    if (y) year = static_cast<int>(*y);
  }
  auto r = rates.rate(m->currency, year);
  if (!r) return std::nullopt;
  return UsdFigure{*f / r->first, r->second};
}

}  // namespace dealgraph
