// The steps of the deal stage (extractor/deals/deal_steps.h), one by one,
// over hand-made typed sentences and the built-in rules/deals tables.
#include <catch2/catch.hpp>

#include "deal_tables_fixture.h"

#include <re2/re2.h>

#include "core/resources.h"
#include "core/schema.h"
#include "extractor/deals/deal_settle.h"
#include "extractor/deals/deal_steps.h"
#include "extractor/deals/sentence_facts.h"

using namespace dealgraph;

namespace {

const DealTables& tables() { return testing::builtin_deal_tables(); }

FoundMention mention(size_t start, size_t end, std::string entity, EntityType type = EntityType::Organization) {
  FoundMention m;
  m.span = {start, end};
  m.entity = std::move(entity);
  m.type = type;
  return m;
}

Value money(double v, size_t start, size_t end, Qualifier q = Qualifier::Exact) {
  Money m;
  m.amount.value = v;
  m.amount.qualifier = q;
  m.currency = "USD";
  Value out;
  out.data = m;
  out.span = {start, end};
  return out;
}

// A typed sentence built marker by marker: text pieces and slots.
struct Builder {
  TypedSentence t;
  Builder& text(const std::string& s) {
    t.text += s;
    return *this;
  }
  Builder& entity(const std::string& id, EntityType type = EntityType::Organization) {
    Slot s;
    s.entity = id;
    s.type = type;
    s.typed_start = t.text.size();
    t.text += "\xE2\x9F\xA6" "E" + std::to_string(t.slots.size()) + ":X\xE2\x9F\xA7";
    s.typed_end = t.text.size();
    t.slots.push_back(s);
    return *this;
  }
  Builder& value(int index) {
    Slot s;
    s.is_entity = false;
    s.index = index;
    s.typed_start = t.text.size();
    t.text += "\xE2\x9F\xA6" "V" + std::to_string(t.slots.size()) + ":MONEY\xE2\x9F\xA7";
    s.typed_end = t.text.size();
    t.slots.push_back(s);
    return *this;
  }
};

RuleMatch whole(const TypedSentence& t) { return RuleMatch{0, t.text.size(), {}}; }

EntityFacts no_facts(const std::string&) { return {}; }

}  // namespace

TEST_CASE("deals: focus is the headline's first two parties", "[deals]") {
  Article a;
  a.headline_span = {0, 20};
  std::vector<FoundMention> ms = {mention(0, 3, "A"), mention(5, 8, "A"), mention(10, 12, "C", EntityType::Chip),
                                  mention(25, 28, "B"), mention(30, 33, "D")};
  auto f = article_focus(a, ms);
  REQUIRE(f.size() == 2);
  CHECK(f[0]->entity == "A");
  CHECK(f[1]->entity == "B");  // the body completes the headline
  ms[1].weak = true;
  ms[0].type = EntityType::Fund;  // an anaphor never means a fund
  f = article_focus(a, ms);
  CHECK(f[0]->entity == "B");
}

TEST_CASE("deals: sentence units are the headline, then the body's sentences", "[deals]") {
  auto d = DealExtractor::load(Resources::embedded());
  REQUIRE(d);
  const std::string text = "Headline\nAcme buys Beta. Core sells Delta.";
  Article a;
  a.headline_span = {0, 8};
  a.paragraphs = {{9, text.size()}};
  size_t body_from = 0;
  auto units = sentence_units(*d, text, a, &body_from);
  REQUIRE(units.size() == 3);
  CHECK(body_from == 1);
  CHECK(text.substr(units[2].start, units[2].size()) == "Core sells Delta.");
}

TEST_CASE("deals: typed sentences use the schema's marker codes", "[deals]") {
  const std::string text = "엔비디아가 H20을 판다";
  std::vector<FoundMention> ms = {mention(0, 12, "nvidia"), mention(16, 19, "h20", EntityType::Product)};
  auto t = typeset_sentence(text, {0, text.size()}, ms, {}, tables().anaphor, {}, tables().schema);
  CHECK(t.text == "⟦E0:ORG⟧가 ⟦E1:CHIP⟧을 판다");
  CHECK(t.slots_in(0, t.text.size(), true) == std::vector<int>{0, 1});
}

