#include "extractor/reader/reader.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <set>

#include "core/rule_set.h"
#include "core/utf8.h"
#include "extractor/reader/layout_steps.h"
#include "extractor/reader/sentences.h"

namespace dealgraph {

namespace {

bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

// The name of the Unicode encoding whose byte-order mark `raw` starts with,
// other than UTF-8's; nullptr when none. UTF-32LE's mark begins with
// UTF-16LE's, so the longer marks are tried first.
const char* foreign_bom(const std::string& raw) {
  static const struct {
    const char* bytes;
    size_t size;
    const char* name;
  } kMarks[] = {{"\xFF\xFE\x00\x00", 4, "UTF-32"},
                {"\x00\x00\xFE\xFF", 4, "UTF-32"},
                {"\xFF\xFE", 2, "UTF-16"},
                {"\xFE\xFF", 2, "UTF-16"}};
  for (const auto& m : kMarks)
    if (raw.size() >= m.size && raw.compare(0, m.size, m.bytes, m.size) == 0) return m.name;
  return nullptr;
}

}  // namespace

Result<std::string> decode_text(const std::string& source, const std::string& raw) {
  const bool utf8_bom = raw.compare(0, 3, "\xEF\xBB\xBF") == 0;
  if (raw.empty() || (utf8_bom && raw.size() == 3)) {
    Error e;
    e.file = source;
    e.message = raw.empty() ? "empty input: nothing to read"
                            : "empty input: nothing to read after the UTF-8 byte-order mark";
    return e;
  }
  if (const char* enc = foreign_bom(raw)) {
    Error e;
    e.file = source;
    e.message = std::string(enc) + " text (byte-order mark at offset 0): convert it to UTF-8";
    return e;
  }
  if (size_t nul = raw.find('\0'); nul != std::string::npos) {
    Error e;
    e.file = source;
    e.offset = static_cast<long long>(nul);
    e.message = "binary data (a NUL byte), not text";
    return e;
  }
  if (size_t bad = utf8::find_invalid(raw); bad != std::string::npos) {
    Error e;
    e.file = source;
    e.offset = static_cast<long long>(bad);
    int line, col;
    utf8::line_col(raw, bad, &line, &col);
    e.line = line;
    e.column = col;
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(raw[bad]));
    e.message = "invalid UTF-8 at byte " + std::to_string(bad) + " (" + hex + ")";
    return e;
  }
  std::string out;
  out.reserve(raw.size());
  size_t i = utf8_bom ? 3 : 0;
  for (; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '\r') {
      if (i + 1 < raw.size() && raw[i + 1] == '\n') continue;
      out += '\n';
      continue;
    }
    if (c == '\\' && i + 1 < raw.size() && is_ascii_punct(raw[i + 1])) {
      out += raw[++i];
      continue;
    }
    out += c;
  }
  return out;
}

Result<Reader> Reader::load(const Resources& res) {
  const std::string folder = "rules/reader";
  auto set = rules::RuleSet::load(res, folder);
  if (!set) return set.error();
  // The folder holds the layout's tables and the sentence splitter's.
  std::set<std::string> read_by_engine(reader_steps::layout_tables().begin(), reader_steps::layout_tables().end());
  read_by_engine.insert(SentenceSplitter::tables().begin(), SentenceSplitter::tables().end());
  if (Status st = set->check_unknown_tables(read_by_engine); !st) return st.error();
  auto layout = reader_steps::load_layout(std::move(*set), folder);
  if (!layout) return layout.error();
  Reader r;
  r.layout_ = std::move(*layout);
  return r;
}

namespace {

// An Error at the first byte past `max_bytes` of the first line longer than
// that, naming the line; nullopt when every line fits.
std::optional<Error> overlong_line(const std::string& source, const std::string& raw, size_t max_kb) {
  const size_t max_bytes = max_kb * 1024;
  size_t start = 0;
  for (int line = 1; start < raw.size(); ++line) {
    size_t end = raw.find('\n', start);
    if (end == std::string::npos) end = raw.size();
    if (end - start > max_bytes) {
      Error e;
      e.file = source;
      e.offset = static_cast<long long>(start + max_bytes);
      e.message = "line " + std::to_string(line) + " is longer than " + std::to_string(max_kb) +
                  " KB (setting max_line_kb of rules/reader/layout.rules): split it into lines or paragraphs";
      return e;
    }
    start = end + 1;
  }
  return std::nullopt;
}

// An Error at the first line of `a` when its text (headline to last
// paragraph) is longer than `max_kb`; nullopt when it fits.
std::optional<Error> overlong_article(const std::string& source, const std::string& text, const Article& a,
                                      size_t max_kb) {
  size_t from = a.headline_span.size() ? a.headline_span.start : text.size(), to = a.headline_span.end;
  for (const Span& p : a.paragraphs) {
    from = std::min(from, p.start);
    to = std::max(to, p.end);
  }
  if (from >= to || to - from <= max_kb * 1024) return std::nullopt;
  Error e;
  e.file = source;
  int col;
  utf8::line_col(text, from, &e.line, &col);
  e.message = "the article starting on this line is longer than " + std::to_string(max_kb) +
              " KB (setting max_article_kb of rules/reader/layout.rules): split the file into articles or files";
  return e;
}

}  // namespace

Result<ReadDocument> Reader::read(const std::string& source, const std::string& raw) const {
  auto decoded = decode_text(source, raw);
  if (!decoded) return decoded.error();
  if (auto e = overlong_line(source, raw, layout_->settings.max_line_kb)) return *e;
  ReadDocument doc;
  doc.source = source;
  doc.text = std::move(*decoded);
  const std::vector<reader_steps::Line> lines = reader_steps::split_lines(doc.text);
  std::vector<reader_steps::LineClass> classes;
  classes.reserve(lines.size());
  for (const auto& line : lines) classes.push_back(reader_steps::classify_line(line.t, *layout_));
  const reader_steps::Anchors anchors = reader_steps::find_anchors(lines, classes);
  for (size_t k = 0; k < anchors.list.size(); ++k) {
    const long stop = k + 1 < anchors.list.size() ? anchors.list[k + 1].headline : static_cast<long>(lines.size());
    Article a = reader_steps::build_article(doc.text, lines, classes, anchors.list[k], stop, anchors.plain,
                                      layout_->settings);
    if (auto e = overlong_article(source, doc.text, a, layout_->settings.max_article_kb)) return *e;
    a.id = "A" + std::to_string(doc.articles.size() + 1);
    a.source = source;
    doc.articles.push_back(std::move(a));
  }
  return doc;
}

}  // namespace dealgraph
