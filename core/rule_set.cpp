#include "core/rule_set.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cctype>

namespace dealgraph::rules {

namespace {

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
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

// Strips a trailing comment: " #" starts one (a '#' glued to text is kept, so
// patterns may contain '#').
std::string strip_comment(const std::string& line) {
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      // "\#" stays a literal
      return line.substr(0, i);
    }
  }
  return line;
}

struct RawRule {
  Rule rule;
  int pattern_line = 0;
  int pattern_col = 0;
};

}  // namespace

const std::string* Table::find(std::string_view key) const {
  auto it = index.find(std::string(key));
  return it == index.end() ? nullptr : &it->second;
}

const std::string* Table::find_loose(std::string_view key) const {
  auto it = loose_index.find(loose(key));
  return it == loose_index.end() ? nullptr : &it->second;
}

size_t Table::longest_prefix(std::string_view text, std::string* value) const {
  size_t best = 0;
  for (const auto& [k, v] : entries) {
    if (k.size() > best && text.substr(0, k.size()) == k) {
      best = k.size();
      if (value) *value = v;
    }
  }
  return best;
}

size_t Table::longest_suffix(std::string_view text, std::string* value) const {
  size_t best = 0;
  for (const auto& [k, v] : entries) {
    if (k.size() > best && k.size() <= text.size() && text.substr(text.size() - k.size()) == k) {
      best = k.size();
      if (value) *value = v;
    }
  }
  return best;
}

std::string Rule::attr(const std::string& key, const std::string& fallback) const {
  auto it = attrs.find(key);
  return it == attrs.end() ? fallback : it->second;
}

const Table* RuleSet::table(const std::string& name) const {
  auto it = tables_.find(name);
  return it == tables_.end() ? nullptr : &it->second;
}

Status RuleSet::require_tables(const std::string& folder, std::initializer_list<const char*> names) const {
  return require_tables(folder, std::vector<std::string>(names.begin(), names.end()));
}

Status RuleSet::require_tables(const std::string& folder, const std::vector<std::string>& names) const {
  for (const std::string& n : names)
    if (!table(n)) {
      Error e;
      e.file = folder;
      e.message = std::string("missing table '") + n + "' (the engine needs it)";
      return e;
    }
  return {};
}

const Table& RuleSet::need_table(const std::string& name) const {
  const Table* t = table(name);
  if (!t) {
    // require_tables at load makes this unreachable for a table the stage
    // declared; reaching it is a defect in the stage, never bad input.
    std::fprintf(stderr, "dealgraph: internal error: table '%s' read but never required at load\n", name.c_str());
    std::abort();
  }
  return *t;
}

std::set<std::string> RuleSet::referenced_tables() const {
  std::set<std::string> out;
  auto scan = [&](const std::string& pattern) {
    for (size_t i = 0; i < pattern.size(); ++i) {
      if (pattern[i] == '\\') {
        ++i;
        continue;
      }
      if (pattern[i] != '{' || i + 1 >= pattern.size() || !is_name_start(pattern[i + 1])) continue;
      size_t j = i + 1;
      while (j < pattern.size() && is_name_char(pattern[j])) ++j;
      if (j < pattern.size() && pattern[j] == '}' && tables_.count(pattern.substr(i + 1, j - i - 1)))
        out.insert(pattern.substr(i + 1, j - i - 1));
    }
  };
  for (const auto& r : rules_) scan(r.pattern);
  for (const auto& [name, p] : pieces_) scan(p.body);
  return out;
}

Status RuleSet::check_unknown_tables(const std::set<std::string>& engine_tables) const {
  const std::set<std::string> used = referenced_tables();
  for (const auto& [name, t] : tables_) {
    if (used.count(name) || engine_tables.count(name)) continue;
    if (t.file.rfind(std::string(kSharedFolder) + "/", 0) == 0) continue;  // shared: not every set reads them
    return Error::at(t.file, t.line, 1, "table '" + name + "' is read by no rule and not by the engine (a typo?)",
                     name);
  }
  return {};
}

Result<std::string> RuleSet::expand(const std::string& pattern, const std::string& file, int line,
                                    int column) const {
  return expand_inner(pattern, file, line, column, 0);
}

