// Unit tests of the value tagger's steps, one small case per step function:
// the vocabulary (vocabulary.cpp), the table checks (table_check.h), the rule
// compiler (rule_compiler.h), the matching steps (tagger_impl.h), the number
// parser's steps (seen through Tagger::number) and the date resolver's steps
// (dates.h). The tagger as a whole is tested in test_values.cpp and by the
// corpora.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "core/resources.h"
#include "core/rule_set.h"
#include "extractor/values/dates.h"
#include "extractor/values/rule_compiler.h"
#include "extractor/values/table_check.h"
#include "extractor/values/tagger.h"
#include "extractor/values/tagger_impl.h"

using namespace dealgraph;
using namespace dealgraph::values;
using namespace dealgraph::values::detail;

namespace {

const std::string kSource = DEALGRAPH_SOURCE_DIR;

// A rule set from one small file, kept alive with its files for TableFamilies.
struct SmallSet {
  Files files;
  rules::RuleSet set;
  explicit SmallSet(const std::string& text) : files{{"rules/values/t.en.rules", text}} {
    auto r = rules::RuleSet::from_files(files);
    if (!r) FAIL(r.error().to_string());
    set = std::move(*r);
  }
  const rules::Rule& rule(size_t i = 0) const { return set.rules().at(i); }
};

const char* const kTables =
    "table currency_t\n  dollars = USD\n  cents = USD 0.01\nend\n"
    "table qualifier_t\n  about = approx\nend\n"
    "table power_unit_t\n  GW = 1e9\nend\n"
    "table follow\n  을\nend\n";

const Tagger& tree_tagger() {
  static const Tagger t = [] {
    Resources res = Resources::embedded();
    auto s = res.overlay_dir(kSource + "/rules", "rules/");
    if (!s) FAIL(s.error().to_string());
    auto r = Tagger::load(res);
    if (!r) FAIL(r.error().to_string());
    return *r;
  }();
  return t;
}

}  // namespace

// ------------------------------------------------------------ vocabulary

TEST_CASE("steps: kind names come from core", "[values][steps]") {
  CHECK(kind_from("money") == Kind::Money);
  CHECK(kind_from("date") == Kind::Date);
  CHECK(kind_from("number") == Kind::Number);
  CHECK_FALSE(kind_from("length"));
  CHECK(std::string(kind_text(Kind::Percent)) == "percent");
  CHECK(kind_list() == "money, power, quantity, percent, date or number");
}

TEST_CASE("steps: group names and qualifiers", "[values][steps]") {
  CHECK(group_index("num") == g_num);
  CHECK(group_index("tail") == g_tail);
  CHECK(group_index("amount") == -1);
  CHECK(qualifier_from("at_least") == Qualifier::AtLeast);
  CHECK_FALSE(qualifier_from("roughly"));
  CHECK(qualifier_rank(Qualifier::Range) > qualifier_rank(Qualifier::AtMost));
  CHECK(qualifier_rank(Qualifier::AtMost) == qualifier_rank(Qualifier::AtLeast));
  CHECK(qualifier_rank(Qualifier::Approx) > qualifier_rank(Qualifier::Exact));
}

TEST_CASE("steps: small parsers of table values", "[values][steps]") {
  char u = 0;
  int off = 0;
  std::string part;
  CHECK(parse_rel("y-1", &u, &off, &part));
  CHECK((u == 'y' && off == -1 && part.empty()));
  CHECK(parse_rel("y0 end", &u, &off, &part));
  CHECK(part == "end");
  CHECK_FALSE(parse_rel("x1", &u, &off, &part));
  CHECK_FALSE(parse_rel("y0 late", &u, &off, &part));
  int m = 0, d = 0;
  CHECK(parse_mmdd("12-25", &m, &d));
  CHECK((m == 12 && d == 25));
  CHECK_FALSE(parse_mmdd("13-01", &m, &d));
  CHECK(currency_ok("USD"));
  CHECK(currency_ok("KRW 0.01"));
  CHECK_FALSE(currency_ok("usd"));
  CHECK_FALSE(currency_ok("USD -1"));
  double x = 0;
  CHECK(parse_double("2.5", &x));
  CHECK(x == 2.5);
  CHECK_FALSE(parse_double("2.5x", &x));
  CHECK(clean(20.430000000000003) == 20.43);
  CHECK(scale_by(410, 0.01) == 4.1);
  CHECK(scale_by(3, 1e9) == 3e9);
}

