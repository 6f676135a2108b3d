// Hostile input (issue 18): a clear error and exit 1, never silently wrong
// output — UTF-16/UTF-32 files, a file holding only a byte-order mark,
// standard output that cannot be written, numbers too large for a double.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <string>

#include "extractor/reader/reader.h"
#include "golden/golden_check.h"

namespace fs = std::filesystem;
using dealgraph::golden::run;
using dealgraph::golden::temp_dir;
using dealgraph::golden::write;

namespace {

const std::string kBin = DEALGRAPH_BINARY;
const std::string kSample = std::string(DEALGRAPH_SOURCE_DIR) + "/data/samples/brief-en-sample.txt";

// Runs dealgraph with `args` and the shell redirections `redirect`; standard
// error (only) into *err.
int dg_err(const std::string& args, const std::string& redirect, std::string* err) {
  return run(kBin + " " + args + " 2>&1 " + redirect, err);
}

// "hello deal" in UTF-16 or UTF-32, after its byte-order mark.
std::string encode(const std::string& bom, int width, bool big_endian) {
  std::string s = bom;
  for (char c : std::string("hello deal\n")) {
    std::string unit(static_cast<size_t>(width), '\0');
    unit[big_endian ? width - 1 : 0] = c;
    s += unit;
  }
  return s;
}

}  // namespace

// ------------------------------------------------------------ encodings

TEST_CASE("decode_text names UTF-16 and UTF-32 by their byte-order mark", "[hostile][reader]") {
  struct Case {
    std::string bytes;
    const char* enc;
  } cases[] = {{encode("\xFF\xFE", 2, false), "UTF-16"},
               {encode("\xFE\xFF", 2, true), "UTF-16"},
               {encode(std::string("\xFF\xFE\0\0", 4), 4, false), "UTF-32"},
               {encode(std::string("\0\0\xFE\xFF", 4), 4, true), "UTF-32"}};
  for (const auto& c : cases) {
    auto r = dealgraph::decode_text("f.txt", c.bytes);
    REQUIRE_FALSE(r);
    CHECK(r.error().to_string() ==
          std::string("f.txt: ") + c.enc + " text (byte-order mark at offset 0): convert it to UTF-8");
  }
  // a NUL byte without a mark is still binary data
  auto bin = dealgraph::decode_text("f.bin", std::string("ab\0cd", 5));
  REQUIRE_FALSE(bin);
  CHECK(bin.error().message == "binary data (a NUL byte), not text");
}

TEST_CASE("a file holding only a UTF-8 byte-order mark is empty", "[hostile][reader]") {
  auto r = dealgraph::decode_text("bom.txt", "\xEF\xBB\xBF");
  REQUIRE_FALSE(r);
  CHECK(r.error().message.rfind("empty input", 0) == 0);
  // a mark before text is still dropped
  auto ok = dealgraph::decode_text("t.txt", "\xEF\xBB\xBFhi");
  REQUIRE(ok);
  CHECK(*ok == "hi");
}

TEST_CASE("extract reports a UTF-16 file and a bare mark, exit 1", "[hostile][reader][cli]") {
  const std::string dir = temp_dir("hostile-enc");
  write(dir + "/le.txt", encode("\xFF\xFE", 2, false));
  write(dir + "/be.txt", encode("\xFE\xFF", 2, true));
  write(dir + "/u32.txt", encode(std::string("\xFF\xFE\0\0", 4), 4, false));
  write(dir + "/bom.txt", "\xEF\xBB\xBF");
  std::string err;
  CHECK(dg_err("extract " + dir + "/le.txt", ">/dev/null", &err) == 1);
  CHECK(err == "dealgraph: " + dir + "/le.txt: UTF-16 text (byte-order mark at offset 0): convert it to UTF-8\n");
  CHECK(dg_err("entities " + dir + "/be.txt", ">/dev/null", &err) == 1);
  CHECK(err.find("UTF-16 text (byte-order mark at offset 0)") != std::string::npos);
  CHECK(dg_err("query investments " + dir + "/u32.txt", ">/dev/null", &err) == 1);
  CHECK(err.find("UTF-32 text (byte-order mark at offset 0)") != std::string::npos);
  std::string out;
  CHECK(run(kBin + " extract " + dir + "/bom.txt 2>&1", &out) == 1);
  CHECK(out.find("empty input") != std::string::npos);
  CHECK(out.find("\"articles\"") == std::string::npos);  // no graph at all
  fs::remove_all(dir);
}

// ------------------------------------------------------------ standard output

