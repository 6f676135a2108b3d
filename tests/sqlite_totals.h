// tests/sqlite_totals.h — reads the output of docs/sql/usd_by_party.sql
// (sqlite3's list mode: "entity|name|amount_usd" per row) into entity →
// amount. A name may hold a newline or a '|' (the golden fixture has one),
// so a row ends where a line ends in "|NUMBER", not at every newline.
#pragma once

#include <map>
#include <regex>
#include <sstream>
#include <string>

namespace dealgraph::testing {

inline std::map<std::string, double> sqlite_totals(const std::string& text) {
  static const std::regex row_end(R"(\|(-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?)$)");
  std::map<std::string, double> out;
  std::istringstream in(text);
  std::string line, row;
  while (std::getline(in, line)) {
    row += row.empty() ? line : "\n" + line;
    std::smatch m;
    if (row.find('|') == std::string::npos || !std::regex_search(row, m, row_end)) continue;
    out[row.substr(0, row.find('|'))] = std::stod(m[1].str());
    row.clear();
  }
  if (!row.empty()) out["(unparsed) " + row] = 0;  // shows up in the size check
  return out;
}

}  // namespace dealgraph::testing