// ------------------------------------------------------------ tables

TEST_CASE("steps: table families in file order, entry lines", "[values][steps]") {
  Files files{{"a.rules", "# c\ntable b_x\n  k = 1\nend\ntable b\n  z = 2 # note\nend\n"}};
  auto set = rules::RuleSet::from_files(files);
  REQUIRE(set);
  TableFamilies family(*set);
  auto b = family("b");
  REQUIRE(b.size() == 2);
  CHECK(b[0]->name == "b_x");  // file order, not name order
  CHECK(family.line_of(*b[1], "z") == 6);
  CHECK(family.line_of(*b[0], "k") == 3);
}

TEST_CASE("steps: a table family is ROLE and ROLE_anything", "[values][steps]") {
  SmallSet s("table per\n  주당 = share\nend\ntable per_en\n  a share = share\nend\ntable perhaps\n  x = y\nend\n");
  TableFamilies family(s.set);
  auto t = family("per");
  REQUIRE(t.size() == 2);
  CHECK(t[0]->name == "per");
  CHECK(t[1]->name == "per_en");
  CHECK(family("currency").empty());
  CHECK(family.line_of(*t[1], "a share") == 5);
}

TEST_CASE("steps: check_table names the bad entry", "[values][steps]") {
  SmallSet s("table month_t\n  Smarch = 13\nend\n");
  TableFamilies family(s.set);
  WordTable out;
  Status st = check_table(family, "month", int_in(1, 12), "expected a month number 1..12", &out);
  REQUIRE_FALSE(st);
  CHECK(st.error().line == 2);
  CHECK(st.error().fragment == "Smarch = 13");
  CHECK(check_table(family, "month", int_in(1, 13), "", &out));
  REQUIRE(out.find("smarch"));
  CHECK(*out.find("smarch") == "13");
}

TEST_CASE("steps: value checks of the date tables", "[values][steps]") {
  CHECK(season_ok("06-01 08-31"));
  CHECK_FALSE(season_ok("06-01-08-31"));
  CHECK(rel_ok("m+1"));
  CHECK_FALSE(rel_ok("m+"));
  CHECK(int_in(0, 7)("0"));
  CHECK_FALSE(int_in(0, 7)("8"));
  CHECK_FALSE(int_in(0, 7)("1x"));
}

TEST_CASE("steps: load_word_tables needs a follow table", "[values][steps]") {
  SmallSet s("table currency\n  dollars = USD\nend\n");
  Tagger::Impl impl;
  Status st = load_word_tables(TableFamilies(s.set), &impl);
  REQUIRE_FALSE(st);
  CHECK(st.error().message.find("missing table 'follow'") != std::string::npos);
  SmallSet ok(kTables);
  REQUIRE(load_word_tables(TableFamilies(ok.set), &impl));
  REQUIRE(impl.currency.find("cents"));
  CHECK(*impl.currency.find("cents") == "USD 0.01");
}

// ------------------------------------------------------------ rules

TEST_CASE("steps: a file's language from its name", "[values][steps]") {
  CHECK(file_language("rules/values/money.ko.rules") == "ko");
  CHECK(file_language("rules/values/money.en.rules") == "en");
  CHECK(file_language("rules/values/money.rules") == "");
  CHECK(file_language("rules/values.ko.x/money.rules") == "");
}

TEST_CASE("steps: whole_group", "[values][steps]") {
  CHECK(whole_group("(?P<num>a|(b)c)", "(?P<num>"));
  CHECK(whole_group("(?P<num>[)(]x)", "(?P<num>"));
  CHECK_FALSE(whole_group("(?P<num>a)b", "(?P<num>"));
  CHECK_FALSE(whole_group("(?P<num>a)(b)", "(?P<num>"));
  CHECK_FALSE(whole_group("x(?P<num>a)", "(?P<num>"));
}

TEST_CASE("steps: rule attributes and kind", "[values][steps]") {
  SmallSet s("rule t.a\n  pattern: (?P<num>\\d+)\n  kind: number\n  colour: red\n"
             "rule t.b\n  pattern: (?P<num>\\d+)\n  kind: length\n");
  CHECK_FALSE(check_attribute_names(s.rule(0)));
  CHECK(check_attribute_names(s.rule(1)));
  CompiledRule cr;
  CHECK(read_kind(s.rule(0), &cr));
  CHECK(cr.kind == Kind::Number);
  Status st = read_kind(s.rule(1), &cr);
  REQUIRE_FALSE(st);
  CHECK(st.error().message == "rule t.b: kind must be money, power, quantity, percent, date or number");
}

