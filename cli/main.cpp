// dealgraph — turns AI and semiconductor deal news into a knowledge graph.
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"

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
    "  merge     combine partial graphs (extract --format partial) into one graph\n"
    "  diff      what changed between two graphs or two sets of briefs\n"
    "\n"
    "'dealgraph COMMAND --help' (or -h) describes each command; --version, alone or\n"
    "after a command, prints the version. FILE '-' reads standard input.\n"
    "exit codes: 0 ok, 1 bad input, 2 usage error.\n";

// The command's exit code; its data goes to io.out.
int run(int argc, char** argv, dealgraph::cli::IO io) {
  using namespace dealgraph::cli;
  if (argc < 2) {
    io.err << kHelp;
    return kUsage;
  }
  std::string cmd = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    io.out << kHelp;
    return kOk;
  }
  if (cmd == "--version") {
    io.out << kVersionLine;
    return kOk;
  }
  if (cmd == "extract") return cmd_extract(args, io);
  if (cmd == "tag") return cmd_tag(args, io);
  if (cmd == "entities") return cmd_entities(args, io);
  if (cmd == "query") return cmd_query(args, io);
  if (cmd == "export") return cmd_export(args, io);
  if (cmd == "merge") return cmd_merge(args, io);
  if (cmd == "diff") return cmd_diff(args, io);
  io.err << "dealgraph: unknown command '" << cmd << "'\n\n" << kHelp;
  return kUsage;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace dealgraph::cli;
  std::ios::sync_with_stdio(false);
  // Every verb writes through `out`; a lost write is an error (cli/output.h).
  StdoutBuf out;
  std::streambuf* saved = std::cout.rdbuf(&out);
  const int rc = finish_output(run(argc, argv, IO{std::cin, std::cout, std::cerr}), std::cout, out, std::cerr);
  std::cout.rdbuf(saved);  // `out` dies here; std::cout outlives main
  return rc;
}
