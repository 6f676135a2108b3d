#include "export/export_table.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "export/export_csv.h"
#include "graph/labels.h"

namespace dealgraph {

namespace {

int char_width(UChar32 c) {
  if (c < 0) return 1;  // an invalid byte: shown as one replacement character
  if (c == 0x200B || c == 0x200D) return 0;  // zero-width space / joiner
  int gc = u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY_MASK);
  if (gc & (U_GC_MN_MASK | U_GC_ME_MASK)) return 0;
  // Hangul jamo medial vowels and final consonants combine with the initial.
  if (c >= 0x1160 && c <= 0x11FF) return 0;
  int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
}

std::string pad(const std::string& s, size_t width, bool right) {
  size_t w = display_width(s);
  std::string fill(width > w ? width - w : 0, ' ');
  return right ? fill + s : s + fill;
}

}  // namespace

size_t display_width(std::string_view s) {
  size_t w = 0;
  int32_t i = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    w += static_cast<size_t>(char_width(c));
  }
  return w;
}

std::string render_text(const Table& t) {
  const size_t n = t.columns.size();
  auto cells = t.rows;
  for (auto& r : cells) {
    r.resize(n);
    for (auto& c : r) c = labels::one_line(c);
  }
  std::vector<size_t> width(n, 0);
  for (size_t i = 0; i < n; ++i) width[i] = display_width(t.columns[i]);
  for (const auto& r : cells)
    for (size_t i = 0; i < n; ++i) width[i] = std::max(width[i], display_width(r[i]));
  auto line = [&](const std::vector<std::string>& r) {
    std::string out;
    for (size_t i = 0; i < n; ++i) {
      bool right = i < t.right.size() && t.right[i];
      out += (i ? "  " : "") + (i + 1 == n && !right ? r[i] : pad(r[i], width[i], right));
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = line(t.columns);
  std::vector<std::string> rule(n);
  for (size_t i = 0; i < n; ++i) rule[i] = std::string(width[i], '-');
  out += line(rule);
  for (const auto& r : cells) out += line(r);
  return out;
}

std::string render_csv(const Table& t, bool excel_safe) {
  const CsvSafe safe = excel_safe ? CsvSafe::Excel : CsvSafe::None;
  std::vector<std::string> head;
  for (const auto& c : t.columns) head.push_back(csv_text(c, safe));
  std::string out = csv_line(head);
  for (const auto& r : t.rows) {
    std::vector<std::string> cells;
    for (size_t i = 0; i < t.columns.size(); ++i) cells.push_back(csv_text(i < r.size() ? r[i] : "", safe));
    out += csv_line(cells);
  }
  return out;
}

}  // namespace dealgraph