TEST_CASE("steps: bind_groups", "[values][steps]") {
  SmallSet s("rule t.a\n  pattern: (x)(?P<num>\\d+)(?P<cur>\\$)\n  kind: money\n"
             "rule t.b\n  pattern: (?P<num>\\d+)(?P<cur>W)\n  kind: power\n"
             "rule t.c\n  pattern: (?P<amount>\\d+)\n  kind: number\n");
  CompiledRule cr;
  cr.kind = Kind::Money;
  REQUIRE(bind_groups(s.rule(0), &cr));
  CHECK(cr.ncap == 3);
  CHECK(cr.group[g_num] == 2);
  CHECK(cr.group[g_cur] == 3);
  CHECK_FALSE(cr.has(g_per));
  cr.kind = Kind::Power;
  Status st = bind_groups(s.rule(1), &cr);
  REQUIRE_FALSE(st);
  CHECK(st.error().message.find("group 'cur' means nothing in a power rule") != std::string::npos);
  cr.kind = Kind::Number;
  CHECK_FALSE(bind_groups(s.rule(2), &cr));
}

TEST_CASE("steps: check_group_tables", "[values][steps]") {
  SmallSet s(std::string(kTables) + "rule t.a\n  pattern: (?P<num>\\d+)(?P<cur>dollars)\n  kind: money\n"
                                     "rule t.b\n  pattern: (?P<num>\\d+)(?P<per>each)(?P<cur>dollars)\n  kind: money\n");
  TableFamilies family(s.set);
  CompiledRule cr;
  cr.kind = Kind::Money;
  REQUIRE(bind_groups(s.rule(0), &cr));
  CHECK(check_group_tables(s.rule(0), cr, family));
  REQUIRE(bind_groups(s.rule(1), &cr));
  Status st = check_group_tables(s.rule(1), cr, family);
  REQUIRE_FALSE(st);
  CHECK(st.error().message.find("group 'per' needs table 'per'") != std::string::npos);
}

TEST_CASE("steps: read_attributes", "[values][steps]") {
  SmallSet s("rule t.a\n  pattern: (?P<num>\\d+)\n  kind: money\n  currency: KRW 0.01\n  scale: 1e8\n"
             "  qualifier: approx\n  alone: yes\n  after: word\n  min: 1\n  priority: 2\n"
             "rule t.b\n  pattern: (?P<num>\\d+)\n  kind: number\n  after: never\n"
             "rule t.c\n  pattern: (?P<num>\\d+)\n  kind: number\n  currency: USD\n");
  CompiledRule cr;
  cr.kind = Kind::Money;
  REQUIRE(read_attributes(s.rule(0), &cr));
  CHECK(cr.currency == "KRW");
  CHECK(cr.currency_factor == 0.01);
  CHECK(cr.scale == 1e8);
  CHECK(cr.qualifier == Qualifier::Approx);
  CHECK(cr.alone);
  CHECK(cr.follow_any_end);
  CHECK(cr.check_follow);
  CHECK(cr.min == 1.0);
  CHECK(cr.priority == 2);
  CompiledRule nb;
  nb.kind = Kind::Number;
  CHECK_FALSE(read_attributes(s.rule(1), &nb));
  CHECK_FALSE(read_attributes(s.rule(2), &nb));  // currency: in a number rule
}

TEST_CASE("steps: check_kind_needs", "[values][steps]") {
  SmallSet s("rule t.a\n  pattern: (?P<num>\\d+)\n  kind: money\n"
             "rule t.b\n  pattern: (?P<num>\\d+)\n  kind: power\n  unit: GW\n"
             "rule t.c\n  pattern: (?P<n>\\d+)\n  kind: date\n");
  WordTable none;
  SmallSet units("table power_unit\n  GW = 1e9\nend\n");
  WordTable power_unit(TableFamilies(units.set)("power_unit"));
  CompiledRule m;
  m.kind = Kind::Money;
  REQUIRE(bind_groups(s.rule(0), &m));
  CHECK_FALSE(check_kind_needs(s.rule(0), m, none));
  CompiledRule p;
  p.kind = Kind::Power;
  REQUIRE(bind_groups(s.rule(1), &p));
  REQUIRE(read_attributes(s.rule(1), &p));
  CHECK_FALSE(check_kind_needs(s.rule(1), p, none));
  CHECK(check_kind_needs(s.rule(1), p, power_unit));
  CompiledRule d;
  d.kind = Kind::Date;
  REQUIRE(bind_groups(s.rule(2), &d));
  Status st = check_kind_needs(s.rule(2), d, none);
  REQUIRE_FALSE(st);
  CHECK(st.error().message.find("a count (?P<n>...) needs a (?P<unit>...) group") != std::string::npos);
}

