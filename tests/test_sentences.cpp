// The one sentence splitter (extractor/reader/sentences.h).
#include <catch2/catch.hpp>

#include "core/rule_set.h"
#include "extractor/reader/sentences.h"

using namespace dealgraph;

namespace {

const SentenceSplitter& splitter() {
  static const SentenceSplitter s = [] {
    auto r = SentenceSplitter::load(Resources::embedded());
    REQUIRE(r);
    return std::move(*r);
  }();
  return s;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  for (Span s : splitter().split(text, {0, text.size()})) out.push_back(text.substr(s.start, s.size()));
  return out;
}

using V = std::vector<std::string>;

const char kMonths[] = "table month_en\n  January = 1\n  Jan = 1\n  May = 5\nend\n";

Result<SentenceSplitter> from_text(const std::string& rules) {
  auto set = rules::RuleSet::from_files({{"test/months.rules", kMonths}, {"test/s.rules", rules}});
  REQUIRE(set);
  return SentenceSplitter::from_rules(*set, "test");
}

}  // namespace

TEST_CASE("sentences end at . ! ? before a space or a line break") {
  CHECK(split("AMD closed the deal. The price was $4.9bn.") == V{"AMD closed the deal.", "The price was $4.9bn."});
  CHECK(split("Really? Yes! Done") == V{"Really?", "Yes!", "Done"});
  CHECK(split("첫 문장이다.\n둘째 문장.") == V{"첫 문장이다.", "둘째 문장."});
  CHECK(split("One.   Two.") == V{"One.", "Two."});  // the gap belongs to neither
}

TEST_CASE("Korean 다. endings") {
  CHECK(split("엔비디아가 인텔에 투자했다. 규모는 50억 달러다.") ==
        V{"엔비디아가 인텔에 투자했다.", "규모는 50억 달러다."});
  CHECK(split("계약을 체결함. 거래 규모는 $49억 달러임.") == V{"계약을 체결함.", "거래 규모는 $49억 달러임."});
}

TEST_CASE("a mark glued to the next character is inside a word") {
  CHECK(split("Shares rose 0.01 percent to 6.5GW today.") == V{"Shares rose 0.01 percent to 6.5GW today."});
  CHECK(split("U.S.-based chips.") == V{"U.S.-based chips."});
  CHECK(split("투자했다.그리고") == V{"투자했다.그리고"});
  CHECK(split("www.example.com is up.") == V{"www.example.com is up."});
}

TEST_CASE("abbreviations, shortened month names and initials keep the sentence open") {
  CHECK(split("The U.S. government approved it. Next.") == V{"The U.S. government approved it.", "Next."});
  CHECK(split("Nvidia Corp. and Intel Inc. agreed. Then") == V{"Nvidia Corp. and Intel Inc. agreed.", "Then"});
  CHECK(split("Mr. Huang, e.g. the CEO, spoke.") == V{"Mr. Huang, e.g. the CEO, spoke."});
  CHECK(split("On Sept. 18 and Jan. 2 it paid. Then") == V{"On Sept. 18 and Jan. 2 it paid.", "Then"});
  CHECK(split("J. Smith agreed.") == V{"J. Smith agreed."});
  CHECK(split("(Inc. is kept)") == V{"(Inc. is kept)"});  // a word starts after '('
}

TEST_CASE("whole month names and other words end a sentence") {
  CHECK(split("It closed in May. Then") == V{"It closed in May.", "Then"});
  CHECK(split("It closed in January. Then") == V{"It closed in January.", "Then"});
  CHECK(split("Built by AI. Then") == V{"Built by AI.", "Then"});
}

TEST_CASE("closing quotes stay with their sentence") {
  CHECK(split("He said \"we agree.\" Then he left.") == V{"He said \"we agree.\"", "Then he left."});
  CHECK(split("그는 “투자한다.” 라고 했다.") == V{"그는 “투자한다.”", "라고 했다."});
  CHECK(split("\"Done!\"\" Next") == V{"\"Done!\"\"", "Next"});
}

