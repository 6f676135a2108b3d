// Which deal rules can match a typed sentence, without running them.
//
// Each rule's regex is read once, at load, for the literal strings that every
// match of it must contain: "투자" of "(?:지분\s*)?(?:투자|출자)" is not one,
// but the group is — one of {"투자", "출자"}; the "⟦E" and ":ORG⟧" of a
// marker are. What comes out is a few clauses per rule, each a set of
// strings of which a match holds at least one. One RE2::Set of every such
// string (a literal set: cheap to compile, one pass per sentence) says which
// a sentence holds; a rule is tried when each of its clauses has one there.
// The reading is sound by construction — a string counts only when no match
// can do without it — and gives up (the rule is always tried) on anything it
// does not follow. Before, an RE2::Set of the rules themselves did this; its
// compilation was most of the start-up time, and its DFA, rebuilt state by
// state on every new sentence, cost more than the rules it ruled out. The
// rules now compile when the filter first lets them run
// (LoadOptions::defer_compile). Every clause read is kept: checking one is a
// few bit tests per sentence, and the selective ones (a verb's forms) are
// often not the shortest strings (":ORG⟧" is in almost every sentence).
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <optional>
#include <set>

#include "extractor/deals/deal_steps.h"

namespace dealgraph {

namespace {

using Clause = std::set<std::string>;  // a match holds one of these
using Clauses = std::vector<Clause>;   // ... and one of each of these

size_t utf8_length(unsigned char lead) { return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

// The shortest string of a clause, the longer the better; then fewer strings.
bool less_selective(const Clause& a, const Clause& b) {
  auto shortest = [](const Clause& c) {
    size_t n = SIZE_MAX;
    for (const auto& s : c) n = std::min(n, s.size());
    return n;
  };
  return shortest(a) != shortest(b) ? shortest(a) < shortest(b) : a.size() > b.size();
}

// A reader of RE2 syntax that keeps only what every match must contain.
class RequiredLiterals {
 public:
  explicit RequiredLiterals(const std::string& re) : re_(re) {}

  // nullopt when the pattern uses what this reader does not follow.
  std::optional<Clauses> read() {
    Clauses c = alternation();
    if (failed_ || pos_ != re_.size()) return std::nullopt;
    return c;
  }

 private:
  struct Atom {
    bool literal = false;  // one character, in `text`
    std::string text;
    Clauses inner;         // a group's
  };
  struct Repeat {
    bool present = false;
    int min = 1;
  };

  bool at_end() const { return pos_ >= re_.size(); }
  char peek() const { return re_[pos_]; }

  // a|b|c: one clause of each branch's best, or nothing when a branch requires nothing
  Clauses alternation() {
    std::vector<Clauses> branches{sequence()};
    while (!failed_ && !at_end() && peek() == '|') {
      ++pos_;
      branches.push_back(sequence());
    }
    if (branches.size() == 1) return branches[0];
    // Any union of one clause per branch holds; the i-th of each branch, most
    // selective first, makes as many clauses as the longest branch has.
    size_t widest = 0;
    for (auto& b : branches) {
      if (b.empty()) return {};
      std::sort(b.begin(), b.end(), [](const Clause& x, const Clause& y) { return less_selective(y, x); });
      widest = std::max(widest, b.size());
    }
    Clauses out(widest);
    for (size_t i = 0; i < widest; ++i)
      for (const auto& b : branches) out[i].insert(b[std::min(i, b.size() - 1)].begin(), b[std::min(i, b.size() - 1)].end());
    return out;
  }

  // Adjacent required characters join into one string.
  Clauses sequence() {
    Clauses out;
    std::string run;
    auto flush = [&] {
      if (!run.empty()) out.push_back({run});
      run.clear();
    };
    while (!failed_ && !at_end() && peek() != '|' && peek() != ')') {
      Atom a = atom();
      const Repeat r = repeat();
      if (failed_) break;
      if (a.literal && r.min >= 1) {
        run += a.text;
        if (r.present) flush();  // "ab+c": "ab" is certain, what follows the b's is not
        continue;
      }
      flush();
      if (r.min >= 1) out.insert(out.end(), a.inner.begin(), a.inner.end());
    }
    flush();
    return out;
  }

  Atom atom() {
    Atom a;
    const unsigned char c = static_cast<unsigned char>(peek());
    if (c == '(') {
      group(&a);
    } else if (c == '[') {
      skip_class();
    } else if (c == '.' || c == '^' || c == '$') {
      ++pos_;
    } else if (c == '\\') {
      escape(&a);
    } else if (c == '*' || c == '+' || c == '?') {
      failed_ = true;
    } else {
      a.literal = true;
      a.text = re_.substr(pos_, utf8_length(c));
      pos_ += a.text.size();
    }
    return a;
  }

  void group(Atom* a) {
    ++pos_;
    if (!at_end() && peek() == '?') {
      ++pos_;
      if (!at_end() && peek() == 'P') {  // (?P<name>
        const size_t close = re_.find('>', pos_);
        if (close == std::string::npos) {
          failed_ = true;
          return;
        }
        pos_ = close + 1;
      } else {  // (?flags) or (?flags:
        const size_t from = pos_;
        while (!at_end() && std::strchr("imsU-", peek()) != nullptr) ++pos_;
        if (re_.substr(from, pos_ - from).find('i') != std::string::npos || at_end()) {
          failed_ = true;  // case folded: the literals would not be the text's
          return;
        }
        if (peek() == ')') {
          ++pos_;
          return;
        }
        if (peek() != ':') {
          failed_ = true;
          return;
        }
        ++pos_;
      }
    }
    a->inner = alternation();
    if (at_end() || peek() != ')') {
      failed_ = true;
      return;
    }
    ++pos_;
  }

  void skip_class() {
    ++pos_;
    if (!at_end() && peek() == '^') ++pos_;
    if (!at_end() && peek() == ']') ++pos_;  // a leading ']' is a member
    while (!at_end() && peek() != ']') {
      if (peek() == '\\') {
        pos_ += 2;
      } else if (re_.compare(pos_, 2, "[:") == 0) {
        const size_t close = re_.find(":]", pos_ + 2);
        if (close == std::string::npos) break;
        pos_ = close + 2;
      } else {
        ++pos_;
      }
    }
    if (at_end()) failed_ = true;
    else ++pos_;
  }

  void escape(Atom* a) {
    if (pos_ + 1 >= re_.size()) {
      failed_ = true;
      return;
    }
    const unsigned char c = static_cast<unsigned char>(re_[pos_ + 1]);
    if (c >= 0x80 || !std::isalnum(c)) {  // "\." "\$" "\(": the character itself
      a->literal = true;
      a->text = re_.substr(pos_ + 1, utf8_length(c));
      pos_ += 1 + a->text.size();
      return;
    }
    if (std::isdigit(c) || c == 'Q' || c == 'C' || c == 'E') {  // octal, quoting, any byte: not followed
      failed_ = true;
      return;
    }
    pos_ += 2;
    if ((c == 'p' || c == 'P' || c == 'x') && !at_end() && peek() == '{') {
      const size_t close = re_.find('}', pos_);
      if (close == std::string::npos) failed_ = true;
      else pos_ = close + 1;
    } else if (c == 'p' || c == 'P') {
      ++pos_;  // \pL
    } else if (c == 'x') {
      pos_ += 2;  // \xHH
    }
    // \d \s \w \b \B \A \z \n \t ...: a class or a position, no literal
  }

  // *, +, ?, {n}, {n,}, {n,m}, each maybe lazy; a '{' that is none of these is a literal.
  Repeat repeat() {
    Repeat r;
    if (at_end()) return r;
    const char c = peek();
    if (c == '*' || c == '?') {
      r = {true, 0};
      ++pos_;
    } else if (c == '+') {
      r = {true, 1};
      ++pos_;
    } else if (c == '{') {
      size_t j = pos_ + 1;
      while (j < re_.size() && std::isdigit(static_cast<unsigned char>(re_[j]))) ++j;
      if (j == pos_ + 1) return r;
      const int lo = std::stoi(re_.substr(pos_ + 1, std::min<size_t>(j - pos_ - 1, 6)));
      if (j < re_.size() && re_[j] == ',') {
        ++j;
        while (j < re_.size() && std::isdigit(static_cast<unsigned char>(re_[j]))) ++j;
      }
      if (j >= re_.size() || re_[j] != '}') return r;
      r = {true, lo};
      pos_ = j + 1;
    } else {
      return r;
    }
    if (!at_end() && peek() == '?') ++pos_;
    return r;
  }

  const std::string& re_;
  size_t pos_ = 0;
  bool failed_ = false;
};

// The clauses worth checking: none of one byte, each once, most selective first.
Clauses worth_checking(Clauses c) {
  c.erase(std::remove_if(c.begin(), c.end(),
                         [](const Clause& k) {
                           return std::any_of(k.begin(), k.end(), [](const std::string& s) { return s.size() < 2; });
                         }),
          c.end());
  std::sort(c.begin(), c.end());
  c.erase(std::unique(c.begin(), c.end()), c.end());
  std::stable_sort(c.begin(), c.end(), [](const Clause& a, const Clause& b) { return less_selective(b, a); });
  return c;
}

}  // namespace

class RuleFilter {
 public:
  bool build(const std::vector<rules::Rule>& rules) {
    std::map<std::string, int> ids;
    for (const auto& r : rules) {
      std::vector<std::vector<int>> clauses;
      std::optional<Clauses> read;
      if (r.attr("case") != "insensitive") read = RequiredLiterals(r.expanded).read();
      if (read)
        for (const Clause& c : worth_checking(std::move(*read))) {
          std::vector<int> alternatives;
          for (const auto& s : c) alternatives.push_back(ids.emplace(s, static_cast<int>(ids.size())).first->second);
          clauses.push_back(std::move(alternatives));
        }
      rules_.push_back(std::move(clauses));
    }
    RE2::Options o;
    o.set_literal(true);
    o.set_log_errors(false);
    set_ = std::make_unique<RE2::Set>(o, RE2::UNANCHORED);
    std::vector<const std::string*> by_id(ids.size());
    for (const auto& [s, id] : ids) by_id[id] = &s;
    for (const std::string* s : by_id)
      if (set_->Add(*s, nullptr) < 0) return false;
    atoms_ = ids.size();
    return atoms_ == 0 || set_->Compile();
  }

