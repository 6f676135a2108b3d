// BI columns: the USD rate table (data/rates/usd.tsv, graph/usd.h), dates as
// ISO days with a grain (graph/deal_fields.h), deals.csv's numeric columns,
// --csv-safe, and numbers as numbers in `query --format csv|json`. The SQLite
// load and the sum that must equal `query top --by amount`:
// test_export_csv_sqlite.cpp.
#include <catch2/catch.hpp>

#include "export/export_csv.h"
#include "export/export_table.h"
#include "golden/fixture_corpus.h"
#include "golden/fixture_exports.h"
#include "golden/golden_check.h"
#include "graph/deal_fields.h"
#include "graph/query.h"
#include "graph/usd.h"

using namespace dealgraph;

namespace {

Money money(std::optional<double> v, Qualifier q, const std::string& cur, const std::string& per = "") {
  return Money{Amount{v, std::nullopt, std::nullopt, q}, cur, per};
}

// The cells of the row of `id` in a CSV text, by header name (no quoted commas in the fixture's number cells).
std::map<std::string, std::string> csv_row(const std::string& csv, const std::string& id) {
  auto split = [](const std::string& line) {
    std::vector<std::string> out;
    std::string cell;
    bool quoted = false;
    for (char c : line) {
      if (c == '"') quoted = !quoted;
      else if (c == ',' && !quoted) {
        out.push_back(cell);
        cell.clear();
      } else cell += c;
    }
    out.push_back(cell);
    return out;
  };
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line, '\n');
  line.pop_back();  // CR
  const auto head = split(line);
  while (std::getline(in, line, '\n')) {
    line.pop_back();
    auto cells = split(line);
    if (cells[0] != id) continue;
    std::map<std::string, std::string> row;
    for (size_t i = 0; i < head.size() && i < cells.size(); ++i) row[head[i]] = cells[i];
    return row;
  }
  return {};
}

}  // namespace

TEST_CASE("usd rates: the built-in table and its year rules", "[bi][usd]") {
  const UsdRates& r = UsdRates::builtin();
  REQUIRE(r.latest_year() >= 2024);
  auto krw = r.rate("KRW", 2023);
  REQUIRE(krw);
  CHECK(krw->first == 1306.7637);  // as the Fed's G.5A of 2024-02-01 publishes it (data/rates/usd.tsv header)
  CHECK(krw->second == 2023);
  CHECK(r.rate("EUR", 2023)->first == Approx(1 / 1.0817).epsilon(1e-5));  // G.5A quotes dollars per euro
  CHECK(r.rate("KRW", 2031)->second == r.latest_year());  // after the table: its last year
  CHECK(r.rate("KRW", 1990)->second == 2018);              // before it: its first
  CHECK_FALSE(r.rate("XYZ", 2024));

  auto usd = to_usd(money(2e9, Qualifier::Exact, "USD"), "2026-03-02", r);
  REQUIRE(usd);
  CHECK(usd->usd == 2e9);
  CHECK(usd->rate_year == 0);
  auto won = to_usd(money(7e12, Qualifier::AtLeast, "KRW"), "2023-05", r);
  REQUIRE(won);
  CHECK(won->usd == Approx(7e12 / 1306.7637));
  CHECK(won->rate_year == 2023);
  CHECK_FALSE(to_usd(money(150, Qualifier::Exact, "USD", "share"), "2026", r));  // a price per share
  CHECK_FALSE(to_usd(money(1e9, Qualifier::Exact, "EGP"), "2026", r));           // no rate
  CHECK_FALSE(to_usd(std::nullopt, "2026", r));

  CHECK_FALSE(UsdRates::parse("KRW\t2024\n", "r.tsv"));
  CHECK_FALSE(UsdRates::parse("KRW\t2024\t0\n", "r.tsv"));
  auto dup = UsdRates::parse("# c\nKRW\t2024\t1\nKRW\t2024\t2\n", "r.tsv");
  REQUIRE_FALSE(dup);
  CHECK(dup.error().to_string().find("r.tsv:3") != std::string::npos);
}