TEST_CASE("the ideographic full stop") {
  CHECK(split("台积电投资。 三星扩产。") == V{"台积电投资。", "三星扩产。"});
  CHECK(split("台积电投资。三星扩产") == V{"台积电投资。三星扩产"});  // glued: no break
}

TEST_CASE("ellipses") {
  CHECK(split("He waited... The deal closed.") == V{"He waited...", "The deal closed."});
  CHECK(split("from 1...6GW now") == V{"from 1...6GW now"});
  CHECK(split("끝… 다음") == V{"끝… 다음"});  // … is not a mark
}

TEST_CASE("spans stay inside the region and index the text") {
  const std::string text = "xx One. Two. yy";
  auto spans = splitter().split(text, {3, 12});
  REQUIRE(spans.size() == 2);
  CHECK(spans[0] == Span{3, 7});
  CHECK(spans[1] == Span{8, 12});
  CHECK(splitter().split(text, {5, 5}).empty());
  CHECK(split("No end mark") == V{"No end mark"});
}

TEST_CASE("keeps_open: what a period after a word means") {
  CHECK(splitter().keeps_open("Inc"));
  CHECK(splitter().keeps_open("U.S"));
  CHECK(splitter().keeps_open("Jan"));
  CHECK(splitter().keeps_open("Sept"));
  CHECK(splitter().keeps_open("Sep"));
  CHECK(splitter().keeps_open("J"));
  CHECK_FALSE(splitter().keeps_open("May"));
  CHECK_FALSE(splitter().keeps_open("January"));
  CHECK_FALSE(splitter().keeps_open("AI"));
  CHECK_FALSE(splitter().keeps_open("j"));
}

TEST_CASE("a default-constructed splitter knows no marks") {
  SentenceSplitter none;
  auto spans = none.split("One. Two.", {0, 9});
  REQUIRE(spans.size() == 1);
  CHECK(spans[0] == Span{0, 9});
}

TEST_CASE("the tables are data: other marks, quotes and abbreviations") {
  auto s = from_text(
      "table sentence_end\n  . = period\n  ;\nend\n"
      "table closing_quote\n  '\nend\n"
      "table abbreviation\n  Foo\nend\n" "table sentence_settings\n  title_line_share = 60\n  title_line_wrap_test = 1\n  label_line_max = 24\nend\n");
  REQUIRE(s);
  const std::string text = "a; Foo. b Jan. c 'x.' d. May. e";
  std::vector<std::string> got;
  for (Span sp : s->split(text, {0, text.size()})) got.push_back(text.substr(sp.start, sp.size()));
  CHECK(got == V{"a;", "Foo. b Jan. c 'x.'", "d.", "May.", "e"});
}

TEST_CASE("bad sentence tables are load errors") {
  SECTION("a missing table names the folder") {
    auto s = from_text("table sentence_end\n  .\nend\ntable closing_quote\n  \"\nend\n");
    REQUIRE_FALSE(s);
    CHECK(s.error().to_string() == "test: missing table 'abbreviation' (the engine needs it)");
  }
  SECTION("no marks") {
    auto s = from_text("table sentence_end\nend\ntable closing_quote\nend\ntable abbreviation\nend\n" "table sentence_settings\n  title_line_share = 60\n  title_line_wrap_test = 1\n  label_line_max = 24\nend\n");
    REQUIRE_FALSE(s);
    CHECK(s.error().to_string().rfind("test/s.rules:1:1: table sentence_end: no marks", 0) == 0);
  }
  SECTION("an unknown mark value") {
    auto s = from_text("\ntable sentence_end\n  . = stop\nend\ntable closing_quote\nend\ntable abbreviation\nend\n" "table sentence_settings\n  title_line_share = 60\n  title_line_wrap_test = 1\n  label_line_max = 24\nend\n");
    REQUIRE_FALSE(s);
    CHECK(s.error().line == 2);
    CHECK(s.error().fragment == "stop");
  }
}

