// The date steps of the deal stage (date_class, sentence_dates in
// extractor/deals/deal_steps.h) over hand-made typed sentences and the
// built-in rules/deals tables: which date of a sentence is its deal's
// `date`, which its `target_date`, and which neither.
#include <catch2/catch.hpp>

#include "deal_tables_fixture.h"

#include "core/resources.h"
#include "core/schema.h"
#include "extractor/deals/deal_extractor.h"
#include "extractor/deals/deal_steps.h"

using namespace dealgraph;

namespace {

const DealTables& tables() { return testing::builtin_deal_tables(); }

// A typed sentence with its values, built piece by piece. A date is given
// as the tagger gives it: its own text (relation words included) and its
// relation.
struct Sentence {
  TypedSentence t;
  std::vector<Value> values;

  Sentence& text(const std::string& s) {
    t.text += s;
    return *this;
  }
  Sentence& entity(const std::string& id) {
    Slot s;
    s.entity = id;
    s.typed_start = t.text.size();
    t.text += "\xE2\x9F\xA6" "E" + std::to_string(t.slots.size()) + ":ORG\xE2\x9F\xA7";
    s.typed_end = t.text.size();
    t.slots.push_back(s);
    return *this;
  }
  Sentence& value(ValueData data, const std::string& written, const char* code) {
    Value v;
    v.data = std::move(data);
    v.text = written;
    values.push_back(v);
    Slot s;
    s.is_entity = false;
    s.index = static_cast<int>(values.size()) - 1;
    s.typed_start = t.text.size();
    t.text += "\xE2\x9F\xA6" "V" + std::to_string(t.slots.size()) + ":" + code + "\xE2\x9F\xA7";
    s.typed_end = t.text.size();
    t.slots.push_back(s);
    return *this;
  }
  Sentence& date(const std::string& iso, const std::string& written, const std::string& relation = "") {
    return value(DateValue{iso, "", "", relation}, written, "DATE");
  }
  Sentence& span(const std::string& from, const std::string& to, const std::string& written,
                 const std::string& relation = "") {
    return value(DateValue{"", from, to, relation}, written, "DATE");
  }
  Sentence& money(double usd, const std::string& written) {
    Money m;
    m.amount.value = usd;
    m.currency = "USD";
    return value(m, written, "MONEY");
  }

  // Reported on 2026-03-10.
  SentenceDates dates() const { return sentence_dates(t, values, std::string("2026-03-10"), tables()); }
};

std::string shown(const std::optional<DateValue>& d) {
  if (!d) return "-";
  return d->value.empty() ? d->from + ".." + d->to : d->value;
}

}  // namespace

TEST_CASE("deal dates: a deadline is the target, not the date (English)", "[deals][dates]") {
  SECTION("by 2030: the tagger's relation") {
    auto s = Sentence().entity("a").text(" will build 5 GW of data centers ").date("2030", "by 2030", "by").text(".");
    CHECK(shown(s.dates().date) == "-");  // the article's date stands in (add_candidates)
    CHECK(shown(s.dates().target) == "2030");
  }
  SECTION("until and through") {
    auto s = Sentence().entity("a").text(" will rent capacity ").date("2031", "through 2031", "by").text(".");
    CHECK(shown(s.dates().target) == "2031");
  }
  SECTION("to be completed in 2028, with a stated announcement") {
    auto s = Sentence()
                 .entity("a")
                 .text(" said on ")
                 .date("2026-03-03", "March 3")
                 .text(" it will build a fab, to be completed in ")
                 .date("2028", "2028")
                 .text(".");
    CHECK(shown(s.dates().date) == "2026-03-03");
    CHECK(shown(s.dates().target) == "2028");
  }
  SECTION("deliveries start in late 2026") {
    auto s = Sentence().entity("a").text(" will buy chips from ").entity("b").text("; deliveries start in ")
                 .date("2026-12", "late 2026").text(".");
    CHECK(shown(s.dates().date) == "-");
    CHECK(shown(s.dates().target) == "2026-12");
  }
  SECTION("starting in 2026: a start of deliveries") {
    auto s = Sentence().date("2026", "Starting in 2026", "from").text(", ").entity("a").text(" supplies ").entity("b");
    CHECK(shown(s.dates().target) == "2026");
    CHECK(shown(s.dates().date) == "-");
  }
}

TEST_CASE("deal dates: a founding year is dropped (English)", "[deals][dates]") {
  SECTION("founded in, mid-sentence") {
    auto s = Sentence().entity("a").text(", founded in ").date("2019", "2019").text(", raised ")
                 .money(1e8, "$100 million").text(" from ").entity("b").text(".");
    CHECK(shown(s.dates().date) == "-");
    CHECK(shown(s.dates().target) == "-");
  }
  SECTION("Founded in, at the start") {
    auto s = Sentence().text("Founded in ").date("2015", "2015").text(", ").entity("a").text(" raised money.");
    CHECK(shown(s.dates().date) == "-");
  }
  SECTION("the founding year's words stay with it: the signing after them is the date") {
    auto s = Sentence().entity("a").text(", founded in ").date("2015", "2015").text(", and ").entity("b")
                 .text(" signed on ").date("2026-01-05", "Jan. 5").text(".");
    CHECK(shown(s.dates().date) == "2026-01-05");
  }
}

