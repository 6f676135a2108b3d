// Queries over the hand-made corpus of tests/golden/fixture_corpus.h.
#include <catch2/catch.hpp>

#include "golden/fixture_corpus.h"
#include "export/json_output.h"
#include "graph/query.h"
#include "graph/usd.h"

#include <map>

using namespace dealgraph;
using nlohmann::json;

namespace {
const Corpus& corpus() {
  static const Corpus c = fixture::corpus();
  return c;
}
const DealGraph& graph() {
  static const DealGraph g = DealGraph::build(corpus());
  return g;
}
QueryResult ok(Result<QueryResult> r) {
  if (!r) FAIL(r.error().message);
  return *r;
}
}  // namespace

TEST_CASE("query investments: the JSON contract", "[query]") {
  QueryResult r = ok(query_investments(graph(), Filter{}));
  // The additions of issue 17 (docs/json.md): the USD figure and the short
  // form; taken off, the contract's rows are as they were.
  CHECK(r.json[0]["amount_usd"] == 2e9);
  CHECK(r.json[0]["amount_label"] == "$2B");
  CHECK(r.json[1]["amount_usd"].is_number());
  CHECK(r.json[1]["amount_label"] == "≥₩7T");
  for (auto& row : r.json) {
    row.erase("amount_usd");
    row.erase("amount_label");
  }
  const json expected = json::parse(R"([
    {"investor": "NVIDIA", "investee": "Coherent", "deals": ["D1", "D4"],
     "amount": {"value": 2e9, "currency": "USD", "qualifier": "exact"}, "status": "signed"},
    {"investor": "삼성전자", "investee": "\"Q\" Labs \\ R&D <AI>\n큐랩스", "deals": ["D6"],
     "amount": {"value": 7e12, "currency": "KRW", "qualifier": "at_least"}, "status": "planned"}
  ])");
  CHECK(r.json == expected);
  CHECK(dump(r.json, false) ==
        "[{\"amount\":{\"currency\":\"USD\",\"qualifier\":\"exact\",\"value\":2000000000},"
        "\"deals\":[\"D1\",\"D4\"],\"investee\":\"Coherent\",\"investor\":\"NVIDIA\",\"status\":\"signed\"},"
        "{\"amount\":{\"currency\":\"KRW\",\"qualifier\":\"at_least\",\"value\":7000000000000},"
        "\"deals\":[\"D6\"],\"investee\":\"\\\"Q\\\" Labs \\\\ R&D <AI>\\n큐랩스\",\"investor\":\"삼성전자\","
        "\"status\":\"planned\"}]\n");
  REQUIRE(r.table.rows.size() == 2);
  CHECK(r.table.rows[0] == std::vector<std::string>{"NVIDIA", "Coherent", "D1, D4", "$2B", "signed"});
  CHECK(r.table.columns.back() == "status");
  CHECK(r.table.rows[1][3] == "≥₩7T");

  Filter f;
  f.min_amount = 1e9;  // USD only: the KRW acquisition drops out
  CHECK(ok(query_investments(graph(), f)).json.size() == 1);
}

TEST_CASE("query investors-of / investees-of resolve aliases", "[query]") {
  QueryResult r = ok(query_investors_of(graph(), "코히어런트", Filter{}));
  CHECK(r.json == json::parse(R"([{"investor": "NVIDIA", "deals": ["D1", "D4"],
                                   "amount": {"value": 2e9, "currency": "USD", "qualifier": "exact"},
                                   "status": "signed", "amount_usd": 2e9, "amount_label": "$2B"}])"));
  r = ok(query_investees_of(graph(), "엔비디아", Filter{}));
  REQUIRE(r.json.size() == 1);
  CHECK(r.json[0]["investee"] == "Coherent");
  r = ok(query_investees_of(graph(), "samsung electronics", Filter{}));
  CHECK(r.json[0]["investee"] == "\"Q\" Labs \\ R&D <AI>\n큐랩스");
  r = ok(query_investors_of(graph(), "Meta", Filter{}));
  CHECK(r.json.empty());
  CHECK(r.note == "no investors in Meta");
}