TEST_CASE("output that cannot be written is an error, exit 1", "[hostile][cli][output]") {
  if (!fs::exists("/dev/full")) {
    WARN("no /dev/full: the full-disk cases are not checked");
    return;
  }
  const char* verbs[] = {"query investments", "query top", "entities", "extract", "extract --format jsonl",
                         "export --format jsonld", "export --format dot", "export --format graphml"};
  for (const char* verb : verbs) {
    std::string err;
    const std::string args = std::string(verb) + " " + kSample;
    INFO(args);
    CHECK(dg_err(args, ">/dev/full", &err) == 1);
    CHECK(err.find("dealgraph: cannot write standard output: No space left on device\n") != std::string::npos);
  }
  std::string err;
  CHECK(dg_err("tag --ref 2026-03-01 'NVIDIA invested $2 billion'", ">/dev/full", &err) == 1);
  CHECK(err == "dealgraph: cannot write standard output: No space left on device\n");
  CHECK(dg_err("--help", ">/dev/full", &err) == 1);
  CHECK(dg_err("--version", ">/dev/full", &err) == 1);
  // an output larger than any buffer fails too
  CHECK(dg_err("extract " + kSample + " " + kSample + " " + kSample, ">/dev/full", &err) == 1);
  CHECK(err.find("cannot write standard output") != std::string::npos);
}

TEST_CASE("a closed standard output is an error when written, exit 1", "[hostile][cli][output]") {
  std::string err;
  CHECK(dg_err("query investments " + kSample, ">&-", &err) == 1);
  CHECK(err.find("dealgraph: cannot write standard output: Bad file descriptor\n") != std::string::npos);
  CHECK(dg_err("tag --ref 2026-03-01 'NVIDIA invested $2 billion'", ">&-", &err) == 1);
  CHECK(err.find("cannot write standard output") != std::string::npos);
  // a verb that writes nothing there does not fail, and the file gets no stray output
  const std::string dir = temp_dir("hostile-closed");
  CHECK(dg_err("export --format dot --out " + dir + "/g.dot " + kSample, ">&-", &err) == 0);
  CHECK(err.empty());
  std::string dot = dealgraph::golden::read(dir + "/g.dot");
  CHECK(dot.rfind("digraph", 0) == 0);
  std::string direct;
  REQUIRE(run(kBin + " export --format dot " + kSample + " 2>/dev/null", &direct) == 0);
  CHECK(dot == direct);
  fs::remove_all(dir);
}

TEST_CASE("a writable output is unchanged and exits 0", "[hostile][cli][output]") {
  std::string out;
  CHECK(run(kBin + " query investments " + kSample + " 2>/dev/null", &out) == 0);
  CHECK(!out.empty());
  CHECK(run(kBin + " --version 2>/dev/null", &out) == 0);
  CHECK(out.rfind("dealgraph", 0) == 0);
}

// ------------------------------------------------------------ huge numbers

namespace {
// No infinite or missing amount in any output form.
void check_no_infinity(const std::string& out) {
  for (const char* bad : {"\"value\": null", "\"value\":null", "\"min\": null", "\"max\": null", "$inf", "infT",
                          "Infinity"})
    CHECK(out.find(bad) == std::string::npos);
}
}  // namespace

TEST_CASE("a number too large for a double is no value", "[hostile][values][cli]") {
  const std::string huge = "1" + std::string(400, '0');
  for (const std::string& text : {huge + " dollars", huge + "억 달러", "$" + huge, huge + "%", huge,
                                  // finite, but 1e301 억 (1e8) dollars overflows a double
                                  "1" + std::string(301, '0') + "억 달러"}) {
    std::string out;
    INFO(text);
    REQUIRE(run(kBin + " tag --ref 2026-03-01 '" + text + "' 2>/dev/null", &out) == 0);
    CHECK(out.find("null") == std::string::npos);
    CHECK(out.find("inf") == std::string::npos);
  }
  // the largest finite amount is still a value
  std::string out;
  REQUIRE(run(kBin + " tag --ref 2026-03-01 '1" + std::string(300, '0') + "억 달러' 2>/dev/null", &out) == 0);
  CHECK(out.find("\"value\":1e+308") != std::string::npos);
}

TEST_CASE("a deal with an impossible amount shows no infinity", "[hostile][values][cli]") {
  const std::string dir = temp_dir("hostile-huge");
  const std::string huge = "1" + std::string(400, '0');
  write(dir + "/huge.txt", "NVIDIA will invest " + huge + " dollars in OpenAI.\n\n"
                           "삼성전자가 OpenAI에 " + huge + "억 달러를 투자한다.\n");
  for (const std::string& verb : {"extract", "query investments", "query top", "entities", "export --format jsonld"}) {
    std::string out;
    INFO(verb);
    REQUIRE(run(kBin + " " + verb + " " + dir + "/huge.txt 2>/dev/null", &out) == 0);
    check_no_infinity(out);
  }
  fs::remove_all(dir);
}
