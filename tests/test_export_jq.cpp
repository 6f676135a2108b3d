// jq over the JSON outputs (issue 17): numbers are JSON numbers, dates ISO,
// date_grain one of its values, status present, amount_usd a number or null,
// ids content ids that do not move with the order of the inputs or with what
// else is read. The checks are jq programs in tests/jq/ that print the names
// of the checks that fail. Skipped (exit 77, tests/skip.h) without jq.
#include <catch2/catch.hpp>

#include <filesystem>

#include "golden/golden_check.h"
#include "skip.h"

using namespace dealgraph;

namespace {
const std::string kSrc = DEALGRAPH_SOURCE_DIR;
const std::string kSep = kSrc + "/tests/diff/brief-2025-09.txt", kOct = kSrc + "/tests/diff/brief-2025-10.txt";
const std::string kKo = kSrc + "/data/samples/brief-ko-sample.txt", kEn = kSrc + "/data/samples/brief-en-sample.txt";
const std::string kNews = kSrc + "/data/samples/news-ko-sample.txt";  // a deal in won

// jq `program` (-f FILE or an inline filter with -r) over `file`: its output.
std::string jq(const std::string& args, const std::string& file) {
  std::string out;
  CHECK(golden::run("jq " + args + " " + file + " 2>&1", &out) == 0);
  return out;
}

std::string save(const std::string& dir, const std::string& name, const std::string& dealgraph_args) {
  std::string out;
  REQUIRE(golden::dg(dealgraph_args, &out) == 0);
  golden::write(dir + "/" + name, out);
  return dir + "/" + name;
}
}  // namespace

TEST_CASE("jq: extract JSON has numbers as numbers, ISO dates, statuses and content ids", "[jq][json]") {
  testing::skip_test_unless(golden::have("jq"), "jq not installed: the JSON is not checked with jq");
  const std::string dir = golden::temp_dir("jq-extract");
  const std::string graph = save(dir, "graph.json", "extract " + kKo + " " + kEn + " " + kNews + " " + kSep + " " + kOct);
  CHECK(jq("-c -f " + kSrc + "/tests/jq/extract.jq", graph) == "[]\n");
  std::filesystem::remove_all(dir);
}

TEST_CASE("jq: query JSON has BI fields as numbers, ISO days and grains", "[jq][json][bi]") {
  testing::skip_test_unless(golden::have("jq"), "jq not installed: the JSON is not checked with jq");
  const std::string dir = golden::temp_dir("jq-query");
  const std::string rows =
      save(dir, "deals.json", "query deals --status all --format json " + kKo + " " + kEn + " " + kNews + " " + kSep + " " + kOct);
  CHECK(jq("-c -f " + kSrc + "/tests/jq/query.jq", rows) == "[]\n");
  // a won amount is converted: a number of dollars, at the rate of its year
  CHECK(jq("-r '[.[] | select(.amount.currency? == \"KRW\") | .amount_usd | type] | unique'", rows) ==
        "[\n  \"number\"\n]\n");
  const std::string top = save(dir, "top.json", "query top --by amount --format json " + kKo + " " + kSep);
  CHECK(jq("-r 'all(.[]; (.amount_usd | type == \"number\") and (.deals | type == \"number\" and floor == .) "
           "and (.rank | type == \"number\"))'",
           top) == "true\n");
  std::filesystem::remove_all(dir);
}

TEST_CASE("jq: ids are stable across input order and across monthly exports", "[jq][json][ids]") {
  testing::skip_test_unless(golden::have("jq"), "jq not installed: the ids are not checked with jq");
  const std::string dir = golden::temp_dir("jq-ids");
  const std::string ab = save(dir, "ab.json", "extract " + kSep + " " + kOct);
  const std::string ba = save(dir, "ba.json", "extract " + kOct + " " + kSep);
  const std::string sep = save(dir, "sep.json", "extract " + kSep);
  const std::string ids = "-c '[.deals[] | [.id, .group, .type]], [.articles[].id], [.entities[].id]'";
  CHECK(jq(ids, ab) == jq(ids, ba));
  // September's deals keep their ids and groups when October is read with them
  const std::string sep_deals = "-c '[.deals[] | {id, group, type, parties}] | sort_by(.id)'";
  const std::string both_sep =
      "-c '([.articles[] | select(.source | endswith(\"brief-2025-09.txt\")) | .id]) as $a | "
      "[.deals[] | select(.article as $x | $a | index($x) != null) | {id, group, type, parties}] | sort_by(.id)'";
  CHECK(jq(sep_deals, sep) == jq(both_sep, ab));
  CHECK(jq(sep_deals, sep) != "[]\n");
  std::filesystem::remove_all(dir);
}
