// Hostile sizes (issue 18, items 3 and 4): a line longer than the reader's
// max_line_kb (rules/reader/layout.rules, 1024 KB) is an error naming the
// file and byte offset, exit 1; a line just under it is read. Nothing here
// is timed: ctest's TIMEOUT is the bound. The 200 MB files (a corpus, one
// line, digits, one name) are measured, not run here: they cost minutes
// (docs/reliability.md, "Bounded work").
//
// | case                                          | outcome                                              |
// |-----------------------------------------------|------------------------------------------------------|
// | 100,000 company names on one line (~0.9 MB)   | 100,000 mentions (not under ASan: see below)         |
// | a line of one word just under 1024 KB         | read as one article, no entity, no deal              |
// | a 16 MB line of one word (also digits, names) | `FILE:byte 1048576: line 1 is longer than 1024 KB (setting max_line_kb ...)`, exit 1 |
// | an article over max_article_kb (16 MB)        | `FILE:LINE:1: the article starting on this line is longer than 16384 KB ...`, exit 1 |
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <string>

#include "extractor/pipeline.h"
#include "golden/golden_check.h"

using namespace dealgraph;

namespace {

const Pipeline& pipeline() {
  static const Pipeline p = std::move(*Pipeline::load(Resources::embedded()));
  return p;
}

size_t mentions(const Corpus& c) {
  size_t n = 0;
  for (const auto& [id, e] : c.entities) n += e.mentions.size();
  return n;
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

}  // namespace

TEST_CASE("100,000 company names on one line are 100,000 mentions", "[hostile][bounded]") {
  // Under ASan this input costs minutes (shadow memory for the mentions) and
  // finds nothing test_bounded_work.cpp's names do not: left out there.
  if (kSanitized) {
    WARN("left out under AddressSanitizer (docs/reliability.md)");
    return;
  }
  const std::string names[] = {"Nvidia", "AMD", "Intel", "Qualcomm", "Broadcom"};
  std::string line;
  for (size_t i = 0; i < 100000; ++i) line += (i ? ", " : "") + names[i % 5];
  REQUIRE(line.size() < 1024u * 1024u);
  line += "\n";
  Corpus c;
  REQUIRE(pipeline().add_file("names.txt", line, &c));
  CHECK(mentions(c) == 100000);
}

TEST_CASE("a line of one word just under max_line_kb is read, with nothing found", "[hostile][bounded]") {
  Corpus c;
  REQUIRE(pipeline().add_file("word.txt", std::string(1024u * 1024u, 'x') + "\n", &c));
  CHECK(c.articles.size() == 1);
  CHECK(c.entities.empty());
  CHECK(c.deals.empty());
}

TEST_CASE("a line longer than max_line_kb is an error at its byte offset", "[hostile][bounded]") {
  for (const std::string& line : {std::string(16u << 20, 'x'), std::string(2u << 20, '7')}) {
    Corpus c;
    Status s = pipeline().add_file("long.txt", "headline\n" + line, &c);
    REQUIRE_FALSE(s);
    CHECK(s.error().file == "long.txt");
    CHECK(s.error().offset == 9 + 1024 * 1024);
    CHECK(s.error().message.find("line 2 is longer than 1024 KB (setting max_line_kb") != std::string::npos);
    CHECK(c.articles.empty());
  }
  // through the CLI: exit 1, the file and byte offset, nothing on stdout
  const std::string path = "/tmp/dealgraph-test-long-line.txt";
  {
    std::ofstream f(path, std::ios::binary);
    std::string name = "Nvidia ";
    for (size_t i = 0; i < (1100u << 10) / name.size(); ++i) f << name;
  }
  std::string out, err;
  CHECK(golden::dg("extract " + path, &out, &err) == 1);
  CHECK(out.empty());
  CHECK(err.find(path + ":byte 1048576: line 1 is longer than 1024 KB") != std::string::npos);
  std::remove(path.c_str());
}

TEST_CASE("an article longer than max_article_kb is an error at its first line", "[hostile][bounded]") {
  // a plain-text file is one article: 17 MB of short lines, cheap to read
  // (the error comes before any extraction)
  std::string text;
  const std::string line(1000, 'x');
  while (text.size() <= (17u << 20)) text += line + "\n";
  Corpus c;
  Status s = pipeline().add_file("big.txt", text, &c);
  REQUIRE_FALSE(s);
  CHECK(s.error().file == "big.txt");
  CHECK(s.error().line == 1);
  CHECK(s.error().message.find("longer than 16384 KB (setting max_article_kb") != std::string::npos);
  CHECK(c.articles.empty());
}
