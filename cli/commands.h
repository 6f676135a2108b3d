// dealgraph/cli/commands.h — one function per subcommand.
//
// Each takes its arguments (after the subcommand word) and streams; data goes
// to `out`, diagnostics to `err`. Each reads its arguments with
// Options::parse_verb (cli/options.h), so -h/--help and --version behave the
// same in all. Exit codes (also in main.cpp's help):
//   0 ok, 1 bad input (unreadable or malformed file, bad rule; also standard
//   output that cannot be written, reported by main: cli/output.h), 2 usage error.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace dealgraph::cli {

constexpr int kOk = 0;
constexpr int kBadInput = 1;
constexpr int kUsage = 2;

struct IO {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
};

int cmd_extract(const std::vector<std::string>& args, IO io);
int cmd_tag(const std::vector<std::string>& args, IO io);
int cmd_query(const std::vector<std::string>& args, IO io);
int cmd_export(const std::vector<std::string>& args, IO io);
int cmd_entities(const std::vector<std::string>& args, IO io);
int cmd_merge(const std::vector<std::string>& args, IO io);
int cmd_diff(const std::vector<std::string>& args, IO io);

}  // namespace dealgraph::cli
