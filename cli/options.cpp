#include "cli/options.h"

namespace dealgraph::cli {

bool has_flag(const std::vector<std::string>& args, const std::string& flag) {
  for (const auto& a : args) {
    if (a == "--") break;
    if (a == flag) return true;
  }
  return false;
}

std::optional<int> Options::parse_verb(const std::vector<std::string>& args, const char* help, std::ostream& out,
                                       std::ostream& err) {
  if (has_flag(args, "-h") || has_flag(args, "--help")) {
    out << help;
    return 0;
  }
  if (has_flag(args, "--version")) {
    out << kVersionLine;
    return 0;
  }
  if (!parse(args, err)) return 2;
  return std::nullopt;
}

const Options::Spec* Options::spec_of(const std::string& name) const {
  // -h, --help and --version are every verb's: parse_verb acts on them first.
  static const Spec kHelp{"--help", false}, kShortHelp{"-h", false}, kVersion{"--version", false};
  for (const Spec* s : {&kHelp, &kShortHelp, &kVersion})
    if (s->name == name) return s;
  for (const auto& s : specs_)
    if (s.name == name) return &s;
  return nullptr;
}

bool Options::parse(const std::vector<std::string>& args, std::ostream& err) {
  bool only_positional = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (only_positional || a == "-" || a.size() < 2 || a[0] != '-') {
      positional_.push_back(a);
      continue;
    }
    if (a == "--") {
      only_positional = true;
      continue;
    }
    std::string name = a, value;
    bool inline_value = false;
    if (auto eq = a.find('='); eq != std::string::npos && a.rfind("--", 0) == 0) {
      name = a.substr(0, eq);
      value = a.substr(eq + 1);
      inline_value = true;
    }
    const Spec* spec = spec_of(name);
    if (!spec) {
      err << "dealgraph: unknown option '" << name << "' (see --help)\n";
      return false;
    }
    if (spec->takes_value && !inline_value) {
      if (i + 1 >= args.size()) {
        err << "dealgraph: option '" << name << "' needs a value\n";
        return false;
      }
      value = args[++i];
    } else if (!spec->takes_value && inline_value) {
      err << "dealgraph: option '" << name << "' takes no value\n";
      return false;
    }
    if (!spec->repeatable && values_.count(name)) {
      err << "dealgraph: option '" << name << "' given twice\n";
      return false;
    }
    values_.emplace(name, value);
  }
  return true;
}

std::string Options::get(const std::string& name, const std::string& fallback) const {
  auto it = values_.find(name);
  return it == values_.end() ? fallback : it->second;
}

std::vector<std::string> Options::all(const std::string& name) const {
  std::vector<std::string> out;
  auto range = values_.equal_range(name);
  for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
  return out;
}

}  // namespace dealgraph::cli
