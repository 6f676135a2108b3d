#include "extractor/reader/sentences.h"

#include "core/settings.h"
#include "core/utf8.h"

namespace dealgraph {

namespace {

constexpr const char* kFolder = "rules/reader";

bool is_gap(char c) { return c == ' ' || c == '\n'; }

// The word before a period starts after one of these.
bool starts_word_after(char c) { return c == ' ' || c == '(' || c == '\n'; }

bool is_initial(std::string_view word) {
  return word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z';
}

// Keys of month_en that begin a longer key of the same month: "Jan"
// (January), "Sep" and "Sept" (September); not "May".
std::vector<std::string> month_shortenings(const rules::Table& month_en) {
  std::vector<std::string> out;
  for (const auto& [key, month] : month_en.entries)
    for (const auto& [other, other_month] : month_en.entries)
      if (other_month == month && other.size() > key.size() && other.compare(0, key.size(), key) == 0) {
        out.push_back(key);
        break;
      }
  return out;
}

}  // namespace

const std::vector<std::string>& SentenceSplitter::tables() {
  static const std::vector<std::string> kTables = {"sentence_end", "closing_quote", "abbreviation", "month_en",
                                                     "sentence_settings"};
  return kTables;
}

Result<SentenceSplitter> SentenceSplitter::load(const Resources& res) {
  auto set = rules::RuleSet::load(res, kFolder);
  if (!set) return set.error();
  return from_rules(*set, kFolder);
}

Result<SentenceSplitter> SentenceSplitter::from_rules(const rules::RuleSet& set,
                                                      const std::string& folder) {
  if (Status st = set.require_tables(folder, tables()); !st)
    return st.error();
  const rules::Table& ends = set.need_table("sentence_end");
  if (ends.entries.empty())
    return Error::at(ends.file, ends.line, 1, "table sentence_end: no marks, so no sentence would ever end");
  SentenceSplitter s;
  for (const auto& [mark, kind] : ends.entries) {
    if (!kind.empty() && kind != "period")
      return Error::at(ends.file, ends.line, 1, "table sentence_end: '" + mark + "' may only have the value 'period'", kind);
    s.marks_.push_back({mark, kind == "period"});
    s.first_byte_[static_cast<unsigned char>(mark[0])] = true;
  }
  for (const auto& [quote, unused] : set.need_table("closing_quote").entries) s.quotes_.push_back(quote);
  for (const auto& [word, unused] : set.need_table("abbreviation").entries) s.keep_open_.insert(word);
  for (const auto& word : month_shortenings(set.need_table("month_en"))) s.keep_open_.insert(word);
  auto settings = read_settings<Settings>(set.need_table("sentence_settings"),
                                          {{"title_line_share", &Settings::title_line_share, 1, 100},
                                           {"title_line_wrap_test", &Settings::title_line_wrap_test, 0, 1},
                                           {"label_line_max", &Settings::label_line_max, 0, 64}});
  if (!settings) return settings.error();
  s.settings_ = *settings;
  return s;
}

bool SentenceSplitter::keeps_open(std::string_view word) const {
  return keep_open_.count(word) > 0 || is_initial(word);
}

const SentenceSplitter::Mark* SentenceSplitter::mark_at(std::string_view text, size_t at, size_t end) const {
  if (!first_byte_[static_cast<unsigned char>(text[at])]) return nullptr;
  const Mark* best = nullptr;
  for (const Mark& m : marks_)
    if (m.text.size() <= end - at && text.compare(at, m.text.size(), m.text) == 0 &&
        (!best || m.text.size() > best->text.size()))
      best = &m;
  return best;
}

size_t SentenceSplitter::quote_at(std::string_view text, size_t at, size_t end) const {
  size_t best = 0;
  for (const std::string& q : quotes_)
    if (q.size() > best && q.size() <= end - at && text.compare(at, q.size(), q) == 0) best = q.size();
  return best;
}

bool SentenceSplitter::free_after(std::string_view text, size_t after, size_t end) const {
  return after >= end || is_gap(text[after]) || quote_at(text, after, end) > 0;
}

namespace {

// The longest line of the region, in bytes: what a title line is measured against.
size_t longest_line(std::string_view text, Span region) {
  size_t longest = 0;
  for (size_t from = region.start; from < region.end;) {
    size_t nl = text.find('\n', from);
    if (nl == std::string_view::npos || nl > region.end) nl = region.end;
    longest = std::max(longest, nl - from);
    from = nl + 1;
  }
  return longest;
}

// Would the next line's first word have fitted on the line that ends at
// `nl`? A wrapping editor moves a word down only when it does not fit, and no
// line is longer than the width, so when the line plus the next line's first
// word is no longer than the next line, the break was not a wrap.
bool next_word_would_fit(std::string_view text, size_t nl, size_t line_start, Span region) {
  size_t next_end = text.find('\n', nl + 1);
  if (next_end == std::string_view::npos || next_end > region.end) next_end = region.end;
  size_t word_end = nl + 1;
  while (word_end < next_end && text[word_end] != ' ') ++word_end;
  return (nl - line_start) + 1 + (word_end - nl - 1) <= next_end - nl - 1;
}

// Does a field label ("Parties: ", "Value: ", "본문: ") of at most `max`
// bytes start the line at `at`? A label holds no sentence punctuation and is
// followed by a colon and a space.
bool label_starts_at(std::string_view text, size_t at, size_t max, Span region) {
  if (at >= region.end || text[at] == ' ' || (text[at] >= 'a' && text[at] <= 'z')) return false;
  for (size_t i = at; i < region.end && i <= at + max; ++i) {
    const char c = text[i];
    if (c == ':') return i > at + 1 && i + 1 < region.end && text[i + 1] == ' ';
    if (c == '\n' || c == '.' || c == ',' || c == ';' || c == '!' || c == '?' || c == '"') return false;
  }
  return false;
}

}  // namespace

bool SentenceSplitter::title_line_ends_at(std::string_view text, size_t nl, size_t line_start, size_t longest,
                                          Span region) const {
  if (nl <= line_start || nl + 1 >= region.end) return false;
  const size_t length = nl - line_start;
  const bool short_line = length * 100 < longest * settings_.title_line_share;
  const bool before_label =
      settings_.label_line_max && label_starts_at(text, nl + 1, settings_.label_line_max, region);
  if (!short_line && !before_label &&
      !(settings_.title_line_wrap_test && next_word_would_fit(text, nl, line_start, region)))
    return false;
  // the line ends with no mark: a mark before the break ends it anyway
  size_t last = nl;
  while (last > line_start && text[last - 1] == ' ') --last;
  if (last == line_start || mark_at(text, last - 1, nl)) return false;
  const char next = text[nl + 1];
  return !(next >= 'a' && next <= 'z') && next != ' ' && next != '\n';
}

std::vector<Span> SentenceSplitter::split(std::string_view text, Span region) const {
  std::vector<Span> out;
  size_t start = region.start;
  const size_t longest = settings_.title_line_share ? longest_line(text, region) : 0;
  size_t line_start = region.start;
  for (size_t i = region.start; i < region.end; ++i) {
    if (text[i] == '\n') {
      // "Meta takes 49% of Scale AI for $14.3bn\nNon-voting stake values ...":
      // a title or bullet line is a sentence of its own
      if (settings_.title_line_share && i > start && title_line_ends_at(text, i, line_start, longest, region)) {
        out.push_back({start, i});
        start = i + 1;
      }
      line_start = i + 1;
      continue;
    }
    const Mark* mark = mark_at(text, i, region.end);
    if (!mark) continue;
    size_t after = i + mark->text.size();
    if (!free_after(text, after, region.end)) continue;  // "0.01", "U.S.-based"
    if (mark->period) {
      size_t w = i;
      while (w > start && !starts_word_after(text[w - 1])) --w;
      if (keeps_open(text.substr(w, i - w))) continue;  // "Inc.", "Sept.", "J."
    }
    while (size_t q = after < region.end ? quote_at(text, after, region.end) : 0) after += q;
    out.push_back({start, after});
    while (after < region.end && is_gap(text[after])) {
      if (text[after] == '\n') line_start = after + 1;
      ++after;
    }
    start = after;
    i = after - 1;  // the loop steps to `after`
  }
  if (start < region.end) out.push_back({start, region.end});
  return out;
}

namespace {

bool is_lower_ascii(char32_t c) { return c >= 'a' && c <= 'z'; }
bool is_upper_ascii(char32_t c) { return c >= 'A' && c <= 'Z'; }

// The end of the chunk that starts at `cs`: a newline, just after a
// sentence end, or the last space once the chunk reaches kMaxValueChunk.
size_t chunk_end(std::string_view text, size_t cs) {
  size_t ce = cs;
  size_t last_space = std::string_view::npos;
  while (ce < text.size() && text[ce] != '\n') {
    char c = text[ce];
    if ((c == '.' || c == '!' || c == '?') && ce > cs && ce + 2 < text.size() && text[ce + 1] == ' ') {
      size_t plen;
      char32_t p = utf8::decode_before(text, ce, &plen);
      size_t k = ce + 1;
      while (k < text.size() && text[k] == ' ') ++k;
      size_t nlen;
      char32_t nx = k < text.size() ? utf8::decode(text, k, &nlen) : 0;
      bool end = utf8::is_hangul(p) || (is_lower_ascii(p) && (is_upper_ascii(nx) || utf8::is_hangul(nx)));
      if (end) return ce + 1;
    }
    if (c == ' ') last_space = ce;
    if (ce - cs >= kMaxValueChunk && last_space != std::string_view::npos && last_space > cs) return last_space;
    ++ce;
  }
  return ce;
}

}  // namespace

std::vector<Span> value_chunks(std::string_view text) {
  std::vector<Span> out;
  size_t cs = 0;
  while (cs < text.size()) {
    size_t ce = chunk_end(text, cs);
    if (ce > cs) out.push_back(Span{cs, ce});
    cs = (ce < text.size() && text[ce] == '\n') ? ce + 1 : ce;
  }
  return out;
}

}  // namespace dealgraph
