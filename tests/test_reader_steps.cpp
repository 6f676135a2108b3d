// The steps of Reader::read (extractor/reader/layout_steps.h), one by one.
#include <catch2/catch.hpp>

#include "core/rule_set.h"
#include "extractor/reader/layout_steps.h"

using namespace dealgraph;
using namespace dealgraph::reader_steps;

namespace {

// rules/reader as embedded, with `edit` applied to layout.rules.
Result<std::shared_ptr<const Layout>> layout_with(const std::string& from = "", const std::string& to = "") {
  auto files = rules::RuleSet::files_of(Resources::embedded(), "rules/reader");
  for (auto& [path, text] : files) {
    if (path != "rules/reader/layout.rules" || from.empty()) continue;
    size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  }
  auto set = rules::RuleSet::from_files(files);
  REQUIRE(set);
  return load_layout(std::move(*set), "rules/reader");
}

const Layout& layout() {
  static const std::shared_ptr<const Layout> l = [] {
    auto r = layout_with();
    REQUIRE(r);
    return *r;
  }();
  return *l;
}

rules::Table settings_table(std::vector<std::pair<std::string, std::string>> entries) {
  rules::Table t;
  t.name = "settings";
  t.file = "x.rules";
  t.line = 7;
  for (auto& [k, v] : entries) {
    t.entries.emplace_back(k, v);
    t.index[k] = v;
  }
  return t;
}

struct Doc {
  std::string text;
  std::vector<Line> lines;
  std::vector<LineClass> classes;
};

Doc doc(std::string text) {
  Doc d{std::move(text), {}, {}};
  d.lines = split_lines(d.text);
  for (const auto& l : d.lines) d.classes.push_back(classify_line(l.t, layout()));
  return d;
}

}  // namespace

TEST_CASE("read_settings: named whole numbers, all present, none unknown") {
  auto ok = read_settings(settings_table({{"source_colon_limit", "20"},
                                          {"plain_headline_bytes", "200"},
                                          {"max_line_kb", "1024"},
                                          {"max_article_kb", "16384"}}));
  REQUIRE(ok);
  CHECK(ok->source_colon_limit == 20);
  CHECK(ok->plain_headline_bytes == 200);
  CHECK(ok->max_line_kb == 1024);
  CHECK(ok->max_article_kb == 16384);

  auto missing = read_settings(settings_table({{"source_colon_limit", "20"}}));
  REQUIRE_FALSE(missing);
  CHECK(missing.error().to_string() == "x.rules:7:1: table settings: missing setting 'plain_headline_bytes'");

  auto unknown = read_settings(settings_table({{"source_colon_limit", "20"},
                                               {"plain_headline_bytes", "200"},
                                               {"max_line_kb", "1024"},
                                               {"max_article_kb", "16384"},
                                               {"colon_limit", "3"}}));
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().fragment == "colon_limit");

  for (const char* bad : {"", "abc", "-1", "0", "1.5", "100001", "99999999"}) {
    auto r = read_settings(settings_table({{"source_colon_limit", bad},
                                           {"plain_headline_bytes", "200"},
                                           {"max_line_kb", "1024"},
                                           {"max_article_kb", "16384"}}));
    REQUIRE_FALSE(r);
    CHECK(r.error().line == 7);
    CHECK(r.error().message == "setting 'source_colon_limit' is not a whole number from 1 to 100000");
  }
}

TEST_CASE("load_layout: roles, date groups and tables are checked") {
  CHECK(layout().date_rules.size() == 4);
  CHECK(layout().toc_rules.size() == 1);
  CHECK(layout().settings.source_colon_limit == 20);
  CHECK(layout().settings.plain_headline_bytes == 200);

  auto no_role = layout_with("  role: toc\n", "");
  REQUIRE_FALSE(no_role);
  CHECK(no_role.error().file == "rules/reader/layout.rules");
  CHECK(no_role.error().line > 0);
  CHECK(no_role.error().message == "rule toc_heading: role must be 'date' or 'toc'");

  auto no_group = layout_with("(?P<d>[0-3]?\\d)일", "([0-3]?\\d)일");
  REQUIRE_FALSE(no_group);
  CHECK(no_group.error().message.find("rule date_line.ko: a date rule needs") == 0);

  auto no_table = layout_with("table url_start", "table url_begin");
  REQUIRE_FALSE(no_table);
  CHECK(no_table.error().to_string() == "rules/reader: missing table 'url_start' (the engine needs it)");

  auto bad_setting = layout_with("source_colon_limit = 20", "source_colon_limit = many");
  REQUIRE_FALSE(bad_setting);
  CHECK(bad_setting.error().fragment == "source_colon_limit = many");
}

TEST_CASE("split_lines: trimmed lines with their byte range") {
  const std::string text = "  one \n\ttwo\n\nlast";
  auto lines = split_lines(text);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].t == "one");
  CHECK(lines[0].start == 0);
  CHECK(lines[0].end == 6);
  CHECK(lines[1].t == "two");
  CHECK(lines[2].t.empty());
  CHECK(lines[3].t == "last");
  CHECK(lines[3].end == text.size());
  CHECK(split_lines("a\n").size() == 2);  // an empty last line
}

TEST_CASE("as_url: bare, in <...>, or not a URL") {
  CHECK(as_url("https://example.com/a", layout()) == "https://example.com/a");
  CHECK(as_url(" <http://example.com> ", layout()) == "http://example.com");
  CHECK(as_url("www.example.org", layout()) == "www.example.org");
  CHECK(as_url("example.org", layout()).empty());
  CHECK(as_url("https://a b", layout()).empty());
  CHECK(as_url("HTTPS://example.com", layout()).empty());  // as before: case matters
}

