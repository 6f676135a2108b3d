// dealgraph/cli/options.h — the one way every verb reads its arguments.
//
//   Options o({{"--format", true}, {"--explain", false}});
//   if (auto done = o.parse_verb(args, kHelp, io.out, io.err)) return *done;
//   o.get("--format", "json"); o.has("--explain"); o.positional();
//
// "--name value" and "--name=value" both work; "-" is a positional (stdin);
// "--" ends options. An unknown option is a usage error naming it.
//
// parse_verb() is what makes the verbs alike: -h or --help anywhere before
// "--" prints the verb's help on standard output and exits 0, even next to a
// bad option (someone asking for help should get it); --version prints
// kVersionLine and exits 0; a usage error is printed and exits 2.
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace dealgraph::cli {

// What `dealgraph --version` and every `dealgraph VERB --version` print.
// The version is the project's (CMakeLists.txt: project(... VERSION ...)).
constexpr const char* kVersionLine = "dealgraph " DEALGRAPH_VERSION "\n";

class Options {
 public:
  struct Spec {
    std::string name;
    bool takes_value;
    bool repeatable = false;
  };
  explicit Options(std::vector<Spec> specs) : specs_(std::move(specs)) {}

  // Help, version, then parse(): the exit code when the verb is done (0 after
  // help or version, 2 after a usage error), nullopt when it should run.
  std::optional<int> parse_verb(const std::vector<std::string>& args, const char* help, std::ostream& out,
                                std::ostream& err);
  // The plain parser: false (and a message on `err`) on a usage error.
  bool parse(const std::vector<std::string>& args, std::ostream& err);

  bool has(const std::string& name) const { return values_.count(name) > 0; }
  std::string get(const std::string& name, const std::string& fallback = "") const;
  std::vector<std::string> all(const std::string& name) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  const Spec* spec_of(const std::string& name) const;

  std::vector<Spec> specs_;
  std::multimap<std::string, std::string> values_;
  std::vector<std::string> positional_;
};

// Whether `flag` ("--help") is among `args` before a "--".
bool has_flag(const std::vector<std::string>& args, const std::string& flag);

}  // namespace dealgraph::cli
