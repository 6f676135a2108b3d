// The reader's layouts (own sample texts) and its bad-input errors.
#include <catch2/catch.hpp>

#include "extractor/reader/reader.h"

using namespace dealgraph;

namespace {

Reader reader() {
  auto r = Reader::load(Resources::embedded());
  REQUIRE(r);
  return std::move(*r);
}

std::string at(const ReadDocument& d, Span s) { return d.text.substr(s.start, s.size()); }

const char kBrief[] =
    "\n"
    "Tech & Semiconductor Insights: Sample Brief\n"
    "\n"
    "URL : www.example.org\n"
    "\n"
    "Top 3 Headlines of the Month\n"
    "\n"
    "1\n"
    "\n"
    "AMD, ZT Systems 인수 완료\n"
    "\n"
    "2\n"
    "\n"
    "TSMC, 애리조나 공장 증설\n"
    "\n"
    "AMD, ZT Systems 인수 완료\n"
    "\n"
    "2025. 03. 31\n"
    "\n"
    "Content\n"
    "\n"
    "AMD가 서버 제조사 ZT Systems 인수를 마무리함. 거래 규모는 \\$49억 달러임.\n"
    "\n"
    "두 번째 문단임.\n"
    "\n"
    "URL\n"
    "\n"
    "https://example.com/amd-zt\n"
    "\n"
    "TSMC, 애리조나 공장 증설\n"
    "\n"
    "2025. 03. 04\n"
    "\n"
    "Content\n"
    "\n"
    "TSMC가 애리조나 투자를 늘림.\n"
    "\n"
    "URL\n"
    "\n"
    "<https://example.com/tsmc-az>\n";

}  // namespace

TEST_CASE("brief layout: title block and table of contents are not articles") {
  auto doc = reader().read("brief.txt", kBrief);
  REQUIRE(doc);
  REQUIRE(doc->articles.size() == 2);
  const Article& a = doc->articles[0];
  CHECK(a.id == "A1");
  CHECK(a.headline == "AMD, ZT Systems 인수 완료");
  CHECK(a.date == std::optional<std::string>("2025-03-31"));
  CHECK(a.url == std::optional<std::string>("https://example.com/amd-zt"));
  REQUIRE(a.paragraphs.size() == 2);
  CHECK(at(*doc, a.paragraphs[1]) == "두 번째 문단임.");
  CHECK(at(*doc, a.headline_span) == a.headline);
  // Markdown escapes are undone and offsets index the decoded text.
  CHECK(at(*doc, a.paragraphs[0]).find("$49억") != std::string::npos);
  CHECK(at(*doc, a.span).rfind("AMD, ZT Systems", 0) == 0);
  CHECK(at(*doc, a.span).find("https://example.com/amd-zt") != std::string::npos);
  const Article& b = doc->articles[1];
  CHECK(b.url == std::optional<std::string>("https://example.com/tsmc-az"));
  CHECK(b.date == std::optional<std::string>("2025-03-04"));
  CHECK(a.span.end <= b.span.start);
}

TEST_CASE("brief layout with English labels and dates") {
  const char text[] =
      "Monthly brief\n\nNvidia invests in Intel\n\nSeptember 18, 2025\n\nSummary\n\n"
      "Nvidia will invest $5 billion in Intel.\n\nSource\n\nhttps://example.com/nv-intel\n";
  auto doc = reader().read("en.txt", text);
  REQUIRE(doc);
  REQUIRE(doc->articles.size() == 1);
  CHECK(doc->articles[0].headline == "Nvidia invests in Intel");
  CHECK(doc->articles[0].date == std::optional<std::string>("2025-09-18"));
  CHECK(doc->articles[0].url == std::optional<std::string>("https://example.com/nv-intel"));
  REQUIRE(doc->articles[0].paragraphs.size() == 1);
}

