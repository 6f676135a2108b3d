// Unit tests of the value normalizers: number parsing, dates, the rule-file
// checks (errors name file:line and the fragment), JSON output, and the
// `dealgraph tag` command (exit codes, --lines). The examples of every rule
// file live in rules/values/*.corpus (tests/test_corpora.cpp runs them).
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/resources.h"
#include "core/rule_set.h"
#include "extractor/values/dates.h"
#include "extractor/values/tagger.h"
#include "core/value_json.h"

namespace fs = std::filesystem;
using dealgraph::Resources;
using dealgraph::Value;
using dealgraph::values::CivilDate;
using dealgraph::values::Tagger;

namespace {

const std::string kSource = DEALGRAPH_SOURCE_DIR;

Resources tree_rules() {
  Resources res = Resources::embedded();
  auto s = res.overlay_dir(kSource + "/rules", "rules/");
  REQUIRE(s);
  return res;
}

const Tagger& tagger() {
  static const Tagger t = [] {
    auto r = Tagger::load(tree_rules());
    if (!r) FAIL(r.error().to_string());
    return *r;
  }();
  return t;
}

double num(const std::string& text) {
  auto a = tagger().number(text);
  REQUIRE(a);
  REQUIRE(a->value);
  return *a->value;
}

// The rule files of the tree with `path` replaced by `text` (or added).
std::vector<std::pair<std::string, std::string>> files_with(const std::string& path, const std::string& text) {
  auto files = dealgraph::rules::RuleSet::files_of(tree_rules(), "rules/values");
  bool found = false;
  for (auto& f : files)
    if (f.first == path) {
      f.second = text;
      found = true;
    }
  if (!found) files.emplace_back(path, text);
  return files;
}

std::string load_error(const std::vector<std::pair<std::string, std::string>>& files) {
  auto r = Tagger::from_files(files);
  REQUIRE_FALSE(r);
  return r.error().to_string();
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Run {
  int code = -1;
  std::string out, err;
};

// Runs the dealgraph binary with `args` (already shell-quoted) and `input` on stdin.
Run run_cli(const std::string& args, const std::string& input = "") {
  static int counter = 0;
  fs::path dir = fs::temp_directory_path() / ("dealgraph-test-values-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string tag = std::to_string(counter++);
  fs::path in = dir / ("in" + tag), out = dir / ("out" + tag), err = dir / ("err" + tag);
  {
    std::ofstream f(in, std::ios::binary);
    f << input;
  }
  std::string cmd = std::string("'") + DEALGRAPH_BINARY + "' " + args + " <'" + in.string() + "' >'" + out.string() +
                    "' 2>'" + err.string() + "'";
  int st = std::system(cmd.c_str());
  Run r;
  r.code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  r.out = read_all(out);
  r.err = read_all(err);
  return r;
}

std::vector<nlohmann::json> lines_of(const std::string& out) {
  std::vector<nlohmann::json> v;
  std::istringstream ss(out);
  for (std::string l; std::getline(ss, l);)
    if (!l.empty()) v.push_back(nlohmann::json::parse(l));
  return v;
}

}  // namespace

// ------------------------------------------------------------ numbers

TEST_CASE("numbers: digits", "[values][number]") {
  CHECK(num("1,000") == 1000);
  CHECK(num("0.01") == Approx(0.01));
  CHECK(num("23.28") == Approx(23.28));
  CHECK(num("27,350,000") == 27350000);
  CHECK(num("-3") == -3);
}

TEST_CASE("numbers: digits with Korean units", "[values][number]") {
  CHECK(num("1억 6,000만") == 1.6e8);
  CHECK(num("4조 4,600억") == 4.46e12);
  CHECK(num("5천억") == 5e11);
  CHECK(num("3천만") == 3e7);
  CHECK(num("1000억") == 1e11);
  CHECK(num("111억 4,000만") == 1.114e10);
  CHECK(num("10만 4,000") == 104000);
  CHECK(num("1.5조") == 1.5e12);
}

TEST_CASE("numbers: Sino-Korean and native words", "[values][number]") {
  CHECK(num("삼십삼") == 33);
  CHECK(num("이천칠백삼십오만") == 27350000);
  CHECK(num("일점이삼") == Approx(1.23));
  CHECK(num("칠천십이억삼천구백팔십만천백이십삼") == 701239801123.0);
  CHECK(num("만") == 10000);
  CHECK(num("일억이") == 100000002);
  CHECK(num("서른다섯") == 35);
  CHECK(num("열한") == 11);
  CHECK(num("십하나") == 11);
  CHECK(num("마이너스삼") == -3);
}

TEST_CASE("numbers: English", "[values][number]") {
  CHECK(num("2 billion") == 2e9);
  CHECK(num("2bn") == 2e9);
  CHECK(num("1.5 trillion") == 1.5e12);
  CHECK(num("500B") == 5e11);
  CHECK(num("3k") == 3000);
  CHECK(num("two billion") == 2e9);
  CHECK(num("forty-two") == 42);
  CHECK(num("two hundred thousand") == 200000);
  CHECK(num("one hundred and five") == 105);
  CHECK(num("one point three") == Approx(1.3));
}

TEST_CASE("numbers: vague amounts are ranges", "[values][number]") {
  auto a = tagger().number("수십억");
  REQUIRE(a);
  CHECK_FALSE(a->value);
  CHECK(*a->min == 1e9);
  CHECK(*a->max == 1e10);
  auto b = tagger().number("tens of billions");
  REQUIRE(b);
  CHECK(*b->min == 1e10);
  CHECK(*b->max == 1e11);
}

TEST_CASE("numbers: malformed sequences are no number", "[values][number]") {
  CHECK_FALSE(tagger().number("오일"));     // two digit words in a row
  CHECK_FALSE(tagger().number("십백"));     // multipliers must descend
  CHECK_FALSE(tagger().number("만억"));     // scales must descend
  CHECK_FALSE(tagger().number("삼성"));
  CHECK_FALSE(tagger().number(""));
  CHECK_FALSE(tagger().number("and"));
}

// ------------------------------------------------------------ dates

TEST_CASE("dates: calendar helpers", "[values][date]") {
  using namespace dealgraph::values;
  auto d = parse_iso_date("2026-02-24");
  REQUIRE(d);
  CHECK(iso_weekday(*d) == 2);  // a Tuesday
  CHECK_FALSE(parse_iso_date("2026-02-30"));
  CHECK_FALSE(parse_iso_date("2026-2-3"));
  CHECK(format_iso_date(add_months(CivilDate{2026, 1, 31}, 1)) == "2026-02-28");
  CHECK(format_iso_date(add_days(CivilDate{2025, 12, 31}, 1)) == "2026-01-01");
  CHECK(days_in_month(2024, 2) == 29);
}

TEST_CASE("dates: relative dates need a reference date", "[values][date]") {
  auto dates = [](const std::vector<Value>& vs) {
    std::vector<Value> out;
    for (const auto& v : vs)
      if (std::holds_alternative<dealgraph::DateValue>(v.data)) out.push_back(v);
    return out;
  };
  auto with = dates(tagger().tag("지난해 8월과 2026년 3분기", dealgraph::values::parse_iso_date("2026-01-14")));
  REQUIRE(with.size() == 2);
  auto without = dates(tagger().tag("지난해 8월과 2026년 3분기", std::nullopt));
  REQUIRE(without.size() == 1);  // the absolute one only
  const auto& d = std::get<dealgraph::DateValue>(without[0].data);
  CHECK(d.from == "2026-07");
  CHECK(d.to == "2026-09");
}

// ------------------------------------------------------------ tagging

TEST_CASE("tag: values are sorted, do not overlap, and carry spans and rules", "[values][tag]") {
  std::string text = "Meta가 AMD와 1,000억 달러 이상 규모의 계약을 맺고 최대 6기가와트(GW)를 올해 말부터 배치한다.";
  auto vals = tagger().tag(text, dealgraph::values::parse_iso_date("2026-02-24"));
  REQUIRE(vals.size() == 3);
  for (size_t i = 0; i < vals.size(); ++i) {
    CHECK(text.substr(vals[i].span.start, vals[i].span.size()) == vals[i].text);
    CHECK_FALSE(vals[i].rule.empty());
    CHECK(vals[i].article.empty());
    if (i) CHECK(vals[i - 1].span.end <= vals[i].span.start);
  }
  CHECK(std::holds_alternative<dealgraph::Money>(vals[0].data));
  CHECK(vals[1].text == "최대 6기가와트(GW)");
  CHECK(std::get<dealgraph::Power>(vals[1].data).amount.value == 6e9);
  CHECK(std::get<dealgraph::DateValue>(vals[2].data).value == "2026-12");
  CHECK(std::get<dealgraph::DateValue>(vals[2].data).relation == "from");
}

TEST_CASE("tag: model names, ranks and periods are not values", "[values][tag]") {
  auto ref = dealgraph::values::parse_iso_date("2026-03-13");
  for (const char* t : {"GB300", "H200", "MI450", "CS-3", "5G", "삼성", "WSE-3 칩"}) {
    INFO(t);
    CHECK(tagger().tag(t, ref).empty());
  }
  for (const char* t : {"1위", "6개월 주기", "Bluetooth 6.0", "초당 3,000 토큰"}) {
    INFO(t);
    for (const auto& v : tagger().tag(t, ref)) {
      CHECK_FALSE(std::holds_alternative<dealgraph::Money>(v.data));
      CHECK_FALSE(std::holds_alternative<dealgraph::DateValue>(v.data));
      CHECK_FALSE(std::holds_alternative<dealgraph::Power>(v.data));
    }
  }
}

TEST_CASE("tag: figures inside web addresses are not values", "[values][tag]") {
  auto vals = tagger().tag("URL https://www.cnbc.com/2025/06/10/deal-worth-10-billion.html",
                           dealgraph::values::parse_iso_date("2025-06-09"));
  CHECK(vals.empty());
}

TEST_CASE("tag: --lang keeps the shared rules", "[values][tag]") {
  dealgraph::values::TagOptions ko;
  ko.lang = "ko";
  auto ref = dealgraph::values::parse_iso_date("2026-02-24");
  CHECK(tagger().tag("EUR 20", ref, ko).size() == 1);     // money.rules is shared
  CHECK(tagger().tag("ten dollars", ref, ko).empty());    // money.en.rules is English
  dealgraph::values::TagOptions en;
  en.lang = "en";
  CHECK(tagger().tag("ten dollars", ref, en).size() == 1);
}

TEST_CASE("tag: const and thread-safe", "[values][tag]") {
  const std::string text = "엔비디아는 26일(현지시간) 코어위브에 20억 달러를 투자하고 2030년까지 5GW를 구축한다. ";
  auto ref = dealgraph::values::parse_iso_date("2026-01-26");
  const auto expected = tagger().tag(text, ref);
  std::vector<std::thread> threads;
  std::vector<int> ok(8, 0);
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&, i] {
      bool good = true;
      for (int k = 0; k < 50; ++k) {
        auto got = tagger().tag(text, ref);
        good = good && got.size() == expected.size();
        for (size_t j = 0; good && j < got.size(); ++j)
          good = got[j].span == expected[j].span && got[j].rule == expected[j].rule;
      }
      ok[static_cast<size_t>(i)] = good;
    });
  for (auto& t : threads) t.join();
  for (int g : ok) CHECK(g);
}