TEST_CASE("deals: a mention whose context says it is no party gets no marker and is no focus", "[deals]") {
  // "Acme said in a filing with the SEC that it bought Beta": the regulator
  // (context "filing", docs/entities.md) stays words.
  const std::string text = "Acme told the SEC it bought Beta";
  std::vector<FoundMention> ms = {mention(0, 4, "acme"), mention(14, 17, "sec", EntityType::GovernmentBody),
                                  mention(28, 32, "beta")};
  ms[1].context = "filing";
  auto t = typeset_sentence(text, {0, text.size()}, ms, {}, tables().anaphor, {}, tables().schema);
  CHECK(t.text == "⟦E0:ORG⟧ told the SEC it bought ⟦E1:ORG⟧");
  Article a;
  a.headline_span = {0, text.size()};
  auto f = article_focus(a, ms);
  REQUIRE(f.size() == 2);
  CHECK(f[0]->entity == "acme");
  CHECK(f[1]->entity == "beta");
  ms[1].context.clear();  // the same body with no context is a party like any other
  CHECK(typeset_sentence(text, {0, text.size()}, ms, {}, tables().anaphor, {}, tables().schema).slots.size() == 3);
}

TEST_CASE("deals: sentence status and date", "[deals]") {
  const auto& tb = tables();
  CHECK(sentence_status("계약을 체결했다", tb.status_word, tb.status_priority, tb.status_of) == "signed");
  CHECK(sentence_status("그냥 만났다", tb.status_word, tb.status_priority, tb.status_of).empty());
  Builder b;
  b.text("x");
  CHECK_FALSE(sentence_dates(b.t, {}, std::nullopt, tb).date.has_value());  // more: test_deals_dates.cpp
}

TEST_CASE("deals: rule matching", "[deals]") {
  RE2 re("(?P<buyer>b+)(?P<seller>s)?");
  auto m = match_from(re, "aabbx", 0);
  REQUIRE(m);
  CHECK(m->start == 2);
  CHECK(m->end == 4);
  REQUIRE(m->groups.size() == 1);  // an unmatched group is left out
  CHECK(m->groups[0].name == "buyer");
  CHECK_FALSE(match_from(re, "aabbx", 4));
  CHECK(next_char("가나", 0) == 3);
  CHECK(negated("인수 계약을 부인했다", 6, tables()));
  CHECK_FALSE(negated("인수 계약을 맺었다", 6, tables()));
  // a long way after the match, a negation word is another clause's
  CHECK_FALSE(negated("인수 계약을 맺었다. 그러나 다른 회사는 이를 부인", 6, tables()));
  CHECK(rules_to_try(nullptr, "x", 3) == std::vector<bool>{true, true, true});
}

TEST_CASE("deals: roles and products from groups", "[deals]") {
  Builder b;
  b.entity("buyer1").text("와 ").entity("buyer2").text("가 ").entity("gpu", EntityType::Chip).text("를 ")
      .entity("seller1").text("에서 샀다");
  const auto& t = b.t;
  RuleMatch m = whole(t);
  m.groups = {{"buyer", 0, t.slots[1].typed_end}, {"product", t.slots[2].typed_start, t.slots[2].typed_end},
              {"seller", t.slots[3].typed_start, t.slots[3].typed_end}};
  GroupSlots g = slots_of_groups(t, m);
  CHECK(g.roles["buyer"] == std::vector<int>{0, 1});
  CHECK(g.product_slots == std::vector<int>{2});
  CHECK(products_of(t, m, g.product_slots) == std::vector<std::string>{"gpu"});
  Parties p = parties_of(t, g);
  CHECK(p["buyer"] == std::vector<std::string>{"buyer1", "buyer2"});

  RuleFacts facts;
  facts.type = DealType::Purchase;
  facts.implicit = "buyer";
  FoundMention focus = mention(0, 1, "focus");
  Parties empty;
  fill_implicit(empty, facts, {&focus});
  CHECK(empty["buyer"] == std::vector<std::string>{"focus"});
  facts.maker_role = "seller";
  Parties no_seller;
  fill_maker_role(no_seller, facts, {"gpu"}, [](const std::string&) {
    EntityFacts f;
    f.maker = "maker";
    return f;
  });
  CHECK(no_seller["seller"] == std::vector<std::string>{"maker"});
  no_seller["other"];
  drop_empty_roles(no_seller);
  CHECK(no_seller.count("other") == 0);
}