TEST_CASE("deal fields: ISO days with a grain, numeric bounds", "[bi]") {
  auto d = date_fields(DateValue{"2026-02", "", "", ""}, "2026-03-02");
  CHECK(d.date == "2026-02");
  CHECK(d.grain == "month");
  CHECK(d.start == "2026-02-01");
  CHECK(d.end == "2026-02-28");
  CHECK(date_fields(DateValue{"2028-02", "", "", ""}, "").end == "2028-02-29");  // leap year
  d = date_fields(DateValue{"", "2026-01", "2026-06", ""}, "2026-02-24");
  CHECK(d.grain == "span");
  CHECK(d.start == "2026-01-01");
  CHECK(d.end == "2026-06-30");
  d = date_fields(std::nullopt, "2026-02-24");  // the article's date
  CHECK(d.grain == "day");
  CHECK(d.start == "2026-02-24");
  CHECK(date_fields(DateValue{"2030", "", "", ""}, "").end == "2030-12-31");
  CHECK(date_fields(std::nullopt, "").grain.empty());

  auto a = amount_fields(money(1e11, Qualifier::AtMost, "USD"), "2026");
  CHECK(a.value == 1e11);
  CHECK(a.max == 1e11);  // "up to $100B" is an upper bound
  CHECK_FALSE(a.min);
  CHECK(a.label == "≤$100B");
  a = amount_fields(money(2e9, Qualifier::Each, "USD"), "2026");
  CHECK(a.usd == 2e9);
  CHECK(a.label == "$2B each");
}

TEST_CASE("deals.csv: BI columns and --csv-safe", "[bi][csv]") {
  const auto files = fixture::csv_tables(false);
  const std::string& deals = files.at("deals.csv");
  auto d6 = csv_row(deals, "D6");  // ≥₩7T, 2026-01..2026-06, planned
  CHECK(d6["date"] == "2026-01");
  CHECK(d6["date_grain"] == "span");
  CHECK(d6["date_start:date"] == "2026-01-01");
  CHECK(d6["date_end:date"] == "2026-06-30");
  CHECK(d6["status"] == "planned");
  CHECK(d6["amount:double"] == "7000000000000");
  CHECK(d6["amount_min:double"] == "7000000000000");
  CHECK(d6["currency"] == "KRW");
  CHECK(std::stod(d6["amount_usd:double"]) == Approx(7e12 / UsdRates::builtin().rate("KRW", 2026)->first));
  CHECK(d6["usd_rate_year:int"] == std::to_string(UsdRates::builtin().latest_year()));
  CHECK(d6["amount_label"] == "≥₩7T");
  auto d3 = csv_row(deals, "D3");  // $1–10B, undated: the article's day
  CHECK(d3["date_grain"] == "day");
  CHECK(d3["amount_usd:double"] == "1000000000");
  CHECK(d3["amount_min:double"] == "1000000000");
  CHECK(d3["amount_max:double"] == "10000000000");
  CHECK(csv_row(deals, "D2")["amount_usd:double"].empty());  // no amount

  // excel (the default) neutralizes the formula-looking evidence; none keeps it.
  CHECK(deals.find("\"'=HYPERLINK(") != std::string::npos);
  auto raw = to_csv_tables(fixture::graph(), fixture::everything(), CsvOptions{false, CsvSafe::None});
  CHECK(raw.at("deals.csv").find("\"=HYPERLINK(") != std::string::npos);
  CHECK(raw.at("deals.csv").find("'=HYPERLINK(") == std::string::npos);
  CHECK(csv_text("=1+2", CsvSafe::None) == "=1+2");
  CHECK(csv_safe_from("none") == CsvSafe::None);
  CHECK_FALSE(csv_safe_from("off"));
}

TEST_CASE("query csv and json: numbers as numbers, the short form beside", "[bi][query]") {
  auto r = query_investments(fixture::graph(), Filter{});
  REQUIRE(r);
  const std::string csv = render_csv(r->data);
  CHECK(csv.find("investor,investee,deals,amount,currency,amount_qualifier,amount_min,amount_max,amount_usd,"
                 "usd_rate_year,amount_label,status\r\n") == 0);
  CHECK(csv.find("NVIDIA,Coherent,\"D1, D4\",2000000000,USD,exact,,,2000000000,,$2B,signed\r\n") !=
        std::string::npos);
  CHECK(csv.find("≥₩7T") != std::string::npos);
  CHECK(csv.find(",≥") != std::string::npos);  // the label stays a label...
  for (const auto& row : r->json) {
    if (row["investor"] != "NVIDIA") continue;
    CHECK(row["amount_usd"] == 2e9);  // ...and the number a number
    CHECK(row["amount_label"] == "$2B");
  }
  auto deals = query_deals(fixture::graph(), "", Filter{});
  REQUIRE(deals);
  for (const auto& row : deals->json)
    if (row["id"] == "D6") {
      CHECK(row["date_grain"] == "span");
      CHECK(row["date_end"] == "2026-06-30");
      CHECK(row["amount_usd"].is_number());
      CHECK(row["status"] == "planned");
    }
  CHECK(deals->data.columns.back() == "group");  // status, then the group id
  CHECK(deals->data.columns[deals->data.columns.size() - 2] == "status");
  auto top = query_top(fixture::graph(), TopBy::Amount, 10, Filter{});
  REQUIRE(top);
  CHECK(render_csv(top->data).find("rank,name,entity,type,deals,amount_usd\r\n") == 0);
}