TEST_CASE("newspaper layout: dates with dashes or dots, 출처 line ends the article") {
  const char text[] =
      "엔비디아, 인텔에 50억 달러 투자\n2025-09-18\n\n엔비디아가 인텔에 투자한다고 밝혔다.\n"
      "두 회사는 칩을 공동 개발한다.\n출처: https://news.example.kr/1\n\n"
      "삼성전자, 테슬라와 파운드리 계약\n2025.07.28\n\n삼성전자가 계약을 체결했다.\n출처: <https://news.example.kr/2>\n";
  auto doc = reader().read("news.txt", text);
  REQUIRE(doc);
  REQUIRE(doc->articles.size() == 2);
  CHECK(doc->articles[0].date == std::optional<std::string>("2025-09-18"));
  CHECK(doc->articles[0].url == std::optional<std::string>("https://news.example.kr/1"));
  REQUIRE(doc->articles[0].paragraphs.size() == 1);  // two lines, one paragraph
  CHECK(doc->articles[1].headline == "삼성전자, 테슬라와 파운드리 계약");
  CHECK(doc->articles[1].date == std::optional<std::string>("2025-07-28"));
  CHECK(doc->articles[1].url == std::optional<std::string>("https://news.example.kr/2"));
}

TEST_CASE("plain text is one article with no date and no URL") {
  const char text[] = "AMD agreed to buy ZT Systems.\nThe deal closed in March.\n\nA second paragraph.\n";
  auto doc = reader().read("plain.txt", text);
  REQUIRE(doc);
  REQUIRE(doc->articles.size() == 1);
  const Article& a = doc->articles[0];
  CHECK_FALSE(a.date);
  CHECK_FALSE(a.url);
  CHECK(a.headline == "AMD agreed to buy ZT Systems.");
  CHECK(a.headline_span.size() == 0);  // the first line is body text, not a headline
  REQUIRE(a.paragraphs.size() == 2);
  CHECK(at(*doc, a.paragraphs[0]) == "AMD agreed to buy ZT Systems.\nThe deal closed in March.");
}

TEST_CASE("CRLF line ends and a byte-order mark are decoded") {
  auto doc = reader().read("crlf.txt", "\xEF\xBB\xBFHeadline here\r\n2025. 01. 02\r\n\r\nContent\r\n\r\nBody.\r\n");
  REQUIRE(doc);
  REQUIRE(doc->articles.size() == 1);
  CHECK(doc->articles[0].headline == "Headline here");
  CHECK(doc->text.find('\r') == std::string::npos);
}

TEST_CASE("bad input is an error with a position, never a crash") {
  Reader r = reader();
  SECTION("empty file") {
    auto doc = r.read("empty.txt", "");
    REQUIRE_FALSE(doc);
    CHECK(doc.error().to_string() == "empty.txt: empty input: nothing to read");
  }
  SECTION("binary file") {
    std::string bin("PK\x03\x04\0\0abc", 9);
    auto doc = r.read("x.zip", bin);
    REQUIRE_FALSE(doc);
    CHECK(doc.error().offset == 4);
    CHECK(doc.error().to_string().find("binary") != std::string::npos);
  }
  SECTION("invalid UTF-8 names the byte offset") {
    auto doc = r.read("bad.txt", "ok line\nbad \xC3\x28 here\n");
    REQUIRE_FALSE(doc);
    CHECK(doc.error().offset == 12);
    CHECK(doc.error().line == 2);
    CHECK(doc.error().to_string().find("invalid UTF-8 at byte 12 (0xC3)") != std::string::npos);
  }
  SECTION("truncated sequence at the end") {
    auto doc = r.read("cut.txt", "abc\xED\x95");
    REQUIRE_FALSE(doc);
    CHECK(doc.error().offset == 3);
  }
  SECTION("surrogates and overlong forms are invalid") {
    CHECK_FALSE(r.read("s.txt", "\xED\xA0\x80"));
    CHECK_FALSE(r.read("o.txt", "\xC0\xAF"));
  }
}