  // false when the set could not decide (out of memory): run every rule
  bool candidates(const std::string& text, std::vector<bool>* out) const {
    std::vector<bool> present(atoms_, false);
    if (atoms_ > 0) {
      std::vector<int> hits;
      RE2::Set::ErrorInfo info;
      if (!set_->Match(text, &hits, &info) && info.kind != RE2::Set::kNoError) return false;
      for (int h : hits) present[h] = true;
    }
    out->assign(rules_.size(), true);
    for (size_t i = 0; i < rules_.size(); ++i)
      for (const auto& clause : rules_[i])
        if (std::none_of(clause.begin(), clause.end(), [&](int a) { return present[a]; })) {
          (*out)[i] = false;
          break;
        }
    return true;
  }

 private:
  std::vector<std::vector<std::vector<int>>> rules_;  // per rule, its clauses of literal ids
  std::unique_ptr<RE2::Set> set_;
  size_t atoms_ = 0;
};

std::shared_ptr<const RuleFilter> build_rule_filter(const std::vector<rules::Rule>& rules) {
  auto f = std::make_shared<RuleFilter>();
  if (!f->build(rules)) return nullptr;
  return f;
}

std::vector<bool> rules_to_try(const RuleFilter* filter, const std::string& typed, size_t n_rules) {
  std::vector<bool> out;
  if (filter && filter->candidates(typed, &out) && out.size() == n_rules) return out;
  return std::vector<bool>(n_rules, true);
}

}  // namespace dealgraph