TEST_CASE("deals: amounts, each and respective", "[deals]") {
  std::vector<Value> values = {money(5e9, 0, 0), money(1e10, 0, 0), money(3e10, 0, 0)};
  values[0].text = "$5 billion";
  values[1].text = "$10 billion";
  values[2].text = "$30 billion";
  Builder b;
  b.entity("A").text(" and ").entity("B").text(" invest ").value(0).text(" and ").value(1)
      .text(", respectively, as the two said on Monday; its valuation ").value(2);
  const auto& t = b.t;
  RuleMatch m{0, t.slots[3].typed_end, {}};
  CHECK(usable_money(t, 2, values, tables()));
  CHECK_FALSE(usable_money(t, 4, values, tables()));  // "valuation" disowns it
  auto slots = amount_slots(t, m, -1, values, tables());
  CHECK(slots == std::vector<int>{2, 3});
  MoneyFigures f = money_figures(t, slots, values, tables());
  REQUIRE(f.single);
  CHECK(f.single->amount.value == 1e10);
  CHECK_FALSE(f.each);
  const std::string written = "A and B invest $5 billion and $10 billion, respectively";
  CHECK(amounts_in_turn(written, 2, f, tables()));
  CHECK_FALSE(amounts_in_turn(written, 1, f, tables()));

  Builder e;
  e.entity("A").text(" invest ").value(0).text(" each");
  MoneyFigures fe = money_figures(e.t, {1}, values, tables());
  CHECK(fe.each);
  CHECK(fe.each_after);
  CHECK_FALSE(capacity_of(e.t, whole(e.t), values));
}

TEST_CASE("deals: party combinations and claims", "[deals]") {
  Parties p = {{"buyer", {"A", "B"}}, {"seller", {"S"}}};
  auto c = party_combinations(p, DealType::Purchase, tables());
  REQUIRE(c.size() == 2);  // one deal per buyer
  CHECK(c[1] == std::vector<Party>{{"B", "buyer"}, {"S", "seller"}});
  Parties partners = {{"partner", {"A", "B", "A"}}};
  CHECK(party_combinations(partners, DealType::Partnership, tables()).size() == 1);  // joint
  Parties self = {{"buyer", {"A"}}, {"seller", {"A"}}};
  CHECK(party_combinations(self, DealType::Purchase, tables()).empty());

  SentenceClaims claims;
  claims.add(family_of(DealType::Purchase, tables()), {"A", "S"});
  CHECK(claims.taken(family_of(DealType::Lease, tables()), {"A", "S"}, false));  // the same trade family
  CHECK_FALSE(claims.taken(family_of(DealType::Investment, tables()), {"A", "S"}, false));

  Deal d;
  d.type = DealType::Facility;
  d.parties = {{"A", "owner"}};
  CHECK_FALSE(has_what_type_needs(d, tables()));  // no site, sum or size
  d.amount = Money{};
  CHECK(has_what_type_needs(d, tables()));
}

TEST_CASE("deals: settling the supplier from the schema's provider role", "[deals]") {
  DealCandidate c;
  c.loose = true;
  c.deal.type = DealType::Purchase;
  c.deal.parties = {{"nvidia", "buyer"}, {"acme", "seller"}};
  c.deal.products = {"h100"};
  EntityLookup lookup = [](const std::string& id) {
    EntityFacts f;
    if (id == "h100") {
      f.type = EntityType::Chip;
      f.maker = "nvidia";
    }
    return f;
  };
  settle_roles(c, tables(), lookup, {});
  CHECK(c.deal.parties == std::vector<Party>{{"acme", "buyer"}, {"nvidia", "seller"}});
  (void)no_facts;
}

