// dealgraph/extractor/reader/layout_steps.h — the steps of Reader::read.
//
// Internal to the reader (exposed for its unit tests; other stages use
// reader.h). Reader::read runs, in order:
//
//   split_lines     decoded text -> lines, each trimmed of spaces and tabs
//   classify_line   one line -> blank, text, date line, content label, URL
//                   label, URL, "출처: URL" source line or contents heading
//   find_anchors    lines -> (headline, date) pairs where articles start
//   build_article   one anchor and the lines up to the next -> an Article
//
// Everything language-specific comes from the Layout: the tables and rules
// of rules/reader/layout.rules, each rule with its `role` (date | toc), and
// the named numbers of its `settings` table. A Layout is immutable after
// load_layout and shared by every copy of a Reader.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/model.h"
#include "core/resources.h"
#include "core/rule_set.h"

namespace dealgraph::reader_steps {

// The named numbers of `table settings` (rules/reader/layout.rules).
struct Settings {
  size_t source_colon_limit = 0;    // "출처: URL": the colon's byte index is below this
  size_t plain_headline_bytes = 0;  // plain text: the display headline is cut to this
  size_t max_line_kb = 0;           // a longer line is an error (Reader::read)
  size_t max_article_kb = 0;        // a longer article is an error (Reader::read)
};

// Reads `table settings` (core/settings.h): every setting present, a whole
// number in 1..100000, no unknown name; an error names the entry's line.
Result<Settings> read_settings(const rules::Table& table);

struct Layout {
  rules::RuleSet set;
  const rules::Table* content_label = nullptr;
  const rules::Table* url_label = nullptr;
  const rules::Table* source_prefix = nullptr;
  const rules::Table* url_start = nullptr;
  const rules::Table* month_en = nullptr;
  std::vector<const rules::Rule*> date_rules;  // role: date, in file order
  std::vector<const rules::Rule*> toc_rules;   // role: toc
  Settings settings;
};

// Checks the tables (require_tables), every rule's role and a date rule's
// groups (y, d and m or mon), and the settings. `folder` names the set in
// errors about a missing table; other errors carry file:line.
// The tables the layout reads in code (load_layout requires them all).
const std::vector<std::string>& layout_tables();
Result<std::shared_ptr<const Layout>> load_layout(rules::RuleSet set, const std::string& folder);

struct Line {
  size_t start = 0, end = 0;  // the line in the text, without its '\n'
  std::string_view t;         // the line trimmed of spaces and tabs
};

// One entry per line of `text`, a last line without '\n' included.
std::vector<Line> split_lines(const std::string& text);

enum class LineKind { kBlank, kText, kDate, kContent, kUrlLabel, kSource, kUrl, kToc };

struct LineClass {
  LineKind kind = LineKind::kText;
  std::string date;  // kDate: YYYY-MM-DD
  std::string url;   // kUrl, kSource
};

// "https://...", "<https://...>", "www..." (a key of url_start begins it,
// no space inside) -> the URL, else "".
std::string as_url(std::string_view s, const Layout& layout);
// A date line's date as YYYY-MM-DD (the first date rule that matches the
// whole line with a valid day and month), else nullopt.
std::optional<std::string> date_of_line(std::string_view t, const Layout& layout);
// What one trimmed line is.
LineClass classify_line(std::string_view t, const Layout& layout);

struct Anchor {
  long headline = -1;  // line index
  long date = -1;      // line index of its date line, -1 when none
};
struct Anchors {
  std::vector<Anchor> list;
  bool plain = false;  // no layout found: one article, the whole text
};

// Headline + date line (or content label) pairs; else a digest cut at its
// source lines; else the first non-blank line of plain text.
Anchors find_anchors(const std::vector<Line>& lines, const std::vector<LineClass>& classes);

// The article from `anchor` up to line `stop` (the next anchor's headline).
// Id and source are left to the caller.
Article build_article(const std::string& text, const std::vector<Line>& lines,
                      const std::vector<LineClass>& classes, Anchor anchor, long stop, bool plain,
                      const Settings& settings);

}  // namespace dealgraph::reader_steps
