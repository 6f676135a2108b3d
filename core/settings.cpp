#include "core/settings.h"

#include <sstream>

namespace dealgraph {

namespace {

// The line of `name = ...` inside the table, when the rule text is at hand;
// else the table's own line.
int entry_line(const rules::Table& t, const std::string& name, const Resources* res) {
  const std::string* text = res ? res->find(t.file) : nullptr;
  if (!text) return t.line;
  std::istringstream in(*text);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (n <= t.line) continue;
    size_t b = line.find_first_not_of(" \t");
    if (b == std::string::npos) continue;
    if (line.compare(b, 3, "end") == 0 && line.find_first_not_of(" \t\r", b + 3) == std::string::npos) break;
    if (line.compare(b, name.size(), name) == 0 && line.find('=', b + name.size()) != std::string::npos &&
        line.find_first_not_of(" \t", b + name.size()) == line.find('=', b + name.size()))
      return n;
  }
  return t.line;
}

bool whole_number_within(const std::string& v, const SettingSpec& spec, size_t* out) {
  if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos) return false;
  *out = static_cast<size_t>(std::stoul(v));
  return *out >= spec.min && *out <= spec.max;
}

const SettingSpec* spec_of(const std::vector<SettingSpec>& specs, const std::string& name) {
  for (const auto& s : specs)
    if (s.name == name) return &s;
  return nullptr;
}

}  // namespace

Result<std::map<std::string, size_t>> read_setting_values(const rules::Table& table,
                                                          const std::vector<SettingSpec>& specs,
                                                          const Resources* res) {
  for (const auto& [name, value] : table.entries)
    if (!spec_of(specs, name))
      return Error::at(table.file, entry_line(table, name, res), 1, "table settings: unknown setting '" + name + "'",
                       name);
  std::map<std::string, size_t> out;
  for (const auto& spec : specs) {
    const std::string* v = table.find(spec.name);
    if (!v) return Error::at(table.file, table.line, 1, "table settings: missing setting '" + spec.name + "'");
    size_t n = 0;
    if (!whole_number_within(*v, spec, &n))
      return Error::at(table.file, entry_line(table, spec.name, res), 1,
                       "setting '" + spec.name + "' is not a whole number from " + std::to_string(spec.min) + " to " +
                           std::to_string(spec.max),
                       spec.name + " = " + *v);
    out[spec.name] = n;
  }
  return out;
}

}  // namespace dealgraph
