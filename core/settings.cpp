#include "core/settings.h"


namespace dealgraph {

namespace {

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
                                                          const std::vector<SettingSpec>& specs) {
  for (const auto& [name, value] : table.entries)
    if (!spec_of(specs, name))
      return Error::at(table.file, table.line_of(name), 1, "table settings: unknown setting '" + name + "'",
                       name);
  std::map<std::string, size_t> out;
  for (const auto& spec : specs) {
    const std::string* v = table.find(spec.name);
    if (!v) return Error::at(table.file, table.line, 1, "table settings: missing setting '" + spec.name + "'");
    size_t n = 0;
    if (!whole_number_within(*v, spec, &n))
      return Error::at(table.file, table.line_of(spec.name), 1,
                       "setting '" + spec.name + "' is not a whole number from " + std::to_string(spec.min) + " to " +
                           std::to_string(spec.max),
                       spec.name + " = " + *v);
    out[spec.name] = n;
  }
  return out;
}

}  // namespace dealgraph