TEST_CASE("deals: title-case headlines are matched in sentence case", "[deals]") {
  const size_t share = tables().settings.title_case_share;
  std::string headline = "⟦E0:ORG⟧ Orders ⟦V1:MONEY⟧ of ⟦E2:ORG⟧ TPU Racks from ⟦E3:ORG⟧";
  CHECK(fold_title_case(headline, share));
  CHECK(headline == "⟦E0:ORG⟧ orders ⟦V1:MONEY⟧ of ⟦E2:ORG⟧ TPU racks from ⟦E3:ORG⟧");  // acronyms stay
  std::string sentence = "⟦E0:ORG⟧ said on Monday it would invest in ⟦E1:ORG⟧";
  CHECK_FALSE(fold_title_case(sentence, share));
  CHECK(sentence == "⟦E0:ORG⟧ said on Monday it would invest in ⟦E1:ORG⟧");
  std::string short_one = "Big Deal";  // fewer than three words: no telling
  CHECK_FALSE(fold_title_case(short_one, share));
  std::string korean = "⟦E0:ORG⟧, ⟦E1:ORG⟧에 투자";
  CHECK_FALSE(fold_title_case(korean, share));
}

TEST_CASE("deals: a pronoun subject blocks the gap, a reported one does not", "[deals]") {
  const auto& tb = tables();
  auto typed = [&](const std::string& text, std::vector<FoundMention> ms) {
    return typeset_sentence(text, {0, text.size()}, ms, {}, tb.anaphor, {}, tb.schema,
                            {&tb.pronoun_subject_after, &tb.subject_verb, &tb.pronoun_kept_after,
                             tb.settings.pronoun_report_window})
        .text;
  };
  // "after OpenAI signed with Broadcom, it agreed": the sentence's first party
  const std::string a = "OpenAI signed with Broadcom, and it agreed to deploy AMD GPUs";
  CHECK(typed(a, {mention(0, 6, "openai"), mention(19, 27, "broadcom"), mention(53, 56, "amd")}) ==
        "⟦E0:ORG⟧ signed with ⟦E1:ORG⟧, and ⟦⟧ ⟦E2:ORG⟧ agreed to deploy ⟦E3:ORG⟧ GPUs");
  // no party before it and no sentence before: a subject no rule can name
  CHECK(typed("It has agreed to buy GPUs", {}) == "⟦⟧ has agreed to buy GPUs");
  // after a reporting verb, or as an object, the pronoun stays a word
  CHECK(typed("Nvidia said it would invest", {mention(0, 6, "nvidia")}) == "⟦E0:ORG⟧ said it would invest");
  CHECK(typed("Spark Capital led it", {mention(0, 13, "spark")}) == "⟦E0:ORG⟧ led it");
  CHECK(typed("Italy and its partners", {}) == "Italy and its partners");  // whole words only
  // a fronted phrase: the verb after it says it is a subject
  CHECK(typed("Europe in September it signed", {}) == "Europe in September ⟦⟧ signed");
  CHECK(typed("Oracle announced that it will build", {mention(0, 6, "oracle")}) ==
        "⟦E0:ORG⟧ announced that it will build");
  CHECK(typed("Nvidia said on Monday it would invest", {mention(0, 6, "nvidia")}) ==
        "⟦E0:ORG⟧ said on Monday it would invest");
}

TEST_CASE("deals: an owner in a party list is no party when the rule says so", "[deals]") {
  Builder b;
  b.entity("blackrock").text("'s ").entity("gip").text(" and ").entity("mgx").text(" buy");
  RuleMatch m = whole(b.t);
  m.groups = {{"acquirer", 0, b.t.slots[2].typed_end}};
  CHECK(slots_of_groups(b.t, m).roles["acquirer"] == std::vector<int>{0, 1, 2});
  CHECK(slots_of_groups(b.t, m, &tables().owner_suffix).roles["acquirer"] == std::vector<int>{1, 2});
  // a chip after the owner is its product: the owner stays ("Nvidia's GB300")
  Builder c;
  c.entity("nvidia").text("'s ").entity("gb300", EntityType::Chip);
  RuleMatch mc = whole(c.t);
  mc.groups = {{"seller", 0, c.t.slots[1].typed_end}};
  CHECK(slots_of_groups(c.t, mc, &tables().owner_suffix).roles["seller"] == std::vector<int>{0});
}

