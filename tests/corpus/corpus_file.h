// tests/corpus/corpus_file.h — the one reader of corpus files.
//
// Every rule set ships with corpora beside it (rules/<stage>/*.corpus), in the
// manner of Duckling. All of them share one line format; what an expected
// part means is up to the stage's checker (tests/corpus/check_*.h):
//
//   # a comment
//   @ref 2026-02-24          a directive: holds for the examples after it
//   @gap why it fails today  a one-shot directive: holds for the next example only
//   @headline TEXT           one-shot: the next example is a body sentence under
//                            this headline (whose first parties are the focus)
//   INPUT => EXPECTED        an example with its expected result on the line
//   !INPUT                   an example that must produce nothing
//   [headline] INPUT         the input is an article's headline
//   INPUT                    an example whose expected results follow, one per
//     EXPECTED                 line indented by exactly two spaces ("none":
//     EXPECTED                 nothing may be found)
//
// Value rule files also carry `example:` lines under a rule
// ("  example: March 2, 2026 → 2026-03-02"); read_rule_examples() turns them
// into examples of the same shape, with the rule's name in `rule`.
#pragma once

#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace corpus {

struct Example {
  std::string file;  // path relative to the source tree ("rules/values/money.corpus")
  int line = 0;
  std::string input;
  bool negative = false;  // "!" or an expected "none"
  bool headline = false;
  std::vector<std::string> expected;  // the "=> ..." part, or the indented lines
  std::map<std::string, std::string> directives;  // @name value in force
  std::string rule;  // for `example:` lines: the rule they illustrate

  std::string directive(const std::string& name, const std::string& fallback = "") const {
    auto it = directives.find(name);
    return it == directives.end() ? fallback : it->second;
  }
  std::string where() const { return file + ":" + std::to_string(line); }
};

// Directives that hold for one example only.
inline const std::set<std::string>& one_shot_directives() {
  static const std::set<std::string> kOneShot = {"gap", "headline"};
  return kOneShot;
}

namespace detail {

inline std::string strip_cr(std::string s) {
  if (!s.empty() && s.back() == '\r') s.pop_back();
  return s;
}

inline bool blank_or_comment(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  return b == std::string::npos || s[b] == '#';
}

// "@ref 2026-02-24" -> {"ref", "2026-02-24"}
inline std::pair<std::string, std::string> directive_of(const std::string& s) {
  size_t sp = s.find(' ');
  if (sp == std::string::npos) return {s.substr(1), ""};
  return {s.substr(1, sp - 1), s.substr(sp + 1)};
}

inline Example example_of(const std::string& s) {
  Example ex;
  std::string body = s;
  if (body.rfind("!", 0) == 0) {
    ex.negative = true;
    body = body.substr(1);
  }
  if (body.rfind("[headline] ", 0) == 0) {
    ex.headline = true;
    body = body.substr(11);
  }
  size_t arrow = body.find(" => ");
  if (arrow != std::string::npos) {
    ex.expected.push_back(body.substr(arrow + 4));
    body = body.substr(0, arrow);
  }
  ex.input = body;
  return ex;
}

}  // namespace detail

// Reads one corpus file; `name` is how failures name it.
inline std::vector<Example> read_corpus(const std::string& path, const std::string& name) {
  std::ifstream in(path);
  std::vector<Example> out;
  std::map<std::string, std::string> sticky, once;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    line = detail::strip_cr(line);
    if (detail::blank_or_comment(line)) continue;
    if (line[0] == '@') {
      auto [key, value] = detail::directive_of(line);
      (one_shot_directives().count(key) ? once : sticky)[key] = value;
      continue;
    }
    if (line.rfind("  ", 0) == 0 && !out.empty()) {
      std::string body = line.substr(2);
      if (body == "none") out.back().negative = true;
      else out.back().expected.push_back(body);
      continue;
    }
    Example ex = detail::example_of(line);
    ex.file = name;
    ex.line = n;
    ex.directives = sticky;
    for (const auto& [k, v] : once) ex.directives[k] = v;
    once.clear();
    out.push_back(std::move(ex));
  }
  return out;
}

// The `example: TEXT → EXPECTED` lines of a rule file, each with its rule.
inline std::vector<Example> read_rule_examples(const std::string& path, const std::string& name) {
  static const std::string kArrow = "\xE2\x86\x92";  // →
  std::ifstream in(path);
  std::vector<Example> out;
  std::string line, rule;
  for (int n = 1; std::getline(in, line); ++n) {
    line = detail::strip_cr(line);
    if (line.rfind("rule ", 0) == 0) rule = line.substr(5, line.find_first_of(" \t#", 5) - 5);
    size_t at = line.find("example:");
    if (at == std::string::npos || line.find_first_not_of(' ') != at) continue;
    std::string body = line.substr(at + 8);
    size_t arrow = body.find(kArrow);
    Example ex;
    ex.file = name;
    ex.line = n;
    ex.rule = rule;
    ex.input = body.substr(body.find_first_not_of(' '), arrow == std::string::npos ? std::string::npos
                                                                                 : arrow - body.find_first_not_of(' '));
    while (!ex.input.empty() && ex.input.back() == ' ') ex.input.pop_back();
    if (arrow != std::string::npos) ex.expected.push_back(body.substr(arrow + kArrow.size()));
    out.push_back(std::move(ex));
  }
  return out;
}

}  // namespace corpus
