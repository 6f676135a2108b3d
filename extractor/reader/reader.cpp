#include "extractor/reader/reader.h"

#include <re2/re2.h>

#include <cstdio>

#include "core/utf8.h"

namespace dealgraph {

namespace {

std::string_view trim_view(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

// "https://...", "<https://...>", "www.example.com/..." -> the URL, else "".
std::string as_url(std::string_view s) {
  s = trim_view(s);
  if (s.size() > 2 && s.front() == '<' && s.back() == '>') s = s.substr(1, s.size() - 2);
  s = trim_view(s);
  if (s.empty() || s.find(' ') != std::string_view::npos) return "";
  if (s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0 || s.rfind("www.", 0) == 0)
    return std::string(s);
  return "";
}

}  // namespace

Result<std::string> decode_text(const std::string& source, const std::string& raw) {
  if (raw.empty()) {
    Error e;
    e.file = source;
    e.message = "empty input: nothing to read";
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
  size_t i = 0;
  if (raw.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
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
  auto set = rules::RuleSet::load(res, "rules/reader");
  if (!set) return set.error();
  if (Status st = set->require_tables("rules/reader", {"content_label", "url_label", "source_prefix", "month_en"}); !st) return st.error();
  Reader r;
  r.rules_ = std::move(*set);
  return r;
}

Result<ReadDocument> Reader::read(const std::string& source, const std::string& raw) const {
  auto decoded = decode_text(source, raw);
  if (!decoded) return decoded.error();
  ReadDocument doc;
  doc.source = source;
  doc.text = std::move(*decoded);
  const std::string& text = doc.text;

  struct L {
    size_t start, end;
    std::string_view t;  // trimmed
  };
  std::vector<L> lines;
  for (size_t pos = 0; pos <= text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    lines.push_back({pos, nl, trim_view(std::string_view(text).substr(pos, nl - pos))});
    if (nl == text.size()) break;
    pos = nl + 1;
  }
  const auto& content_label = rules_.need_table("content_label");
  const auto& url_label = rules_.need_table("url_label");
  const auto& source_prefix = rules_.need_table("source_prefix");
  const auto& month_en = rules_.need_table("month_en");

  enum Kind { kBlank, kText, kDate, kContent, kUrlLabel, kSource, kUrl, kToc };
  std::vector<Kind> kind(lines.size(), kText);
  std::vector<std::string> date_of(lines.size()), url_of(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view t = lines[i].t;
    if (t.empty()) { kind[i] = kBlank; continue; }
    if (content_label.find_loose(t)) { kind[i] = kContent; continue; }
    if (url_label.find_loose(t)) { kind[i] = kUrlLabel; continue; }
    if (std::string u = as_url(t); !u.empty()) { kind[i] = kUrl; url_of[i] = u; continue; }
    // "출처: https://..." / "URL : www..." on one line
    if (size_t colon = t.find(':'); colon != std::string_view::npos && colon < 20) {
      std::string_view head = trim_view(t.substr(0, colon));
      std::string u = as_url(t.substr(colon + 1));
      if (!u.empty() && source_prefix.find_loose(head)) { kind[i] = kSource; url_of[i] = u; continue; }
    }
    for (const auto& rule : rules_.rules()) {
      if (rule.name == "toc_heading") {
        if (RE2::PartialMatch(t, *rule.re)) kind[i] = kToc;
        continue;
      }
      const RE2& re = *rule.re;
      std::vector<re2::StringPiece> g(re.NumberOfCapturingGroups() + 1);
      if (!re.Match(t, 0, t.size(), RE2::ANCHOR_BOTH, g.data(), static_cast<int>(g.size()))) continue;
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
      if (y > 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        kind[i] = kDate;
        date_of[i] = buf;
        break;
      }
    }
  }
  auto prev_nonblank = [&](size_t i) -> long {
    for (long j = static_cast<long>(i) - 1; j >= 0; --j)
      if (kind[j] != kBlank) return j;
    return -1;
  };
  // Anchors: (headline line, date line or -1).
  std::vector<std::pair<long, long>> anchors;
  for (size_t i = 0; i < lines.size(); ++i) {
    long h = -1, date = -1;
    if (kind[i] == kDate) {
      h = prev_nonblank(i);
      date = static_cast<long>(i);
    } else if (kind[i] == kContent) {
      long p = prev_nonblank(i);
      if (p >= 0 && kind[p] == kDate) continue;  // already anchored at the date
      h = p;
    } else {
      continue;
    }
    if (h < 0 || kind[h] != kText) continue;
    std::string_view ht = lines[h].t;
    if (ht.find_first_not_of("0123456789. ") == std::string_view::npos) continue;  // a list number
    if (!anchors.empty() && anchors.back().first >= h) continue;
    anchors.emplace_back(h, date);
  }
  // No dated articles: a digest split by its "출처:" lines, else one article.
  if (anchors.empty()) {
    long start = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
      if (kind[i] != kSource) continue;
      long h = start;
      while (h < static_cast<long>(i) && kind[h] == kBlank) ++h;
      if (h < static_cast<long>(i)) anchors.emplace_back(h, -1);
      start = static_cast<long>(i) + 1;
    }
  }
  const bool plain = anchors.empty();
  if (plain) {
    long h = 0;
    while (h < static_cast<long>(lines.size()) && kind[h] == kBlank) ++h;
    if (h < static_cast<long>(lines.size())) anchors.emplace_back(h, -1);
  }

  for (size_t k = 0; k < anchors.size(); ++k) {
    const long h = anchors[k].first, date = anchors[k].second;
    const long stop = k + 1 < anchors.size() ? anchors[k + 1].first : static_cast<long>(lines.size());
    Article a;
    a.id = "A" + std::to_string(doc.articles.size() + 1);
    a.source = source;
    std::string_view headline = lines[h].t;
    a.headline = std::string(plain ? utf8::clip(headline, 200) : headline);
    const size_t hstart = static_cast<size_t>(lines[h].t.data() - text.data());
    if (!plain) a.headline_span = {hstart, hstart + headline.size()};
    if (date >= 0) a.date = date_of[date];
    size_t last_end = hstart + headline.size();
    long body_from = plain ? h : (date >= 0 ? date + 1 : h + 1);
    long para_start = -1, para_last = -1;
    auto offset_of = [&](long i) { return static_cast<size_t>(lines[i].t.data() - text.data()); };
    auto close_para = [&]() {
      if (para_start < 0) return;
      size_t s = offset_of(para_start);
      size_t e = offset_of(para_last) + lines[para_last].t.size();
      a.paragraphs.push_back({s, e});
      last_end = e;
      para_start = -1;
    };
    for (long i = body_from; i < stop; ++i) {
      if (kind[i] == kText || kind[i] == kToc || (kind[i] == kDate && i != date)) {
        if (para_start < 0) para_start = i;
        para_last = i;
        continue;
      }
      close_para();
      if (kind[i] == kUrlLabel) { last_end = lines[i].end; continue; }
      if (kind[i] == kUrl || kind[i] == kSource) {
        if (!a.url) a.url = url_of[i];
        last_end = offset_of(i) + lines[i].t.size();
        if (!plain) break;  // the URL ends the article
      }
    }
    close_para();
    a.span = {hstart, std::max(last_end, hstart)};
    doc.articles.push_back(std::move(a));
  }
  return doc;
}

}  // namespace dealgraph