TEST_CASE("deals: a later sentence continues the article's last frame", "[deals]") {
  ArticleFrames frames;
  Money round;
  round.amount.value = 2e10;
  round.currency = "USD";
  // "xAI raised $20 billion in a Series E round": a frame with no investor
  remember_frame(frames, DealType::Investment, {{"investee", {"xai"}}}, round);
  RuleFacts backers;
  backers.type = DealType::Investment;
  backers.continues = true;
  Parties listed = {{"investor", {"valor", "mgx"}}};
  CHECK(continue_roles(listed, backers, frames));
  CHECK(listed["investee"] == std::vector<std::string>{"xai"});
  REQUIRE(continued_money(backers, frames));
  CHECK(continued_money(backers, frames)->amount.value == 2e10);
  // a rule that does not continue, or another type, takes nothing
  RuleFacts plain = backers;
  plain.continues = false;
  Parties alone = {{"investor", {"valor"}}};
  CHECK_FALSE(continue_roles(alone, plain, frames));
  CHECK_FALSE(continued_money(plain, frames));
  RuleFacts lease = backers;
  lease.type = DealType::Lease;
  Parties lessee = {{"lessee", {"meta"}}};
  CHECK_FALSE(continue_roles(lessee, lease, frames));
}

TEST_CASE("deals: a fallback seller yields to a stated one", "[deals]") {
  auto cand = [](std::string buyer, std::string seller, bool fallback, std::vector<std::string> products) {
    DealCandidate c;
    c.deal.type = DealType::Purchase;
    c.deal.parties = {{std::move(buyer), "buyer"}, {std::move(seller), "seller"}};
    c.deal.products = std::move(products);
    c.fallback = fallback;
    return c;
  };
  // "Anthropic orders Google TPU racks from Broadcom": one sentence
  std::vector<DealCandidate> one = {cand("anthropic", "broadcom", false, {}), cand("anthropic", "google", true, {})};
  drop_yielding_fallbacks(one, 0, tables(), FallbackScope::Sentence);
  REQUIRE(one.size() == 1);
  CHECK(one[0].deal.parties[1].entity == "broadcom");
  // across the article only for the same product
  std::vector<DealCandidate> art = {cand("anthropic", "broadcom", false, {"ironwood"}),
                                    cand("anthropic", "google", true, {"ironwood"}),
                                    cand("anthropic", "nvidia", true, {"h100"})};
  drop_yielding_fallbacks(art, 0, tables(), FallbackScope::Article);
  REQUIRE(art.size() == 2);
  CHECK(art[1].deal.parties[1].entity == "nvidia");
  // another buyer's fallback stands
  std::vector<DealCandidate> other = {cand("anthropic", "broadcom", false, {}), cand("meta", "google", true, {})};
  drop_yielding_fallbacks(other, 0, tables(), FallbackScope::Sentence);
  CHECK(other.size() == 2);
}

TEST_CASE("deals: a rule's needs", "[deals]") {
  Deal d;
  d.type = DealType::Facility;
  d.parties = {{"google", "owner"}};
  RuleFacts spend;
  spend.type = DealType::Facility;
  spend.needs = "facility";
  CHECK_FALSE(has_what_rule_needs(d, spend));  // "spend $80 billion on data centers": a budget
  d.parties.push_back({"oklahoma", "facility"});
  CHECK(has_what_rule_needs(d, spend));
  CHECK(has_what_rule_needs(d, RuleFacts{}));
}

