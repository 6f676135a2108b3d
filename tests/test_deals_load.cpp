// Loading the deal rules (extractor/deals/deal_tables.h): every rule's groups
// are checked against the schema, and the settings table against its names;
// a mistake is an Error naming the file and line.
#include <catch2/catch.hpp>

#include "core/resources.h"
#include "extractor/deals/deal_extractor.h"

using namespace dealgraph;

namespace {

// The built-in rules with one more file in rules/deals/.
Result<DealExtractor> load_with_file(const std::string& text) {
  Resources res = Resources::embedded();
  res.put("rules/deals/zz.rules", text);
  return DealExtractor::load(res);
}

std::string common() { return *Resources::embedded().find("rules/deals/00-common.rules"); }

// The built-in rules with 00-common.rules' `from` replaced by `to`.
Result<DealExtractor> load_with_common(const std::string& from, const std::string& to) {
  std::string text = common();
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  Resources res = Resources::embedded();
  res.put("rules/deals/00-common.rules", text);
  return DealExtractor::load(res);
}

}  // namespace

TEST_CASE("deals load: the built-in rules", "[deals]") { CHECK(DealExtractor::load(Resources::embedded())); }

TEST_CASE("deals load: a group must be a role of the rule's type", "[deals]") {
  SECTION("an unknown role") {
    auto d = load_with_file("\nrule zz.broken\n  pattern: (?P<lender>{ORG})가 (?P<investee>{ORG})에 투자\n  type: investment\n");
    REQUIRE_FALSE(d);
    CHECK(d.error().file == "rules/deals/zz.rules");
    CHECK(d.error().line == 2);
    CHECK(d.error().message == "rule zz.broken: group 'lender' is no role and no group_kind");
    CHECK(d.error().fragment == "lender");
  }
  SECTION("a role of another type") {
    auto d = load_with_file("rule zz.broken\n  pattern: (?P<buyer>{ORG})가 (?P<investee2>{ORG})에 투자\n  type: investment\n");
    REQUIRE_FALSE(d);
    CHECK(d.error().line == 1);
    CHECK(d.error().message == "rule zz.broken: group 'buyer' is no role of investment");
  }
  SECTION("a digit lets a role appear twice; amount and product are group kinds") {
    CHECK(load_with_file("rule zz.fine\n  pattern: (?P<partner>{ORG})와 (?P<partner2>{ORG})가 (?P<product>{CHIP}) "
                         "(?P<amount>{MONEY}) 협력\n  type: partnership\n"));
  }
  SECTION("an attach rule holds only group kinds") {
    auto d = load_with_file("rule zz.size\n  pattern: (?P<buyer>{ORG}) 규모 (?P<amount>{MONEY})\n  attach: amount\n");
    REQUIRE_FALSE(d);
    CHECK(d.error().message == "rule zz.size: group 'buyer' is no role and no group_kind");
  }
}

TEST_CASE("deals load: settings are whole numbers, all present", "[deals]") {
  SECTION("not a number") {
    auto d = load_with_common("  each_after = 8\n", "  each_after = eight\n");
    REQUIRE_FALSE(d);
    CHECK(d.error().file == "rules/deals/00-common.rules");
    CHECK(d.error().line > 0);
    CHECK(d.error().message == "setting 'each_after' is not a whole number from 0 to 100000");
    CHECK(d.error().fragment == "each_after = eight");
  }
  SECTION("missing") {
    auto d = load_with_common("  negation_after = 24\n", "");
    REQUIRE_FALSE(d);
    CHECK(d.error().message == "table settings: missing setting 'negation_after'");
  }
  SECTION("a table the steps read") {
    auto d = load_with_common("table group_kind", "table group_kinds");
    REQUIRE_FALSE(d);
    CHECK(d.error().message == "missing table 'group_kind' (the engine needs it)");
  }
}

TEST_CASE("deals load: the schema comes from the same resources (a --rules overlay counts)", "[deals]") {
  const std::string rule =
      "rule zz.adviser\n  pattern: (?P<adviser>{ORG})의 자문으로 (?P<investor>{ORG})가 (?P<investee>{ORG})에 투자\n"
      "  type: investment\n";
  Resources res = Resources::embedded();
  res.put("rules/deals/zz.rules", rule);
  CHECK_FALSE(DealExtractor::load(res));  // no such role yet
  std::string schema = *res.find("rules/schema/schema.rules");
  const std::string from = "investment = investor investee";
  REQUIRE(schema.find(from) != std::string::npos);
  schema.replace(schema.find(from), from.size(), from + " adviser");
  res.put("rules/schema/schema.rules", schema);
  CHECK(DealExtractor::load(res));
}

TEST_CASE("deals load: the news attributes and their tables are checked", "[deals]") {
  const std::string head = "rule zz.r\n  pattern: (?P<investor>{ORG}) 투자 (?P<investee>{ORG})\n  type: investment\n";
  SECTION("a yes/no attribute takes yes or no") {
    for (const char* flag : {"continues", "fallback", "joint", "skip_owners", "round_total", "subsumable"}) {
      auto d = load_with_file(head + "  " + flag + ": ye\n");
      INFO(flag);
      REQUIRE_FALSE(d);
      CHECK(d.error().file == "rules/deals/zz.rules");
      CHECK(d.error().message == std::string("rule zz.r: ") + flag + " must be yes or no");
      CHECK(d.error().fragment == "ye");
    }
    CHECK(load_with_file(head + "  continues: yes\n  joint: no\n"));
  }
  SECTION("needs: names roles of the type, amount or capacity") {
    auto d = load_with_file(head + "  needs: buyer\n");
    REQUIRE_FALSE(d);
    CHECK(d.error().message == "rule zz.r: needs: 'buyer' is no role of investment");
    CHECK(load_with_file(head + "  needs: investee amount capacity\n"));
  }
  SECTION("attach: is amount or record, and needs an amount group") {
    const std::string sized = "rule zz.v\n  pattern: ^Value:\\s*(?P<amount>{MONEY})\n";
    CHECK(load_with_file(sized + "  attach: record\n"));
    CHECK(load_with_file(sized + "  attach: amount\n"));
    auto d = load_with_file(sized + "  attach: records\n");
    REQUIRE_FALSE(d);
    CHECK(d.error().file == "rules/deals/zz.rules");
    CHECK(d.error().message == "rule zz.v: attach must be amount or record");
    CHECK(d.error().fragment == "records");
    auto none = load_with_file("rule zz.v\n  pattern: ^Value:\\s*{MONEY}\n  attach: record\n");
    REQUIRE_FALSE(none);
    CHECK(none.error().message == "rule zz.v: 'attach' needs an (?P<amount>...) group");
  }
  SECTION("majority_retype maps deal types to deal types") {
    auto d = load_with_common("  investment = acquisition\nend", "  investment = takeover\nend");
    REQUIRE_FALSE(d);
    CHECK(d.error().file == "rules/deals/00-common.rules");
    CHECK(d.error().message == "table majority_retype: 'takeover' is no deal type");
  }
  SECTION("the new settings are whole numbers") {
    auto d = load_with_common("  subject_window = 40", "  subject_window = forty");
    CHECK_FALSE(d);
  }
}
