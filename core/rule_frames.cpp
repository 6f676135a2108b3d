// Frames into rules (core/rule_frames.h).
#include "core/rule_frames.h"

#include <algorithm>
#include <set>
#include <sstream>

namespace dealgraph::rules::parse {

namespace {

// The slot name at body[i] when a "{=name}" starts there, else "".
std::string slot_at(const std::string& body, size_t i, size_t* end) {
  if (body.compare(i, 2, "{=") != 0 || i + 2 >= body.size() || !is_name_start(body[i + 2])) return "";
  size_t j = i + 2;
  while (j < body.size() && is_name_char(body[j])) ++j;
  if (j >= body.size() || body[j] != '}') return "";
  *end = j + 1;
  return body.substr(i + 2, j - i - 2);
}

bool filled(const std::map<std::string, std::string>& attrs, const std::string& slot) {
  auto it = attrs.find(slot);
  return it != attrs.end() && !it->second.empty();
}

// Every slot any clause of the set names: such attributes of a frame fill
// slots and are not copied to its rules.
std::set<std::string> every_slot(const std::vector<Clause>& clauses) {
  std::set<std::string> out;
  for (const Clause& c : clauses) out.insert(c.slots.begin(), c.slots.end());
  return out;
}

}  // namespace

std::vector<std::string> slots_of(const std::string& body) {
  std::vector<std::string> out;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\\') {
      ++i;
      continue;
    }
    size_t end = 0;
    std::string name = slot_at(body, i, &end);
    if (name.empty()) continue;
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    i = end - 1;
  }
  return out;
}

Clause make_clause(std::string name, std::string body, std::string file, int line) {
  Clause c{std::move(name), std::move(body), std::move(file), line, {}};
  c.slots = slots_of(c.body);
  return c;
}

std::string fill_slots(const std::string& body, const std::map<std::string, std::string>& attrs) {
  std::string out;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\\' && i + 1 < body.size()) {
      out += body[i];
      out += body[++i];
      continue;
    }
    size_t end = 0;
    std::string name = slot_at(body, i, &end);
    if (name.empty()) {
      out += body[i];
      continue;
    }
    out += attrs.at(name);
    i = end - 1;
  }
  return out;
}

Result<std::vector<SelectedClause>> select_clauses(const RawRule& frame, const std::vector<Clause>& clauses) {
  const Rule& f = frame.rule;
  const std::string list = f.attr("clauses");
  if (list.empty())
    return Error::at(f.file, f.line, 1, "frame '" + f.name + "' needs 'clauses:' (the clause shapes it is said in)");
  std::vector<SelectedClause> out;
  std::istringstream items(list);
  for (std::string item; items >> item;) {
    const bool prefix = item.back() == '.';
    size_t before = out.size();
    for (const Clause& c : clauses) {
      if (prefix ? c.name.rfind(item, 0) != 0 : c.name != item) continue;
      out.push_back({&c, prefix ? c.name.substr(item.size()) : c.name.substr(c.name.rfind('.') + 1)});
    }
    if (out.size() == before)
      return Error::at(f.file, f.line, 1, "frame '" + f.name + "': no clause named " + (prefix ? "with " : "") + "'" +
                                              item + "'", item);
  }
  return out;
}

Result<std::vector<RawRule>> instantiate_frame(const RawRule& frame, const std::vector<Clause>& clauses) {
  auto selected = select_clauses(frame, clauses);
  if (!selected) return selected.error();
  const Rule& f = frame.rule;
  const std::set<std::string> slots = every_slot(clauses);
  std::vector<RawRule> out;
  for (const SelectedClause& s : *selected) {
    const Clause& c = *s.clause;
    if (!std::all_of(c.slots.begin(), c.slots.end(), [&](const std::string& n) { return filled(f.attrs, n); }))
      continue;
    RawRule r;
    r.rule.name = f.name + "." + s.short_name;
    r.rule.file = f.file;
    r.rule.line = f.line;
    r.rule.pattern = fill_slots(c.body, f.attrs);
    for (const auto& [k, v] : f.attrs)
      if (k != "clauses" && !slots.count(k)) r.rule.attrs[k] = v;
    r.rule.attrs["frame"] = f.name;
    r.rule.attrs["clause"] = c.name;
    r.pattern_line = f.line;
    r.pattern_col = 1;
    out.push_back(std::move(r));
  }
  if (out.empty())
    return Error::at(f.file, f.line, 1, "frame '" + f.name + "' fills every slot of none of its clauses", f.attr("clauses"));
  return out;
}

}  // namespace dealgraph::rules::parse