TEST_CASE("query: an unknown name suggests close matches", "[query]") {
  auto r = query_investors_of(graph(), "Nvidai", Filter{});
  REQUIRE_FALSE(r);
  CHECK(r.error().message == "unknown entity 'Nvidai'; did you mean: NVIDIA");
  r = query_path(graph(), "Meta", "Gogle", Filter{});
  REQUIRE_FALSE(r);
  CHECK(r.error().message.find("unknown entity 'Gogle'; did you mean: Google") == 0);
  r = query_partners_of(graph(), "zzzzzzzzzzzz", Filter{});
  REQUIRE_FALSE(r);
  CHECK(r.error().message == "unknown entity 'zzzzzzzzzzzz'");
}

TEST_CASE("query deals and partners-of", "[query]") {
  QueryResult r = ok(query_deals(graph(), "", Filter{}));
  REQUIRE(r.json.size() == 5);  // D1 and D4 are one deal
  CHECK(r.json[0]["deals"] == json::array({"D1", "D4"}));
  CHECK(r.json[0]["articles"] == json::array({"A1", "f2:A1"}));
  CHECK(r.json[2]["capacity"]["value"] == 6e9);
  r = ok(query_deals(graph(), "메타", Filter{}));
  CHECK(r.table.rows.size() == 2);
  CHECK(r.table.rows[1][5] == "lessee: Meta; lessor: Google");
  Filter f;
  f.types = {DealType::Approval};
  r = ok(query_deals(graph(), "", f));
  REQUIRE(r.json.size() == 1);
  CHECK(r.json[0]["products"] == json::array({"H200"}));

  r = ok(query_partners_of(graph(), "삼성", Filter{}));
  // By name in byte order: '"' sorts before 'M'.
  CHECK(r.json == json::parse(R"([{"partner": "\"Q\" Labs \\ R&D <AI>\n큐랩스", "deals": ["D2"]},
                                   {"partner": "Meta", "deals": ["D2"]}])"));
}

TEST_CASE("query path: shortest chain of deals", "[query]") {
  QueryResult r = ok(query_path(graph(), "Google", "삼성전자", Filter{}));
  REQUIRE(r.json.size() == 2);
  CHECK(r.json[0]["from"] == "Google");
  CHECK(r.json[0]["from_role"] == "lessor");
  CHECK(r.json[0]["deal"] == "D3");
  CHECK(r.json[0]["to"] == "Meta");
  CHECK(r.json[1]["deal"] == "D2");
  CHECK(r.json[1]["to"] == "삼성전자");
  CHECK(r.table.rows[0] ==
        std::vector<std::string>{"1", "Google (lessor)", "D3", "lease", "$1–10B", "Meta (lessee)", ""});
  CHECK(r.json[0]["status"].is_null());  // D3 states none

  r = ok(query_path(graph(), "Coherent", "구글", Filter{}));
  CHECK(r.json.empty());
  CHECK(r.note == "no chain of deals links Coherent and Google");

  r = ok(query_path(graph(), "Coherent", "미국 상무부", Filter{}));
  REQUIRE(r.json.size() == 2);
  CHECK(r.json[1]["from_role"] == "subject");
}

