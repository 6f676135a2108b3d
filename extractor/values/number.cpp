#include "extractor/values/number.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "core/rule_set.h"

namespace dealgraph::values {

namespace {

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string fold(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// `n` digits at s[j + 1] after a separator, and no digit after them.
bool group_at(std::string_view s, size_t j, size_t n) {
  if (j + n >= s.size()) return false;
  for (size_t k = 1; k <= n; ++k)
    if (!is_digit(s[j + k])) return false;
  return j + n + 1 >= s.size() || !is_digit(s[j + n + 1]);
}

// Reads digits with thousands groups at s[i] — "1,000", Indian "3,45,000", or
// groups set apart by spaces "2 500 000" (a first run of at most three
// digits) — and a decimal part; returns the length (0 when none) and the
// digits without separators. The rules' patterns decide where a spaced group
// may be read at all.
size_t read_digits(std::string_view s, size_t i, std::string* clean) {
  size_t j = i;
  clean->clear();
  while (j < s.size() && is_digit(s[j])) *clean += s[j++];
  if (j == i) return 0;
  const bool may_space = j - i <= 3;
  // Indian lakh groups of two before the last group of three
  const bool lakh = j - i <= 2;
  while (lakh && j < s.size() && s[j] == ',' && group_at(s, j, 2) && j + 3 < s.size() && s[j + 3] == ',') {
    clean->append(s.substr(j + 1, 2));
    j += 3;
  }
  // thousands groups
  while (j < s.size() && (s[j] == ',' || (s[j] == ' ' && may_space)) && group_at(s, j, 3)) {
    clean->append(s.substr(j + 1, 3));
    j += 4;
  }
  if (j + 1 < s.size() && s[j] == '.' && is_digit(s[j + 1])) {
    *clean += '.';
    ++j;
    while (j < s.size() && is_digit(s[j])) *clean += s[j++];
  }
  // scientific notation: 3.2e8, 4E-2 (strtod reads it; the rules decide where
  // an exponent may stand)
  if (j + 1 < s.size() && (s[j] == 'e' || s[j] == 'E')) {
    size_t k = j + 1;
    if (k < s.size() && (s[k] == '-' || s[k] == '+')) ++k;
    if (k < s.size() && is_digit(s[k])) {
      clean->append(s.substr(j, k - j));
      j = k;
      while (j < s.size() && is_digit(s[j])) *clean += s[j++];
    }
  }
  return j - i;
}

}  // namespace

std::string squeeze(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    // U+00A0 no-break space
    if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      ++i;
      continue;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out += c;
  }
  return out;
}

WordTable::WordTable(const std::vector<const rules::Table*>& tables) {
  for (const rules::Table* t : tables) {
    for (const auto& [k, v] : t->entries) {
      map_.emplace(squeeze(k), v);  // the first table (in file order) wins
      by_length_.emplace_back(fold(k), v);
    }
  }
  std::stable_sort(by_length_.begin(), by_length_.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

const std::string* WordTable::find(std::string_view key) const {
  auto it = map_.find(squeeze(key));
  return it == map_.end() ? nullptr : &it->second;
}

// The most bytes a table key may have for longest_prefix to find it: an
// engine limit (the longest follow word is far shorter).
constexpr size_t kMaxKeyBytes = 64;

size_t WordTable::longest_prefix(std::string_view s, const std::string** value) const {
  std::string f = fold(s.substr(0, kMaxKeyBytes));
  for (const auto& [k, v] : by_length_) {
    if (k.size() <= f.size() && f.compare(0, k.size(), k) == 0) {
      if (is_ascii_alpha(k.back()) && k.size() < s.size() && is_ascii_alpha(s[k.size()])) continue;
      if (value) *value = &v;
      return k.size();
    }
  }
  return 0;
}

Result<NumberParser::Word> NumberParser::read_word(const rules::Table& t, const char* role, Word::Kind kind,
                                                   const std::string& key, const std::string& value,
                                                   const LineOf& line_of) {
  auto bad = [&](const char* what) {
    return Error::at(t.file, line_of(t, key), 1, std::string("table ") + role + ": " + what, key + " = " + value);
  };
  Word w{kind, 0, 0};
  if (kind == Word::Value || kind == Word::Multiplier || kind == Word::Scale) {
    char* end = nullptr;
    w.v = std::strtod(value.c_str(), &end);
    if (value.empty() || *end != '\0' || !(w.v >= 0) || !std::isfinite(w.v)) return bad("expected a number");
  } else if (kind == Word::Vague) {
    char* end = nullptr;
    w.v = std::strtod(value.c_str(), &end);
    char* end2 = nullptr;
    w.v2 = std::strtod(end, &end2);
    if (end == value.c_str() || end2 == end || *end2 != '\0' || !(w.v2 > w.v) || !std::isfinite(w.v2))
      return bad("expected 'LOW HIGH' with LOW < HIGH");
  }
  return w;
}

Result<NumberParser> NumberParser::from(const Family& family, const LineOf& line_of) {
  NumberParser p;
  struct Spec {
    const char* table;
    Word::Kind kind;
  };
  const Spec specs[] = {{"num_word", Word::Value},       {"num_multiplier", Word::Multiplier},
                        {"num_scale", Word::Scale},      {"num_point", Word::Point},
                        {"num_minus", Word::Minus},      {"num_vague", Word::Vague},
                        {"num_filler", Word::Filler}};
  for (const auto& sp : specs) {
    auto tables = family(sp.table);
    // vague, filler and minus words are optional: a language may have none
    if (tables.empty() && sp.kind != Word::Vague && sp.kind != Word::Filler && sp.kind != Word::Minus)
      return Error::at("rules/values", 0, 0, std::string("missing table '") + sp.table + "' (the number parser needs it)");
    for (const rules::Table* t : tables)
      for (const auto& entry : t->entries) {
        auto w = read_word(*t, sp.table, sp.kind, entry.first, entry.second, line_of);
        if (!w) return w.error();
        p.words_.emplace_back(fold(entry.first), *w);
      }
  }
  // num_bare_scale marks scale words that alone mean "some of it"
  for (const rules::Table* t : family("num_bare_scale"))
    for (const auto& entry : t->entries) {
      bool found = false;
      for (auto& [key, w] : p.words_)
        if (key == fold(entry.first) && w.kind == Word::Scale) w.bare = found = true;
      if (!found)
        return Error::at(t->file, line_of(*t, entry.first), 1, "table num_bare_scale: not a word of a num_scale table",
                         entry.first);
    }
  // longest first, indexed by first byte: tokenize() takes the first word that fits
  std::stable_sort(p.words_.begin(), p.words_.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  p.by_first_.assign(256, {});
  for (size_t i = 0; i < p.words_.size(); ++i)
    p.by_first_[static_cast<unsigned char>(p.words_[i].first[0])].push_back(i);
  return p;
}

namespace {
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
}  // namespace

const NumberParser::Word* NumberParser::word_at(std::string_view s, size_t i, size_t* len) const {
  for (size_t wi : by_first_[static_cast<unsigned char>(lower(s[i]))]) {
    const std::string& k = words_[wi].first;
    if (k.size() > s.size() - i) continue;
    bool eq = true;
    for (size_t j = 0; j < k.size() && eq; ++j) eq = lower(s[i + j]) == k[j];
    if (!eq) continue;
    // a Latin word ends at a word end: "a" is not the start of "and"
    if (is_ascii_alpha(k.back()) && i + k.size() < s.size() && is_ascii_alpha(s[i + k.size()])) continue;
    *len = k.size();
    return &words_[wi].second;  // longest first
  }
  return nullptr;
}

bool NumberParser::tokenize(std::string_view s, std::vector<Token>* toks) const {
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == ',' || c == '\n') {
      ++i;
      continue;
    }
    // U+00A0 no-break space
    if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      i += 2;
      continue;
    }
    if (is_digit(c)) {
      Token t;
      size_t n = read_digits(s, i, &t.text);
      t.w = Word{Word::Value, std::strtod(t.text.c_str(), nullptr), 0};
      t.digits = true;
      toks->push_back(std::move(t));
      i += n;
      continue;
    }
    size_t best = 0;
    const Word* bw = word_at(s, i, &best);
    if (!bw) {
      // '-' joins words (forty-two) and separates nothing else
      if (c == '-' && !toks->empty()) {
        ++i;
        continue;
      }
      return false;
    }
    if (bw->kind == Word::Minus && !toks->empty()) {
      if (c == '-') {  // a hyphen inside ("forty-two")
        i += best;
        continue;
      }
      return false;
    }
    Token t;
    t.w = *bw;
    toks->push_back(t);
    i += best;
  }
  return true;
}

// One pass over the tokens, the way Korean and English both build numbers:
// a coefficient, multipliers descending within a group, scales descending
// between groups, decimal digits after a point word. Each word kind is one
// step; a step returns false when the word cannot stand where it is.
struct NumberParser::Evaluator {
  static constexpr double kInf = std::numeric_limits<double>::infinity();