// ------------------------------------------------------------ JSON

TEST_CASE("value_json: the contract fields", "[values][json]") {
  auto vals = tagger().tag("주당 87.20달러", std::nullopt);
  REQUIRE(vals.size() == 1);
  nlohmann::json j = dealgraph::values::to_json(vals[0]);
  CHECK(j["kind"] == "money");
  CHECK(j["value"] == 87.2);
  CHECK(j["currency"] == "USD");
  CHECK(j["per"] == "share");
  CHECK(j["qualifier"] == "exact");
  CHECK(j["start"] == 0);
  CHECK(j["end"] == std::string("주당 87.20달러").size());
  CHECK(j["text"] == "주당 87.20달러");
  CHECK(j["rule"] == "money.ko.amount");
  CHECK_FALSE(j.contains("article"));
  CHECK_FALSE(j.contains("min"));

  Value v = vals[0];
  v.article = "A3";
  CHECK(dealgraph::values::to_json(v)["article"] == "A3");

  auto vague = tagger().tag("수십억 달러", std::nullopt);
  REQUIRE(vague.size() == 1);
  nlohmann::json jv = dealgraph::values::to_json(vague[0]);
  CHECK_FALSE(jv.contains("value"));
  CHECK(jv["min"] == 1000000000LL);
  CHECK(jv["max"] == 10000000000LL);

  auto span = tagger().tag("2026년 3분기", std::nullopt);
  REQUIRE(span.size() == 1);
  nlohmann::json jd = dealgraph::values::to_json(span[0]);
  CHECK(jd["kind"] == "date");
  CHECK(jd["from"] == "2026-07");
  CHECK(jd["to"] == "2026-09");
  CHECK_FALSE(jd.contains("value"));
  CHECK(jd["qualifier"] == "exact");

  CHECK(dealgraph::values::number_json(1e11).is_number_integer());
  CHECK(dealgraph::values::number_json(87.2).is_number_float());
}

