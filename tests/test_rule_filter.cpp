// The literal rule filter (core/rule_filter.h) and deferred compilation:
// the filter never hides a rule that RE2 says matches, for every built-in
// rule set on every line of the bundled samples; what load reads off a
// pattern without compiling it (named groups, their count) is RE2's.
#include <catch2/catch.hpp>

#include <re2/re2.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/rule_filter.h"
#include "core/rule_set.h"
#include "extractor/values/currency_icu.h"

using namespace dealgraph;

namespace {

// The value rules need ICU's currency tables after their own files, as
// values::Tagger::load gives them.
Result<rules::RuleSet> load_folder(const std::string& folder) {
  auto files = rules::RuleSet::files_of(Resources::embedded(), folder);
  if (folder == "rules/values") files.emplace_back(values::detail::kIcuCurrencyPath, values::detail::icu_currency_rules());
  rules::LoadOptions opt;
  opt.defer_compile = true;
  return rules::RuleSet::from_files(files, opt);
}

std::vector<std::string> sample_lines() {
  std::vector<std::string> out;
  for (const char* f : {"brief-ko-sample.txt", "brief-en-sample.txt", "news-ko-2.txt", "wire-en-2.txt"}) {
    std::ifstream in(std::string(DEALGRAPH_SOURCE_DIR) + "/data/samples/" + f);
    std::string line;
    while (std::getline(in, line))
      if (!line.empty()) out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("every built-in rule compiles, and its groups read off the pattern are RE2's", "[rules][filter]") {
  for (const char* folder : {"rules/deals", "rules/entities", "rules/reader", "rules/values"}) {
    auto set = load_folder(folder);
    INFO(folder);
    if (!set) FAIL(set.error().to_string());
    REQUIRE(set->compile_all());
    for (const auto& r : set->rules()) {
      INFO(r.name);
      CHECK(r.named_groups == r.re->NamedCapturingGroups());
      CHECK(r.capture_count == r.re->NumberOfCapturingGroups());
    }
  }
}

TEST_CASE("the literal filter never hides a value or entity rule that matches", "[rules][filter]") {
  const std::vector<std::string> lines = sample_lines();
  REQUIRE(lines.size() > 100);
  struct Case {
    const char* folder;
    rules::FilterOptions opt;
  };
  rules::FilterOptions digits;
  digits.min_bytes = 1;
  digits.read_classes = true;
  for (const Case& c : {Case{"rules/values", digits}, Case{"rules/entities", {}}}) {
    auto set = load_folder(c.folder);
    REQUIRE(set);
    auto filter = rules::RuleFilter::build(set->rules(), c.opt);
    REQUIRE(filter);
    size_t matched = 0, skipped = 0;
    for (const auto& line : lines) {
      std::vector<bool> may;
      REQUIRE(filter->candidates(line, &may));
      REQUIRE(may.size() == set->rules().size());
      for (size_t i = 0; i < may.size(); ++i) {
        skipped += !may[i];
        if (!RE2::PartialMatch(line, *set->rules()[i].re)) continue;
        ++matched;
        INFO(c.folder << ": " << set->rules()[i].name << " on: " << line);
        CHECK(may[i]);
      }
    }
    INFO(c.folder);
    CHECK(matched > 0);
    CHECK(skipped > matched);  // the filter does rule things out
  }
}

TEST_CASE("the literal reader: alternatives, case folding, classes", "[rules][filter]") {
  auto set = rules::RuleSet::from_files({{"t.rules",
                                          "rule t.verb\n  pattern: (?:투자|출자)했다\n\n"
                                          "rule t.folded\n  pattern: (?i:billion)\\s+dollars\n\n"
                                          "rule t.whole_folded\n  pattern: grand\n  case: insensitive\n\n"
                                          "rule t.digits\n  pattern: [0-9]+%\n\n"
                                          "rule t.optional\n  pattern: (?:big\\s)?deal\n"}});
  REQUIRE(set);
  rules::FilterOptions opt;
  opt.min_bytes = 1;
  opt.read_classes = true;
  auto filter = rules::RuleFilter::build(set->rules(), opt);
  REQUIRE(filter);
  auto may = [&](const std::string& text) {
    std::vector<bool> out;
    REQUIRE(filter->candidates(text, &out));
    return out;
  };
  CHECK(may("출자했다") == std::vector<bool>{true, false, false, false, false});
  CHECK(may("BILLION dollars") == std::vector<bool>{false, true, false, false, false});
  CHECK(may("billion Dollars") == std::vector<bool>{false, false, false, false, false});
  CHECK(may("Ten GRAND") == std::vector<bool>{false, false, true, false, false});
  CHECK(may("up 5%") == std::vector<bool>{false, false, false, true, false});
  CHECK(may("up %") == std::vector<bool>{false, false, false, false, false});
  CHECK(may("a deal") == std::vector<bool>{false, false, false, false, true});
}
