// The errors a user meets (docs/errors.md): they name the user's own file and
// line, and wrong input does not pass. Standard error is read with " 2>&1".
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "core/resources.h"
#include "golden/golden_check.h"

using dealgraph::golden::dg;
using dealgraph::golden::read;
using dealgraph::golden::run;
using dealgraph::golden::temp_dir;
using dealgraph::golden::write;

namespace {

const std::string kSample = "data/samples/brief-ko-sample.txt";

// Exit code of `dealgraph ARGS`, with standard output and error in *both.
int dg_all(const std::string& args, std::string* both) {
  return run(std::string(DEALGRAPH_BINARY) + " " + args + " 2>&1", both);
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("a bad line in --dict names the user's file and line", "[cli][errors]") {
  const std::string dir = temp_dir("errors-dict");
  const std::string dict = dir + "/my.tsv";
  write(dict,
        "# my names\n"
        "type\tname\taliases\tticker\tcountry\twikidata\tmaker\tflags\n"
        "org\tBroken Row\n");
  std::string err;
  CHECK(dg_all("extract --dict " + dict + " " + kSample, &err) == 1);
  INFO(err);
  CHECK(has(err, dict + ":3:1: "));
  CHECK_FALSE(has(err, "zz-user"));
  CHECK_FALSE(has(err, "data/dictionary/"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("a bad line in a --rules file names the user's file", "[cli][errors]") {
  const std::string dir = temp_dir("errors-rules");
  std::filesystem::create_directories(dir + "/values");
  const std::string file = dir + "/values/money.ko.rules";
  const std::string text = read("rules/values/money.ko.rules");
  REQUIRE_FALSE(text.empty());
  write(file, text + "\nthis is not a rule {no_such_piece}\n");
  std::string err;
  CHECK(dg_all("extract --rules " + dir + " " + kSample, &err) == 1);
  INFO(err);
  CHECK(has(err, "dealgraph: " + file + ":"));
  CHECK_FALSE(has(err, "dealgraph: rules/values/"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("Resources::origin: the user's file, or the resource path itself", "[cli][errors]") {
  const std::string dir = temp_dir("errors-origin");
  write(dir + "/values/money.ko.rules", "# mine\n");
  write(dir + "/my.tsv", "# mine\n");
  dealgraph::Resources res = dealgraph::Resources::embedded();
  CHECK(res.origin("rules/values/money.en.rules") == "rules/values/money.en.rules");  // built in
  CHECK(res.origin("no/such/path") == "no/such/path");
  REQUIRE(res.overlay_dir(dir + "/values", "rules/values/"));
  CHECK(res.origin("rules/values/money.ko.rules") == dir + "/values/money.ko.rules");
  CHECK(res.origin("rules/values/money.en.rules") == "rules/values/money.en.rules");  // not overlaid
  REQUIRE(res.add_file(dir + "/my.tsv", "data/dictionary/zz-user-0.tsv"));
  CHECK(res.origin("data/dictionary/zz-user-0.tsv") == dir + "/my.tsv");
  res.put("data/dictionary/zz-user-0.tsv", "# replaced\n");
  CHECK(res.origin("data/dictionary/zz-user-0.tsv") == "data/dictionary/zz-user-0.tsv");
  std::filesystem::remove_all(dir);
}

TEST_CASE("filter dates are checked as dates", "[cli][errors]") {
  // export: a data format, which writes an empty graph where no deal passes (a diagram would refuse)
  for (const char* verb : {"query investments", "export --format graphml"}) {
    for (const std::string bad : {"--since 2026-13", "--since 2026-02-30", "--until 2026-00", "--until 2025-02-29",
                                  "--since 2026-04-31", "--since 26-01", "--until 2026-1-1"}) {
      std::string err;
      CHECK(dg_all(std::string(verb) + " " + bad + " " + kSample, &err) == 2);
      INFO(verb << " " << bad << ": " << err);
      const std::string flag = bad.substr(0, bad.find(' ')), value = bad.substr(bad.find(' ') + 1);
      CHECK(has(err, flag + " '" + value + "'"));
    }
    std::string err;
    CHECK(dg_all(std::string(verb) + " --since 2026-05 --until 2026-03 " + kSample, &err) == 2);
    CHECK(has(err, "--since '2026-05' is later than --until '2026-03'"));
    CHECK(dg_all(std::string(verb) + " --since 2026-03-02 --until 2026-03-01 " + kSample, &err) == 2);
    // Good dates still pass: leap days, a bound inside the other's month or year.
    for (const char* good : {"--since 2024-02-29", "--until 2000-02-29", "--since 2026 --until 2026",
                             "--since 2026-03 --until 2026", "--since 2026-03-31 --until 2026-03",
                             "--since 2026-03-01 --until 2026-03-01"})
      CHECK(dg(std::string(verb) + " " + good + " " + kSample) == 0);
  }
}

TEST_CASE("a query verb that needs a NAME says so", "[cli][errors]") {
  std::string err;
  CHECK(dg_all("query investors-of " + kSample, &err) == 2);
  CHECK(has(err, "query investors-of: needs a NAME before the files"));
  CHECK(dg_all("query investees-of " + kSample, &err) == 2);
  CHECK(has(err, "query investees-of: needs a NAME before the files"));
  CHECK(dg_all("query partners-of -", &err) == 2);
  CHECK(has(err, "query partners-of: needs a NAME before the files"));
  CHECK(dg_all("query investors-of", &err) == 2);
  CHECK(has(err, "query investors-of: needs a NAME before the files"));
  CHECK(dg_all("query path NVIDIA " + kSample, &err) == 2);
  CHECK(has(err, "query path: needs two names, A and B, before the files"));
  CHECK(dg_all("query path A", &err) == 2);
  // A name, then a file: fine, even when the name is also a file's name.
  CHECK(dg("query investors-of OpenAI " + kSample) == 0);
  CHECK(dg("query path AMD Microsoft " + kSample) == 0);
}

TEST_CASE("jsonl names every record kind", "[cli][errors]") {
  std::string out;
  REQUIRE(dg("extract --format jsonl " + kSample, &out) == 0);
  CHECK(has(out, "\"record\":\"article\""));
  CHECK(has(out, "\"record\":\"entity\""));
  CHECK(has(out, "\"record\":\"deal\""));
  CHECK(has(out, "\"record\":\"value\""));
  CHECK_FALSE(has(out, "entitie\""));
}
