// dealgraph/cli/options.h — a small, strict argument parser.
//
//   Options o({{"--format", true}, {"--explain", false}});
//   if (!o.parse(args, io.err)) return kUsage;
//   o.get("--format", "json"); o.has("--explain"); o.positional();
//
// "--name value" and "--name=value" both work; "-" is a positional (stdin);
// "--" ends options. An unknown option is a usage error naming it.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace dealgraph::cli {

class Options {
 public:
  struct Spec {
    std::string name;
    bool takes_value;
    bool repeatable = false;
  };
  explicit Options(std::vector<Spec> specs) : specs_(std::move(specs)) {}

  bool parse(const std::vector<std::string>& args, std::ostream& err);
  bool has(const std::string& name) const { return values_.count(name) > 0; }
  std::string get(const std::string& name, const std::string& fallback = "") const;
  std::vector<std::string> all(const std::string& name) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::vector<Spec> specs_;
  std::multimap<std::string, std::string> values_;
  std::vector<std::string> positional_;
};

}  // namespace dealgraph::cli
