#include "extractor/reader/layout_steps.h"

#include "core/settings.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdio>

#include "core/utf8.h"

namespace dealgraph::reader_steps {

namespace {

std::string_view trim_view(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// ------------------------------------------------------------ rule roles

bool has_group(const rules::Rule& r, const char* name) {
  return r.re->NamedCapturingGroups().count(name) > 0;
}

Status sort_rule_by_role(const rules::Rule& r, Layout* layout) {
  const std::string role = r.attr("role");
  if (role == "toc") {
    layout->toc_rules.push_back(&r);
    return {};
  }
  if (role != "date")
    return Error::at(r.file, r.line, 1, "rule " + r.name + ": role must be 'date' or 'toc'", role);
  if (!has_group(r, "y") || !has_group(r, "d") || (!has_group(r, "m") && !has_group(r, "mon")))
    return Error::at(r.file, r.line, 1,
                     "rule " + r.name + ": a date rule needs the groups (?P<y>), (?P<d>) and (?P<m>) or (?P<mon>)");
  layout->date_rules.push_back(&r);
  return {};
}

// ------------------------------------------------------------ line kinds

// "출처: https://..." / "URL : www..." on one line: the URL, else "".
std::string source_line_url(std::string_view t, const Layout& layout) {
  size_t colon = t.find(':');
  if (colon == std::string_view::npos || colon >= layout.settings.source_colon_limit) return "";
  std::string_view head = trim_view(t.substr(0, colon));
  std::string url = as_url(t.substr(colon + 1), layout);
  return !url.empty() && layout.source_prefix->find_loose(head) ? url : "";
}

bool is_toc_heading(std::string_view t, const Layout& layout) {
  for (const rules::Rule* r : layout.toc_rules)
    if (RE2::PartialMatch(t, *r->re)) return true;
  return false;
}

// The date of a whole-line match of a date rule, else nullopt.
std::optional<std::string> date_by_rule(std::string_view t, const RE2& re, const rules::Table& month_en) {
  std::vector<re2::StringPiece> g(re.NumberOfCapturingGroups() + 1);
  if (!re.Match(t, 0, t.size(), RE2::ANCHOR_BOTH, g.data(), static_cast<int>(g.size()))) return std::nullopt;
  int y = 0, m = 0, d = 0;
  for (const auto& [name, idx] : re.NamedCapturingGroups()) {
    std::string v(g[idx].data(), g[idx].size());
    if (v.empty()) continue;
    if (name == "y") y = std::stoi(v);
    else if (name == "m") m = std::stoi(v);
    else if (name == "d") d = std::stoi(v);
    else if (name == "mon") {
      const std::string* mv = month_en.find_loose(v);
      m = mv ? std::stoi(*mv) : 0;
    }
  }
  if (y <= 0 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  char buf[40];  // room for any int, though y has 4 digits
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return std::string(buf);
}

// ------------------------------------------------------------ anchors

long prev_nonblank(const std::vector<LineClass>& classes, size_t i) {
  for (long j = static_cast<long>(i) - 1; j >= 0; --j)
    if (classes[j].kind != LineKind::kBlank) return j;
  return -1;
}

bool is_list_number(std::string_view t) { return t.find_first_not_of("0123456789. ") == std::string_view::npos; }

// Headline + date line pairs; a content label with no date line before it
// anchors at the line before it.
std::vector<Anchor> dated_anchors(const std::vector<Line>& lines, const std::vector<LineClass>& classes) {
  std::vector<Anchor> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    long h = -1, date = -1;
    if (classes[i].kind == LineKind::kDate) {
      h = prev_nonblank(classes, i);
      date = static_cast<long>(i);
    } else if (classes[i].kind == LineKind::kContent) {
      long p = prev_nonblank(classes, i);
      if (p >= 0 && classes[p].kind == LineKind::kDate) continue;  // already anchored at the date
      h = p;
    } else {
      continue;
    }
    if (h < 0 || classes[h].kind != LineKind::kText) continue;
    if (is_list_number(lines[h].t)) continue;
    if (!out.empty() && out.back().headline >= h) continue;
    out.push_back({h, date});
  }
  return out;
}

// A digest: each article ends at its "출처: URL" line.
std::vector<Anchor> digest_anchors(const std::vector<LineClass>& classes) {
  std::vector<Anchor> out;
  long start = 0;
  for (size_t i = 0; i < classes.size(); ++i) {
    if (classes[i].kind != LineKind::kSource) continue;
    long h = start;
    while (h < static_cast<long>(i) && classes[h].kind == LineKind::kBlank) ++h;
    if (h < static_cast<long>(i)) out.push_back({h, -1});
    start = static_cast<long>(i) + 1;
  }
  return out;
}

// ------------------------------------------------------------ articles

size_t offset_of(const std::string& text, const Line& l) { return static_cast<size_t>(l.t.data() - text.data()); }

bool is_body_line(const LineClass& c, long i, long date) {
  return c.kind == LineKind::kText || c.kind == LineKind::kToc || (c.kind == LineKind::kDate && i != date);
}

// Paragraphs (runs of body lines), the URL, and the end of the article.
void collect_body(const std::string& text, const std::vector<Line>& lines, const std::vector<LineClass>& classes,
                  long from, long stop, long date, bool plain, Article* a, size_t* last_end) {
  long para_start = -1, para_last = -1;
  auto close_para = [&]() {
    if (para_start < 0) return;
    size_t s = offset_of(text, lines[para_start]);
    size_t e = offset_of(text, lines[para_last]) + lines[para_last].t.size();
    a->paragraphs.push_back({s, e});
    *last_end = e;
    para_start = -1;
  };
  for (long i = from; i < stop; ++i) {
    const LineClass& c = classes[i];
    if (is_body_line(c, i, date)) {
      if (para_start < 0) para_start = i;
      para_last = i;
      continue;
    }
    close_para();
    if (c.kind == LineKind::kUrlLabel) {
      *last_end = lines[i].end;
      continue;
    }
    if (c.kind == LineKind::kUrl || c.kind == LineKind::kSource) {
      if (!a->url) a->url = c.url;
      *last_end = offset_of(text, lines[i]) + lines[i].t.size();
      if (!plain) break;  // the URL ends the article
    }
  }
  close_para();
}

}  // namespace

Result<Settings> read_settings(const rules::Table& table) {
  return dealgraph::read_settings<Settings>(
      table, {{"source_colon_limit", &Settings::source_colon_limit, 1}, {"plain_headline_bytes", &Settings::plain_headline_bytes, 1},
                {"max_line_kb", &Settings::max_line_kb, 1}, {"max_article_kb", &Settings::max_article_kb, 1}});
}

const std::vector<std::string>& layout_tables() {
  static const std::vector<std::string> kTables = {"content_label", "url_label", "source_prefix", "url_start",
                                                   "month_en",      "date_lead", "settings"};
  return kTables;
}

Result<std::shared_ptr<const Layout>> load_layout(rules::RuleSet set, const std::string& folder) {
  if (Status st = set.require_tables(folder, layout_tables()); !st)
    return st.error();
  auto layout = std::make_shared<Layout>();
  layout->set = std::move(set);
  const rules::RuleSet& s = layout->set;
  layout->content_label = &s.need_table("content_label");
  layout->url_label = &s.need_table("url_label");
  layout->source_prefix = &s.need_table("source_prefix");
  layout->url_start = &s.need_table("url_start");
  layout->month_en = &s.need_table("month_en");
  auto settings = read_settings(s.need_table("settings"));
  if (!settings) return settings.error();
  layout->settings = *settings;
  for (const rules::Rule& r : s.rules())
    if (Status st = sort_rule_by_role(r, layout.get()); !st) return st.error();
  return std::shared_ptr<const Layout>(std::move(layout));
}

std::vector<Line> split_lines(const std::string& text) {
  std::vector<Line> lines;
  for (size_t pos = 0; pos <= text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    lines.push_back({pos, nl, trim_view(std::string_view(text).substr(pos, nl - pos))});
    if (nl == text.size()) break;
    pos = nl + 1;
  }
  return lines;
}

std::string as_url(std::string_view s, const Layout& layout) {
  s = trim_view(s);
  if (s.size() > 2 && s.front() == '<' && s.back() == '>') s = s.substr(1, s.size() - 2);
  s = trim_view(s);
  if (s.empty() || s.find(' ') != std::string_view::npos) return "";
  return layout.url_start->longest_prefix(s) > 0 ? std::string(s) : "";
}

std::optional<std::string> date_of_line(std::string_view t, const Layout& layout) {
  for (const rules::Rule* r : layout.date_rules)
    if (auto date = date_by_rule(t, *r->re, *layout.month_en)) return date;
  return std::nullopt;
}

LineClass classify_line(std::string_view t, const Layout& layout) {
  LineClass c;
  if (t.empty()) c.kind = LineKind::kBlank;
  else if (layout.content_label->find_loose(t)) c.kind = LineKind::kContent;
  else if (layout.url_label->find_loose(t)) c.kind = LineKind::kUrlLabel;
  else if (c.url = as_url(t, layout); !c.url.empty()) c.kind = LineKind::kUrl;
  else if (c.url = source_line_url(t, layout); !c.url.empty()) c.kind = LineKind::kSource;
  else if (auto date = date_of_line(t, layout)) {
    c.kind = LineKind::kDate;
    c.date = *date;
  } else if (is_toc_heading(t, layout)) {
    c.kind = LineKind::kToc;
  }
  return c;
}

Anchors find_anchors(const std::vector<Line>& lines, const std::vector<LineClass>& classes) {
  Anchors out;
  out.list = dated_anchors(lines, classes);
  if (out.list.empty()) out.list = digest_anchors(classes);  // no dated articles: a digest?
  if (!out.list.empty()) return out;
  out.plain = true;  // one article from the first non-blank line
  long h = 0;
  while (h < static_cast<long>(lines.size()) && classes[h].kind == LineKind::kBlank) ++h;
  if (h < static_cast<long>(lines.size())) out.list.push_back({h, -1});
  return out;
}

Article build_article(const std::string& text, const std::vector<Line>& lines,
                      const std::vector<LineClass>& classes, Anchor anchor, long stop, bool plain,
                      const Settings& settings) {
  Article a;
  const Line& head = lines[anchor.headline];
  a.headline = std::string(plain ? utf8::clip(head.t, settings.plain_headline_bytes) : head.t);
  const size_t hstart = offset_of(text, head);
  if (!plain) a.headline_span = {hstart, hstart + head.t.size()};
  if (anchor.date >= 0) a.date = classes[anchor.date].date;
  size_t last_end = hstart + head.t.size();
  const long body_from = plain ? anchor.headline : (anchor.date >= 0 ? anchor.date + 1 : anchor.headline + 1);
  collect_body(text, lines, classes, body_from, stop, anchor.date, plain, &a, &last_end);
  a.span = {hstart, std::max(last_end, hstart)};
  return a;
}

}  // namespace dealgraph::reader_steps
