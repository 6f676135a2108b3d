// Bounded work (issue 18, item 3) and every core (issue 16, item 3): inputs
// that took quadratic time before — a line of 100,000 company names, a line
// of 10,000 short deal sentences — finish, and extracting on several threads
// gives the bytes one thread gives. Nothing here is timed: before the fix the
// first two cases ran for minutes (ctest's TIMEOUT for this test is the
// bound, tests/CMakeLists.txt); now each takes about a second.
#include <catch2/catch.hpp>

#include <fstream>

#include <re2/re2.h>

#include <string>
#include <vector>

#include "core/rule_set.h"
#include "export/json_output.h"
#include "extractor/deals/deal_steps.h"
#include "extractor/pipeline.h"
#include "golden/golden_check.h"
#include "graph/link.h"

using namespace dealgraph;

namespace {

const Pipeline& pipeline() {
  static const Pipeline p = std::move(*Pipeline::load(Resources::embedded()));
  return p;
}

// The JSON of `files` extracted on `threads` threads.
std::string extract(const std::vector<Pipeline::Input>& files, unsigned threads) {
  Corpus c;
  Status s = pipeline().add_files(files, &c, nullptr, threads);
  REQUIRE(s);
  link_reports(&c);
  return to_json(c).dump(1);
}

// `n` items of `items`, round robin, joined by `sep` on one line.
std::string one_line(const std::vector<std::string>& items, size_t n, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += (i ? sep : "") + items[i % items.size()];
  return out + "\n";
}

}  // namespace

TEST_CASE("a line of 100,000 company names is extracted, each name a mention", "[bounded]") {
  const std::string line = one_line({"Nvidia", "AMD", "Intel", "Qualcomm", "Broadcom"}, 100000, ", ");
  Corpus c;
  REQUIRE(pipeline().add_file("names.txt", line, &c));
  size_t mentions = 0;
  for (const auto& [id, e] : c.entities) mentions += e.mentions.size();
  CHECK(mentions == 100000);
}

TEST_CASE("a line of 10,000 short deal sentences is extracted, one deal per distinct sentence", "[bounded]") {
  const std::string line = one_line({"Nvidia invested $2 billion in CoreWeave.", "AMD bought ZT Systems for $4.9 billion.",
                                     "엔비디아가 인텔에 50억 달러를 투자했다."},
                                    10000, " ");
  Corpus c;
  REQUIRE(pipeline().add_file("deals.txt", line, &c));
  CHECK(c.deals.size() == 3);  // each said again and again is one deal of the article
  CHECK(c.articles.size() == 1);
}

TEST_CASE("long runs of digits and of units finish", "[bounded]") {
  Corpus c;
  REQUIRE(pipeline().add_file("digits.txt", "Nvidia paid $" + std::string(200000, '9') + " billion.\n", &c));
  REQUIRE(pipeline().add_file("units.txt", one_line({"10억 달러"}, 50000, " "), &c));
  CHECK(c.articles.size() == 2);
}

TEST_CASE("extract on 1, 2 and 3 threads gives the same bytes", "[bounded][threads]") {
  std::vector<Pipeline::Input> files;
  for (const char* f : {"brief-ko-sample.txt", "wire-en-1.txt", "news-ko-2.txt", "brief-en-sample.txt"}) {
    auto text = read_file(std::string(DEALGRAPH_SOURCE_DIR) + "/data/samples/" + f);
    REQUIRE(text);
    files.push_back({f, *text});
  }
  // and one file of many articles, shared out article by article
  files.push_back({"many.txt", files[0].text + "\n\n" + files[2].text + "\n\n" + files[0].text});
  const std::string one = extract(files, 1);
  CHECK(extract(files, 2) == one);
  CHECK(extract(files, 3) == one);
  // the same as add_file on each file in turn
  Corpus c;
  for (const auto& f : files) REQUIRE(pipeline().add_file(f.source, f.text, &c));
  link_reports(&c);
  const std::string each = to_json(c).dump(1);
  size_t at = 0;
  while (at < one.size() && at < each.size() && one[at] == each[at]) ++at;
  INFO("first difference at byte " << at << ": " << one.substr(at > 80 ? at - 80 : 0, 200));
  if (each != one) {
    std::ofstream("/tmp/bw_one.json") << one;
    std::ofstream("/tmp/bw_each.json") << each;
  }
  CHECK(each == one);
}

TEST_CASE("extract -j 2 writes what -j 1 writes", "[bounded][threads][cli]") {
  const std::string samples = std::string(DEALGRAPH_SOURCE_DIR) + "/data/samples/";
  const std::string files = samples + "brief-ko-sample.txt " + samples + "wire-en-2.txt " + samples + "news-ko-2.txt";
  std::string one, two;
  REQUIRE(golden::run(std::string(DEALGRAPH_BINARY) + " extract -j 1 " + files, &one) == 0);
  REQUIRE(golden::run(std::string(DEALGRAPH_BINARY) + " extract --jobs 2 --quiet " + files, &two) == 0);
  CHECK(one == two);
  std::string err;
  CHECK(golden::run(std::string(DEALGRAPH_BINARY) + " extract -j 0 " + files + " 2>&1", &err) == 2);
  CHECK(err.find("-j needs a number of threads") != std::string::npos);
}

// (Every built-in rule compiling, and the groups read off its pattern:
// tests/test_rule_filter.cpp.)

TEST_CASE("the deal rule filter never hides a rule that matches", "[bounded][rules]") {
  auto set = rules::RuleSet::load(Resources::embedded(), "rules/deals");
  REQUIRE(set);
  auto filter = build_rule_filter(set->rules());
  REQUIRE(filter);
  const char* typed[] = {
      "⟦E0:ORG⟧가 ⟦E1:ORG⟧에 ⟦V0:MONEY⟧를 투자했다.",
      "⟦E0:ORG⟧ invested ⟦V0:MONEY⟧ in ⟦E1:ORG⟧.",
      "⟦E0:ORG⟧ agreed to acquire ⟦E1:ORG⟧ for ⟦V0:MONEY⟧.",
      "⟦E0:ORG⟧와 ⟦E1:ORG⟧가 ⟦E2:CHIP⟧ 공급 계약을 체결했다.",
      "⟦E0:ORG⟧ signed a ⟦V0:MONEY⟧ deal to lease ⟦E2:CHIP⟧ capacity from ⟦E1:ORG⟧.",
      "⟦E0:GOV⟧ 정부가 ⟦E1:ORG⟧의 ⟦E2:CHIP⟧ 수출을 승인했다.",
      "Backers include ⟦E0:ORG⟧, ⟦E1:ORG⟧ and ⟦E2:FUND⟧.",
      "계약 규모는 ⟦V0:MONEY⟧다.",
      "⟦E0:ORG⟧ raised ⟦V0:MONEY⟧ in a round led by ⟦E1:ORG⟧.",
      "⟦E0:ORG⟧는 ⟦E1:ORG⟧와 전략적 파트너십을 맺고 ⟦E2:FAC⟧를 짓기로 했다.",
  };
  size_t matched = 0;
  for (const char* t : typed) {
    const std::vector<bool> may = rules_to_try(filter.get(), t, set->rules().size());
    for (size_t i = 0; i < set->rules().size(); ++i) {
      if (!RE2::PartialMatch(t, *set->rules()[i].re)) continue;
      ++matched;
      INFO(t << " / " << set->rules()[i].name);
      CHECK(may[i]);
    }
  }
  CHECK(matched > 0);
}