  explicit Evaluator(bool high_end) : high(high_end) {}

  bool minus(size_t k) {
    if (k != 0) return false;
    neg = true;
    return true;
  }
  static bool filler(size_t k) { return k != 0; }

  // A value word or digit run: the coefficient, a units word after a tens
  // word (서른다섯, forty-two), or a decimal digit after a point word.
  bool value(const Token& t) {
    double v = t.w.v;
    any_value = true;
    if (after_point) {
      if (t.digits && t.text.find_first_of(".eE") == std::string::npos) {
        frac += t.text;
      } else if (!t.digits && v < 10 && v == std::floor(v)) {
        frac += static_cast<char>('0' + static_cast<int>(v));
      } else {
        return false;
      }
      return true;
    }
    if (has_cur) {
      if (cur_tens && !t.digits && v < 10) {
        cur += v;
        cur_tens = false;
        return true;
      }
      return false;
    }
    cur = v;
    has_cur = true;
    cur_tens = !t.digits && v >= 10 && std::fmod(v, 10) == 0 && v < 100;
    trailing = 1;
    if (t.digits) int_part = t.text;
    else int_part = std::to_string(static_cast<long long>(v));
    return true;
  }

  // A vague word ("수", "several") stands as a coefficient: its low or high end.
  bool vague(const Word& w) {
    if (has_cur || after_point) return false;
    cur = high ? w.v2 : w.v;
    has_cur = true;
    cur_tens = false;
    any_value = true;
    trailing = 1;
    return true;
  }