// ------------------------------------------------------------ rule files

TEST_CASE("rule files: an unknown piece names file, line and fragment", "[values][rules]") {
  std::string e = load_error(files_with("rules/values/zz.rules",
                                        "# a test file\n"
                                        "rule test.bad\n"
                                        "  pattern: (?P<num>{digits})\\s?{no_such_piece}\n"
                                        "  kind: number\n"));
  CHECK(e.find("rules/values/zz.rules:3:") != std::string::npos);
  CHECK(e.find("unknown piece 'no_such_piece'") != std::string::npos);
  CHECK(e.find("{no_such_piece}") != std::string::npos);
}

TEST_CASE("rule files: an RE2 error names file, line and fragment", "[values][rules]") {
  std::string e = load_error(files_with("rules/values/zz.rules", "rule test.bad\n  pattern: (?P<num>\\d+\n  kind: number\n"));
  CHECK(e.find("rules/values/zz.rules:2:") != std::string::npos);
  CHECK(e.find("missing )") != std::string::npos);
}

TEST_CASE("rule files: a group the engine does not know", "[values][rules]") {
  std::string e = load_error(files_with("rules/values/zz.rules", "rule test.bad\n  pattern: (?P<amount>\\d+)\n  kind: number\n"));
  CHECK(e.find("rules/values/zz.rules:1:") != std::string::npos);
  CHECK(e.find("unknown group name 'amount'") != std::string::npos);
  e = load_error(files_with("rules/values/zz.rules",
                            "rule test.bad\n  pattern: (?P<num>\\d+)(?P<cur>W)\n  kind: power\n  unit: W\n"));
  CHECK(e.find("group 'cur' means nothing in a power rule") != std::string::npos);
}

