// The literal reading of rule patterns and the one-pass check (rule_filter.h).
// First written for the deal rules (whose RE2::Set of every rule was most of
// the start-up time and, rebuilt state by state on every new sentence, cost
// more than the rules it ruled out); the value tagger and the entity
// discovery rules use it the same way.
#include "core/rule_filter.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "core/rule_parse.h"

namespace dealgraph::rules {

namespace {

// A string a case-folded part of a pattern requires is kept with a leading
// NUL (kFolded): it is looked for case-insensitively, as RE2 matches it.
constexpr char kFolded = '\0';
std::string folded_key(const std::string& s, bool folded) { return folded ? kFolded + s : s; }
size_t key_bytes(const std::string& key) { return !key.empty() && key[0] == kFolded ? key.size() - 1 : key.size(); }

using AnyOf = std::set<std::string>;  // a match holds one of these (keys as above)
using AllOf = std::vector<AnyOf>;   // ... and one of each of these

size_t utf8_length(unsigned char lead) { return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

// Sorts clauses most selective first: the longer the shortest string of a
// clause, the better; then fewer strings; ties keep their order.
void most_selective_first(AllOf* c) {
  struct Keyed {
    size_t shortest, size, index;
  };
  std::vector<Keyed> keys;
  keys.reserve(c->size());
  for (size_t i = 0; i < c->size(); ++i) {
    size_t n = SIZE_MAX;
    for (const auto& s : (*c)[i]) n = std::min(n, key_bytes(s));
    keys.push_back({n, (*c)[i].size(), i});
  }
  std::stable_sort(keys.begin(), keys.end(), [](const Keyed& a, const Keyed& b) {
    return a.shortest != b.shortest ? a.shortest > b.shortest : a.size < b.size;
  });
  AllOf sorted;
  sorted.reserve(c->size());
  for (const Keyed& k : keys) sorted.push_back(std::move((*c)[k.index]));
  *c = std::move(sorted);
}

// A reader of RE2 syntax that keeps only what every match must contain.
class RequiredLiterals {
 public:
  // `fold`: the pattern is compiled case-insensitively; `classes`: read small
  // ASCII classes (FilterOptions::read_classes).
  // `memo` keeps what long groups read, across the rules of a set: a table's
  // alternation of hundreds of words is in many rules.
  using Memo = std::unordered_map<std::string, std::optional<AllOf>>;
  RequiredLiterals(const std::string& re, bool fold, bool classes, Memo* memo)
      : re_(re), fold_(fold), classes_(classes), memo_(memo) {}

  // nullopt when the pattern uses what this reader does not follow.
  std::optional<AllOf> read() {
    AllOf c = alternation();
    if (failed_ || pos_ != re_.size()) return std::nullopt;
    return c;
  }

 private:
  struct Atom {
    bool literal = false;  // one character, in `text`
    bool folded = false;   // ... matched case-insensitively
    std::string text;
    AllOf inner;         // a group's
  };
  struct Repeat {
    bool present = false;
    int min = 1;
  };

  bool at_end() const { return pos_ >= re_.size(); }
  char peek() const { return re_[pos_]; }

  // a|b|c: one clause of each branch's best, or nothing when a branch requires nothing
  AllOf alternation() {
    std::vector<AllOf> branches{sequence()};
    while (!failed_ && !at_end() && peek() == '|') {
      ++pos_;
      branches.push_back(sequence());
    }
    if (branches.size() == 1) return std::move(branches[0]);
    // Any union of one clause per branch holds; the i-th of each branch, most
    // selective first, makes as many clauses as the longest branch has (at
    // most kRanks: each is a union over every branch, and nested
    // alternations would multiply them).
    constexpr size_t kRanks = 8;
    size_t widest = 0;
    for (auto& b : branches) {
      if (b.empty()) return {};
      most_selective_first(&b);
      widest = std::max(widest, b.size());
    }
    AllOf out(std::min(widest, kRanks));
    for (size_t i = 0; i < out.size(); ++i)
      for (const auto& b : branches) out[i].insert(b[std::min(i, b.size() - 1)].begin(), b[std::min(i, b.size() - 1)].end());
    return out;
  }

  // Adjacent required characters join into one string.
  AllOf sequence() {
    AllOf out;
    std::string run;
    bool run_folded = false;
    auto flush = [&] {
      if (!run.empty()) out.push_back({folded_key(run, run_folded)});
      run.clear();
    };
    while (!failed_ && !at_end() && peek() != '|' && peek() != ')') {
      Atom a = atom();
      const Repeat r = repeat();
      if (failed_) break;
      if (a.literal && r.min >= 1) {
        if (a.folded != run_folded) flush();
        run_folded = a.folded;
        run += a.text;
        if (r.present) flush();  // "ab+c": "ab" is certain, what follows the b's is not
        continue;
      }
      flush();
      if (r.min >= 1) out.insert(out.end(), std::make_move_iterator(a.inner.begin()), std::make_move_iterator(a.inner.end()));
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
      if (!classes_ || !read_class(&a)) skip_class();
    } else if (c == '.' || c == '^' || c == '$') {
      ++pos_;
    } else if (c == '\\') {
      escape(&a);
    } else if (c == '*' || c == '+' || c == '?') {
      failed_ = true;
    } else {
      a.text = re_.substr(pos_, utf8_length(c));
      pos_ += a.text.size();
      a.literal = true;
      a.folded = fold_;
    }
    return a;
  }

  void group(Atom* a) {
    const bool outer_fold = fold_;
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
        bool on = true, fold = fold_;
        while (!at_end() && std::strchr("imsU-", peek()) != nullptr) {
          if (peek() == '-') on = false;
          if (peek() == 'i') fold = on;
          ++pos_;
        }
        if (at_end()) {
          failed_ = true;
          return;
        }
        if (peek() == ')') {  // (?i): to the end of the enclosing group
          ++pos_;
          fold_ = fold;
          return;
        }
        fold_ = fold;
        if (peek() != ':') {
          failed_ = true;
          return;
        }
        ++pos_;
      }
    }
    a->inner = inner_of_group();
    fold_ = outer_fold;
    if (at_end() || peek() != ')') {
      failed_ = true;
      return;
    }
    ++pos_;
  }

