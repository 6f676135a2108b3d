#include "core/rule_set.h"

#include <re2/re2.h>

#include "core/rule_frames.h"
#include "core/rule_parse.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace dealgraph::rules {

using parse::is_name_char;
using parse::is_name_start;
using parse::loose;

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

int Table::line_of(std::string_view key) const {
  for (size_t i = 0; i < entries.size() && i < entry_lines.size(); ++i)
    if (entries[i].first == key) return entry_lines[i];
  return line;
}

Status CompiledRegex::State::compile() {
  std::call_once(once, [this] { re = std::make_unique<RE2>(pattern, options); });
  if (!re->ok()) return Error::at(file, line, column, "rule " + rule + ": " + re->error(), re->error_arg());
  return {};
}

const RE2* CompiledRegex::get() const {
  if (Status st = s_->compile(); !st) {
    // Only a rule loaded with defer_compile gets here, and those are the
    // built-in rules, which tests compile: a defect, never bad input.
    std::fprintf(stderr, "dealgraph: internal error: %s\n", st.error().to_string().c_str());
    std::abort();
  }
  return s_->re.get();
}

Status RuleSet::compile_all() const {
  for (const auto& r : rules_)
    if (Status st = r.re.state()->compile(); !st) return st;
  return check_pieces();
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
  for (const auto& c : clauses_) scan(c.body);
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

// Each file is read on its own, then its entries join the set in file order
// (a duplicate name is found at its line before a later syntax error).
Result<RuleSet> RuleSet::from_files(const std::vector<std::pair<std::string, std::string>>& files,
                                    const LoadOptions& opt) {
  RuleSet set;
  std::vector<parse::RawRule> rules;
  for (const auto& [path, text] : files) {
    parse::FileEntries read = parse::read_file(path, text);
    for (parse::Entry& e : read.entries)
      if (Status st = set.add_entry(path, std::move(e), &rules); !st) return st.error();
    if (read.error) return *read.error;
  }
  // Compiled after every file is read, so rules may use pieces from any file.
  if (Status st = set.compile(std::move(rules), opt); !st) return st.error();
  return set;
}

Status RuleSet::add_entry(const std::string& path, parse::Entry e, std::vector<parse::RawRule>* rules) {
  if (e.kind == parse::Entry::Kind::Clause) {
    for (const Clause& c : clauses_)
      if (c.name == e.name)
        return Error::at(path, e.line, 8, "duplicate clause name '" + e.name + "' (first at " + c.file + ":" +
                                              std::to_string(c.line) + ")", e.header);
    clauses_.push_back(parse::make_clause(e.name, std::move(e.piece), path, e.line));
    return {};
  }
  if (e.kind == parse::Entry::Kind::Rule || e.kind == parse::Entry::Kind::Frame) {
    for (const parse::RawRule& r : *rules)
      if (r.rule.name == e.name)
        return Error::at(path, e.line, 6, "duplicate rule name '" + e.name + "' (first at " + r.rule.file + ":" +
                                              std::to_string(r.rule.line) + ")", e.header);
    rules->push_back(std::move(e.rule));
    return {};
  }
  // Pieces and tables share one name space: {name} may be either.
  if (pieces_.count(e.name) || tables_.count(e.name))
    return Error::at(path, e.line, 7, "duplicate piece or table name '" + e.name + "'", e.header);
  if (e.kind == parse::Entry::Kind::Piece) {
    pieces_[e.name] = Piece{std::move(e.piece), path, e.line};
  } else {
    table_order_.push_back(e.name);
    tables_[e.name] = std::move(e.table);
  }
  return {};
}

Result<std::vector<parse::RawRule>> RuleSet::with_frames_instantiated(std::vector<parse::RawRule> rules) const {
  std::vector<parse::RawRule> out;
  for (parse::RawRule& r : rules) {
    if (!r.frame) {
      out.push_back(std::move(r));
      continue;
    }
    auto made = parse::instantiate_frame(r, clauses_);
    if (!made) return made.error();
    for (parse::RawRule& m : *made) out.push_back(std::move(m));
  }
  // A rule a frame makes may take a name a rule already has.
  std::map<std::string, const Rule*> seen;
  for (const parse::RawRule& r : out) {
    auto [it, fresh] = seen.emplace(r.rule.name, &r.rule);
    if (fresh) continue;
    const Rule& a = *it->second;
    const Rule& b = r.rule;
    const Rule& frame_made = b.attrs.count("frame") ? b : a;
    const Rule& other = &frame_made == &b ? a : b;
    return Error::at(frame_made.file, frame_made.line, 1, "frame makes rule '" + b.name + "', a name taken at " +
                                                              other.file + ":" + std::to_string(other.line));
  }
  return out;
}

Status RuleSet::compile(std::vector<parse::RawRule> raw, const LoadOptions& opt) {
  auto rules = with_frames_instantiated(std::move(raw));
  if (!rules) return rules.error();
  for (parse::RawRule& r : *rules) {
    Result<Rule> rule = parse::compile_rule(*this, std::move(r), opt);
    if (!rule) return rule.error();
    rules_.push_back(std::move(*rule));
  }
  if (!opt.defer_compile) return check_pieces();  // deferred: compile_all checks them
  return {};
}

Status RuleSet::check_pieces() const {
  for (const auto& [name, p] : pieces_)
    if (Status st = parse::check_piece(*this, name, p.body, p.file, p.line); !st) return st;
  return {};
}

}  // namespace dealgraph::rules