Result<std::string> RuleSet::expand_inner(const std::string& pattern, const std::string& file,
                                          int line, int column, int depth) const {
  if (depth > 20)
    return Error::at(file, line, column, "pieces refer to each other in a loop", pattern);
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      out += c;
      out += pattern[++i];
      continue;
    }
    if (c == '{' && i + 1 < pattern.size() && is_name_start(pattern[i + 1])) {
      size_t j = i + 1;
      while (j < pattern.size() && is_name_char(pattern[j])) ++j;
      if (j < pattern.size() && pattern[j] == '}') {
        std::string name = pattern.substr(i + 1, j - i - 1);
        int col = column + static_cast<int>(i);
        if (auto p = pieces_.find(name); p != pieces_.end()) {
          auto inner = expand_inner(p->second.body, p->second.file, p->second.line, 1, depth + 1);
          if (!inner) return inner.error();
          out += "(?:" + *inner + ")";
        } else if (auto t = tables_.find(name); t != tables_.end()) {
          std::vector<std::string> keys;
          for (const auto& kv : t->second.entries) keys.push_back(kv.first);
          std::sort(keys.begin(), keys.end(), [](const std::string& a, const std::string& b) {
            return a.size() != b.size() ? a.size() > b.size() : a < b;
          });
          out += "(?:";
          for (size_t k = 0; k < keys.size(); ++k) {
            if (k) out += "|";
            out += RE2::QuoteMeta(keys[k]);
          }
          out += ")";
        } else {
          return Error::at(file, line, col, "unknown piece '" + name + "'",
                           pattern.substr(i, j - i + 1));
        }
        i = j;
        continue;
      }
    }
    out += c;
  }
  return out;
}

Result<RuleSet> RuleSet::load(const Resources& res, const std::string& folder,
                              const LoadOptions& opt) {
  return from_files(files_of(res, folder), opt);
}

std::vector<std::pair<std::string, std::string>> RuleSet::files_of(const Resources& res,
                                                                   const std::string& folder) {
  auto files = res.list(kSharedFolder, ".rules");
  if (folder == kSharedFolder) return files;
  for (auto& f : res.list(folder, ".rules")) files.push_back(std::move(f));
  return files;
}

