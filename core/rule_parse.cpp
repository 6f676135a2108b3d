// The steps of RuleSet::from_files: reading a file's lines into raw entries,
// then compiling rules and checking pieces (core/rule_parse.h).
#include "core/rule_parse.h"

#include <re2/re2.h>

#include <cctype>
#include <memory>
#include <utility>

namespace dealgraph::rules::parse {

// ---------------------------------------------------------------- lines

std::string strip_comment(const std::string& line) {
  for (size_t i = 0; i < line.size(); ++i)
    if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) return line.substr(0, i);
  return line;
}

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

Line read_line(std::string text, int number) {
  if (!text.empty() && text.back() == '\r') text.pop_back();
  Line line;
  line.indented = !text.empty() && (text[0] == ' ' || text[0] == '\t');
  line.body = trim(strip_comment(text));
  line.text = std::move(text);
  line.number = number;
  return line;
}

std::string loose(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool is_name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
}

// ---------------------------------------------------------------- headers

namespace {

// "piece NAME = REGEX"; `rest` is what follows "piece". Errors point at the
// name (column 7, after "piece ").
// "piece NAME = REGEX" and "clause NAME = REGEX" share a shape; `word` says
// which, `kind` what it makes.
Result<Entry> named_regex_entry(const std::string& path, const Line& line, const std::string& rest,
                                const std::string& word, Entry::Kind kind) {
  size_t eq = rest.find('=');
  if (eq == std::string::npos)
    return Error::at(path, line.number, 1, "expected '" + word + " NAME = REGEX'", line.body);
  std::string name = trim(rest.substr(0, eq));
  const int name_col = static_cast<int>(word.size()) + 2;
  if (name.empty() || !is_name_start(name[0])) return Error::at(path, line.number, name_col, "bad " + word + " name", name);
  Entry e;
  e.kind = kind;
  e.name = name;
  e.piece = trim(rest.substr(eq + 1));
  return e;
}

Result<Entry> table_entry(const std::string& path, const Line& line, const std::string& rest) {
  if (rest.empty() || !is_name_start(rest[0]))
    return Error::at(path, line.number, 7, "expected 'table NAME'", line.body);
  Entry e;
  e.kind = Entry::Kind::Table;
  e.name = e.table.name = rest;
  e.table.file = path;
  e.table.line = line.number;
  return e;
}

Result<Entry> piece_entry(const std::string& path, const Line& line, const std::string& rest) {
  return named_regex_entry(path, line, rest, "piece", Entry::Kind::Piece);
}

Result<Entry> clause_entry(const std::string& path, const Line& line, const std::string& rest) {
  return named_regex_entry(path, line, rest, "clause", Entry::Kind::Clause);
}

Result<Entry> rule_entry(const std::string& path, const Line& line, const std::string& rest) {
  if (rest.empty()) return Error::at(path, line.number, 6, "expected 'rule NAME'", line.body);
  Entry e;
  e.kind = Entry::Kind::Rule;
  e.name = e.rule.rule.name = rest;
  e.rule.rule.file = path;
  e.rule.rule.line = line.number;
  return e;
}

Result<Entry> frame_entry(const std::string& path, const Line& line, const std::string& rest) {
  if (rest.empty() || !is_name_start(rest[0])) return Error::at(path, line.number, 7, "expected 'frame NAME'", line.body);
  Result<Entry> e = rule_entry(path, line, rest);
  e->kind = Entry::Kind::Frame;
  e->rule.frame = true;
  return e;
}

}  // namespace

Result<Entry> read_header(const std::string& path, const Line& line) {
  const std::string& body = line.body;
  size_t sp = body.find_first_of(" \t");
  std::string word = body.substr(0, sp);
  std::string rest = sp == std::string::npos ? "" : trim(body.substr(sp));
  using Reader = Result<Entry> (*)(const std::string&, const Line&, const std::string&);
  static const std::pair<const char*, Reader> kHeaders[] = {
      {"piece", piece_entry}, {"table", table_entry}, {"rule", rule_entry},
      {"clause", clause_entry}, {"frame", frame_entry}};
  Reader read = nullptr;
  for (const auto& [w, r] : kHeaders)
    if (word == w) read = r;
  if (!read)
    return Error::at(path, line.number, 1, "expected 'piece', 'table', 'rule', 'clause', 'frame' or an indented line",
                     body);
  Result<Entry> e = read(path, line, rest);
  if (e) {
    e->line = line.number;
    e->header = body;
  }
  return e;
}

// ---------------------------------------------------------------- bodies

Status read_table_line(const std::string& path, const Line& line, Table* table) {
  const std::string& body = line.body;
  std::string key = body, value;
  size_t eq = body.find(" = ");
  if (eq != std::string::npos) {
    key = trim(body.substr(0, eq));
    value = trim(body.substr(eq + 3));
  }
  if (key.empty()) return Error::at(path, line.number, 1, "empty key in table '" + table->name + "'", line.text);
  if (table->index.count(key))
    return Error::at(path, line.number, 1, "duplicate key in table '" + table->name + "'", key);
  table->entries.emplace_back(key, value);
  table->entry_lines.push_back(line.number);
  table->index[key] = value;
  table->loose_index.emplace(loose(key), value);
  return {};
}

