// tests/golden/fixture_corpus.h — the hand-made Corpus the golden files in
// this folder are exported from (test_export*.cpp) and the queries are asked
// about (test_query*.cpp). Change it and rerun with DEALGRAPH_UPDATE_GOLDEN=1.
//
// Two articles from two input files (months merged), Hangul and English
// names, a name with quotes, a backslash, a newline, < > and &, a chip with
// its maker, an investment with an amount reported twice (D1, D4: same_as),
// a three-partner partnership, a lease with a capacity and a vague amount, an
// approval about the chip, a KRW acquisition with a date span and evidence
// that looks like a spreadsheet formula, and a person in no deal.
#pragma once

#include "core/model.h"

namespace dealgraph::fixture {

inline Mention mention(const std::string& article, size_t start, const std::string& text) {
  return Mention{article, Span{start, start + text.size()}, text, "dictionary"};
}

inline Entity entity(const std::string& id, EntityType type, const std::string& name,
                     std::vector<std::string> aliases, std::vector<Mention> mentions) {
  Entity e;
  e.id = id;
  e.type = type;
  e.name = name;
  e.aliases = std::move(aliases);
  e.mentions = std::move(mentions);
  return e;
}

inline Money usd(double v) { return Money{Amount{v, std::nullopt, std::nullopt, Qualifier::Exact}, "USD", ""}; }

inline Corpus corpus() {
  Corpus c;
  Article a1;
  a1.id = "A1";
  a1.source = "brief-2026-03.txt";
  a1.headline = "엔비디아, 코히어런트에 20억 달러 투자";
  a1.date = "2026-03-02";
  a1.url = "https://example.com/news/1?a=1&b=2";
  a1.span = {0, 400};
  a1.headline_span = {0, 52};
  Article a2;
  a2.id = "f2:A1";
  a2.source = "brief-2026-02.txt";
  a2.headline = "Meta leases Google TPUs; Samsung, Meta and \"Q\" Labs team up";
  a2.date = "2026-02-24";
  a2.url = "https://example.com/en/2";
  a2.span = {0, 600};
  a2.headline_span = {0, 61};
  c.articles = {a1, a2};

  auto add = [&](Entity e) { c.entities[e.id] = std::move(e); };
  Entity nvidia = entity("org:nvidia", EntityType::Organization, "NVIDIA", {"Nvidia", "엔비디아"},
                         {mention("A1", 0, "엔비디아"), mention("A1", 120, "엔비디아")});
  nvidia.ticker = "NVDA";
  nvidia.wikidata = "Q182477";
  nvidia.country = "US";
  add(nvidia);
  add(entity("org:coherent", EntityType::Organization, "Coherent", {"코히어런트"},
             {mention("A1", 14, "코히어런트"), mention("f2:A1", 300, "Coherent")}));
  add(entity("org:samsung-electronics", EntityType::Organization, "삼성전자", {"Samsung Electronics", "삼성"},
             {mention("f2:A1", 25, "Samsung")}));
  Entity q = entity("org:q-labs", EntityType::Organization, "\"Q\" Labs \\ R&D <AI>\n큐랩스", {"Q Labs"},
                    {mention("f2:A1", 43, "\"Q\" Labs")});
  q.source = "rule";
  add(q);
  Entity h200 = entity("chip:h200", EntityType::Chip, "H200", {}, {mention("A1", 200, "H200")});
  h200.maker = "org:nvidia";
  add(h200);
  add(entity("org:meta", EntityType::Organization, "Meta", {"Meta Platforms", "메타"},
             {mention("f2:A1", 0, "Meta"), mention("f2:A1", 34, "Meta")}));
  add(entity("org:google", EntityType::Organization, "Google", {"구글"}, {mention("f2:A1", 12, "Google")}));
  add(entity("gov:us-commerce", EntityType::GovernmentBody, "미국 상무부", {"US Commerce Department"},
             {mention("A1", 180, "미국 상무부")}));
  add(entity("person:jensen-huang", EntityType::Person, "Jensen Huang", {"젠슨 황"},
             {mention("A1", 90, "젠슨 황")}));

  Deal d1;
  d1.id = "D1";
  d1.type = DealType::Investment;
  d1.article = "A1";
  d1.parties = {{"org:coherent", "investee"}, {"org:nvidia", "investor"}};
  d1.amount = usd(2e9);
  d1.date = DateValue{"2026-03-02", "", "", ""};
  d1.status = "signed";
  d1.evidence = {{60, 130}, "엔비디아는 코히어런트에 20억 달러를 투자한다고 밝혔다."};
  d1.rule = "deal.ko.investment";
  d1.same_as = {"D4"};

  Deal d2;
  d2.id = "D2";
  d2.type = DealType::Partnership;
  d2.article = "f2:A1";
  d2.parties = {{"org:meta", "partner"}, {"org:q-labs", "partner"}, {"org:samsung-electronics", "partner"}};
  d2.date = DateValue{"2026-02", "", "", ""};
  d2.evidence = {{200, 280}, "Samsung, Meta and \"Q\" Labs will co-develop\nHBM \\ packaging."};
  d2.rule = "deal.en.partnership";

  Deal d3;
  d3.id = "D3";
  d3.type = DealType::Lease;
  d3.article = "f2:A1";
  d3.parties = {{"org:meta", "lessee"}, {"org:google", "lessor"}};  // sorted by role
  d3.amount = Money{Amount{std::nullopt, 1e9, 1e10, Qualifier::Range}, "USD", ""};
  d3.capacity = Power{Amount{6e9, std::nullopt, std::nullopt, Qualifier::Exact}};
  d3.evidence = {{90, 170}, "Meta will rent Google TPUs worth several billion dollars, up to 6 GW."};
  d3.rule = "deal.en.lease";

  Deal d4;
  d4.id = "D4";
  d4.type = DealType::Investment;
  d4.article = "f2:A1";
  d4.parties = {{"org:coherent", "investee"}, {"org:nvidia", "investor"}};
  d4.evidence = {{290, 340}, "Nvidia's stake in Coherent was also mentioned."};
  d4.rule = "deal.en.investment";
  d4.same_as = {"D1"};

  Deal d5;
  d5.id = "D5";
  d5.type = DealType::Approval;
  d5.article = "A1";
  d5.parties = {{"gov:us-commerce", "regulator"}, {"org:nvidia", "subject"}};
  d5.products = {"chip:h200"};
  d5.date = DateValue{"2026-01", "", "", ""};
  d5.status = "reported";
  d5.evidence = {{170, 240}, "미국 상무부는 엔비디아의 H200 중국 판매를 승인했다."};
  d5.rule = "deal.ko.approval";

  Deal d6;
  d6.id = "D6";
  d6.type = DealType::Acquisition;
  d6.article = "f2:A1";
  d6.parties = {{"org:samsung-electronics", "acquirer"}, {"org:q-labs", "target"}};
  d6.amount = Money{Amount{7e12, std::nullopt, std::nullopt, Qualifier::AtLeast}, "KRW", ""};
  d6.date = DateValue{"", "2026-01", "2026-06", ""};
  d6.target_date = DateValue{"2027", "", "", "by"};  // "2027년까지 인수 완료": a deadline
  d6.status = "planned";
  d6.evidence = {{400, 470}, "=HYPERLINK(\"x\") 삼성전자, 큐랩스 7조원 이상에 인수 추진"};
  d6.rule = "deal.ko.acquisition";

  c.deals = {d1, d2, d3, d4, d5, d6};
  return c;
}

}  // namespace dealgraph::fixture
