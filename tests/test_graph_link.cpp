// graph/link.h: order, content ids, groups, same_as / conflicts across articles.
#include <catch2/catch.hpp>

#include <algorithm>

#include "graph/ids.h"
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

Article article(const std::string& id, const std::string& source, const std::string& date) {
  Article a;
  a.id = id;
  a.source = source;
  a.headline = "headline of " + source;
  a.date = date;
  return a;
}

const std::vector<Party> kNvCo = {{"org:coreweave", "investee"}, {"org:nvidia", "investor"}};

// Two articles (mar.txt given first: order must not matter); deals out of order.
Corpus two_articles() {
  Corpus c;
  c.articles = {article("A1", "mar.txt", "2026-03-02"), article("A2", "jan.txt", "2026-01-15")};
  c.deals.push_back(deal("A1", 5, kNvCo, usd(2e9)));                          // the same deal, again
  c.deals.push_back(deal("A2", 40, {{"org:amd", "investee"}, {"org:meta", "investor"}}));
  c.deals.push_back(deal("A2", 10, kNvCo, usd(2.001e9)));                     // within 0.1%
  c.deals.push_back(deal("A1", 50, kNvCo, usd(3e9)));                         // a third report, other figure
  return c;
}

}  // namespace

TEST_CASE("link: articles sorted by source, deals by article and position", "[link]") {
  Corpus c = two_articles();
  link_reports(&c);
  REQUIRE(c.articles.size() == 2);
  CHECK(c.articles[0].source == "jan.txt");
  const std::string jan = c.articles[0].id, mar = c.articles[1].id;
  REQUIRE(c.deals.size() == 4);
  CHECK(c.deals[0].article == jan);
  CHECK(c.deals[0].evidence.span.start == 10);
  CHECK(c.deals[1].evidence.span.start == 40);
  CHECK(c.deals[2].article == mar);
  CHECK(c.deals[3].evidence.span.start == 50);
}

TEST_CASE("link: content ids do not depend on what else is read, nor on order", "[link][ids]") {
  Corpus both = two_articles();
  link_reports(&both);
  // March alone: the same article id; its deals keep their ids.
  Corpus march;
  march.articles = {article("X", "mar.txt", "2026-03-02")};
  march.deals.push_back(deal("X", 50, kNvCo, usd(3e9)));
  march.deals.push_back(deal("X", 5, kNvCo, usd(2e9)));
  link_reports(&march);
  CHECK(march.articles[0].id == both.articles[1].id);
  CHECK(march.articles[0].id.rfind("A", 0) == 0);
  CHECK(march.articles[0].id.size() == 13);
  CHECK(march.deals[0].id == both.deals[2].id);
  CHECK(march.deals[1].id == both.deals[3].id);
  // The same folder-less file name gives the same article id.
  Corpus moved = march;
  moved.articles[0].source = "briefs/2026/mar.txt";
  link_reports(&moved);
  CHECK(moved.articles[0].id == march.articles[0].id);
  // A URL names the article instead.
  Corpus with_url = march;
  with_url.articles[0].url = "https://example.com/a";
  link_reports(&with_url);
  CHECK(with_url.articles[0].id != march.articles[0].id);
}

TEST_CASE("link: two reports with one key and one date are told apart in order", "[link][ids]") {
  Corpus c = two_articles();
  link_reports(&c);
  // Both March reports of NVIDIA-CoreWeave take the article's date: one digest, suffixed.
  CHECK(c.deals[3].id == c.deals[2].id + "-2");
  CHECK(c.deals[0].id != c.deals[2].id);  // January: another date
  std::vector<std::string> ids = {"Dx", "Dy", "Dx", "Dx", "Dx-2"};
  make_unique(&ids);
  CHECK(ids == std::vector<std::string>{"Dx", "Dy", "Dx-3", "Dx-4", "Dx-2"});
}

