// dealgraph/core/rule_set.h — rules as plain text.
//
// Every extractor's language knowledge lives in rule files under rules/. One
// rule set is all the `*.rules` files of one folder (rules/values/,
// rules/deals/, ...), read in path order after those of rules/shared/. A
// file has three kinds of entry, in the manner of HeidelTime:
//
//   # a comment
//   piece number = \d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?
//
//   table currency            # a lookup table: "key = value" lines up to "end"
//     달러 = USD
//     미 달러 = USD
//     엔                       # a key without a value is a word list entry
//   end
//
//   rule money.ko.unit        # a rule: indented "key: value" lines follow
//     pattern: (?P<num>{number})\s*(?P<cur>{currency})
//     kind: money
//
// A comment starts at a '#' that begins a line or follows a space or a tab,
// and runs to the end of the line. It is cut the same way wherever it is:
// alone on a line (indented or not), after a header, after a table entry,
// after a rule's attribute, pattern included; a comment line inside a table
// or under a rule neither ends it nor counts as an entry. A '#' glued to text
// is text ("C#", "a#b"): a pattern writes " #" as " \#", and a table value
// cannot start with '#'. A stage must not read rule text itself: one that
// needs a table's order or an entry's line asks the RuleSet (table_names,
// Table::line_of), so every stage sees the same comments.
//
// In a pattern (and in a piece), {name} stands for the piece `name` (wrapped
// in a non-capturing group) or, for a table, the alternation of its keys,
// longest first, regex-escaped. A regex quantifier such as {2,3} is left
// alone: references start with a letter. Rules are compiled with RE2 once at
// load; an unknown reference, a duplicate name or an RE2 error is an Error
// naming file:line:column, the rule and the offending fragment.
//
// Frames and clauses (core/rule_frames.h) make rules from a lexicon, in the
// manner of FrameNet and PropBank: a clause is the shape a language gives a
// sentence, with slots {=name}; a frame is a trigger and where its arguments
// go. A frame fills the slots with its attributes, and each clause of its
// list whose slots it all fills becomes the rule FRAME.CLAUSE, with the
// frame's other attributes (and `frame:`/`clause:` naming both):
//
//   clause en.active = (?P<{=subject}>{PARTIES})\s+(?:{=verb})\s+(?P<{=object}>{ORG})
//   clause en.passive = (?P<{=object}>{ORG})\s+was\s+(?:{=participle})\s+by\s+(?P<{=subject}>{PARTY})
//
//   frame en.acquire
//     clauses: en.            # names, or prefixes ending in '.'
//     type: acquisition
//     verb: acquires|acquired
//     participle: acquired
//     subject: acquirer
//     object: target
//
// makes en.acquire.active and en.acquire.passive. A frame names no pattern;
// one whose `clauses:` names no clause, or that fills no clause, is an Error
// at its line.
//
// What a rule's attributes mean is up to the extractor that uses the set; the
// set only checks the shape. Ownership: a RuleSet owns its compiled regexes;
// it is immutable after load and safe to share between threads.
#pragma once

#include <initializer_list>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/resources.h"

namespace re2 {
class RE2;
}

namespace dealgraph::rules {

namespace parse {  // core/rule_parse.h: the steps of from_files
struct Entry;
struct RawRule;
}  // namespace parse

struct Table {
  std::string name;
  std::string file;
  int line = 0;
  std::vector<std::pair<std::string, std::string>> entries;  // in file order
  std::vector<int> entry_lines;                              // the line of each entry
  std::map<std::string, std::string> index;                  // key -> value

  // Exact lookup; nullptr when absent.
  const std::string* find(std::string_view key) const;
  // Lookup ignoring ASCII case and collapsing runs of white space.
  const std::string* find_loose(std::string_view key) const;
  // Longest key that `text` starts with, or 0 when none.
  size_t longest_prefix(std::string_view text, std::string* value = nullptr) const;
  // Longest key that `text` ends with, or 0 when none.
  size_t longest_suffix(std::string_view text, std::string* value = nullptr) const;
  // The line of `key`'s entry, or the table's own line when absent: where an
  // error about a value points.
  int line_of(std::string_view key) const;

  std::map<std::string, std::string> loose_index;
};

// A rule's compiled regex: `*rule.re` is the RE2. With
// LoadOptions::defer_compile it is compiled the first time it is used
// (once, thread-safe); copies share it.
class CompiledRegex {
 public:
  struct State;
  CompiledRegex() = default;
  explicit CompiledRegex(std::shared_ptr<State> s) : s_(std::move(s)) {}
  const re2::RE2& operator*() const { return *get(); }
  const re2::RE2* operator->() const { return get(); }
  const re2::RE2* get() const;
  State* state() const { return s_.get(); }

