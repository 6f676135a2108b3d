// The rule-set language (core/rule_set.h): shared tables, unknown tables,
// errors with file:line and the offending fragment.
#include <catch2/catch.hpp>

#include "core/resources.h"
#include "core/error.h"
#include "core/rule_set.h"

using dealgraph::Status;

using dealgraph::Resources;
using dealgraph::rules::RuleSet;

namespace {
Resources with(std::initializer_list<std::pair<const char*, const char*>> files) {
  Resources r;
  for (const auto& [path, text] : files) r.put(path, text);
  return r;
}
}  // namespace

TEST_CASE("rule sets read rules/shared first", "[rules]") {
  Resources r = with({{"rules/shared/months.rules", "table month_en\n  March = 3\nend\n"},
                      {"rules/x/a.rules", "rule x.month\n  pattern: {month_en} \\d+\n"}});
  auto files = RuleSet::files_of(r, "rules/x");
  REQUIRE(files.size() == 2);
  CHECK(files[0].first == "rules/shared/months.rules");
  auto set = RuleSet::load(r, "rules/x");
  REQUIRE(set);
  CHECK(set->table("month_en") != nullptr);
  CHECK(set->referenced_tables() == std::set<std::string>{"month_en"});
}

TEST_CASE("a table no rule and no engine reads is an error at its line", "[rules]") {
  Resources r = with({{"rules/shared/months.rules", "table month_en\n  March = 3\nend\n"},
                      {"rules/x/a.rules", "# tables\ntable used\n  a\nend\ntable abreviation\n  Inc\nend\n"
                                          "piece P = {used}\nrule x.r\n  pattern: {P}\n"}});
  auto set = RuleSet::load(r, "rules/x");
  REQUIRE(set);
  Status st = set->check_unknown_tables({});
  REQUIRE_FALSE(st);
  CHECK(st.error().to_string().rfind("rules/x/a.rules:5:1: table 'abreviation' is read by no rule", 0) == 0);
  CHECK(set->check_unknown_tables({"abreviation"}));  // the engine reads it: fine
}

TEST_CASE("a missing table names the folder", "[rules]") {
  Resources r = with({{"rules/x/a.rules", "table t\n  a\nend\n"}});
  auto set = RuleSet::load(r, "rules/x");
  REQUIRE(set);
  Status st = set->require_tables("rules/x", {"t", "settings"});
  REQUIRE_FALSE(st);
  CHECK(st.error().message == "missing table 'settings' (the engine needs it)");
}

TEST_CASE("rule errors carry file, line and fragment", "[rules]") {
  SECTION("unknown piece") {
    auto set = RuleSet::load(with({{"rules/x/a.rules", "rule x.r\n  pattern: a{nope}b\n"}}), "rules/x");
    REQUIRE_FALSE(set);
    CHECK(set.error().to_string() == "rules/x/a.rules:2:13: unknown piece 'nope': {nope}");
  }
  SECTION("duplicate table") {
    auto set = RuleSet::load(with({{"rules/x/a.rules", "table t\nend\ntable t\nend\n"}}), "rules/x");
    REQUIRE_FALSE(set);
    CHECK(set.error().line == 3);
  }
}