TEST_CASE("date_of_line: whole-line dates in four spellings, valid days only") {
  CHECK(date_of_line("2026. 02. 24", layout()) == std::optional<std::string>("2026-02-24"));
  CHECK(date_of_line("입력 2025.10.06 14:30", layout()) == std::optional<std::string>("2025-10-06"));
  CHECK(date_of_line("송고시간 2025-01-10 16:20", layout()) == std::optional<std::string>("2025-01-10"));
  CHECK(date_of_line("Posted: 3 November 2025", layout()) == std::optional<std::string>("2025-11-03"));
  CHECK(date_of_line("2025년 3월 2일", layout()) == std::optional<std::string>("2025-03-02"));
  CHECK(date_of_line("Sept. 18, 2025", layout()) == std::optional<std::string>("2025-09-18"));
  CHECK(date_of_line("2 March 2026", layout()) == std::optional<std::string>("2026-03-02"));
  CHECK_FALSE(date_of_line("2025. 13. 02", layout()));
  CHECK_FALSE(date_of_line("2025. 02. 32", layout()));
  CHECK_FALSE(date_of_line("On 2025-01-02 AMD bought ZT", layout()));
}

TEST_CASE("classify_line: every kind of line") {
  auto kind = [](std::string_view t) { return classify_line(t, layout()).kind; };
  CHECK(kind("") == LineKind::kBlank);
  CHECK(kind("Content") == LineKind::kContent);
  CHECK(kind("기사 원문") == LineKind::kUrlLabel);
  CHECK(kind("<https://x.example/1>") == LineKind::kUrl);
  CHECK(kind("2025-09-18") == LineKind::kDate);
  CHECK(kind("Top 10 Headlines of the Month") == LineKind::kToc);
  CHECK(kind("AMD buys ZT Systems") == LineKind::kText);

  LineClass src = classify_line("출처: https://news.example.kr/1", layout());
  CHECK(src.kind == LineKind::kSource);
  CHECK(src.url == "https://news.example.kr/1");
  CHECK(classify_line("2025. 03. 31", layout()).date == "2025-03-31");
  // the colon must come within source_colon_limit bytes, and the label must be known
  CHECK(kind("이 기사에 관해 더 알고 싶다면 출처: https://x.example") == LineKind::kText);
  CHECK(kind("Note: https://x.example") == LineKind::kText);
}

TEST_CASE("find_anchors: dated, content-only, digest, plain") {
  SECTION("headline + date line; list numbers and a toc are not headlines") {
    auto d = doc("Top 2 Headlines\n1\nA\n\nHead A\n\n2025. 01. 02\nContent\nBody\n2\n2025. 01. 03\n");
    auto a = find_anchors(d.lines, d.classes);
    CHECK_FALSE(a.plain);
    REQUIRE(a.list.size() == 1);
    CHECK(a.list[0].headline == 4);
    CHECK(a.list[0].date == 6);
  }
  SECTION("a content label with no date line") {
    auto d = doc("Head\nContent\nBody\n");
    auto a = find_anchors(d.lines, d.classes);
    REQUIRE(a.list.size() == 1);
    CHECK(a.list[0].headline == 0);
    CHECK(a.list[0].date == -1);
  }
  SECTION("a digest cut at its source lines") {
    auto d = doc("\nH1\nb\n출처: https://a.example\n\nH2\n출처: https://b.example\n");
    auto a = find_anchors(d.lines, d.classes);
    CHECK_FALSE(a.plain);
    REQUIRE(a.list.size() == 2);
    CHECK(a.list[0].headline == 1);
    CHECK(a.list[1].headline == 5);
  }
  SECTION("plain text starts at its first non-blank line") {
    auto d = doc("\n\nJust text.\nMore.\n");
    auto a = find_anchors(d.lines, d.classes);
    CHECK(a.plain);
    REQUIRE(a.list.size() == 1);
    CHECK(a.list[0].headline == 2);
  }
  SECTION("blank text has no article") {
    auto d = doc("\n \n");
    CHECK(find_anchors(d.lines, d.classes).list.empty());
  }
}

TEST_CASE("build_article: headline, date, paragraphs, URL, span") {
  auto d = doc("Head\n2025. 01. 02\nContent\nP1 a\nP1 b\n\nP2\nURL\nhttps://x.example\nafter\n");
  Article a = build_article(d.text, d.lines, d.classes, {0, 1}, static_cast<long>(d.lines.size()), false,
                            layout().settings);
  CHECK(a.headline == "Head");
  CHECK(a.headline_span == Span{0, 4});
  CHECK(a.date == std::optional<std::string>("2025-01-02"));
  REQUIRE(a.paragraphs.size() == 2);
  CHECK(d.text.substr(a.paragraphs[0].start, a.paragraphs[0].size()) == "P1 a\nP1 b");
  CHECK(a.url == std::optional<std::string>("https://x.example"));
  CHECK(d.text.substr(a.span.start, a.span.size()).find("after") == std::string::npos);  // the URL ends it
}

TEST_CASE("build_article: plain text clips its display headline to plain_headline_bytes") {
  auto small = layout_with("plain_headline_bytes = 200", "plain_headline_bytes = 7");
  REQUIRE(small);
  auto d = doc("엔비디아가 투자.\nMore.\n");
  Article a = build_article(d.text, d.lines, d.classes, {0, -1}, static_cast<long>(d.lines.size()), true,
                            (*small)->settings);
  CHECK(a.headline == "엔비");  // 7 bytes, cut on a character boundary
  CHECK(a.headline_span.size() == 0);
  REQUIRE(a.paragraphs.size() == 1);
  CHECK(a.paragraphs[0].start == 0);
}
