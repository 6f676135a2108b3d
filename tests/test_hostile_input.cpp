// Hostile input (issue 18): a clear error and exit 1, never silently wrong
// output. Every case of the issue and its expected outcome:
//
// | case                                        | outcome                                         | test |
// |---------------------------------------------|-------------------------------------------------|------|
// | `query top --limit 0000000000000000003`     | the top 3, exit 0, clean under ASan             | "query top --limit with leading zeros" |
// | UTF-16 / UTF-32 with a byte-order mark      | `F: UTF-16 text (byte-order mark at offset 0)`, 1 | "decode_text names UTF-16...", "extract reports a UTF-16 file..." |
// | a file holding only a UTF-8 BOM             | `F: empty input: ... byte-order mark`, 1         | "a file holding only a UTF-8 byte-order mark is empty" |
// | NUL bytes, invalid UTF-8                    | `F:byte N: binary data`, `F:L:C: invalid UTF-8 at byte N`, 1 | "every unreadable input file..." |
// | CRLF line ends                              | read as LF: the same deals, exit 0              | "CRLF line ends read like LF" |
// | a directory, a missing or unreadable file   | `F: is a directory, not a file` / `no such file` / `cannot be read: REASON`, 1 | "every unreadable input file..." |
// | a read failing part way (EIO)               | `F:byte N: cannot be read: Input/output error`, 1 | "every unreadable input file..." |
// | standard output full (/dev/full), every verb and output form | `cannot write standard output: REASON`, 1 | "output that cannot be written..." |
// | standard output closed                      | `cannot write standard output: Bad file descriptor`, 1 | "a closed standard output..." |
// | `--out` on a full disk / unwritable         | `F: cannot write: REASON`, 1; old file kept, no temporary | "--out is replaced atomically..." |
// | `export csv --out DIR` killed mid-write      | old tables or new, never mixed; stale temporaries removed | "--out DIR is replaced as a whole..." |
// | a 400-digit figure                          | no value, never null/inf; exit 0                | "a number too large for a double...", "a deal with an impossible amount..." |
// | hostile names in every export               | escaped, read back by real parsers              | tests/test_hostile_names.cpp |
// | bidi controls in JSON-LD @id                | percent-encoded (RFC 3987)                      | tests/test_hostile_names.cpp |
// | very long lines, very long articles          | over max_line_kb / max_article_kb: an error at the offset or line, exit 1; under: read | tests/test_hostile_sizes.cpp (200 MB files: measured, docs/reliability.md) |
// | long runs of digits and units, 100,000 names, 10,000 sentences on a line | linear work | tests/test_bounded_work.cpp |
// | inputs found by fuzzing                     | each a regression case                          | tests/test_fuzz_findings.cpp (docs/reliability.md) |
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iterator>
#include <string>
#include <unistd.h>

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
  // every other verb and output form, diagrams and binary ones included
  const std::string dir = temp_dir("hostile-full");
  REQUIRE(run(kBin + " extract --format partial " + kSample + " > " + dir + "/p.jsonl 2>/dev/null") == 0);
  const std::string more[] = {"extract --format partial " + kSample,
                              "entities --format tsv " + kSample,
                              "query deals --format json " + kSample,
                              "query investors-of Intel " + kSample,
                              "query top --format csv " + kSample,
                              "export --format svg " + kSample,
                              "export --format png " + kSample,
                              "export --format html " + kSample,
                              "export --format gexf " + kSample,
                              "merge " + dir + "/p.jsonl",
                              "diff " + kSample + " " + kSample};
  for (const std::string& args : more) {
    std::string err;
    INFO(args);
    CHECK(dg_err(args, ">/dev/full", &err) == 1);
    CHECK(err.find("dealgraph: cannot write standard output: No space left on device\n") != std::string::npos);
  }
  fs::remove_all(dir);
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

// ------------------------------------------------------------ input files