TEST_CASE("deals: a rule's needs_flag asks one party for a dictionary flag", "[deals]") {
  Deal d;
  d.type = DealType::Lease;
  d.parties = {{"microsoft", "lessee"}, {"nebius", "lessor"}};
  EntityLookup lookup = [](const std::string& id) {
    EntityFacts f;
    if (id == "nebius") f.flags = {"cloud", "neocloud"};
    return f;
  };
  RuleFacts with_cloud;
  with_cloud.type = DealType::Lease;
  with_cloud.needs_flag = "neocloud cloud";
  CHECK(has_party_flag_rule_needs(d, with_cloud, lookup));  // "signed a contract with Nebius"
  d.parties[1].entity = "broadcom";
  CHECK_FALSE(has_party_flag_rule_needs(d, with_cloud, lookup));  // "signed a contract with Broadcom"
  CHECK(has_party_flag_rule_needs(d, RuleFacts{}, lookup));
}

TEST_CASE("deals: a size stated apart goes to its sentence's deals, a record's to the record", "[deals]") {
  auto cand = [](std::string acquirer, std::string target, Span sent, bool background = false) {
    DealCandidate c;
    c.deal.type = DealType::Acquisition;
    c.deal.parties = {{std::move(acquirer), "acquirer"}, {std::move(target), "target"}};
    c.deal.evidence.span = sent;
    c.background = background;
    return c;
  };
  auto usd = [](double v) {
    Money m;
    m.currency = "USD";
    m.amount.value = v;
    return m;
  };
  const Span s1{0, 50}, s2{51, 90}, s3{91, 120}, s4{121, 150};
  // "BlackRock, MGX and friends buy Aligned" with "a $40 billion club deal": each buyer's deal
  std::vector<Deal> both = merge_article_deals({cand("blackrock", "aligned", s1), cand("mgx", "aligned", s1)},
                                               {StatedAmount{usd(4e10), s1}});
  REQUIRE(both.size() == 2);
  CHECK((both[0].amount && both[1].amount));
  // a deal read from a relative clause is background: the size is not its
  std::vector<Deal> bg = merge_article_deals({cand("nvidia", "coreweave", s1, true)}, {StatedAmount{usd(6.3e9), s1}});
  REQUIRE(bg.size() == 1);
  CHECK_FALSE(bg[0].amount);
  // only the article's first size may go to a deal of another sentence
  std::vector<Deal> later = merge_article_deals({cand("nxp", "kinara", s1)},
                                                {StatedAmount{usd(1e9), s3}, StatedAmount{usd(3.07e8), s2}});
  REQUIRE(later.size() == 1);
  REQUIRE(later[0].amount);
  CHECK(later[0].amount->amount.value == 1e9);
  // two records: each "Value:" line sizes the deals of the party line before it
  StatedAmount v1{usd(7e8), s2};
  v1.record = true;
  StatedAmount v2{usd(3.5e10), s4};
  v2.record = true;
  std::vector<Deal> records =
      merge_article_deals({cand("nvidia", "runai", s1), cand("synopsys", "ansys", s3)}, {v1, v2});
  REQUIRE(records.size() == 2);
  REQUIRE((records[0].amount && records[1].amount));
  CHECK(records[0].amount->amount.value == 7e8);
  CHECK(records[1].amount->amount.value == 3.5e10);
}

TEST_CASE("deals: a relative clause is read as a sentence of its own", "[deals]") {
  // "Microsoft, which has invested $13 billion in OpenAI, said it would put $1.5 billion into G42."
  Builder b;
  b.entity("microsoft").text(", which has invested ").value(0).text(" in ").entity("openai")
      .text(", said it would put money into ").entity("g42").text(".");
  auto clauses = relative_clauses(b.t, tables().relative_word);
  REQUIRE(clauses.size() == 1);
  const TypedSentence& c = clauses[0];
  CHECK(c.text == "⟦E0:X⟧ has invested ⟦V1:MONEY⟧ in ⟦E2:X⟧");
  REQUIRE(c.slots.size() == 3);
  CHECK(c.slots[0].entity == "microsoft");
  CHECK(c.slots[2].entity == "openai");
  CHECK(c.text.substr(c.slots[2].typed_start, c.slots[2].typed_end - c.slots[2].typed_start) == "⟦E2:X⟧");
  // no comma, or a word that opens no clause: nothing
  Builder plain;
  plain.entity("nvidia").text(" which invested in ").entity("intel");
  CHECK(relative_clauses(plain.t, tables().relative_word).empty());
  Builder said;
  said.entity("nvidia").text(", said ").entity("intel");
  CHECK(relative_clauses(said.t, tables().relative_word).empty());
}