  // What a group's inside requires, from the memo when it is long and was
  // read before with the same case folding.
  AllOf inner_of_group() {
    constexpr size_t kMemoFrom = 256;
    const size_t end = group_end(pos_);
    if (end == std::string::npos || end - pos_ < kMemoFrom) return alternation();
    std::string key = re_.substr(pos_, end - pos_);
    key += fold_ ? 'i' : '-';
    if (auto it = memo_->find(key); it != memo_->end()) {
      if (!it->second) failed_ = true;
      pos_ = end;
      return it->second ? *it->second : AllOf{};
    }
    AllOf inner = alternation();
    if (!failed_ && pos_ == end) memo_->emplace(std::move(key), inner);
    else if (failed_) memo_->emplace(std::move(key), std::nullopt);
    return inner;
  }

  // The ')' closing the group whose inside starts at `p`, npos when none.
  size_t group_end(size_t p) const {
    int depth = 0;
    bool in_class = false;
    for (size_t i = p; i < re_.size(); ++i) {
      const char c = re_[i];
      if (c == '\\') {
        ++i;
      } else if (in_class) {
        if (c == ']') in_class = false;
      } else if (c == '[') {
        in_class = true;
        if (i + 1 < re_.size() && re_[i + 1] == '^') ++i;
        if (i + 1 < re_.size() && re_[i + 1] == ']') ++i;  // a leading ']' is a member
      } else if (c == '(') {
        ++depth;
      } else if (c == ')' && depth-- == 0) {
        return i;
      }
    }
    return std::string::npos;
  }

