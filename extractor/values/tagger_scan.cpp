// Matching: the text is cut into chunks; in each, the rules the prefilter
// lets through are scanned for matches that respect word boundaries; the
// longest candidates that do not overlap win, and only the winners' values
// are built (value_build.cpp).
#include <algorithm>

#include "core/utf8.h"
#include "extractor/reader/sentences.h"
#include "extractor/values/tagger_impl.h"

namespace dealgraph::values {

using namespace detail;  // NOLINT: the group names g_* are this file's words

namespace {

// A shrinking match tries at most this many shorter readings: an engine
// limit that keeps a pathological rule linear.
constexpr int kMaxReadings = 12;
// How far in_url looks either way for the ends of a web address.
constexpr size_t kUrlWindow = 4096;

bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_ascii_alnum(char32_t c) {
  return is_ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

size_t next_char(std::string_view text, size_t p) {
  size_t len;
  utf8::decode(text, p, &len);
  return p + std::max<size_t>(len, 1);
}

}  // namespace

// ------------------------------------------------------------ chunks

namespace detail {

Span trim_blank(std::string_view text, size_t s, size_t e) {
  while (s < e && is_blank(text[s])) ++s;
  while (e > s && is_blank(text[e - 1])) --e;
  return Span{s, e};
}

bool in_url(std::string_view text, size_t p) {
  auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  size_t b = p, e = p;
  size_t limit = p > kUrlWindow ? p - kUrlWindow : 0;
  while (b > limit && !ws(text[b - 1])) --b;
  while (e < text.size() && e - p < kUrlWindow && !ws(text[e])) ++e;
  std::string_view tok = text.substr(b, e - b);
  if (tok.find("://") != std::string_view::npos) return true;
  size_t w = tok.find("www.");
  return w != std::string_view::npos && (w == 0 || tok[w - 1] == '<' || tok[w - 1] == '(');
}

// Digit groups joined by hyphens, three or more (02-3456-7890,
// 110-234-567890), or three or more after a '+' joined by hyphens, spaces or
// dots (+1 650 253 0000), are a phone or account number: a value may cover
// one whole (a date 2025-05-21) but never a part of it.
bool in_digit_chain(std::string_view text, size_t s, size_t e) {
  size_t p = s;
  while (p < e && !is_ascii_digit(static_cast<unsigned char>(text[p]))) ++p;
  if (p == e) return false;
  auto dig = [&](size_t i) { return i < text.size() && is_ascii_digit(static_cast<unsigned char>(text[i])); };
  for (bool plus : {false, true}) {
    auto sep = [&](size_t i) { char c = text[i]; return c == '-' || (plus && (c == ' ' || c == '.')); };
    size_t b = p, f = p, groups = 1;
    while (b > 0) {
      if (dig(b - 1)) --b;
      else if (b >= 2 && sep(b - 1) && dig(b - 2)) --b, ++groups;
      else break;
    }
    while (f < text.size()) {
      if (dig(f)) ++f;
      else if (sep(f) && dig(f + 1)) ++f, ++groups;
      else break;
    }
    const bool id = groups >= 3 && (!plus || (b > 0 && text[b - 1] == '+'));
    if (id && (s > b || e < f)) return true;
  }
  return false;
}

bool overlaps_any(const std::vector<Value>& won, size_t first, size_t s, size_t e) {
  for (size_t i = first; i < won.size(); ++i) {
    const Span& sp = won[i].span;
    if (s < sp.end && sp.start < e) return true;
  }
  return false;
}

}  // namespace detail

// ------------------------------------------------------------ boundaries

// A value does not start inside a word of its own script: "GB300" holds no
// 300, "CS-3" no 3, "계약" no "약"; a number does not start inside a number.
bool Tagger::Impl::left_ok(std::string_view text, size_t s) const {
  if (s == 0) return true;
  size_t len;
  char32_t c = utf8::decode(text, s, &len);
  size_t plen;
  char32_t p = utf8::decode_before(text, s, &plen);
  if (is_ascii_alnum(c) || c == '-' || c == 0x2212) {
    if (utf8::is_latin_alnum(p)) return false;
    if (p == '-' || p == '.' || p == ',') {
      size_t pplen;
      char32_t pp = utf8::decode_before(text, s - plen, &pplen);
      if (utf8::is_latin_alnum(pp)) return false;
    }
    return true;
  }
  if (utf8::is_hangul(c)) return !utf8::is_hangul(p);
  return true;
}

// A value does not end inside a word: "5G" is no 5, "3원칙" no money; a
// Hangul value may be followed by a word of table `follow` (particles and
// suffixes: 을, 에서, 규모, 씩, ...). With `after: word` the same holds for any
// value glued to Hangul ("1위" is no number).
bool Tagger::Impl::right_ok(std::string_view text, size_t e, const CompiledRule& r) const {
  if (e >= text.size()) return true;
  size_t plen;
  char32_t c = utf8::decode_before(text, e, &plen);
  size_t nlen;
  char32_t n = utf8::decode(text, e, &nlen);
  if (r.follow_any_end && utf8::is_hangul(n) && !utf8::is_hangul(c))
    return follow.longest_prefix(text.substr(e), nullptr) > 0;
  if (utf8::is_latin_alnum(c)) {
    if (utf8::is_latin_alnum(n)) return false;
    if ((n == '.' || n == ',') && is_ascii_digit(c) && e + 1 < text.size() &&
        is_ascii_digit(static_cast<unsigned char>(text[e + 1])))
      return false;
    return true;
  }
  if (utf8::is_hangul(c) && utf8::is_hangul(n)) {
    if (!r.check_follow) return true;
    return follow.longest_prefix(text.substr(e), nullptr) > 0;
  }
  return true;
}

// A value in Korean words right before a person's title is a name that reads
// as a numeral (이조원 장관, 이억원 의원): the title decides.
bool Tagger::Impl::before_title(std::string_view text, size_t s, size_t e) const {
  size_t len;
  if (person_title.empty() || !utf8::is_hangul(utf8::decode(text, s, &len))) return false;
  for (size_t i = s; i < e; ++i)
    if (is_ascii_digit(static_cast<unsigned char>(text[i]))) return false;
  if (e < text.size() && text[e] == ' ') ++e;
  return person_title.longest_prefix(text.substr(e), nullptr) > 0;
}

// The span of a match [ms, me): without a leading `lead` or a trailing `tail`
// group and surrounding blanks; false when it breaks a word boundary or, for
// an `alone: yes` rule, is not the whole text.
bool Tagger::Impl::span_ok(const CompiledRule& r, std::string_view text, size_t ms, size_t me,
                           const re2::StringPiece* caps, bool groups, size_t* sp, size_t* ep) const {
  size_t s = ms, e = me;
  if (groups) {
    if (r.group[g_lead] >= 0 && caps[r.group[g_lead]].data() == text.data() + ms) s += caps[r.group[g_lead]].size();
    if (r.group[g_tail] >= 0 && caps[r.group[g_tail]].data() &&
        caps[r.group[g_tail]].data() + caps[r.group[g_tail]].size() == text.data() + me)
      e -= caps[r.group[g_tail]].size();
  }
  while (s < e && (text[s] == ' ' || text[s] == '\t')) ++s;
  while (e > s && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
  if (e <= s) return false;
  if (r.alone) {
    Span whole = trim_blank(text, 0, text.size());
    if (s != whole.start || e != whole.end) return false;
  }
  *sp = s;
  *ep = e;
  return left_ok(text, s) && right_ok(text, e, r) && !detail::in_digit_chain(text, s, e) && !before_title(text, s, e);
}

// ------------------------------------------------------------ one rule

// The longest match of `re` from `ms` that ends before *me (a shorter reading
// of the same rule); false when there is none.
bool Tagger::Impl::shrink(const RE2& re, std::string_view text, size_t ms, size_t* me,
                          std::vector<re2::StringPiece>& caps, int n) const {
  size_t plen;
  utf8::decode_before(text, *me, &plen);
  size_t lim = *me - std::max<size_t>(plen, 1);
  if (lim <= ms) return false;
  if (!re.Match(re2::StringPiece(text.data(), text.size()), ms, lim, RE2::ANCHOR_START, caps.data(), n)) return false;
  *me = ms + caps[0].size();
  return *me > ms;
}

// Finds the matches of one rule in [cs, ce) that respect the word boundaries,
// as candidates (span only); values are built later, for the winners only.
void Tagger::Impl::scan(const CompiledRule& r, size_t idx, std::string_view text, size_t cs, size_t ce,
                        std::vector<re2::StringPiece>& caps, std::vector<Candidate>* out) const {
  const RE2& re = *r.rule->re;
  // the span needs the groups only when a rule trims `lead` or `tail`
  const bool groups = r.group[g_lead] >= 0 || r.group[g_tail] >= 0;
  const int n = groups ? r.ncap + 1 : 1;
  const re2::StringPiece whole(text.data(), text.size());
  size_t pos = cs;
  while (pos < ce) {
    if (!re.Match(whole, pos, ce, RE2::UNANCHORED, caps.data(), n)) break;
    size_t ms = static_cast<size_t>(caps[0].data() - text.data());
    size_t me = ms + caps[0].size();
    if (me == ms || !left_ok(text, ms) || in_url(text, ms)) {
      pos = next_char(text, ms);
      continue;
    }
    bool done = false;
    for (int attempt = 0; attempt < kMaxReadings; ++attempt) {
      size_t s, e;
      if (span_ok(r, text, ms, me, caps.data(), groups, &s, &e)) {
        out->push_back(Candidate{s, e, ms, me, r.priority, idx});
        pos = me;
        done = true;
        break;
      }
      if (!shrink(re, text, ms, &me, caps, n)) break;
    }
    if (!done) pos = next_char(text, ms);
  }
}

// ------------------------------------------------------------ one chunk

bool Tagger::Impl::rules_for_chunk(std::string_view chunk, std::vector<int>* hits) const {
  const bool all = !prefilter || !prefilter->match(chunk, hits);
  if (!all && hits->empty()) return false;  // nothing can match here
  if (all) {
    hits->resize(rules.size());
    for (size_t i = 0; i < hits->size(); ++i) (*hits)[i] = static_cast<int>(i);
  }
  std::sort(hits->begin(), hits->end());
  return true;
}

std::optional<Value> Tagger::Impl::settle(const Candidate& c, std::string_view text,
                                          const std::optional<CivilDate>& ref, std::vector<re2::StringPiece>& caps,
                                          const std::vector<Value>& won, size_t first) const {
  const CompiledRule& r = rules[c.rule];
  const RE2& re = *r.rule->re;
  const int n = r.ncap + 1;
  size_t s = c.start, e = c.end, me = c.me;
  // the groups of this match (the match alone as the text: RE2 then goes
  // straight to its submatch engine; rules use no context beyond \b, which
  // holds the same at a text end)
  bool ok;
  if (r.whole_num) {
    caps[0] = caps[1] = re2::StringPiece(text.data() + c.ms, me - c.ms);
    ok = true;
  } else {
    ok = re.Match(re2::StringPiece(text.data() + c.ms, me - c.ms), 0, me - c.ms, RE2::ANCHOR_BOTH, caps.data(), n);
  }
  std::optional<ValueData> data;
  for (int attempt = 0; ok && attempt < kMaxReadings; ++attempt) {
    if (attempt == 0 || (span_ok(r, text, c.ms, me, caps.data(), true, &s, &e) && !overlaps_any(won, first, s, e)))
      if ((data = build(r, caps.data(), ref))) break;
    ok = shrink(re, text, c.ms, &me, caps, n);
  }
  if (!data) return std::nullopt;
  Value v;
  v.data = std::move(*data);
  v.span = Span{s, e};
  v.text = std::string(text.substr(s, e - s));
  v.rule = r.rule->name;
  return v;
}

void Tagger::Impl::tag_chunk(std::string_view text, size_t cs, size_t ce, bool whole,
                             const std::optional<CivilDate>& ref, const TagOptions& opt, Scratch& scratch,
                             std::vector<Value>* out) const {
  if (!rules_for_chunk(text.substr(cs, ce - cs), &scratch.hits)) return;
  std::vector<Candidate>& cands = scratch.cands;
  cands.clear();
  for (int h : scratch.hits) {
    const CompiledRule& r = rules[static_cast<size_t>(h)];
    if (r.alone && !whole) continue;
    if (!opt.lang.empty() && !r.lang.empty() && r.lang != opt.lang) continue;
    scan(r, static_cast<size_t>(h), text, cs, ce, scratch.caps, &cands);
  }
  if (cands.empty()) return;
  // longest first; then higher priority; then earlier rule; then earlier start
  std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
    size_t la = a.end - a.start, lb = b.end - b.start;
    if (la != lb) return la > lb;
    if (a.priority != b.priority) return a.priority > b.priority;
    if (a.rule != b.rule) return a.rule < b.rule;
    return a.start < b.start;
  });
  const size_t first = out->size();
  for (const auto& c : cands) {
    if (overlaps_any(*out, first, c.start, c.end)) continue;
    // a value that cannot be built falls back to a shorter reading of the same rule
    if (auto v = settle(c, text, ref, scratch.caps, *out, first)) out->push_back(std::move(*v));
  }
  std::sort(out->begin() + static_cast<std::ptrdiff_t>(first), out->end(),
            [](const Value& a, const Value& b) { return a.span < b.span; });
}

// ------------------------------------------------------------ the text

std::vector<Value> Tagger::tag(std::string_view text, const std::optional<CivilDate>& ref) const {
  return tag(text, ref, TagOptions{});
}

std::vector<Value> Tagger::tag(std::string_view text, const std::optional<CivilDate>& ref,
                               const TagOptions& opt) const {
  std::vector<Value> result;
  if (!impl_) return result;
  Impl::Scratch scratch;
  scratch.caps.resize(impl_->max_caps);
  // `alone: yes` rules apply only to a chunk that is the whole text
  const Span whole = trim_blank(text, 0, text.size());
  for (const Span& c : value_chunks(text)) {
    Span t = trim_blank(text, c.start, c.end);
    impl_->tag_chunk(text, c.start, c.end, t == whole, ref, opt, scratch, &result);
  }
  return result;
}

}  // namespace dealgraph::values
