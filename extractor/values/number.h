// dealgraph/extractor/values/number.h — numbers written in digits and words.
//
// The parser knows no word of any language: it is driven by the number tables
// of rules/values/numbers.rules (docs/values.md, "Number tables"):
//
//   num_word        word = value 0..99   (일 = 1, 스물 = 20, forty = 40, a = 1)
//   num_multiplier  word = 10|100|1000   (십, 백, 천, hundred)
//   num_scale       word = power of ten  (만 = 1e4, 억 = 1e8, billion = 1e9, bn = 1e9)
//   num_point       decimal point words  (점, point)
//   num_minus       sign words           (마이너스, minus)
//   num_vague       word = "LO HI"       (수 = 1 10: 수십억 = 1e9..1e10; tens of = 10 100)
//   num_filler      words to skip        (and)
//
// ASCII digit runs ("1,000", "0.01", "23.28") are read directly. Grammar, in
// the way Korean and English both build numbers: a coefficient (digits or
// words; a tens word may take a units word: 서른다섯, forty-two), multipliers
// that descend within a group (천칠백이십삼), scales that descend between
// groups (1억 6,000만, 4조 4,600억, two hundred thousand). A word after a
// decimal point adds one decimal digit (일점이삼 = 1.23). A vague word makes
// the result a range.
//
// Thread-safety: immutable after construction.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace dealgraph::rules {
struct Table;
class RuleSet;
}  // namespace dealgraph::rules

namespace dealgraph::values {

struct ParsedNumber {
  double lo = 0;   // the value; the low end for a vague number
  double hi = 0;   // == lo unless vague
  bool vague = false;
  bool plain = true;        // no multiplier or scale word at all ("20", "스물")
  double trailing = 1;      // multiplier*scale applied to the last coefficient ("2억": 1e8)
};

// A word table flattened for the engine: lookups ignore ASCII case and white space.
class WordTable {
 public:
  WordTable() = default;
  explicit WordTable(const std::vector<const rules::Table*>& tables);
  // Value of `key` or nullptr.
  const std::string* find(std::string_view key) const;
  // Longest key that `s` starts with (ASCII case folded), its byte length in s.
  size_t longest_prefix(std::string_view s, const std::string** value) const;
  bool empty() const { return map_.empty(); }

 private:
  std::map<std::string, std::string> map_;  // squeezed key -> value
  std::vector<std::pair<std::string, std::string>> by_length_;  // folded key -> value, longest first
};

std::string squeeze(std::string_view s);  // ASCII lower-case, white space removed

class NumberParser {
 public:
  NumberParser() = default;
  using Family = std::function<std::vector<const rules::Table*>(const std::string& role)>;
  using LineOf = std::function<int(const rules::Table&, const std::string& key)>;
  // Reads the num_* tables (every table of each role); an Error names the
  // table line (found by `line_of`) for a bad value.
  static Result<NumberParser> from(const Family& family, const LineOf& line_of);
  // The number `text` writes; nullopt when it is not one, or when its value
  // does not fit a finite double ("1" and 400 zeros).
  std::optional<ParsedNumber> parse(std::string_view text) const;

 private:
  struct Word {
    enum Kind { Value, Multiplier, Scale, Point, Minus, Vague, Filler } kind;
    double v = 0, v2 = 0;
    bool bare = false;  // a Scale word that alone means 1..10 of it (num_bare_scale: "billions")
  };
  // A word of a number table, or a digit run (a Value with its text kept).
  struct Token {
    Word w;
    bool digits = false;
    std::string text;  // digits without commas
  };
  struct Evaluator;  // number.cpp: one left-to-right pass over the tokens

  // One table entry's Word; an Error names the entry.
  static Result<Word> read_word(const rules::Table& t, const char* role, Word::Kind kind, const std::string& key,
                                const std::string& value, const LineOf& line_of);
  // The longest number word at s[i] (its byte length in *len), or nullptr.
  const Word* word_at(std::string_view s, size_t i, size_t* len) const;
  // Step 1: `s` as tokens; false when it holds anything but number words,
  // digit runs, blanks, commas and joining hyphens.
  bool tokenize(std::string_view s, std::vector<Token>* toks) const;
  // A scale word standing alone that means "some of it" ("billions").
  static std::optional<ParsedNumber> bare_scale(const std::vector<Token>& toks);
  // Step 2: the tokens' value, reading vague words at their high end when
  // `high`; false when the words do not make one number.
  static bool evaluate(const std::vector<Token>& toks, bool high, double* out, bool* plain, double* trailing);

  std::vector<std::pair<std::string, Word>> words_;  // folded key, longest first
  std::vector<std::vector<size_t>> by_first_;        // first byte -> indices into words_
};

}  // namespace dealgraph::values
