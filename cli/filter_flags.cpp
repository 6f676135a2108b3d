#include "cli/filter_flags.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <sstream>
#include <string_view>

namespace dealgraph::cli {

namespace {
Error bad(const std::string& what) { return Error::at("", 0, 0, what); }
}  // namespace

void add_filter_specs(std::vector<Options::Spec>* specs, bool with_focus) {
  for (const char* name : {"--since", "--until", "--min-amount"}) specs->push_back({name, true});
  specs->push_back({"--type", true, true});
  specs->push_back({"--status", true, true});
  if (!with_focus) return;
  specs->push_back({"--focus", true});
  specs->push_back({"--depth", true});
  specs->push_back({"--no-chips", false});
}

Result<std::set<DealType>> parse_types(const std::string& list) {
  std::set<DealType> out;
  std::stringstream ss(list);
  std::string t;
  while (std::getline(ss, t, ',')) {
    if (t.empty()) continue;
    auto dt = deal_type_from(t);
    if (!dt)
      return bad("unknown deal type '" + t +
                 "' (investment, acquisition, purchase, lease, partnership, "
                 "contract, manufacturing, approval, fund, facility)");
    out.insert(*dt);
  }
  return out;
}

namespace {
// The words --status takes beside the statuses themselves.
constexpr const char* kUnstated = "unstated";  // Deal::status ""
constexpr const char* kAll = "all";

std::string known_statuses() {
  std::string out;
  for (const auto& s : deal_statuses()) out += s + ", ";
  return out + kUnstated + ", " + kAll;
}
}  // namespace

Result<std::set<std::string>> parse_statuses(const std::string& list) {
  std::set<std::string> out;
  bool all = false;
  std::stringstream ss(list);
  for (std::string s; std::getline(ss, s, ',');) {
    if (s.empty()) continue;
    const auto& known = deal_statuses();
    if (s == kAll) all = true;
    else if (s == kUnstated) out.insert("");
    else if (std::find(known.begin(), known.end(), s) != known.end()) out.insert(s);
    else return bad("unknown status '" + s + "' (" + known_statuses() + ")");
  }
  if (all) out.clear();
  if (!all && out.empty()) return bad("--status needs a status (" + known_statuses() + ")");
  return out;
}

std::set<std::string> statuses_but_failed() {
  std::set<std::string> out{""};
  for (const auto& s : deal_statuses())
    if (s != "failed") out.insert(s);
  return out;
}

// The statuses of --status (the lists of every use, joined), else the
// verb's default. An empty value ("--status=") counts as not given, as for
// the other filter flags.
Result<std::set<std::string>> statuses_from(const Options& o, StatusDefault defaults) {
  std::vector<std::string> lists;
  for (const auto& list : o.all("--status"))
    if (!list.empty()) lists.push_back(list);
  if (lists.empty()) return defaults == StatusDefault::All ? std::set<std::string>{} : statuses_but_failed();
  std::set<std::string> out;
  for (const auto& list : lists) {
    auto s = parse_statuses(list);
    if (!s) return s.error();
    if (s->empty()) return std::set<std::string>{};  // "all" anywhere shows every deal
    out.insert(s->begin(), s->end());
  }
  return out;
}

bool valid_date_bound(const std::string& s) {
  static const char* const kShapes[] = {"dddd", "dddd-dd", "dddd-dd-dd"};
  bool shaped = false;
  for (const char* shape : kShapes) {
    std::string_view sh(shape);
    if (s.size() != sh.size()) continue;
    bool ok = true;
    for (size_t i = 0; i < s.size() && ok; ++i)
      ok = sh[i] == 'd' ? std::isdigit(static_cast<unsigned char>(s[i])) != 0 : s[i] == sh[i];
    shaped = shaped || ok;
  }
  if (!shaped || s.size() == 4) return shaped;
  // A month the calendar has, and a day that month has.
  const int year = std::stoi(s.substr(0, 4)), month = std::stoi(s.substr(5, 2));
  if (month < 1 || month > 12) return false;
  if (s.size() == 7) return true;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int day = std::stoi(s.substr(8, 2));
  return day >= 1 && day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

Result<int> parse_depth(const std::string& s) {
  char* end = nullptr;
  long d = std::strtol(s.c_str(), &end, 10);
  if (s.empty() || *end || d < 1 || d > 1000) return bad("--depth must be a whole number from 1, not '" + s + "'");
  return static_cast<int>(d);
}

Result<double> parse_min_amount(const std::string& s) {
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (s.empty() || *end || !std::isfinite(v) || v < 0)
    return bad("--min-amount must be a number of US dollars such as 1e9, not '" + s + "'");
  return v;
}

Result<Filter> filter_from(const Options& o, StatusDefault defaults) {
  // An empty value ("--since=") counts as the option not given.
  auto given = [&](const char* flag) { return !o.get(flag).empty(); };
  Filter f;
  f.focus = o.get("--focus");
  f.no_chips = o.has("--no-chips");
  if (given("--depth")) {
    if (f.focus.empty()) return bad("--depth needs --focus");
    auto d = parse_depth(o.get("--depth"));
    if (!d) return d.error();
    f.depth = *d;
  }
  for (const auto& list : o.all("--type")) {
    auto t = parse_types(list);
    if (!t) return t.error();
    f.types.insert(t->begin(), t->end());
  }
  auto statuses = statuses_from(o, defaults);
  if (!statuses) return statuses.error();
  f.statuses = std::move(*statuses);
  for (const char* flag : {"--since", "--until"})
    if (given(flag) && !valid_date_bound(o.get(flag)))
      return bad(std::string(flag) + " '" + o.get(flag) + "' is not a date YYYY, YYYY-MM or YYYY-MM-DD");
  f.since = o.get("--since");
  f.until = o.get("--until");
  // The first day --since allows against the last day --until allows; as
  // strings, "2026-02-31" stands for the end of February well enough.
  if (!f.since.empty() && !f.until.empty()) {
    const std::string first = f.since + std::string("-01-01").substr(f.since.size() - 4);
    const std::string last = f.until + std::string("-12-31").substr(f.until.size() - 4);
    if (first > last) return bad("--since '" + f.since + "' is later than --until '" + f.until + "'");
  }
  if (given("--min-amount")) {
    auto v = parse_min_amount(o.get("--min-amount"));
    if (!v) return v.error();
    f.min_amount = *v;
  }
  return f;
}

}  // namespace dealgraph::cli