 private:
  std::shared_ptr<State> s_;
};

struct Rule {
  std::string name;
  std::string file;
  int line = 0;
  std::string pattern;   // as written
  std::string expanded;  // after piece/table expansion
  std::map<std::string, std::string> attrs;  // every "key: value" except pattern
  CompiledRegex re;
  // The named capturing groups (name -> number), read off `expanded`: what
  // RE2's NamedCapturingGroups gives, without compiling.
  std::map<std::string, int> named_groups;
  // The number of capturing groups, read off `expanded` the same way: RE2's
  // NumberOfCapturingGroups.
  int capture_count = 0;

  // attrs value or `fallback`.
  std::string attr(const std::string& key, const std::string& fallback = "") const;
};

// A clause of the lexicon: a regex with slots {=name} (see "Frames and
// clauses" above).
struct Clause {
  std::string name;
  std::string body;                // the regex, slots unfilled
  std::string file;
  int line = 0;
  std::vector<std::string> slots;  // the {=name} slots of `body`, each once, in order
};

struct LoadOptions {
  bool case_insensitive = false;      // compile every pattern with (?i)
  bool longest_match = false;         // RE2 leftmost-longest instead of leftmost-first
  long long max_mem = 64LL << 20;     // RE2 memory budget per rule
  // Compile each rule's regex when it is first used, not at load: start-up
  // then costs only what a run needs. Load no longer sees an RE2 error, so
  // this is for rule files known to compile — the built-in ones
  // (Resources::is_builtin), which tests/test_rules_compile.cpp compiles.
  bool defer_compile = false;
};

class RuleSet {
 public:
  // The folder whose tables every rule set shares (month names, ...).
  static constexpr const char* kSharedFolder = "rules/shared";
  // The files a set is made of: rules/shared/*.rules, then "<folder>/*.rules",
  // each in path order.
  static std::vector<std::pair<std::string, std::string>> files_of(const Resources& res,
                                                                   const std::string& folder);
  // Parses and compiles files_of(res, folder).
  static Result<RuleSet> load(const Resources& res, const std::string& folder,
                              const LoadOptions& opt = {});
  // Parses and compiles the given files (path, text), in the order given.
  static Result<RuleSet> from_files(const std::vector<std::pair<std::string, std::string>>& files,
                                    const LoadOptions& opt = {});

  const std::vector<Rule>& rules() const { return rules_; }
  // Compiles every rule not compiled yet and checks every piece: the first
  // RE2 error at its file:line (what load gives without defer_compile).
  Status compile_all() const;
  const Table* table(const std::string& name) const;
  // Every table's name, in the order the files define them.
  const std::vector<std::string>& table_names() const { return table_order_; }
  // A table the stage declared with require_tables at load. A table never
  // required is a defect of the stage: it aborts with the name, rather than
  // quietly reading an empty table when a --rules overlay lacks it.
  const Table& need_table(const std::string& name) const;
  bool has_piece(const std::string& name) const { return pieces_.count(name) > 0; }
  // An Error naming `folder` and the first of `names` that is not a table.
  Status require_tables(const std::string& folder, std::initializer_list<const char*> names) const;
  Status require_tables(const std::string& folder, const std::vector<std::string>& names) const;

  // An Error at the table's file:line for a table that no rule or piece
  // refers to and that is not in `engine_tables` (the tables the stage reads
  // in code): a misspelt table name would otherwise be ignored. Tables of
  // rules/shared/ are exempt.
  Status check_unknown_tables(const std::set<std::string>& engine_tables) const;
  // The tables some rule or piece refers to as {name}.
  std::set<std::string> referenced_tables() const;

  // Expands {references} in `pattern` (errors name `file`:`line`).
  Result<std::string> expand(const std::string& pattern, const std::string& file, int line,
                             int column) const;

 private:
  struct Piece {
    std::string body;
    std::string file;
    int line = 0;
  };
  Result<std::string> expand_inner(const std::string& pattern, const std::string& file, int line,
                                   int column, int depth) const;
  // from_files's steps after parse::read_file: an entry joins the set (names
  // are unique across files); then every rule is compiled, every piece checked.
  Status add_entry(const std::string& path, parse::Entry entry, std::vector<parse::RawRule>* rules);
  Status compile(std::vector<parse::RawRule> rules, const LoadOptions& opt);
  // Frames replaced by the rules their clauses make, in place.
  Result<std::vector<parse::RawRule>> with_frames_instantiated(std::vector<parse::RawRule> rules) const;
  // Every piece compiles on its own, used or not.
  Status check_pieces() const;
  std::map<std::string, Piece> pieces_;
  std::vector<Clause> clauses_;  // in definition order
  std::map<std::string, Table> tables_;
  std::vector<std::string> table_order_;
  std::vector<Rule> rules_;
};

}  // namespace dealgraph::rules
