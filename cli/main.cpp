// dealgraph — turns AI and semiconductor deal news into a knowledge graph.
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/options.h"

namespace {

const char kHelp[] =
    "usage: dealgraph COMMAND [OPTIONS] [FILE... | -]\n"
    "\n"
    "commands:\n"
    "  extract   read briefs, write the dealgraph/1 JSON (articles, entities, deals, values)\n"
    "  tag       find and normalize money, power, quantities, percentages, numbers, dates\n"
    "  entities  list the entities found in briefs, with types, mention counts and origin\n"
    "  query     answer questions over the merged graph (investments, investors-of, ...)\n"
    "  export    write the graph as dot, svg, png, pdf, jsonld, csv or graphml\n"
    "\n"
    "'dealgraph COMMAND --help' (or -h) describes each command; --version, alone or\n"
    "after a command, prints the version. FILE '-' reads standard input.\n"
    "exit codes: 0 ok, 1 bad input, 2 usage error.\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace dealgraph::cli;
  std::ios::sync_with_stdio(false);
  if (argc < 2) {
    std::cerr << kHelp;
    return dealgraph::cli::kUsage;
  }
  std::string cmd = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  IO io{std::cin, std::cout, std::cerr};
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::cout << kHelp;
    return kOk;
  }
  if (cmd == "--version") {
    std::cout << kVersionLine;
    return kOk;
  }
  if (cmd == "extract") return cmd_extract(args, io);
  if (cmd == "tag") return cmd_tag(args, io);
  if (cmd == "entities") return cmd_entities(args, io);
  if (cmd == "query") return cmd_query(args, io);
  if (cmd == "export") return cmd_export(args, io);
  std::cerr << "dealgraph: unknown command '" << cmd << "'\n\n" << kHelp;
  return dealgraph::cli::kUsage;
}