TEST_CASE("rule files: attributes are checked", "[values][rules]") {
  std::string e = load_error(files_with("rules/values/zz.rules", "rule test.bad\n  pattern: (?P<num>\\d+)\n  kind: number\n  colour: red\n"));
  CHECK(e.find("rules/values/zz.rules:1:") != std::string::npos);
  CHECK(e.find("unknown attribute 'colour'") != std::string::npos);
  e = load_error(files_with("rules/values/zz.rules", "rule test.bad\n  pattern: (?P<num>\\d+)\n  kind: length\n"));
  CHECK(e.find("kind must be") != std::string::npos);
  e = load_error(files_with("rules/values/zz.rules", "rule test.bad\n  pattern: (?P<num>\\d+)\n  kind: money\n"));
  CHECK(e.find("needs a (?P<cur>...) group or a currency: attribute") != std::string::npos);
}

TEST_CASE("rule files: a table a group needs must exist", "[values][rules]") {
  auto files = files_with("rules/values/zz.rules",
                          "rule test.bad\n  pattern: (?P<hol>Boxing Day)\n  kind: date\n");
  // drop every file that defines a holiday table
  for (auto& f : files)
    if (f.first == "rules/values/date.ko.rules" || f.first == "rules/values/date.en.rules") f.second = "";
  std::string e = load_error(files);
  INFO(e);
  CHECK(e.find("rules/values/zz.rules:1:") != std::string::npos);
  CHECK(e.find("needs table 'holiday'") != std::string::npos);
}

TEST_CASE("rule files: table values are checked where they are written", "[values][rules]") {
  std::string e = load_error(files_with("rules/values/zz.rules",
                                        "# currencies\n"
                                        "table currency_test\n"
                                        "  도로 = XYZ\n"
                                        "  냥 = gold\n"
                                        "end\n"));
  CHECK(e.find("rules/values/zz.rules:4:") != std::string::npos);
  CHECK(e.find("ISO 4217") != std::string::npos);
  CHECK(e.find("냥 = gold") != std::string::npos);
  e = load_error(files_with("rules/values/zz.rules", "table num_scale_test\n  zillion = lots\nend\n"));
  CHECK(e.find("rules/values/zz.rules:2:") != std::string::npos);
  CHECK(e.find("expected a number") != std::string::npos);
}

TEST_CASE("rule files: the tree's rules load", "[values][rules]") {
  CHECK(tagger().rule_count() > 50);
  auto r = Tagger::load(Resources::embedded());
  REQUIRE(r);
}

// ------------------------------------------------------------ the CLI