TEST_CASE("query top: by deals and by USD amount", "[query]") {
  QueryResult r = ok(query_top(graph(), TopBy::Deals, 3, Filter{}));
  REQUIRE(r.json.size() == 3);
  // Two deals each for NVIDIA (D1=D4 counted once, D5), Meta, 삼성전자 and
  // "Q" Labs; ties go to the larger USD amount (≥₩7T converted: about $5.1B
  // for both parties of D6, then $2B, then $1B: the lease's lower bound),
  // then the name (byte order).
  CHECK(r.json[0]["name"] == "\"Q\" Labs \\ R&D <AI>\n큐랩스");
  CHECK(r.json[0]["deals"] == 2);
  CHECK(r.json[1]["name"] == "삼성전자");
  CHECK(r.json[2]["name"] == "NVIDIA");
  r = ok(query_top(graph(), TopBy::Amount, 10, Filter{}));
  // ≥₩7T (D6) is converted at the rate table's year (data/rates/usd.tsv):
  // about $5.1B for both its parties, ahead of NVIDIA's $2B; the tie between
  // them goes to the name ("\"Q\"..." before Hangul).
  const double won = 7e12 / UsdRates::builtin().rate("KRW", 2026)->first;
  CHECK(r.json[0]["name"] == "\"Q\" Labs \\ R&D <AI>\n큐랩스");
  CHECK(r.json[0]["amount_usd"].get<double>() == Approx(won));
  CHECK(r.json[1]["name"] == "삼성전자");
  CHECK(r.json[2]["name"] == "NVIDIA");
  CHECK(r.json[2]["amount_usd"] == 2e9);
  CHECK(r.table.rows[2][4] == "$2B");
  CHECK(r.json[3]["name"] == "Coherent");  // also $2B, one deal
  CHECK(r.json.size() == 7);             // every party; the chip is a product, not a party
}

namespace {
// The fixture with some statuses changed (deal id → status; date when given).
Corpus with_statuses(const std::map<std::string, std::pair<std::string, std::string>>& changes) {
  Corpus c = fixture::corpus();
  for (auto& d : c.deals) {
    auto it = changes.find(d.id);
    if (it == changes.end()) continue;
    d.status = it->second.first;
    if (!it->second.second.empty()) d.date = DateValue{it->second.second, "", "", ""};
  }
  return c;
}
}  // namespace

TEST_CASE("query: statuses of groups, pairs and the status filter", "[query][status]") {
  SECTION("a group's status is its latest report's") {
    // D1 (signed, 2026-03-02) and D4 (same deal, 2026-02-24): the later says signed
    Corpus c = with_statuses({{"D4", {"negotiating", ""}}});
    auto groups = group_deals(c);
    CHECK(groups[0].status == "signed");
    // called off after it was signed: failed
    c = with_statuses({{"D4", {"failed", "2026-04-01"}}});
    CHECK(group_deals(c)[0].status == "failed");
  }
  SECTION("the filter keeps the statuses it names; \"\" is a deal that states none") {
    const Corpus c = with_statuses({{"D6", {"failed", ""}}});
    const DealGraph g = DealGraph::build(c);
    Filter all;
    CHECK(ok(query_investments(g, all)).json.size() == 2);
    Filter but_failed;
    but_failed.statuses = {"", "signed", "planned", "reported", "negotiating"};
    QueryResult r = ok(query_investments(g, but_failed));
    REQUIRE(r.json.size() == 1);
    CHECK(r.json[0]["investor"] == "NVIDIA");
    Filter only_failed;
    only_failed.statuses = {"failed"};
    r = ok(query_investments(g, only_failed));
    REQUIRE(r.json.size() == 1);
    CHECK(r.json[0]["status"] == "failed");
    CHECK(r.table.rows[0].back() == "failed");
    Filter unstated;
    unstated.statuses = {""};
    r = ok(query_deals(g, "", unstated));
    for (const auto& row : r.json) CHECK(row["status"] == "");
    CHECK(r.json.size() == 2);  // D2 and D3
  }
  SECTION("a pair's status is the furthest along of its deals'") {
    CHECK(status_rank("signed") < status_rank("planned"));
    CHECK(status_rank("negotiating") < status_rank("failed"));
    CHECK(status_rank("failed") < status_rank(""));
  }
  SECTION("query deals: a status column") {
    QueryResult r = ok(query_deals(graph(), "", Filter{}));
    CHECK(r.table.columns.back() == "status");
    CHECK(r.table.rows[0].back() == "signed");
    CHECK(r.json[0]["status"] == "signed");
  }
}