  // [0-9], [$€]: a class of at most kMaxClass ASCII characters (ranges, \d,
  // escaped marks), not negated, is a clause of its one-byte strings. False
  // (nothing read) on anything else.
  bool read_class(Atom* a) {
    constexpr size_t kMaxClass = 36;
    const size_t from = pos_;
    std::set<char> members;
    auto give_up = [&] {
      pos_ = from;
      return false;
    };
    size_t i = pos_ + 1;
    if (i < re_.size() && re_[i] == '^') return give_up();
    bool first = true;
    while (i < re_.size() && (re_[i] != ']' || first)) {
      first = false;
      unsigned char c = static_cast<unsigned char>(re_[i]);
      if (c >= 0x80 || re_.compare(i, 2, "[:") == 0) return give_up();
      if (c == '\\') {
        if (i + 1 >= re_.size()) return give_up();
        const unsigned char e = static_cast<unsigned char>(re_[i + 1]);
        if (e == 'd') {
          for (char d = '0'; d <= '9'; ++d) members.insert(d);
        } else if (e < 0x80 && !std::isalnum(e)) {
          members.insert(static_cast<char>(e));
        } else {
          return give_up();
        }
        i += 2;
        continue;
      }
      if (i + 2 < re_.size() && re_[i + 1] == '-' && re_[i + 2] != ']') {
        const unsigned char hi = static_cast<unsigned char>(re_[i + 2]);
        if (hi >= 0x80 || hi == '\\' || hi < c) return give_up();
        for (unsigned ch = c; ch <= hi; ++ch) members.insert(static_cast<char>(ch));
        i += 3;
        continue;
      }
      members.insert(static_cast<char>(c));
      ++i;
    }
    if (i >= re_.size() || members.empty() || members.size() > kMaxClass) return give_up();
    AnyOf clause;
    for (char m : members) clause.insert(folded_key(std::string(1, m), fold_));
    a->inner = {clause};
    pos_ = i + 1;
    return true;
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
      a->text = re_.substr(pos_ + 1, utf8_length(c));
      a->literal = true;
      a->folded = fold_;
      pos_ += 1 + a->text.size();
      return;
    }
    if (c == 'd' && classes_) {  // \d: one of the ten digits
      AnyOf digits;
      for (char d = '0'; d <= '9'; ++d) digits.insert(std::string(1, d));
      a->inner = {digits};
      pos_ += 2;
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
  bool fold_;           // the text here is matched case-insensitively
  const bool classes_;  // read small ASCII classes
  Memo* memo_;
};

// The clauses worth checking: none with a string under `min_bytes`, each
// once, most selective first.
AllOf worth_checking(AllOf c, size_t min_bytes) {
  c.erase(std::remove_if(c.begin(), c.end(),
                         [&](const AnyOf& k) {
                           return std::any_of(k.begin(), k.end(),
                                              [&](const std::string& s) { return key_bytes(s) < min_bytes; });
                         }),
          c.end());
  std::sort(c.begin(), c.end());
  c.erase(std::unique(c.begin(), c.end()), c.end());
  most_selective_first(&c);
  return c;
}

}  // namespace

// The literals as two sets, one matched as written and one case-insensitively;
// each set's own numbering maps back to the literal's id.
struct RuleFilter::Set {
  struct One {
    std::unique_ptr<RE2::Set> set;
    std::vector<int> ids;
  };
  One exact, folded;

