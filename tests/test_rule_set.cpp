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

// ---------------------------------------------------------------- frames

namespace {
// Two clause shapes and a piece, as a language file would give them.
const char* kClauses =
    "piece P = [A-Z]\\w*\n"
    "clause t.active = (?P<{=subject}>{P}) (?:{=verb}) (?P<{=object}>{P})\n"
    "clause t.passive = (?P<{=object}>{P}) was (?:{=participle}) by (?P<{=subject}>{P})\n"
    "clause t.from = (?P<{=subject}>{P}) (?:{=verb}) \\w+ from (?P<{=from}>{P})\n";

Resources frame_set(const std::string& frame) {
  Resources r;
  r.put("rules/x/a.rules", std::string(kClauses) + frame);
  return r;
}
}  // namespace

TEST_CASE("a frame makes one rule per clause whose slots it fills", "[rules][frames]") {
  auto set = RuleSet::load(frame_set("frame t.buy\n  clauses: t.\n  type: acquisition\n  verb: buys|bought\n"
                                     "  participle: bought\n  subject: acquirer\n  object: target\n"),
                           "rules/x");
  REQUIRE(set);
  // no `from:`, so t.from makes nothing
  REQUIRE(set->rules().size() == 2);
  const auto& active = set->rules()[0];
  CHECK(active.name == "t.buy.active");
  CHECK(active.pattern == "(?P<acquirer>{P}) (?:buys|bought) (?P<target>{P})");
  CHECK(active.attr("type") == "acquisition");
  CHECK(active.attr("frame") == "t.buy");
  CHECK(active.attr("clause") == "t.active");
  CHECK(active.attrs.count("verb") == 0);      // a slot, not an attribute
  CHECK(active.attrs.count("clauses") == 0);
  CHECK(set->rules()[1].name == "t.buy.passive");
  CHECK(set->rules()[1].file == "rules/x/a.rules");
  CHECK(set->rules()[1].line == 5);  // the frame's line
}

TEST_CASE("a frame's clauses are named one by one or by prefix, in list order", "[rules][frames]") {
  auto set = RuleSet::load(frame_set("frame t.sell\n  clauses: t.from t.active\n  type: acquisition\n"
                                     "  verb: sells\n  subject: aside\n  object: target\n  from: seller\n"),
                           "rules/x");
  REQUIRE(set);
  REQUIRE(set->rules().size() == 2);
  CHECK(set->rules()[0].name == "t.sell.from");
  CHECK(set->rules()[1].name == "t.sell.active");
}

TEST_CASE("frame errors name the frame's line", "[rules][frames]") {
  SECTION("no clauses") {
    auto set = RuleSet::load(frame_set("frame t.f\n  verb: x\n"), "rules/x");
    REQUIRE_FALSE(set);
    CHECK(set.error().to_string().rfind("rules/x/a.rules:5:1: frame 't.f' needs 'clauses:'", 0) == 0);
  }
  SECTION("a clause that does not exist") {
    auto set = RuleSet::load(frame_set("frame t.f\n  clauses: t.nope\n  verb: x\n"), "rules/x");
    REQUIRE_FALSE(set);
    CHECK(set.error().to_string() == "rules/x/a.rules:5:1: frame 't.f': no clause named 't.nope': t.nope");
  }
  SECTION("no clause filled") {
    auto set = RuleSet::load(frame_set("frame t.f\n  clauses: t.\n  verb: x\n"), "rules/x");
    REQUIRE_FALSE(set);
    CHECK(set.error().to_string() == "rules/x/a.rules:5:1: frame 't.f' fills every slot of none of its clauses: t.");
  }
  SECTION("a frame has no pattern") {
    auto set = RuleSet::load(frame_set("frame t.f\n  pattern: x\n"), "rules/x");
    REQUIRE_FALSE(set);
    CHECK(set.error().to_string().rfind("rules/x/a.rules:6:1: frame 't.f' has no pattern", 0) == 0);
  }
  SECTION("a rule it makes takes a name already taken") {
    auto set = RuleSet::load(frame_set("rule t.f.active\n  pattern: x\nframe t.f\n  clauses: t.active\n"
                                       "  verb: v\n  subject: a\n  object: b\n"),
                             "rules/x");
    REQUIRE_FALSE(set);
    CHECK(set.error().to_string() == "rules/x/a.rules:7:1: frame makes rule 't.f.active', a name taken at "
                                     "rules/x/a.rules:5");
  }
  SECTION("a duplicate clause") {
    auto set = RuleSet::load(frame_set("clause t.active = x\n"), "rules/x");
    REQUIRE_FALSE(set);
    CHECK(set.error().to_string().rfind("rules/x/a.rules:5:8: duplicate clause name 't.active'", 0) == 0);
  }
}