Result<RuleSet> RuleSet::from_files(const std::vector<std::pair<std::string, std::string>>& files,
                                    const LoadOptions& opt) {
  RuleSet set;
  std::vector<RawRule> raw;
  for (const auto& [path, text] : files) {
    Table* open_table = nullptr;
    RawRule* open_rule = nullptr;
    int lineno = 0;
    size_t pos = 0;
    while (pos <= text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) nl = text.size();
      std::string line = text.substr(pos, nl - pos);
      pos = nl + 1;
      ++lineno;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      const bool indented = !line.empty() && (line[0] == ' ' || line[0] == '\t');
      std::string body = trim(strip_comment(line));
      if (body.empty()) {
        if (nl == text.size()) break;
        continue;
      }
      if (open_table) {
        if (body == "end") {
          open_table = nullptr;
          continue;
        }
        std::string key = body, value;
        size_t eq = body.find(" = ");
        if (eq != std::string::npos) {
          key = trim(body.substr(0, eq));
          value = trim(body.substr(eq + 3));
        }
        if (key.empty()) return Error::at(path, lineno, 1, "empty key in table '" + open_table->name + "'", line);
        if (open_table->index.count(key))
          return Error::at(path, lineno, 1, "duplicate key in table '" + open_table->name + "'", key);
        open_table->entries.emplace_back(key, value);
        open_table->index[key] = value;
        open_table->loose_index.emplace(loose(key), value);
        continue;
      }
      if (indented && open_rule) {
        size_t colon = body.find(':');
        if (colon == std::string::npos || colon == 0)
          return Error::at(path, lineno, 1, "expected 'key: value' under rule '" + open_rule->rule.name + "'", body);
        std::string key = trim(body.substr(0, colon));
        // Patterns keep everything after "pattern:" (comments were only cut at " #").
        std::string value = trim(body.substr(colon + 1));
        if (key == "pattern") {
          if (!open_rule->rule.pattern.empty())
            return Error::at(path, lineno, 1, "second pattern in rule '" + open_rule->rule.name + "'", body);
          open_rule->rule.pattern = value;
          open_rule->pattern_line = lineno;
          open_rule->pattern_col = static_cast<int>(line.find(value.empty() ? ":" : value) + 1);
        } else {
          open_rule->rule.attrs[key] = value;
        }
        continue;
      }
      open_rule = nullptr;
      size_t sp = body.find_first_of(" \t");
      std::string word = body.substr(0, sp);
      std::string rest = sp == std::string::npos ? "" : trim(body.substr(sp));
      if (word == "piece") {
        size_t eq = rest.find('=');
        if (eq == std::string::npos)
          return Error::at(path, lineno, 1, "expected 'piece NAME = REGEX'", body);
        std::string name = trim(rest.substr(0, eq));
        if (name.empty() || !is_name_start(name[0]))
          return Error::at(path, lineno, 7, "bad piece name", name);
        if (set.pieces_.count(name) || set.tables_.count(name))
          return Error::at(path, lineno, 7, "duplicate piece or table name '" + name + "'", body);
        set.pieces_[name] = Piece{trim(rest.substr(eq + 1)), path, lineno};
      } else if (word == "table") {
        if (rest.empty() || !is_name_start(rest[0]))
          return Error::at(path, lineno, 7, "expected 'table NAME'", body);
        if (set.pieces_.count(rest) || set.tables_.count(rest))
          return Error::at(path, lineno, 7, "duplicate piece or table name '" + rest + "'", body);
        Table& t = set.tables_[rest];
        t.name = rest;
        t.file = path;
        t.line = lineno;
        open_table = &t;
      } else if (word == "rule") {
        if (rest.empty()) return Error::at(path, lineno, 6, "expected 'rule NAME'", body);
        for (const auto& r : raw)
          if (r.rule.name == rest)
            return Error::at(path, lineno, 6, "duplicate rule name '" + rest + "' (first at " + r.rule.file + ":" +
                                                  std::to_string(r.rule.line) + ")", body);
        raw.push_back(RawRule{});
        raw.back().rule.name = rest;
        raw.back().rule.file = path;
        raw.back().rule.line = lineno;
        open_rule = &raw.back();
      } else {
        return Error::at(path, lineno, 1, "expected 'piece', 'table', 'rule' or an indented line", body);
      }
    }
    if (open_table)
      return Error::at(path, open_table->line, 1, "table '" + open_table->name + "' has no 'end'");
  }
  // Compile after every file is read, so rules may use pieces from any file.
  for (auto& r : raw) {
    Rule& rule = r.rule;
    if (rule.pattern.empty())
      return Error::at(rule.file, rule.line, 1, "rule '" + rule.name + "' has no pattern");
    auto expanded = set.expand(rule.pattern, rule.file, r.pattern_line, r.pattern_col);
    if (!expanded) return expanded.error();
    rule.expanded = *expanded;
    RE2::Options o;
    o.set_log_errors(false);
    o.set_max_mem(opt.max_mem);
    o.set_longest_match(opt.longest_match);
    o.set_case_sensitive(!opt.case_insensitive && rule.attr("case") != "insensitive");
    auto re = std::make_shared<RE2>(rule.expanded, o);
    if (!re->ok())
      return Error::at(rule.file, r.pattern_line, r.pattern_col,
                       "rule " + rule.name + ": " + re->error(), re->error_arg());
    rule.re = std::move(re);
    set.rules_.push_back(std::move(rule));
  }
  // Pieces are checked too, so a broken piece no rule uses still fails loudly.
  for (const auto& [name, p] : set.pieces_) {
    auto e = set.expand(p.body, p.file, p.line, 1);
    if (!e) return e.error();
    RE2::Options o;
    o.set_log_errors(false);
    RE2 re(*e, o);
    if (!re.ok()) return Error::at(p.file, p.line, 1, "piece " + name + ": " + re.error(), re.error_arg());
  }
  return set;
}

}  // namespace dealgraph::rules