  bool point() {
    if (!has_cur || after_point) return false;
    if (cur != std::floor(cur)) return false;
    int_part = std::to_string(static_cast<long long>(cur));
    after_point = true;
    return true;
  }

  bool multiplier(double m) {
    finish_point();
    if (m >= last_mult) return false;
    section += (has_cur ? cur : 1) * m;
    last_mult = m;
    cur = 0;
    has_cur = cur_tens = false;
    plain = false;
    trailing *= m;
    any_value = true;
    return true;
  }

  bool scale(double sc) {
    finish_point();
    if (sc >= last_scale) return false;
    double base = section + (has_cur ? cur : 0);
    if (!has_cur && section == 0) base = 1;
    total += base * sc;
    section = cur = 0;
    has_cur = cur_tens = false;
    last_mult = kInf;
    last_scale = sc;
    plain = false;
    trailing *= sc;
    any_value = true;
    return true;
  }

  // The digits read after a point word become the coefficient.
  void finish_point() {
    if (after_point) {
      cur = std::strtod((int_part + "." + (frac.empty() ? "0" : frac)).c_str(), nullptr);
      after_point = false;
      frac.clear();
    }
  }

  bool step(const Token& t, size_t k) {
    switch (t.w.kind) {
      case Word::Minus: return minus(k);
      case Word::Filler: return filler(k);
      case Word::Value: return value(t);
      case Word::Vague: return vague(t.w);
      case Word::Point: return point();
      case Word::Multiplier: return multiplier(t.w.v);
      case Word::Scale: return scale(t.w.v);
    }
    return false;
  }

  bool result(double* out) {
    if (!any_value) return false;
    finish_point();
    double v = total + section + cur;
    *out = neg ? -v : v;
    return true;
  }

  const bool high;
  double total = 0, section = 0, cur = 0;
  bool has_cur = false, cur_tens = false, neg = false, after_point = false, any_value = false;
  std::string int_part, frac;
  double last_mult = kInf, last_scale = kInf;
  bool plain = true;
  double trailing = 1;
};

bool NumberParser::evaluate(const std::vector<Token>& toks, bool high, double* out, bool* plain, double* trailing) {
  Evaluator ev(high);
  *plain = true;
  *trailing = 1;
  for (size_t k = 0; k < toks.size(); ++k) {
    bool ok = ev.step(toks[k], k);
    *plain = ev.plain;
    *trailing = ev.trailing;
    if (!ok) return false;
  }
  bool ok = ev.result(out);
  *plain = ev.plain;
  *trailing = ev.trailing;
  return ok;
}

std::optional<ParsedNumber> NumberParser::bare_scale(const std::vector<Token>& toks) {
  const Token* only = nullptr;
  size_t words = 0;
  for (const auto& t : toks)
    if (t.w.kind != Word::Filler) {
      only = &t;
      ++words;
    }
  if (words != 1 || only->w.kind != Word::Scale || !only->w.bare) return std::nullopt;
  ParsedNumber p;
  p.lo = only->w.v;
  p.hi = only->w.v * 10;
  p.vague = true;
  p.plain = false;
  return p;
}

std::optional<ParsedNumber> NumberParser::parse(std::string_view s) const {
  std::vector<Token> toks;
  toks.reserve(8);
  if (!tokenize(s, &toks) || toks.empty()) return std::nullopt;
  // A scale word with no number ("billions of dollars") is a vague count of
  // that scale: 1 to 10 of it, like "several billion".
  if (auto p = bare_scale(toks)) return p;
  bool any_vague = false;
  for (const auto& t : toks)
    if (t.w.kind == Word::Vague) any_vague = true;
  ParsedNumber p;
  double lo = 0, hi = 0, tr = 1;
  bool plain = true;
  if (!evaluate(toks, false, &lo, &plain, &tr)) return std::nullopt;
  // a number too large for a finite double ("1" and 400 zeros) is no number
  if (!std::isfinite(lo)) return std::nullopt;
  p.lo = lo;
  p.hi = lo;
  p.plain = plain;
  p.trailing = tr;
  // a vague number is read twice: at the low and at the high end of its vague word
  if (any_vague) {
    if (!evaluate(toks, true, &hi, &plain, &tr) || !std::isfinite(hi)) return std::nullopt;
    p.hi = hi;
    p.vague = true;
  }
  return p;
}

}  // namespace dealgraph::values
