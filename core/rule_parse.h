// dealgraph/core/rule_parse.h — internal: the steps of RuleSet::from_files.
//
// Not a public header (core/rule_set.h is the manual of the language); tests
// include it to check each step on its own.
//
//   read_file     one file's text -> raw entries (piece, table with its lines,
//                 rule with its "key: value" attributes), each with its line,
//                 and the file's first syntax error. It knows nothing of other
//                 files: names unique across a set are RuleSet's to check
//                 when it adds the entries.
//   compile_rule  a raw rule -> a Rule whose pattern is expanded and compiled
//                 with RE2.
//   check_piece   a piece must compile on its own, used or not.
//
// Every Error names file:line:column and the offending fragment.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include <memory>
#include <mutex>

#include "core/error.h"
#include "core/rule_set.h"

namespace dealgraph::rules {

// What a CompiledRegex compiles, and the rule's place for its error.
struct CompiledRegex::State {
  State(std::string p, const RE2::Options& o, std::string f, int l, int c, std::string n)
      : pattern(std::move(p)), options(o), file(std::move(f)), line(l), column(c), rule(std::move(n)) {}
  std::string pattern;
  RE2::Options options;
  std::string file;
  int line, column;
  std::string rule;
  std::once_flag once;
  std::unique_ptr<RE2> re;
  // Compiles (once); the RE2 error at the rule's pattern when it fails.
  Status compile();
};

}  // namespace dealgraph::rules

namespace dealgraph::rules::parse {

// The named capturing groups of an RE2 pattern, numbered as RE2 numbers them.
std::map<std::string, int> named_groups_of(const std::string& re, int* captures = nullptr);

// ---------------------------------------------------------------- lines

// One line of a rule file as the reader sees it.
struct Line {
  std::string text;       // as written, without '\n' and a trailing '\r'
  std::string body;       // without its comment and surrounding blanks
  int number = 0;         // 1-based
  bool indented = false;  // starts with a space or a tab
};

// Cuts the comment off a line: a '#' at its start or after a space or tab
// starts one, wherever the line is (alone, after a table entry, after a rule
// attribute). A '#' glued to text is kept, so "C#" and "\#" are text.
std::string strip_comment(const std::string& line);
std::string trim(std::string_view s);
Line read_line(std::string text, int number);

// Lower case, runs of blanks as one space: the key of Table::find_loose.
std::string loose(std::string_view s);
// A {reference} name: a letter or '_', then letters, digits, '_', '.', '-'.
bool is_name_start(char c);
bool is_name_char(char c);

// ---------------------------------------------------------------- entries

// A rule as read: attributes set, pattern not yet expanded nor compiled.
struct RawRule {
  Rule rule;
  int pattern_line = 0;  // where the pattern's text starts, for its errors
  int pattern_col = 0;
  bool frame = false;    // a frame: its clauses make its rules (core/rule_frames.h)
};

struct Entry {
  enum class Kind { Piece, Table, Rule, Clause, Frame };
  Kind kind = Kind::Piece;
  std::string name;
  int line = 0;
  std::string header;  // the header line's body: errors about the name show it
  std::string piece;   // Kind::Piece and Kind::Clause: the regex after '='
  Table table;         // Kind::Table: name, file, line and its entries
  RawRule rule;        // Kind::Rule and Kind::Frame: name, file, line and its attributes
};

struct FileEntries {
  std::vector<Entry> entries;  // in file order, up to the first error
  std::optional<Error> error;  // the file's first syntax error, if any
};

// Reads one file. A table open at the end of the file is an error at the
// table's line.
FileEntries read_file(const std::string& path, const std::string& text);

// The steps of read_file, one line each.
// "piece NAME = REGEX", "clause NAME = REGEX", "table NAME", "rule NAME" or
// "frame NAME".
Result<Entry> read_header(const std::string& path, const Line& line);
// "key = value" or "key" inside a table (not "end").
Status read_table_line(const std::string& path, const Line& line, Table* table);
// An indented "key: value" under a rule or a frame (a frame has no pattern).
Status read_attribute(const std::string& path, const Line& line, RawRule* raw);

// ---------------------------------------------------------------- compiler

// Expands the pattern with `set`'s pieces and tables and compiles it.
Result<Rule> compile_rule(const RuleSet& set, RawRule raw, const LoadOptions& opt);
// Expands and compiles a piece's regex, so a broken piece fails loudly even
// when no rule uses it.
Status check_piece(const RuleSet& set, const std::string& name, const std::string& body, const std::string& file,
                   int line);

}  // namespace dealgraph::rules::parse