TEST_CASE("every unreadable input file is an error naming it and where, exit 1", "[hostile][reader][cli]") {
  const std::string dir = temp_dir("hostile-files");
  write(dir + "/nul.txt", std::string("NVIDIA\0 invests", 15));
  write(dir + "/bad.txt", "NVIDIA invests\xFF here\n");
  write(dir + "/trunc.txt", "line one\n삼성\xEC\x84");  // a character cut short at the end
  fs::create_directories(dir + "/folder");
  struct Case {
    std::string file, message;
  } cases[] = {
      {dir + "/nul.txt", dir + "/nul.txt:byte 6: binary data (a NUL byte), not text"},
      {dir + "/bad.txt", dir + "/bad.txt:1:15: invalid UTF-8 at byte 14 (0xFF)"},
      {dir + "/trunc.txt", dir + "/trunc.txt:2:7: invalid UTF-8 at byte 15"},
      {dir + "/folder", dir + "/folder: is a directory, not a file"},
      {dir + "/missing.txt", dir + "/missing.txt: no such file"},
  };
  // one verb per case (every verb reads its files through cli/load.cpp)
  const char* verbs[] = {"extract", "query investments", "entities", "export --format dot", "extract"};
  for (size_t i = 0; i < std::size(cases); ++i) {
    const auto& c = cases[i];
    std::string err;
    INFO(verbs[i] << " " << c.file);
    CHECK(dg_err(std::string(verbs[i]) + " " + c.file, ">/dev/null", &err) == 1);
    CHECK(err.rfind("dealgraph: " + c.message, 0) == 0);
    CHECK(std::count(err.begin(), err.end(), '\n') == 1);
  }
  // a read that fails part way is an error, never a shorter file: reading
  // one's own /proc/self/mem at offset 0 fails with EIO, for root too
  if (fs::exists("/proc/self/mem")) {
    std::string err;
    CHECK(dg_err("extract /proc/self/mem", ">/dev/null", &err) == 1);
    CHECK(err == "dealgraph: /proc/self/mem:byte 0: cannot be read: Input/output error\n");
  }
  // unreadable by permission: root reads everything, so only for others
  if (geteuid() != 0) {
    write(dir + "/secret.txt", "NVIDIA invested $1 billion in OpenAI.\n");
    fs::permissions(dir + "/secret.txt", fs::perms::none);
    std::string err;
    CHECK(dg_err("extract " + dir + "/secret.txt", ">/dev/null", &err) == 1);
    CHECK(err == "dealgraph: " + dir + "/secret.txt: cannot be read: Permission denied\n");
  }
  fs::remove_all(dir);
}

TEST_CASE("CRLF line ends read like LF", "[hostile][reader][cli]") {
  const std::string dir = temp_dir("hostile-crlf");
  std::string lf = dealgraph::golden::read(kSample), crlf;
  for (char c : lf) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  write(dir + "/crlf.txt", crlf);
  for (const std::string verb : {"query deals", "entities --format tsv"}) {
    std::string a, b;
    INFO(verb);
    REQUIRE(run(kBin + " " + verb + " " + kSample + " 2>/dev/null", &a) == 0);
    REQUIRE(run(kBin + " " + verb + " " + dir + "/crlf.txt 2>/dev/null", &b) == 0);
    CHECK(!a.empty());
    CHECK(a == b);
  }
  fs::remove_all(dir);
}

TEST_CASE("query top --limit with leading zeros", "[hostile][cli]") {
  // once a read of freed memory (a pointer into a temporary): ASan checks it
  std::string a, b;
  REQUIRE(run(kBin + " query top --limit 0000000000000000003 " + kSample + " 2>/dev/null", &a) == 0);
  REQUIRE(run(kBin + " query top --limit 3 " + kSample + " 2>/dev/null", &b) == 0);
  CHECK(a == b);
  CHECK(!a.empty());
}

// ------------------------------------------------------------ --out

namespace {
// Names in `dir` (hidden ones too), sorted.
std::vector<std::string> listing(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}
}  // namespace