  static void make(One* one, bool case_sensitive) {
    RE2::Options o;
    o.set_literal(true);
    o.set_case_sensitive(case_sensitive);
    o.set_log_errors(false);
    // the DFA's state cache: a set of thousands of strings (the currency
    // names) outgrows RE2's default 8 MB and then rebuilds states per text
    o.set_max_mem(64LL << 20);
    one->set = std::make_unique<RE2::Set>(o, RE2::UNANCHORED);
  }
  bool add(const std::string& key, int id) {
    One& one = key_bytes(key) == key.size() ? exact : folded;
    if (one.set->Add(key.substr(key.size() - key_bytes(key)), nullptr) < 0) return false;
    one.ids.push_back(id);
    return true;
  }
  static bool compile(One* one) { return one->ids.empty() || one->set->Compile(); }
  // Marks the literals `text` holds; false when a set could not decide.
  // The literal ids found in `text`, each once, appended to *found.
  static bool match(const One& one, std::string_view text, std::vector<char>* present, std::vector<int>* found) {
    if (one.ids.empty()) return true;
    std::vector<int> hits;
    RE2::Set::ErrorInfo info;
    if (!one.set->Match(re2::StringPiece(text.data(), text.size()), &hits, &info) && info.kind != RE2::Set::kNoError)
      return false;
    for (int h : hits) {
      const int id = one.ids[static_cast<size_t>(h)];
      if ((*present)[static_cast<size_t>(id)]) continue;
      (*present)[static_cast<size_t>(id)] = 1;
      found->push_back(id);
    }
    return true;
  }
};

RuleFilter::~RuleFilter() = default;

std::shared_ptr<const RuleFilter> RuleFilter::build(const std::vector<Rule>& rules, const FilterOptions& opt) {
  std::shared_ptr<RuleFilter> f(new RuleFilter());
  std::map<std::string, int> ids;
  RequiredLiterals::Memo memo;
  for (const auto& r : rules) {
    std::vector<std::vector<int>> clauses;
    const CompiledRegex::State* state = r.re.state();
    std::optional<AllOf> read;
    if (state) read = RequiredLiterals(r.expanded, !state->options.case_sensitive(), opt.read_classes, &memo).read();
    if (read)
      for (const AnyOf& c : worth_checking(std::move(*read), opt.min_bytes)) {
        std::vector<int> alternatives;
        for (const auto& s : c) alternatives.push_back(ids.emplace(s, static_cast<int>(ids.size())).first->second);
        clauses.push_back(std::move(alternatives));
      }
    f->rules_.push_back(std::move(clauses));
  }
  f->clauses_of_atom_.resize(ids.size());
  for (size_t i = 0; i < f->rules_.size(); ++i)
    for (const auto& clause : f->rules_[i]) {
      const int c = static_cast<int>(f->rule_of_clause_.size());
      f->rule_of_clause_.push_back(static_cast<int>(i));
      for (int a : clause) f->clauses_of_atom_[static_cast<size_t>(a)].push_back(c);
    }
  f->set_ = std::make_unique<Set>();
  Set::make(&f->set_->exact, true);
  Set::make(&f->set_->folded, false);
  std::vector<const std::string*> by_id(ids.size());
  for (const auto& [s, id] : ids) by_id[static_cast<size_t>(id)] = &s;
  for (size_t id = 0; id < by_id.size(); ++id)
    if (!f->set_->add(*by_id[id], static_cast<int>(id))) return nullptr;
  f->atoms_ = ids.size();
  if (!Set::compile(&f->set_->exact) || !Set::compile(&f->set_->folded)) return nullptr;
  return f;
}

bool RuleFilter::candidates(std::string_view text, std::vector<bool>* out) const {
  std::vector<char> present(atoms_, 0);
  std::vector<int> found;
  if (!Set::match(set_->exact, text, &present, &found) || !Set::match(set_->folded, text, &present, &found))
    return false;
  // A rule may match when every one of its clauses holds a literal found.
  std::vector<char> clause_met(rule_of_clause_.size(), 0);
  std::vector<size_t> met(rules_.size(), 0);
  for (int a : found)
    for (int c : clauses_of_atom_[static_cast<size_t>(a)]) {
      if (clause_met[static_cast<size_t>(c)]) continue;
      clause_met[static_cast<size_t>(c)] = 1;
      ++met[static_cast<size_t>(rule_of_clause_[static_cast<size_t>(c)])];
    }
  out->assign(rules_.size(), true);
  for (size_t i = 0; i < rules_.size(); ++i) (*out)[i] = met[i] == rules_[i].size();
  return true;
}

}  // namespace dealgraph::rules