TEST_CASE("link: one group per deal; links are stars, not all pairs", "[link]") {
  Corpus c = two_articles();
  link_reports(&c);
  // deals: [0] Jan NV-CW $2.001B, [1] Jan Meta-AMD, [2] Mar NV-CW $2B, [3] Mar NV-CW $3B
  const std::string& g = c.deals[0].group;
  CHECK(g.rfind("G", 0) == 0);
  CHECK(c.deals[2].group == g);
  CHECK(c.deals[3].group == g);
  CHECK(c.deals[1].group != g);
  CHECK(c.deals[0].same_as == std::vector<std::string>{c.deals[2].id, c.deals[3].id});
  CHECK(c.deals[2].same_as == std::vector<std::string>{c.deals[0].id});
  CHECK(c.deals[3].same_as == std::vector<std::string>{c.deals[0].id});
  CHECK(c.deals[1].same_as.empty());
  // The first figure ($2.001B) against the others: $3B differs.
  CHECK(c.deals[0].conflicts == std::vector<std::string>{c.deals[3].id});
  CHECK(c.deals[2].conflicts.empty());
  CHECK(c.deals[3].conflicts == std::vector<std::string>{c.deals[0].id});
}

TEST_CASE("link: a deal reported n times costs O(n) links", "[link]") {
  Corpus c;
  for (int i = 0; i < 300; ++i) {
    c.articles.push_back(article("A" + std::to_string(i), "f" + std::to_string(i) + ".txt", "2026-01-01"));
    c.deals.push_back(deal("A" + std::to_string(i), 0, kNvCo, usd(i % 2 ? 2e9 : 3e9)));
  }
  link_reports(&c);
  size_t links = 0;
  for (const auto& d : c.deals) links += d.same_as.size() + d.conflicts.size();
  CHECK(links == 2 * 299 + 2 * 150);
  CHECK(std::all_of(c.deals.begin(), c.deals.end(), [&](const Deal& d) { return d.group == c.deals[0].group; }));
}

TEST_CASE("link: twin deals of one article are two groups", "[link]") {
  Corpus c;
  c.articles = {article("A1", "a.txt", "2026-01-01")};
  c.deals = {deal("A1", 0, kNvCo, usd(1e9)), deal("A1", 100, kNvCo, usd(2e9))};
  link_reports(&c);
  CHECK(c.deals[0].group != c.deals[1].group);
  CHECK(c.deals[1].group == c.deals[0].group + "-2");
  CHECK(c.deals[0].same_as.empty());
}

TEST_CASE("link: linking again changes nothing", "[link]") {
  Corpus c = two_articles();
  link_reports(&c);
  Corpus again = c;
  link_reports(&again);
  for (size_t i = 0; i < c.deals.size(); ++i) {
    CHECK(again.deals[i].id == c.deals[i].id);
    CHECK(again.deals[i].same_as == c.deals[i].same_as);
    CHECK(again.deals[i].conflicts == c.deals[i].conflicts);
  }
  CHECK(again.articles[0].id == c.articles[0].id);
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
  late.article = "A1";  // mar.txt
  late.span = Span{1, 2};
  early.article = "A2";  // jan.txt
  early.span = Span{9, 12};
  c.values = {late, early};
  Entity& e = c.entities["org:nvidia"];
  e.id = "org:nvidia";
  e.name = "NVIDIA";
  e.aliases = {"엔비디아", "NVIDIA", "Nvidia", "엔비디아"};
  e.mentions = {Mention{"A1", Span{0, 6}, "NVIDIA", "dictionary"}, Mention{"A2", Span{3, 9}, "Nvidia", "dictionary"}};
  link_reports(&c);
  CHECK(c.values[0].article == c.articles[0].id);
  CHECK(c.values[1].article == c.articles[1].id);
  CHECK(e.aliases == std::vector<std::string>{"Nvidia", "엔비디아"});
  CHECK(e.mentions[0].article == c.articles[0].id);
  CHECK(e.mentions[0].text == "Nvidia");
}
