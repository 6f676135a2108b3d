// Deal status where users look, through the real program: a failed deal is in
// `extract`'s output with its status, but `query investments` and a diagram
// show it only when --status asks; every deal table has a status column; a
// bad --status value is a usage error. Also the deal's date and target_date
// end to end (docs/deals.md, "Dates").
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "golden/golden_check.h"

using dealgraph::golden::dg;
using dealgraph::golden::read;
using dealgraph::golden::run;
using dealgraph::golden::temp_dir;
using dealgraph::golden::write;
using nlohmann::json;

namespace {

// One article: a failed acquisition, a plain investment, and a build-out with
// a deadline ("2030년까지") and a founding year ("2019년 설립된").
const char kArticle[] =
    "엔비디아, Arm 인수 무산\n"
    "2022-02-08\n"
    "\n"
    "엔비디아의 400억 달러 규모 Arm 인수가 각국 규제 당국의 반대로 결국 무산됐다. "
    "마이크로소프트는 오픈AI에 100억 달러를 투자했다. "
    "엔비디아는 2019년 설립된 코어위브에 20억 달러를 투자하고 2030년까지 5GW 규모 AI 팩토리를 구축한다.\n";

// The article in a fresh file, removed with its folder at the end of the test.
struct ArticleFile {
  std::string dir = temp_dir("status");
  std::string path = dir + "/article.txt";
  ArticleFile() { write(path, kArticle); }
  ~ArticleFile() { std::filesystem::remove_all(dir); }
};

int dg_all(const std::string& args, std::string* both) {
  return run(std::string(DEALGRAPH_BINARY) + " " + args + " 2>&1", both);
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

json deal_between(const json& corpus, const std::string& a, const std::string& b) {
  for (const auto& d : corpus["deals"]) {
    bool has_a = false, has_b = false;
    for (const auto& p : d["parties"]) {
      has_a |= p["entity"] == a;
      has_b |= p["entity"] == b;
    }
    if (has_a && has_b) return d;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("status: a failed deal is extracted with its status", "[cli][status]") {
  ArticleFile f;
  std::string out;
  REQUIRE(dg("extract --format json " + f.path, &out) == 0);
  const json j = json::parse(out);
  const json arm = deal_between(j, "org:nvidia", "org:arm");
  REQUIRE(arm.is_object());
  CHECK(arm["status"] == "failed");
}

TEST_CASE("status: query investments leaves failed deals out unless asked", "[cli][status]") {
  ArticleFile f;
  std::string out;
  REQUIRE(dg("query investments --format json " + f.path, &out) == 0);
  json rows = json::parse(out);
  for (const auto& row : rows) {
    CHECK(row["investee"] != "Arm");
    CHECK(row.contains("status"));  // added to the contract's four keys
  }
  CHECK(rows.size() == 2);  // Microsoft → OpenAI, NVIDIA → CoreWeave

  for (const char* flag : {"--status all", "--status=failed", "--status signed,failed --status planned"}) {
    REQUIRE(dg(std::string("query investments --format json ") + flag + " " + f.path, &out) == 0);
    rows = json::parse(out);
    bool arm = false;
    for (const auto& row : rows)
      if (row["investee"] == "Arm") {
        arm = true;
        CHECK(row["status"] == "failed");
      }
    CHECK(arm);
  }
  // only the statuses named
  REQUIRE(dg("query investments --format json --status failed " + f.path, &out) == 0);
  CHECK(json::parse(out).size() == 1);
}

TEST_CASE("status: deal tables have a status column", "[cli][status]") {
  ArticleFile f;
  std::string out;
  REQUIRE(dg("query investments --format csv --status all " + f.path, &out) == 0);
  // csv: numbers as numbers, the short form in amount_label (docs/queries.md)
  CHECK(out.rfind("investor,investee,deals,amount,currency,amount_qualifier,amount_min,amount_max,amount_usd,"
                  "usd_rate_year,amount_label,status\r\n",
                  0) == 0);
  // The deal's id is a content id ("D" and 12 hex digits: docs/json.md).
  const size_t row = out.find("NVIDIA,Arm,D");
  REQUIRE(row != std::string::npos);
  CHECK(out.substr(row + 11 + 13, out.find("\r\n", row) - row - 11 - 13) == ",40000000000,USD,exact,,,40000000000,,$40B,failed");
  REQUIRE(dg("query deals --format csv " + f.path, &out) == 0);
  CHECK(out.rfind("id,type,date,date_grain,date_start,date_end,amount,", 0) == 0);
  CHECK(has(out.substr(0, out.find('\n')), ",reports,status,group\r"));
  REQUIRE(dg("query deals " + f.path, &out) == 0);
  CHECK(out.rfind("id ", 0) == 0);
  CHECK(has(out.substr(0, out.find('\n')), " status"));

  const std::string dir = temp_dir("status-csv");
  REQUIRE(dg("export --format csv --out " + dir + "/csv " + f.path) == 0);
  const std::string deals = read(dir + "/csv/deals.csv");
  std::filesystem::remove_all(dir);
  CHECK(has(deals.substr(0, deals.find('\n')), ",date_end:date,target_date,status,"));
  CHECK(has(deals, ",failed,"));  // a data export keeps every deal
}

TEST_CASE("status: the diagram leaves failed deals out unless asked", "[cli][status]") {
  ArticleFile f;
  std::string dot;
  REQUIRE(dg("export --format dot " + f.path, &dot) == 0);
  CHECK_FALSE(has(dot, "Arm"));
  REQUIRE(dg("export --format dot --status all " + f.path, &dot) == 0);
  CHECK(has(dot, "Arm"));
  CHECK(has(dot, "dotted"));  // a failed deal is drawn dotted
}

TEST_CASE("status: a bad --status value is a usage error", "[cli][status][errors]") {
  ArticleFile f;
  std::string err;
  for (const char* verb : {"query investments", "query deals", "export"}) {
    CHECK(dg_all(std::string(verb) + " --status done " + f.path, &err) == 2);
    CHECK(has(err, "unknown status 'done' (signed, planned, reported, negotiating, failed, unstated, all)"));
    CHECK(dg_all(std::string(verb) + " --status , " + f.path, &err) == 2);
    CHECK(has(err, "--status needs a status"));
  }
  // an empty value counts as not given, as for the other filter flags
  CHECK(dg("query investments --status= " + f.path) == 0);
}

TEST_CASE("dates: a deadline is the target, a founding year no date", "[cli][dates]") {
  ArticleFile f;
  std::string out;
  REQUIRE(dg("extract --format json " + f.path, &out) == 0);
  const json coreweave = deal_between(json::parse(out), "org:nvidia", "org:coreweave");
  REQUIRE(coreweave.is_object());
  CHECK(coreweave["date"]["value"] == "2022-02-08");  // the article's: 2019 founded CoreWeave
  CHECK(coreweave["target_date"]["value"] == "2030");
  const json msft = deal_between(json::parse(out), "org:microsoft", "org:openai");
  REQUIRE(msft.is_object());
  CHECK_FALSE(msft.contains("target_date"));  // omitted when none, like status

  REQUIRE(dg("extract --format jsonl " + f.path, &out) == 0);
  CHECK(has(out, "\"target_date\":{\"relation\":\"by\",\"value\":\"2030\"}"));
  // --since/--until select by the deal's date, not its target
  REQUIRE(dg("query investments --format json --since 2030 " + f.path, &out) == 0);
  CHECK(json::parse(out).empty());
  REQUIRE(dg("query investments --format json --until 2022-02 " + f.path, &out) == 0);
  CHECK(json::parse(out).size() == 2);
}