TEST_CASE("value chunks: lines and sentence ends no value spans", "[sentences][values]") {
  std::string text = "첫 문장이다. 둘째 줄\nIt rose. The end\n\nlast";
  auto c = dealgraph::value_chunks(text);
  std::vector<std::string> got;
  for (const dealgraph::Span& s : c) got.push_back(text.substr(s.start, s.size()));
  CHECK(got == std::vector<std::string>{"첫 문장이다.", " 둘째 줄", "It rose.", " The end", "last"});
  CHECK(dealgraph::value_chunks("").empty());
  CHECK(dealgraph::value_chunks("a.b 3.5 x").size() == 1);  // no sentence end inside figures
  std::string long_text(dealgraph::kMaxValueChunk + 100, 'a');
  long_text[100] = ' ';
  long_text[dealgraph::kMaxValueChunk + 10] = ' ';
  auto lc = dealgraph::value_chunks(long_text);  // cut at the last space seen once the chunk is dealgraph::kMaxValueChunk long
  REQUIRE(lc.size() == 2);
  CHECK(lc[0].end == 100);
  CHECK(lc[1].end == long_text.size());
}

TEST_CASE("a short line that ends with no mark is a sentence of its own") {
  auto cut = [](const std::string& text) {
    V got;
    for (Span sp : splitter().split(text, {0, text.size()})) got.push_back(text.substr(sp.start, sp.size()));
    return got;
  };
  SECTION("a newsletter's item title") {
    CHECK(cut("Meta takes 49% of Scale AI for $14.3bn\nThe non-voting stake values the data-labelling start-up at "
              "about $29bn, and its founder leaves to run a new lab at Meta.")
          == V{"Meta takes 49% of Scale AI for $14.3bn",
               "The non-voting stake values the data-labelling start-up at about $29bn, and its founder leaves to "
               "run a new lab at Meta."});
  }
  SECTION("a Korean bullet") {
    CHECK(cut("- 오픈AI와 AMD, 6GW 규모 GPU 공급 계약 체결\n- AMD는 오픈AI에 최대 1억6000만 주의 신주인수권을 부여했으며 "
              "행사 조건은 주가와 배치 규모에 연동된다고 밝혔다.")
              .size() == 2);
  }
  SECTION("hard-wrapped prose stays one sentence") {
    CHECK(cut("Nvidia agreed on Monday to invest up to $100 billion in OpenAI as\nthe two companies build out at "
              "least ten gigawatts of data centers, the\nlargest such pledge so far.")
              .size() == 1);
  }
  SECTION("a title nearly as long as its text, whose text's first word would have fitted on it") {
    CHECK(cut("Cursor maker Anysphere raises $900m at $9.9bn\nLed by Thrive Capital, with Andreessen Horowitz, Accel "
              "and DST Global.")
              .size() == 2);
    CHECK(cut("SK hynix wins a memory order from OpenAI\nThe Korean chipmaker signed a letter of intent.").size() == 2);
  }
  SECTION("a wrapped line whose next line starts with a name that did not fit") {
    CHECK(cut("The two companies said on Monday that the first systems would be delivered to\nMicrosoft in the second "
              "half of next year.")
              .size() == 1);
    CHECK(cut("The chip designer agreed to sell the unit to its former parent, Advanced\nMicro Devices.").size() == 1);
  }
  SECTION("the fields of a record, one a line") {
    CHECK(cut("Deal: Weights & Biases, whole company and all of its staff and its software\nParties: CoreWeave (buyer); "
              "Weights & Biases (target)\nValue: about $1.7 billion")
          == V{"Deal: Weights & Biases, whole company and all of its staff and its software",
               "Parties: CoreWeave (buyer); Weights & Biases (target)", "Value: about $1.7 billion"});
  }
  SECTION("a colon late in a wrapped line is no label") {
    CHECK(cut("The company gave three reasons for the purchase of the start-up and its staff,\nNvidia said in a "
              "statement: cost, time and talent.")
              .size() == 1);
  }
  SECTION("a line that goes on in lower case") {
    CHECK(cut("Samsung will supply\nmemory chips to OpenAI under a letter of intent signed in Seoul this week, the "
              "company said on Wednesday.")
              .size() == 1);
  }
  SECTION("a line that ends with a mark is cut there anyway") {
    CHECK(cut("Short one.\nAnd a much longer second sentence that goes on and on for quite a while here.").size() == 2);
  }
}