TEST_CASE("steps: compile_rule and the prefilter", "[values][steps]") {
  SmallSet s(std::string(kTables) + "rule t.a\n  pattern: (?P<num>\\d+)\n  kind: number\n"
                                     "rule t.b\n  pattern: (?P<num>\\d+)\\s?(?P<cur>dollars)\n  kind: money\n"
                                     "  case: insensitive\n");
  TableFamilies family(s.set);
  WordTable none;
  auto a = compile_rule(s.rule(0), family, none);
  REQUIRE(a);
  CHECK(a->whole_num);
  CHECK(a->lang == "en");
  auto b = compile_rule(s.rule(1), family, none);
  REQUIRE(b);
  CHECK_FALSE(b->whole_num);
  std::vector<CompiledRule> rules{*a, *b};
  auto pre = build_prefilter(rules);
  REQUIRE(pre);
  std::vector<int> hits;
  REQUIRE(pre->match("5 DOLLARS", &hits));
  CHECK(hits == std::vector<int>{0, 1});  // case-insensitive rule found as such
  REQUIRE(pre->match("none here", &hits));
  CHECK(hits.empty());
}

TEST_CASE("steps: prefilter_pattern keeps the core of a rule", "[values][steps]") {
  // optional groups that open or close the pattern go: the rest matches
  // somewhere exactly when the whole does
  CHECK(prefilter_pattern("(?:(?P<qual>about|over)\\s?)?(?P<num>\\d+)\\s?dollars(?:\\s?(?P<q2>each))?") ==
        "(?P<num>\\d+)\\s?dollars");
  CHECK(prefilter_pattern("(?:a)*(?:b)?(c)d") == "(c)d");
  CHECK(prefilter_pattern("x(?:[)]y)?") == "x");  // a ')' in a class closes no group
  CHECK(prefilter_pattern("x(?:[^]a]|\\))?") == "x");
  // kept whole: a top-level alternation, nothing left, a lazy tail, a required group
  CHECK(prefilter_pattern("(?:a)?b|c") == "(?:a)?b|c");
  CHECK(prefilter_pattern("(?:a)?") == "(?:a)?");
  CHECK(prefilter_pattern("b(?:c)??") == "b(?:c)??");
  CHECK(prefilter_pattern("(a)b(c)") == "(a)b(c)");
  CHECK(prefilter_pattern("a\\(?:b)?") == "a\\(?:b)?");
}

TEST_CASE("steps: the prefilter in parts gives rule indices in rule order", "[values][steps]") {
  // a rule with a large word table fills a set of its own; the hits of every
  // set come back as indices into the one rule list
  std::string big = "table big_words\n";
  for (int i = 0; i < 9000; ++i) big += "  w" + std::to_string(i) + "x = 1\n";
  big += "end\n";
  SmallSet s(std::string(kTables) + big + "rule t.a\n  pattern: (?P<num>\\d+)\n  kind: number\n"
             "rule t.big\n  pattern: (?P<num>\\d+) (?:{big_words})\n  kind: number\n"
             "rule t.c\n  pattern: (?P<num>\\d+)%\n  kind: percent\n");
  TableFamilies family(s.set);
  WordTable none;
  std::vector<CompiledRule> rules;
  for (int i = 0; i < 3; ++i) {
    auto r = compile_rule(s.rule(i), family, none);
    REQUIRE(r);
    rules.push_back(*r);
  }
  auto pre = build_prefilter(rules);
  REQUIRE(pre);
  CHECK(pre->sets.size() == 3);
  std::vector<int> hits;
  REQUIRE(pre->match("5 w8999x and 7%", &hits));
  CHECK(hits == std::vector<int>{0, 1, 2});
  REQUIRE(pre->match("7%", &hits));
  CHECK(hits == std::vector<int>{0, 2});
}

// ------------------------------------------------------------ matching