Status read_attribute(const std::string& path, const Line& line, RawRule* raw) {
  Rule& rule = raw->rule;
  const std::string& body = line.body;
  size_t colon = body.find(':');
  if (colon == std::string::npos || colon == 0)
    return Error::at(path, line.number, 1, "expected 'key: value' under rule '" + rule.name + "'", body);
  std::string key = trim(body.substr(0, colon));
  // A pattern is everything after "pattern:" up to its comment (read_line).
  std::string value = trim(body.substr(colon + 1));
  if (key != "pattern") {
    rule.attrs[key] = value;
    return {};
  }
  if (raw->frame)
    return Error::at(path, line.number, 1, "frame '" + rule.name + "' has no pattern: its clauses make the patterns",
                     body);
  if (!rule.pattern.empty()) return Error::at(path, line.number, 1, "second pattern in rule '" + rule.name + "'", body);
  rule.pattern = value;
  raw->pattern_line = line.number;
  raw->pattern_col = static_cast<int>(line.text.find(value.empty() ? ":" : value) + 1);
  return {};
}

// ---------------------------------------------------------------- files

namespace {

enum class Open { Nothing, Table, Rule };

// One non-blank line: a line of the open table (or its "end"), an attribute
// of the open rule when indented, else a new header, which closes the rule.
Status read_entry_line(const std::string& path, const Line& line, Open* open, std::vector<Entry>* entries) {
  if (*open == Open::Table) {
    if (line.body != "end") return read_table_line(path, line, &entries->back().table);
    *open = Open::Nothing;
    return {};
  }
  if (*open == Open::Rule && line.indented) return read_attribute(path, line, &entries->back().rule);
  *open = Open::Nothing;
  Result<Entry> e = read_header(path, line);
  if (!e) return e.error();
  if (e->kind == Entry::Kind::Table) *open = Open::Table;
  if (e->kind == Entry::Kind::Rule || e->kind == Entry::Kind::Frame) *open = Open::Rule;
  entries->push_back(std::move(*e));
  return {};
}

}  // namespace

FileEntries read_file(const std::string& path, const std::string& text) {
  FileEntries out;
  Open open = Open::Nothing;
  int number = 0;
  for (size_t pos = 0; pos <= text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    Line line = read_line(text.substr(pos, nl - pos), ++number);
    pos = nl + 1;
    if (line.body.empty()) continue;
    if (Status st = read_entry_line(path, line, &open, &out.entries); !st) {
      out.error = st.error();
      return out;
    }
  }
  if (open == Open::Table) {
    const Table& t = out.entries.back().table;
    out.error = Error::at(path, t.line, 1, "table '" + t.name + "' has no 'end'");
  }
  return out;
}

// ---------------------------------------------------------------- compiler

// The named groups of an RE2 pattern and their numbers: every "(" that is
// not escaped, not in a character class and not followed by "?" opens a
// numbered group; "(?P<name>" a named one. `captures` gets their count.
std::map<std::string, int> named_groups_of(const std::string& re, int* captures) {
  std::map<std::string, int> out;
  int number = 0;
  bool in_class = false;
  for (size_t i = 0; i < re.size(); ++i) {
    const char c = re[i];
    if (c == '\\') {
      ++i;
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      continue;
    }
    if (c == '[') {
      in_class = true;
      if (i + 1 < re.size() && re[i + 1] == '^') ++i;
      if (i + 1 < re.size() && re[i + 1] == ']') ++i;  // a leading ']' is a member
      continue;
    }
    if (c != '(') continue;
    if (re.compare(i + 1, 3, "?P<") == 0) {
      const size_t close = re.find('>', i + 4);
      if (close == std::string::npos) break;
      out[re.substr(i + 4, close - i - 4)] = ++number;
    } else if (i + 1 >= re.size() || re[i + 1] != '?') {
      ++number;
    }
  }
  if (captures) *captures = number;
  return out;
}

namespace {

RE2::Options rule_options(const Rule& rule, const LoadOptions& opt) {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_max_mem(opt.max_mem);
  o.set_longest_match(opt.longest_match);
  o.set_case_sensitive(!opt.case_insensitive && rule.attr("case") != "insensitive");
  return o;
}

}  // namespace

Result<Rule> compile_rule(const RuleSet& set, RawRule raw, const LoadOptions& opt) {
  Rule& rule = raw.rule;
  if (rule.pattern.empty()) return Error::at(rule.file, rule.line, 1, "rule '" + rule.name + "' has no pattern");
  auto expanded = set.expand(rule.pattern, rule.file, raw.pattern_line, raw.pattern_col);
  if (!expanded) return expanded.error();
  rule.expanded = *expanded;
  rule.named_groups = named_groups_of(rule.expanded, &rule.capture_count);
  auto state = std::make_shared<CompiledRegex::State>(rule.expanded, rule_options(rule, opt), rule.file,
                                                      raw.pattern_line, raw.pattern_col, rule.name);
  if (!opt.defer_compile)
    if (Status st = state->compile(); !st) return st.error();
  rule.re = CompiledRegex(std::move(state));
  return std::move(rule);
}

Status check_piece(const RuleSet& set, const std::string& name, const std::string& body, const std::string& file,
                   int line) {
  auto expanded = set.expand(body, file, line, 1);
  if (!expanded) return expanded.error();
  RE2::Options o;
  o.set_log_errors(false);
  RE2 re(*expanded, o);
  if (!re.ok()) return Error::at(file, line, 1, "piece " + name + ": " + re.error(), re.error_arg());
  return {};
}

}  // namespace dealgraph::rules::parse
