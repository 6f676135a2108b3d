#include "graph/labels.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace dealgraph::labels {

namespace {

struct Scale {
  double factor;
  const char* suffix;
};
// Largest first. Amounts are shown in the currency's own units: 7조원 is
// "₩7T", not converted to dollars.
constexpr Scale kScales[] = {{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "K"}, {1, ""}};
struct PowerUnit {
  double factor;
  const char* unit;
};
constexpr PowerUnit kPower[] = {{1e12, "TW"}, {1e9, "GW"}, {1e6, "MW"}, {1e3, "kW"}, {1, "W"}};

const Scale& scale_for(double v) {
  for (const auto& s : kScales)
    if (std::fabs(v) >= s.factor) return s;
  return kScales[4];
}

// Three significant digits, no trailing zeros, no exponent: 2, 1.5, 100, 0.01.
std::string digits(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  std::string s = buf;
  if (s.find('e') != std::string::npos) return plain_number(v);
  return s;
}

// `v` in units of `s`: "2" for 2e9 at B. (999.6e9 stays "999.6B": rare, and
// still exact.)
std::string scaled(double v, const Scale& s) { return digits(v / s.factor); }

std::string symbol(const std::string& currency) {
  if (currency == "USD") return "$";
  if (currency == "KRW") return "₩";
  if (currency == "EUR") return "€";
  if (currency == "JPY") return "¥";
  if (currency == "GBP") return "£";
  if (currency == "CNY") return "CN¥";
  return currency.empty() ? "" : currency + " ";
}

// How one kind of amount is written: "$" + "2" + "B", "" + "6" + " GW".
struct Style {
  std::string prefix;
  bool power = false;
  std::string unit(const Scale& s) const {
    if (!power) return s.suffix;
    for (const auto& p : kPower)
      if (p.factor == s.factor) return std::string(" ") + p.unit;
    return " W";
  }
};

// "$2B", "≥$100B", "$1–10B" (one unit for both ends, chosen by the upper
// one: "$0.5–2B"), "~€500M", "$20 each".
std::string amount_text(const Amount& a, const Style& st) {
  auto one = [&](double v) {
    const Scale& s = scale_for(v);
    return st.prefix + scaled(v, s) + st.unit(s);
  };
  if (a.value) {
    std::string n = one(*a.value);
    switch (a.qualifier) {
      case Qualifier::Approx: return "~" + n;
      case Qualifier::AtLeast: return "≥" + n;
      case Qualifier::AtMost: return "≤" + n;
      case Qualifier::Each: return n + " each";
      default: return n;
    }
  }
  if (a.min && a.max) {
    const Scale& s = scale_for(*a.max);
    return st.prefix + scaled(*a.min, s) + "–" + scaled(*a.max, s) + st.unit(s);
  }
  if (a.min) return "≥" + one(*a.min);
  if (a.max) return "≤" + one(*a.max);
  return "?";
}

}  // namespace

std::string short_money(const Money& m) {
  std::string out = amount_text(m.amount, Style{symbol(m.currency), false});
  if (!m.per.empty()) out += "/" + m.per;
  return out;
}

std::string short_power(const Power& p) { return amount_text(p.amount, Style{"", true}); }

std::string short_date(const DateValue& d) {
  std::string core = d.value;
  if (core.empty() && (!d.from.empty() || !d.to.empty())) {
    if (d.from.empty()) core = "–" + d.to;
    else if (d.to.empty()) core = d.from + "–";
    else core = d.from + "–" + d.to;
  }
  if (core.empty()) return "";
  return d.relation.empty() ? core : d.relation + " " + core;
}

std::string plain_number(double v) {
  if (!std::isfinite(v)) return "";
  char buf[400];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  return std::string(buf, r.ptr);
}

std::optional<double> figure(const Amount& a) {
  if (a.value) return a.value;
  if (a.min) return a.min;
  return a.max;
}

std::optional<double> usd_figure(const std::optional<Money>& m) {
  if (!m || m->currency != "USD" || !m->per.empty()) return std::nullopt;
  return figure(m->amount);
}

std::string one_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? ' ' : c;
  return out;
}

std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 || c == '\t' || c == '\n') out += c;
  }
  return out;
}

}  // namespace dealgraph::labels