TEST_CASE("--out is replaced atomically; a failed write keeps the old file", "[hostile][cli][output]") {
  const std::string dir = temp_dir("hostile-out");
  write(dir + "/g.dot", "old");
  std::string err;
  REQUIRE(dg_err("export --format dot --out " + dir + "/g.dot " + kSample, "", &err) == 0);
  CHECK(dealgraph::golden::read(dir + "/g.dot").rfind("digraph", 0) == 0);
  CHECK(listing(dir) == std::vector<std::string>{"g.dot"});
  // under a missing folder: the target named, nothing left behind
  CHECK(dg_err("export --format dot --out " + dir + "/no/g.dot " + kSample, "", &err) == 1);
  CHECK(err.rfind("dealgraph: " + dir + "/no/g.dot: cannot create: No such file or directory", 0) == 0);
  CHECK(listing(dir) == std::vector<std::string>{"g.dot"});
  // --out a folder
  fs::create_directories(dir + "/sub");
  CHECK(dg_err("export --format jsonld --out " + dir + "/sub " + kSample, "", &err) == 1);
  CHECK(err == "dealgraph: " + dir + "/sub: is a directory, not a file\n");
  // a link is followed: the file it names is replaced, the link stays
  fs::create_symlink("g.dot", dir + "/link.dot");
  REQUIRE(dg_err("export --format graphml --out " + dir + "/link.dot " + kSample, "", &err) == 0);
  CHECK(fs::is_symlink(dir + "/link.dot"));
  CHECK(dealgraph::golden::read(dir + "/g.dot").find("<graphml") != std::string::npos);
  // a full disk: the device is written in place, never replaced, and the error named
  if (fs::exists("/dev/full")) {
    CHECK(dg_err("export --format jsonld --out /dev/full " + kSample, "", &err) == 1);
    CHECK(err == "dealgraph: /dev/full: cannot write: No space left on device\n");
    CHECK(fs::is_character_file("/dev/full"));
    CHECK(dg_err("export --format csv --out /dev/full " + kSample, "", &err) == 1);
    CHECK(err == "dealgraph: /dev/full: is a file, not a directory\n");
  }
  fs::remove_all(dir);
}

TEST_CASE("--out DIR is replaced as a whole, never mixed", "[hostile][cli][output]") {
  const std::string dir = temp_dir("hostile-tables");
  const std::string tables = dir + "/tables";
  // old tables, one that the new export does not write, and a temporary
  // left by a writer killed with SIGKILL (its process is gone)
  fs::create_directories(tables);
  write(tables + "/deals.csv", "old");
  write(tables + "/retired.csv", "old");
  fs::create_directories(dir + "/.tables.dealgraph-999999999-AbCdEf");
  write(dir + "/.tables.dealgraph-999999999-AbCdEf/deals.csv", "half");
  std::string err;
  REQUIRE(dg_err("export --format csv --out " + tables + " " + kSample, "", &err) == 0);
  CHECK(listing(dir) == std::vector<std::string>{"tables"});
  // the sample states a role, so roles.csv is there too (docs/json.md, "roles")
  CHECK(listing(tables) == std::vector<std::string>{"articles.csv", "deal_parties.csv", "deals.csv", "entities.csv",
                                                    "mentions.csv", "roles.csv"});
  CHECK(dealgraph::golden::read(tables + "/deals.csv").rfind("id:ID(Deal)", 0) == 0);
  // a folder holding anything else is not the tables': an error, nothing touched
  write(tables + "/notes.txt", "mine");
  CHECK(dg_err("export --format csv --out " + tables + " " + kSample, "", &err) == 1);
  CHECK(err.rfind("dealgraph: " + tables + ": holds 'notes.txt', not a table of dealgraph's", 0) == 0);
  CHECK(dealgraph::golden::read(tables + "/notes.txt") == "mine");
  CHECK(listing(dir) == std::vector<std::string>{"tables"});
  // a new folder, with its parents
  REQUIRE(dg_err("export --format csv --out " + dir + "/a/b " + kSample, "", &err) == 0);
  CHECK(listing(dir + "/a/b").size() == 6);
  fs::remove_all(dir);
}

TEST_CASE("a kill at any moment leaves the old tables or the new, and no temporary", "[hostile][cli][output]") {
  const std::string dir = temp_dir("hostile-kill");
  const std::string tables = dir + "/tables";
  fs::create_directories(tables);
  write(tables + "/deals.csv", "old");
  write(tables + "/retired.csv", "old");
  const std::vector<std::string> old_tables{"deals.csv", "retired.csv"};
  const std::vector<std::string> new_tables{"articles.csv", "deal_parties.csv", "deals.csv",
                                            "entities.csv", "mentions.csv", "roles.csv"};
  // SIGTERM after growing delays: early ones land while the graph is built,
  // later ones while the tables are written (held until the swap) or after
  for (const char* delay : {"0.3", "0.8", "1.5", "3", "6"}) {
    INFO("SIGTERM after " << delay << " s");
    run("timeout -s TERM " + std::string(delay) + " " + kBin + " export --format csv --out " + tables + " " +
        kSample + " >/dev/null 2>&1");
    const auto now = listing(tables);
    CHECK((now == old_tables || now == new_tables));
    if (now == old_tables) CHECK(dealgraph::golden::read(tables + "/deals.csv") == "old");
    CHECK(listing(dir) == std::vector<std::string>{"tables"});  // nothing beside it
  }
  fs::remove_all(dir);
}