TEST_CASE("deals: a majority stake is an acquisition", "[deals]") {
  Percent half;
  half.amount.value = 51;
  Percent minority;
  minority.amount.value = 9.9;
  std::vector<Value> values(2);
  values[0].data = half;
  values[1].data = minority;
  auto typed = [](int value_index) {
    Builder b;
    b.entity("intel").text(" sells ");
    Slot s;
    s.is_entity = false;
    s.index = value_index;
    s.typed_start = b.t.text.size();
    b.t.text += "⟦V1:PCT⟧";
    s.typed_end = b.t.text.size();
    b.t.slots.push_back(s);
    b.text(" of ").entity("altera").text(" to ").entity("silverlake");
    return b.t;
  };
  const TypedSentence major = typed(0), minor = typed(1);
  CHECK(majority_type(major, whole(major), values, DealType::Investment, tables()) == DealType::Acquisition);
  CHECK(majority_type(minor, whole(minor), values, DealType::Investment, tables()) == DealType::Investment);
  CHECK(majority_type(major, whole(major), values, DealType::Purchase, tables()) == DealType::Purchase);
  Parties p = {{"investor", {"silverlake"}}, {"investee", {"altera"}}};
  retype_roles(p, DealType::Investment, DealType::Acquisition, tables().schema);
  CHECK(p["acquirer"] == std::vector<std::string>{"silverlake"});
  CHECK(p["target"] == std::vector<std::string>{"altera"});
  CHECK(p.count("investor") == 0);
}

TEST_CASE("deals: a list's last name before a verb starts the next clause", "[deals]") {
  // "IREN will buy GPUs from Dell, and Microsoft will pay 20% up front"
  Builder b;
  b.entity("iren").text(" will buy GPUs from ").entity("dell").text(", and ").entity("microsoft").text(" will pay");
  RuleMatch m{0, b.t.slots[2].typed_end, {{"seller", b.t.slots[1].typed_start, b.t.slots[2].typed_end}}};
  CHECK(slots_of_groups(b.t, m, nullptr, &tables().subject_verb).roles["seller"] == std::vector<int>{1});
  CHECK(slots_of_groups(b.t, m).roles["seller"] == std::vector<int>{1, 2});  // without the table
  // a list before the trigger is its subject and stays whole
  Builder c;
  c.entity("nvidia").text(" and ").entity("intel").text(" will jointly develop");
  RuleMatch mc{0, c.t.text.size(), {{"partner", 0, c.t.slots[1].typed_end}}};
  CHECK(slots_of_groups(c.t, mc, nullptr, &tables().subject_verb).roles["partner"] == std::vector<int>{0, 1});
}

TEST_CASE("deals: an `aside` group names no party, but is kept apart for the claims", "[deals]") {
  // "AMD sold ZT Systems to Sanmina": a frame's `subject: aside`
  Builder b;
  b.entity("amd").text(" sold ").entity("zt").text(" to ").entity("sanmina");
  RuleMatch m = whole(b.t);
  m.groups = {{"aside", 0, b.t.slots[0].typed_end},
              {"target", b.t.slots[1].typed_start, b.t.slots[1].typed_end},
              {"acquirer", b.t.slots[2].typed_start, b.t.slots[2].typed_end}};
  GroupSlots g = slots_of_groups(b.t, m);
  CHECK(g.aside_slots == std::vector<int>{0});
  CHECK(g.roles.count("aside") == 0);
  Parties p = parties_of(b.t, g);
  CHECK(p["target"] == std::vector<std::string>{"zt"});
  CHECK(p["acquirer"] == std::vector<std::string>{"sanmina"});
  CHECK(p.size() == 2);
}