TEST_CASE("deal dates: a stated date stays the date (English)", "[deals][dates]") {
  SECTION("signed on March 3, 2026") {
    auto s = Sentence().entity("a").text(" signed the agreement with ").entity("b").text(" on ")
                 .date("2026-03-03", "March 3, 2026").text(".");
    CHECK(shown(s.dates().date) == "2026-03-03");
    CHECK(shown(s.dates().target) == "-");
  }
  SECTION("In 2024, A invested") {
    auto s = Sentence().text("In ").date("2024", "2024").text(", ").entity("a").text(" invested in ").entity("b");
    CHECK(shown(s.dates().date) == "2024");
  }
  SECTION("a word inside a longer word is not that word") {
    auto s = Sentence().entity("a").text(" backed the breakthrough in ").date("2025", "2025").text(".");
    CHECK(shown(s.dates().date) == "2025");  // "through" is not in "breakthrough"
    CHECK(shown(s.dates().target) == "-");
  }
  SECTION("a stated signing wins over a date said in passing") {
    auto s = Sentence().entity("a").text(", whose sales doubled in ").date("2025", "2025").text(", signed on ")
                 .date("2026-02-02", "Feb. 2").text(" a deal.");
    CHECK(shown(s.dates().date) == "2026-02-02");
  }
}

TEST_CASE("deal dates: Korean", "[deals][dates]") {
  SECTION("2030년까지 5GW: a deadline") {
    auto s = Sentence().entity("a").text("는 ").date("2030", "2030년까지", "by").text(" 5GW 규모 데이터센터를 짓는다");
    CHECK(shown(s.dates().date) == "-");
    CHECK(shown(s.dates().target) == "2030");
  }
  SECTION("2019년 설립된: a founding year") {
    auto s = Sentence().date("2019", "2019년").text(" 설립된 ").entity("a").text("에 ").entity("b").text("가 투자했다");
    CHECK(shown(s.dates().date) == "-");
    CHECK(shown(s.dates().target) == "-");
  }
  SECTION("2026년 하반기부터 공급: a delivery start") {
    auto s = Sentence().entity("a").text("는 ").span("2026-07", "2026-12", "2026년 하반기부터", "from")
                 .text(" ").entity("b").text("에 HBM4를 공급한다");
    CHECK(shown(s.dates().target) == "2026-07..2026-12");
    CHECK(shown(s.dates().date) == "-");
  }
  SECTION("2028년 완공 목표") {
    auto s = Sentence().entity("a").text("는 ").date("2028", "2028년").text(" 완공 목표로 공장을 짓는다");
    CHECK(shown(s.dates().target) == "2028");
  }
  SECTION("a signing date and a deadline in one sentence") {
    auto s = Sentence().entity("a").text("는 ").date("2026-03", "2026년 3월").text(" 체결한 계약으로 ")
                 .date("2028", "2028년까지", "by").text(" 장비를 공급한다");
    CHECK(shown(s.dates().date) == "2026-03");
    CHECK(shown(s.dates().target) == "2028");
  }
  SECTION("must not change: 지난 3일 체결") {
    auto s = Sentence().entity("a").text("는 ").date("2026-03-03", "지난 3일").text(" ").entity("b")
                 .text("와 계약을 체결했다");
    CHECK(shown(s.dates().date) == "2026-03-03");
    CHECK(shown(s.dates().target) == "-");
  }
  SECTION("must not change: a supply contract signed in 2024") {
    auto s = Sentence().entity("a").text("는 ").date("2024", "2024년").text(" 공급 계약을 체결했다");
    CHECK(shown(s.dates().date) == "2024");
    CHECK(shown(s.dates().target) == "-");
  }
}

TEST_CASE("deal dates: a plain date after the article's is no deal's date", "[deals][dates]") {
  SECTION("a later plan with no word for it") {
    auto s = Sentence().entity("a").text("는 ").entity("b").text("에서 투자를 유치했으며 ")
                 .span("2026-07", "2026-12", "내년 하반기").text(" 상장을 노린다");
    CHECK(shown(s.dates().date) == "-");
    CHECK(shown(s.dates().target) == "-");  // nothing says it is the deal's target
  }
  SECTION("the month of the article holds its day: not later") {
    auto s = Sentence().entity("a").text(" invested in ").entity("b").text(" in ").date("2026-03", "March");
    CHECK(shown(s.dates().date) == "2026-03");
  }
  SECTION("without an article date every plain date may be the deal's") {
    auto s = Sentence().entity("a").text(" invested in ").entity("b").text(" in ").date("2027", "2027");
    CHECK(shown(sentence_dates(s.t, s.values, std::nullopt, tables()).date) == "2027");
  }
}

TEST_CASE("deal dates: classes of single dates", "[deals][dates]") {
  auto s = Sentence().date("2019", "2019년").text(" 설립 ").date("2030", "by 2030", "by").text(" ")
               .date("2026-01", "2026년 1월").text(" 서명");
  CHECK(date_class(s.t, 0, s.values, tables()) == DateClass::Founding);
  CHECK(date_class(s.t, 1, s.values, tables()) == DateClass::Target);
  CHECK(date_class(s.t, 2, s.values, tables()) == DateClass::Deal);
}

TEST_CASE("deal dates: a table entry must name a date class", "[deals][dates]") {
  Resources res = Resources::embedded();
  std::string common = *res.find("rules/deals/00-common.rules");
  const std::string from = "  founded in = founding\n";
  const size_t at = common.find(from);
  REQUIRE(at != std::string::npos);
  common.replace(at, from.size(), "  founded in = founded\n");
  res.put("rules/deals/00-common.rules", common);
  auto d = DealExtractor::load(res);
  REQUIRE_FALSE(d);
  CHECK(d.error().file == "rules/deals/00-common.rules");
  CHECK(d.error().message == "table date_word_before: 'founded in' needs a date class (deal, target, founding)");
  CHECK(d.error().fragment == "founded");
}
