// Every verb reads its options the same way (cli/options.h): -h/--help and
// --version, filter flags (cli/filter_flags.h), and --limit.
#include <catch2/catch.hpp>

#include "golden/golden_check.h"

using dealgraph::golden::run;

namespace {
const std::string kBin = DEALGRAPH_BINARY;
const std::string kSample = std::string(DEALGRAPH_SOURCE_DIR) + "/data/samples/plain-en-sample.txt";
const char* const kVerbs[] = {"extract", "tag", "entities", "query", "export"};

// Exit code; `out` gets standard output, `err` standard error.
int dg(const std::string& args, std::string* out = nullptr, std::string* err = nullptr) {
  const std::string err_file = "/tmp/dealgraph-test-cli-options.err";
  int rc = run(kBin + " " + args + " 2>" + err_file, out);
  if (err) run("cat " + err_file, err);
  return rc;
}
}  // namespace

TEST_CASE("-h and --help: every verb, exit 0, help on standard output", "[cli][options]") {
  for (const char* verb : kVerbs) {
    INFO(verb);
    std::string longer, shorter, err;
    CHECK(dg(std::string(verb) + " --help", &longer, &err) == 0);
    CHECK(longer.rfind("usage: dealgraph ", 0) == 0);
    CHECK(err.empty());
    CHECK(dg(std::string(verb) + " -h", &shorter) == 0);
    CHECK(shorter == longer);
    // Asking for help wins over a bad option next to it.
    CHECK(dg(std::string(verb) + " --frobnicate -h", &shorter) == 0);
    CHECK(shorter == longer);
    CHECK(longer.find("--version") != std::string::npos);
  }
}

TEST_CASE("--version: alone and after every verb", "[cli][options]") {
  std::string top, v;
  REQUIRE(dg("--version", &top) == 0);
  CHECK(top.rfind("dealgraph ", 0) == 0);
  for (const char* verb : kVerbs) {
    INFO(verb);
    CHECK(dg(std::string(verb) + " --version", &v) == 0);
    CHECK(v == top);
  }
}

TEST_CASE("an unknown option is a usage error in every verb", "[cli][options]") {
  for (const char* verb : kVerbs) {
    INFO(verb);
    std::string err;
    CHECK(dg(std::string(verb) + " --frobnicate " + kSample, nullptr, &err) == 2);
    CHECK(err.find("unknown option '--frobnicate'") != std::string::npos);
  }
}

TEST_CASE("filter flags: each bad value is named", "[cli][options][filter]") {
  std::string err;
  CHECK(dg("export --depth 2 " + kSample, nullptr, &err) == 2);
  CHECK(err.find("--depth needs --focus") != std::string::npos);
  CHECK(dg("export --focus NVIDIA --depth 0 " + kSample, nullptr, &err) == 2);
  CHECK(err.find("--depth must be a whole number from 1, not '0'") != std::string::npos);
  CHECK(dg("query deals --type investment,buyout " + kSample, nullptr, &err) == 2);
  CHECK(err.find("unknown deal type 'buyout'") != std::string::npos);
  CHECK(dg("query deals --since 2026-1-5 " + kSample, nullptr, &err) == 2);
  CHECK(err.find("--since '2026-1-5' is not a date YYYY, YYYY-MM or YYYY-MM-DD") != std::string::npos);
  CHECK(dg("query deals --min-amount lots " + kSample, nullptr, &err) == 2);
  CHECK(err.find("--min-amount must be a number") != std::string::npos);
  CHECK(dg("query deals --focus NVIDIA " + kSample) == 2);  // focus is export's
  // Good values pass; --type may be repeated.
  CHECK(dg("query deals --type investment --type purchase --since 2026 --until 2026-12-31 --min-amount 1e9 " +
           kSample) == 0);
}

TEST_CASE("query top --limit: leading zeros, and the text outlives its parsing", "[cli][query]") {
  // Under AddressSanitizer this once read freed memory: the end pointer of
  // strtol pointed into a temporary string.
  std::string out;
  REQUIRE(dg("query top --format csv --limit 0000000000000000003 " + kSample, &out) == 0);
  size_t lines = 0;
  for (char c : out) lines += c == '\n';
  CHECK(lines <= 4);  // the header and at most 3 rows
  CHECK(dg("query top --limit 3x " + kSample) == 2);
  CHECK(dg("query top --limit= " + kSample) == 2);
  CHECK(dg("query top --limit -1 " + kSample) == 2);
}