TEST_CASE("steps: trim_blank, in_url, overlaps_any", "[values][steps]") {
  CHECK(trim_blank(" \tab \n", 0, 6) == Span{2, 4});
  CHECK(trim_blank("   ", 0, 3).size() == 0);
  std::string t = "see https://x.com/2024/10 and www.a.com/5 or 2024";
  CHECK(in_url(t, t.find("2024")));
  CHECK(in_url(t, t.find("5 or") ));
  CHECK_FALSE(in_url(t, t.rfind("2024")));
  std::vector<Value> won(2);
  won[0].span = {0, 5};
  won[1].span = {10, 15};
  CHECK(overlaps_any(won, 0, 4, 6));
  CHECK_FALSE(overlaps_any(won, 0, 5, 10));
  CHECK_FALSE(overlaps_any(won, 1, 4, 6));
}

// ------------------------------------------------------------ numbers

TEST_CASE("steps: the number parser's steps", "[values][steps]") {
  const Tagger& t = tree_tagger();
  auto v = [&](const char* s) { return t.number(s); };
  // tokenize: digits, words, blanks, commas, joining hyphens; nothing else
  CHECK(v("1,000")->value == 1000.0);
  CHECK(v("forty-two")->value == 42.0);
  CHECK_FALSE(v("12 apples"));
  // evaluate: multipliers within a group, scales between groups
  CHECK(v("천칠백이십삼")->value == 1723.0);
  CHECK(v("1억 6,000만")->value == 1.6e8);
  CHECK_FALSE(v("만 억"));  // a scale does not rise
  // point words add decimal digits; minus only first
  CHECK(v("일점이삼")->value == 1.23);
  CHECK(v("minus 3")->value == -3.0);
  CHECK_FALSE(v("3 minus"));
  // vague words give both ends; a bare scale word means 1..10 of it
  auto a = v("수십억");
  REQUIRE(a);
  CHECK(a->min == 1e9);
  CHECK(a->max == 1e10);
  auto b = v("billions");
  REQUIRE(b);
  CHECK(b->min == 1e9);
  CHECK(b->max == 1e10);
}

// ------------------------------------------------------------ building values

TEST_CASE("steps: values built per kind", "[values][steps]") {
  const Tagger& t = tree_tagger();
  auto ref = parse_iso_date("2026-02-24");
  auto one = [&](const char* s) {
    auto vs = t.tag(s, ref);
    REQUIRE(vs.size() == 1);
    return vs[0];
  };
  auto m = std::get<Money>(one("3달러 50센트").data);  // build_money: sub-unit
  CHECK(m.currency == "USD");
  CHECK(m.amount.value == 3.5);
  CHECK(std::get<Power>(one("2GW").data).amount.value == 2e9);                   // build_power
  CHECK(std::get<Quantity>(one("200,000 GPUs").data).unit == "GPUs");          // build_quantity
  CHECK(std::get<DateValue>(one("지난해 8월").data).value == "2025-08");         // build_date
  CHECK(std::get<Percent>(one("3~4%").data).amount.qualifier == Qualifier::Range);  // amount: range
}

// ------------------------------------------------------------ dates

namespace {
DateParts parts() { return DateParts{}; }
const std::optional<CivilDate> kRef = CivilDate{2026, 2, 24};  // a Tuesday
}  // namespace

TEST_CASE("steps: resolve_count", "[values][steps]") {
  DateParts p = parts();
  p.n = 5;
  p.unit = 'y';
  p.dir = "ahead";
  auto d = resolve_count(p, kRef);
  REQUIRE(d);
  CHECK(d->from == "2026");
  CHECK(d->to == "2031");
  p.dir = "ago";
  p.n = 3;
  p.unit = 'w';
  CHECK(resolve_count(p, kRef)->value == "2026-02-03");
  p.dir = "";
  CHECK_FALSE(resolve_count(p, kRef));  // a bare duration
  p.dir = "within";
  CHECK(resolve_count(p, kRef)->relation == "by");
  CHECK(resolve_count(p, kRef)->from == "2026-02-24");  // a span from the reference day
  CHECK(resolve_count(p, kRef)->to == "2026-03-17");
  CHECK(resolve_count(p, kRef)->value == "2026-03-17");  // the deadline
}

TEST_CASE("steps: resolve_decade, resolve_holiday, resolve_season", "[values][steps]") {
  DateParts p = parts();
  p.decade = 2020;
  CHECK(resolve_decade(p)->to == "2029");
  p.decade = 2025;
  CHECK_FALSE(resolve_decade(p));
  DateParts h = parts();
  h.holiday = "12-25";
  CHECK(resolve_holiday(h, kRef)->value == "2026-12-25");
  h.dir = "past";
  CHECK(resolve_holiday(h, kRef)->value == "2025-12-25");
  CHECK_FALSE(resolve_holiday(h, std::nullopt));
  DateParts s = parts();
  s.season = "12-01 02-28";  // winter wraps
  auto w = resolve_season(s, kRef);
  REQUIRE(w);
  CHECK(w->from == "2025-12-01");
  CHECK(w->to == "2026-02-28");
}

