// graph/link.h: reading order, deal ids, same_as / conflicts across articles.
#include <catch2/catch.hpp>

#include "graph/link.h"

using namespace dealgraph;

namespace {

Money usd(double v) { return Money{Amount{v, std::nullopt, std::nullopt, Qualifier::Exact}, "USD", ""}; }

Deal deal(const std::string& article, size_t at, std::vector<Party> parties, std::optional<Money> amount = {}) {
  Deal d;
  d.type = DealType::Investment;
  d.article = article;
  d.parties = std::move(parties);
  d.amount = amount;
  d.evidence.span = Span{at, at + 10};
  return d;
}

// Two articles, A2 read after A1; deals given out of order.
Corpus two_articles() {
  Corpus c;
  c.articles.resize(2);
  c.articles[0].id = "A1";
  c.articles[1].id = "A2";
  const std::vector<Party> nv_co = {{"org:coreweave", "investee"}, {"org:nvidia", "investor"}};
  c.deals.push_back(deal("A2", 5, nv_co, usd(2e9)));                         // the same deal, again
  c.deals.push_back(deal("A1", 40, {{"org:amd", "investee"}, {"org:meta", "investor"}}));
  c.deals.push_back(deal("A1", 10, nv_co, usd(2.001e9)));                    // within 0.1%
  c.deals.push_back(deal("A2", 50, nv_co, usd(3e9)));                        // a third report, other figure
  return c;
}

}  // namespace

TEST_CASE("link: deals in reading order get ids D1, D2, ...", "[link]") {
  Corpus c = two_articles();
  number_deals(&c);
  REQUIRE(c.deals.size() == 4);
  CHECK(c.deals[0].article == "A1");
  CHECK(c.deals[0].evidence.span.start == 10);
  CHECK(c.deals[1].evidence.span.start == 40);
  CHECK(c.deals[2].article == "A2");
  CHECK(c.deals[3].evidence.span.start == 50);
  for (size_t i = 0; i < 4; ++i) CHECK(c.deals[i].id == "D" + std::to_string(i + 1));
}

TEST_CASE("link: reports of one deal in other articles are same_as; other figures conflict", "[link]") {
  Corpus c = two_articles();
  link_reports(&c);
  // D1 (A1, $2.001B), D3 (A2, $2B), D4 (A2, $3B): D3 and D4 share an article.
  CHECK(c.deals[0].same_as == std::vector<std::string>{"D3", "D4"});
  CHECK(c.deals[0].conflicts == std::vector<std::string>{"D4"});
  CHECK(c.deals[1].same_as.empty());
  CHECK(c.deals[2].same_as == std::vector<std::string>{"D1"});
  CHECK(c.deals[2].conflicts.empty());
  CHECK(c.deals[3].same_as == std::vector<std::string>{"D1"});
  CHECK(c.deals[3].conflicts == std::vector<std::string>{"D1"});
}

TEST_CASE("link: same_money allows 0.1% and needs one currency", "[link]") {
  CHECK(same_money(usd(2e9), usd(2.001e9)));
  CHECK_FALSE(same_money(usd(2e9), usd(2.1e9)));
  Money krw = usd(2e9);
  krw.currency = "KRW";
  CHECK_FALSE(same_money(usd(2e9), krw));
  Money range{Amount{std::nullopt, 1e9, 3e9, Qualifier::Range}, "USD", ""};
  CHECK(same_money(range, usd(2e9)));
}

TEST_CASE("link: values and mentions by article, aliases sorted without the name", "[link]") {
  Corpus c = two_articles();
  Value late, early;
  late.article = "A2";
  late.span = Span{1, 2};
  early.article = "A1";
  early.span = Span{9, 12};
  c.values = {late, early};
  Entity& e = c.entities["org:nvidia"];
  e.id = "org:nvidia";
  e.name = "NVIDIA";
  e.aliases = {"엔비디아", "NVIDIA", "Nvidia", "엔비디아"};
  e.mentions = {Mention{"A2", Span{0, 6}, "NVIDIA", "dictionary"}, Mention{"A1", Span{3, 9}, "Nvidia", "dictionary"}};
  link_reports(&c);
  CHECK(c.values[0].article == "A1");
  CHECK(c.values[1].article == "A2");
  CHECK(e.aliases == std::vector<std::string>{"Nvidia", "엔비디아"});
  CHECK(e.mentions[0].article == "A1");
}