TEST_CASE("cli tag: JSON lines, exit 0", "[values][cli]") {
  Run r = run_cli("tag --ref 2026-02-24 약 1,000억 달러를 올해 말까지");
  CHECK(r.code == 0);
  auto v = lines_of(r.out);
  REQUIRE(v.size() == 2);
  CHECK(v[0]["kind"] == "money");
  CHECK(v[0]["value"] == 100000000000LL);
  CHECK(v[0]["qualifier"] == "approx");
  CHECK(v[0]["text"] == "약 1,000억 달러");
  CHECK(v[1]["value"] == "2026-12");
  CHECK_FALSE(v[0].contains("line"));
  CHECK_FALSE(v[0].contains("article"));
}

TEST_CASE("cli tag: standard input and --lines", "[values][cli]") {
  Run r = run_cli("tag --ref 2026-02-24 --lines", "20억 달러\n\n올해 말\nnothing here\n5GW\n");
  CHECK(r.code == 0);
  auto v = lines_of(r.out);
  REQUIRE(v.size() == 3);
  CHECK(v[0]["line"] == 1);
  CHECK(v[0]["start"] == 0);
  CHECK(v[1]["line"] == 3);
  CHECK(v[1]["kind"] == "date");
  CHECK(v[2]["line"] == 5);
  CHECK(v[2]["kind"] == "power");
  Run all = run_cli("tag --ref 2026-02-24 -", "20억 달러\n올해 말\n");
  auto w = lines_of(all.out);
  REQUIRE(w.size() == 2);
  CHECK(w[1]["start"] == std::string("20억 달러\n").size());
}

TEST_CASE("cli tag: usage errors exit 2", "[values][cli]") {
  CHECK(run_cli("tag --ref 2026-13-01 x").code == 2);
  CHECK(run_cli("tag --ref yesterday x").code == 2);
  CHECK(run_cli("tag --lang fr x").code == 2);
  Run r = run_cli("tag --colour x");
  CHECK(r.code == 2);
  CHECK(r.err.find("--colour") != std::string::npos);
  Run h = run_cli("tag --help");
  CHECK(h.code == 0);
  CHECK(h.out.find("--ref") != std::string::npos);
  CHECK(h.out.find("clock") != std::string::npos);
}

TEST_CASE("cli tag: bad input exits 1", "[values][cli]") {
  Run r = run_cli("tag --ref 2026-02-24 -", std::string("20억 달러\n\xff\xfe 깨진 입력\n"));
  CHECK(r.code == 1);
  CHECK(r.err.find("invalid UTF-8") != std::string::npos);
  CHECK(r.err.find("byte offset 13") != std::string::npos);
  CHECK(r.out.empty());

  fs::path dir = fs::temp_directory_path() / ("dealgraph-test-rules-" + std::to_string(::getpid()));
  fs::create_directories(dir / "values");
  {
    std::ofstream f(dir / "values" / "money.ko.rules");
    f << "# broken on purpose\nrule money.ko.amount\n  pattern: (?P<num>{digits})\\s?(?P<cur>{no_currency_table})\n  kind: money\n";
  }
  Run b = run_cli("tag --rules '" + dir.string() + "' 10달러");
  CHECK(b.code == 1);
  // the error names the user's own file, not the built-in one it replaces
  CHECK(b.err.find((dir / "values" / "money.ko.rules").string() + ":3:") != std::string::npos);
  CHECK(b.err.find("no_currency_table") != std::string::npos);
  fs::remove_all(dir);

  Run missing = run_cli("tag --rules /no/such/dir 10달러");
  CHECK(missing.code == 1);
}

TEST_CASE("cli tag: --rules overlays a file", "[values][cli]") {
  fs::path dir = fs::temp_directory_path() / ("dealgraph-test-overlay-" + std::to_string(::getpid()));
  fs::create_directories(dir / "values");
  {
    std::ofstream f(dir / "values" / "zz_extra.rules");
    f << "table currency_extra\n  냥 = KRW 1000\nend\n\nrule money.extra\n  pattern: (?P<num>{digits})\\s?(?P<cur>{currency_extra})\n  kind: money\n";
  }
  Run r = run_cli("tag --ref 2026-02-24 --rules '" + dir.string() + "' 열 냥은 10냥");
  fs::remove_all(dir);
  CHECK(r.code == 0);
  auto v = lines_of(r.out);
  REQUIRE(v.size() == 1);
  CHECK(v[0]["currency"] == "KRW");
  CHECK(v[0]["value"] == 10000);
  CHECK(v[0]["rule"] == "money.extra");
}