TEST_CASE("steps: calendar parts", "[values][steps]") {
  const CivilDate r = *kRef;
  Calendar c;
  c.Y = r.year;
  c.M = r.month;
  c.D = r.day;
  DateParts p = parts();
  p.rel_unit = 'q';
  p.rel_offset = -1;
  apply_relative(p, r, &c);
  CHECK((c.Y == 2025 && c.quarter == 4 && c.grain == Calendar::Quarter));

  Calendar m;
  DateParts pm = parts();
  pm.month = 3;
  pm.dir = "past";
  REQUIRE(apply_year_month(pm, r, &m));
  CHECK((m.Y == 2025 && m.M == 3 && m.grain == Calendar::Month));
  pm.month = 13;
  CHECK_FALSE(apply_year_month(pm, r, &m));

  Calendar d;
  d.Y = r.year;
  d.M = r.month;
  DateParts pd = parts();
  pd.day = 28;  // later this month than the 24th, and nearer than January's 28th
  REQUIRE(apply_day(pd, r, &d));
  CHECK((d.Y == 2026 && d.M == 2 && d.D == 28 && d.grain == Calendar::Day));
  Calendar d2;
  const CivilDate early{2026, 3, 2};
  d2.Y = early.year;
  d2.M = early.month;
  REQUIRE(apply_day(pd, early, &d2));  // on 2 March, last month's 28th is nearer
  CHECK((d2.Y == 2026 && d2.M == 2 && d2.D == 28));
  pd.day = 32;
  CHECK_FALSE(apply_day(pd, r, &d));

  CivilDate out;
  REQUIRE(nth_weekday(2026, 11, 4, 4, &out));  // the fourth Thursday of November
  CHECK(out.day == 26);
  REQUIRE(nth_weekday(2026, 2, 0, -1, &out));  // the last day
  CHECK(out.day == 28);
  CHECK_FALSE(nth_weekday(2026, 2, 1, 5, &out));

  Calendar w;
  w.Y = r.year;
  w.M = r.month;
  DateParts pw = parts();
  pw.weekday = 5;  // Friday
  REQUIRE(apply_weekday(pw, r, &w));
  CHECK((w.M == 2 && w.D == 27));
  pw.dir = "past";
  REQUIRE(apply_weekday(pw, r, &w));
  CHECK(w.D == 20);
}

TEST_CASE("steps: format_calendar and apply_span_end", "[values][steps]") {
  Calendar c;
  c.Y = 2026;
  c.M = 2;
  c.grain = Calendar::Year;
  DateParts p = parts();
  p.part = "end";
  DateValue out;
  REQUIRE(format_calendar(p, &c, &out));
  CHECK(out.value == "2026-12");
  CHECK(c.grain == Calendar::Month);  // the narrowed grain carries on to a span end
  Calendar none;
  DateValue nv;
  CHECK_FALSE(format_calendar(parts(), &none, &nv));

  Calendar day;
  day.Y = 2026;
  day.M = 7;
  day.D = 13;
  day.grain = Calendar::Day;
  DateValue span;
  span.value = "2026-07-13";
  DateParts ps = parts();
  ps.day2 = 15;
  REQUIRE(apply_span_end(ps, day, &span));
  CHECK(span.value.empty());
  CHECK(span.from == "2026-07-13");
  CHECK(span.to == "2026-07-15");
  DateValue back;
  back.value = "2026-07-13";
  ps.day2 = 10;
  CHECK_FALSE(apply_span_end(ps, day, &back));  // an end before the start
}

TEST_CASE("steps: resolve_calendar", "[values][steps]") {
  DateParts p = parts();
  p.year = 2025;
  p.half = 2;
  auto d = resolve_calendar(p, std::nullopt);
  REQUIRE(d);
  CHECK(d->from == "2025-07");
  CHECK(d->to == "2025-12");
  DateParts q = parts();
  q.month = 5;
  CHECK_FALSE(resolve_calendar(q, std::nullopt));  // needs the reference date
  CHECK(resolve_calendar(q, kRef)->value == "2026-05");
}
