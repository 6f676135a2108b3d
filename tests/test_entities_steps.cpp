// The recognizer's steps one at a time (extractor/entities/steps.h), on the
// embedded rules and dictionary.
#include <catch2/catch.hpp>

#include <string>

#include "extractor/entities/knowledge.h"
#include "extractor/entities/steps.h"

using namespace dealgraph;
using namespace dealgraph::entities;

namespace {

const Dictionary& dict() {
  static const Dictionary d = [] {
    auto r = Dictionary::load(Resources::embedded());
    REQUIRE(r);
    return std::move(*r);
  }();
  return d;
}

const Knowledge& know() {
  static const Knowledge k = [] {
    auto r = Knowledge::load(Resources::embedded(), dict());
    INFO((r ? std::string() : r.error().to_string()));
    REQUIRE(r);
    return std::move(*r);
  }();
  return k;
}

// One article of one paragraph: the whole text.
struct Doc {
  explicit Doc(std::string t) : text(std::move(t)) { article.paragraphs.push_back({0, text.size()}); }
  std::string text;
  Article article;
};

std::string surface(const Scan& scan, const FoundMention& m) {
  return std::string(scan.text.substr(m.span.start, m.span.size()));
}

const FoundMention* find_surface(const Scan& scan, const std::string& s) {
  for (const auto& m : scan.mentions())
    if (surface(scan, m) == s) return &m;
  return nullptr;
}

}  // namespace

TEST_CASE("word edges: scripts and particles") {
  const rules::Table& particles = know().table("particle");
  std::string particle;
  CHECK(left_edge_ok("반도체 인텔", 10));
  CHECK_FALSE(left_edge_ok("반인텔", 3));
  CHECK(right_edge_ok(particles, "인텔이 ", 6, &particle));
  CHECK(particle == "이");
  CHECK_FALSE(right_edge_ok(particles, "인텔리전스", 6, &particle));
  CHECK(right_edge_ok(particles, "Nvidia칩", 6, &particle));  // Latin may touch Hangul
  CHECK(particle.empty());
  CHECK_FALSE(right_edge_ok(particles, "Intels", 5, &particle));
  CHECK(hangul_run("가나 다", 0) == "가나");
  CHECK(split_words(" a  b ").size() == 2);
}

TEST_CASE("settings are read from rules/entities/settings.rules") {
  CHECK(know().settings.maker_gap == 8);
  CHECK(know().settings.title_window == 60);
  CHECK(know().settings.title_window_after_paren == 70);
}

TEST_CASE("matcher forms: glued Hangul, capitals, Capitalized") {
  const Settings& s = know().settings;
  auto f = matcher_forms("앤드리슨 호로위츠", s);
  CHECK(std::find(f.begin(), f.end(), "앤드리슨호로위츠") != f.end());
  f = matcher_forms("Nvidia", s);
  CHECK(std::find(f.begin(), f.end(), "NVIDIA") != f.end());
  f = matcher_forms("ASML", s);
  CHECK(std::find(f.begin(), f.end(), "Asml") != f.end());
  CHECK(matcher_forms("LG", s).size() == 1);
}

TEST_CASE("step 1: dictionary names at word edges, with particles and legal-form words") {
  Doc d("엔비디아가 마벨 테크놀로지와 손잡고 인텔리전스를 말했다.");
  Scan scan(know(), d.text, d.article);
  match_dictionary(scan);
  const FoundMention* nv = find_surface(scan, "엔비디아");
  REQUIRE(nv);
  CHECK(nv->entity == "org:nvidia");
  CHECK(nv->particle == "가");
  CHECK(nv->rule == "dictionary");
  const FoundMention* mv = find_surface(scan, "마벨 테크놀로지");
  REQUIRE(mv);
  CHECK(mv->entity == "org:marvell");
  CHECK(mv->rule == "dictionary+suffix");
  CHECK(mv->particle == "와");
  CHECK(find_surface(scan, "인텔") == nullptr);
}

TEST_CASE("step 2: a surname names the person named in full") {
  Doc d("Jensen Huang spoke first. Later Huang said more.");
  Scan scan(know(), d.text, d.article);
  match_dictionary(scan);
  find_surnames(scan);
  REQUIRE(scan.mentions().size() == 2);
  CHECK(scan.mentions()[1].entity == "person:jensen-huang");
  CHECK(scan.mentions()[1].rule == "surname");
}

TEST_CASE("step 3: a new glossed name is typed from its particle and defined") {
  Doc d("스타트업 제타퀀트(Zetaquant)가 투자를 유치했다.");
  Scan scan(know(), d.text, d.article);
  match_dictionary(scan);
  apply_discovery_rules(scan);
  auto it = scan.out.discovered.find("org:zetaquant");
  REQUIRE(it != scan.out.discovered.end());
  CHECK(it->second.type == EntityType::Organization);
  CHECK(it->second.aliases == std::vector<std::string>{"제타퀀트"});
  CHECK(find_surface(scan, "제타퀀트"));
  CHECK(find_surface(scan, "Zetaquant"));
}

TEST_CASE("step 3: a glossed Latin side links to the known Hangul side") {
  Doc d("엔비디아(Nvidia Corporation)가 발표했다.");
  Scan scan(know(), d.text, d.article);
  match_dictionary(scan);
  apply_discovery_rules(scan);
  const FoundMention* en = find_surface(scan, "Nvidia Corporation");
  REQUIRE(en);
  CHECK(en->entity == "org:nvidia");
}

TEST_CASE("gloss parts: trim to the Latin side's words, person shape, typing") {
  std::string text = "스타트업 제타 퀀트(Zeta Quant)가";
  std::string_view t(text);
  size_t ko = text.find("제타"), en = text.find("Zeta");
  Gloss g;
  REQUIRE(trim_gloss(know(), t, t.substr(0, text.find('(')), t.substr(en, 10), &g));
  CHECK(g.ko_start == ko);
  CHECK(g.taken == 2);
  CHECK(person_shaped(know(), g));
  Article a;
  a.paragraphs.push_back({0, text.size()});
  Scan scan(know(), t, a);
  CHECK(type_new_gloss(scan, g) == EntityType::Person);  // 가 is an argument particle
}

TEST_CASE("step 3: a possessive before a chip model makes its maker") {
  Doc d("엔비디아의 ZX900 칩을 샀다.");
  Scan scan(know(), d.text, d.article);
  match_dictionary(scan);
  apply_discovery_rules(scan);
  auto it = scan.out.discovered.find("chip:zx900");
  REQUIRE(it != scan.out.discovered.end());
  CHECK(it->second.maker == "org:nvidia");
}

TEST_CASE("step 4: a discovered name is found everywhere") {
  Doc d("스타트업 제타퀀트(Zetaquant)가 투자를 유치했다. 이후 제타퀀트는 상장했다.");
  Scan scan(know(), d.text, d.article);
  match_dictionary(scan);
  apply_discovery_rules(scan);
  const size_t second = d.text.rfind("제타퀀트");
  auto at_second = [&] {
    for (const auto& m : scan.mentions())
      if (m.span.start == second) return &m;
    return static_cast<const FoundMention*>(nullptr);
  };
  CHECK(at_second() == nullptr);
  spread_discovered(scan);
  REQUIRE(at_second());
  CHECK(at_second()->entity == "org:zetaquant");
  CHECK(at_second()->particle == "는");
}

TEST_CASE("step 3: a title finds a person, a descriptor an organization") {
  Doc d("Chief executive Nicholas Kelez runs laser startup xLight.");
  Scan scan(know(), d.text, d.article);
  match_dictionary(scan);
  apply_discovery_rules(scan);
  const FoundMention* p = find_surface(scan, "Nicholas Kelez");
  REQUIRE(p);
  CHECK(p->type == EntityType::Person);
  CHECK(p->rule == "person.en.title_before");
  const FoundMention* o = find_surface(scan, "xLight");
  REQUIRE(o);
  CHECK(o->type == EntityType::Organization);
  CHECK(o->rule == "org.en.descriptor");
}

TEST_CASE("step 3: a list with a known member makes the others organizations") {
  Doc d("Backers include Nvidia, Quantrel Labs and Zetaflux.");
  Scan scan(know(), d.text, d.article);
  match_dictionary(scan);
  apply_discovery_rules(scan);
  CHECK(scan.out.discovered.count("org:quantrel-labs") == 1);
  CHECK(scan.out.discovered.count("org:zetaflux") == 1);
  Doc none("Backers include Arvexa, Brimlow and Zetaflux.");  // none known
  Scan s2(know(), none.text, none.article);
  match_dictionary(s2);
  apply_discovery_rules(s2);
  CHECK(s2.out.discovered.empty());
}

TEST_CASE("step 4: a discovered person's surname is that person") {
  Doc d("Analyst Stacy Rasgon liked it. Rasgon raised his target.");
  Scan scan(know(), d.text, d.article);
  match_dictionary(scan);
  apply_discovery_rules(scan);
  spread_discovered(scan);
  const FoundMention* s = find_surface(scan, "Rasgon");
  REQUIRE(s);
  CHECK(s->entity == "person:stacy-rasgon");
  CHECK(s->rule == "surname");
}

TEST_CASE("step 3: a Korean name and title at a paragraph's start, after a headline") {
  // The rule's start-of-line must hold where a paragraph begins, not only at
  // the start of the text (RE2 reads the text before the search as context).
  std::string text = "SK온 통합 출범\n\n이석희 SK온 사장은 18일 말했다.";
  Article a;
  a.headline_span = {0, text.find('\n')};
  a.paragraphs.push_back({text.find("이석희"), text.size()});
  Scan scan(know(), text, a);
  match_dictionary(scan);
  apply_discovery_rules(scan);
  const FoundMention* p = find_surface(scan, "이석희");
  REQUIRE(p);
  CHECK(p->type == EntityType::Person);
}

TEST_CASE("step 4b: a Korean surname before a title is the person named before it") {
  Doc d("이억원 금융위원장은 말했다. 박상진 산업은행 회장도 왔다. 이 위원장은 웃었고 박 회장은 답했다. 김 회장은 없었다.");
  Scan scan(know(), d.text, d.article);
  match_dictionary(scan);
  apply_discovery_rules(scan);
  spread_discovered(scan);
  link_korean_surnames(scan);
  auto at = [&](const std::string& s) {
    size_t pos = d.text.find(s);
    for (const auto& m : scan.mentions())
      if (m.span.start == pos) return &m;
    return static_cast<const FoundMention*>(nullptr);
  };
  const FoundMention* lee = at("이 위원장");
  REQUIRE(lee);
  CHECK(lee->entity == "person:이억원");
  CHECK(lee->span.size() == std::string("이").size());
  CHECK(lee->rule == "person.ko.surname_title");
  const FoundMention* park = at("박 회장");
  REQUIRE(park);
  CHECK(park->entity == "person:박상진");
  CHECK(at("김 회장") == nullptr);  // no 김 named before
}

TEST_CASE("step 6b: a role needs a person's and an organization's mention") {
  Doc d("Sanjay Mehrotra, Micron's chief executive, spoke. 박상진 산업은행 회장은 말했다. 이억원 금융위원장은 말했다.");
  Scan scan(know(), d.text, d.article);
  match_dictionary(scan);
  apply_discovery_rules(scan);
  spread_discovered(scan);
  find_roles(scan);
  REQUIRE(scan.out.roles.size() == 2);
  CHECK(scan.out.roles[0].person == "person:sanjay-mehrotra");
  CHECK(scan.out.roles[0].org == "org:micron-technology");
  CHECK(scan.out.roles[0].title == "chief executive");
  CHECK(scan.out.roles[0].rule == "role.en.name_possessive_role");
  CHECK(scan.out.roles[1].person == "person:박상진");
  CHECK(scan.out.roles[1].title == "회장");
  CHECK(scan.out.roles[1].span.start < scan.out.roles[1].span.end);
}

TEST_CASE("step 6c: a regulator addressed in a filing is marked, a party elsewhere is not") {
  Doc d("Micron said in a filing with the Securities and Exchange Commission that capex would rise. "
        "The Securities and Exchange Commission fined Acme Corp. 삼성전자는 금융감독원 전자공시시스템에 올렸다.");
  Scan scan(know(), d.text, d.article);
  match_dictionary(scan);
  apply_discovery_rules(scan);
  spread_discovered(scan);
  mark_contexts(scan);
  std::vector<std::string> contexts;
  for (const auto& m : scan.mentions())
    if (m.type == EntityType::GovernmentBody) contexts.push_back(m.context);
  CHECK(contexts == std::vector<std::string>{"filing", "", "filing"});
  for (const auto& m : scan.mentions())
    if (m.type != EntityType::GovernmentBody) CHECK(m.context.empty());  // "삼성전자는" files, it is no regulator
}

TEST_CASE("step 6d: a division is an organization of its own, part of its owner") {
  Doc d("Bain bought the memory division of Toshiba Corp. Intel's foundry unit lost money. "
        "삼성전자 파운드리사업부가 수주했다. 삼성전자 DX부문장은 말했다.");
  Scan scan(know(), d.text, d.article);
  match_dictionary(scan);
  apply_discovery_rules(scan);
  spread_discovered(scan);
  find_divisions(scan);
  std::vector<std::string> owners, words;
  for (const auto& m : scan.mentions()) {
    auto it = scan.out.discovered.find(m.entity);
    if (it == scan.out.discovered.end() || it->second.part_of.empty()) continue;
    owners.push_back(it->second.part_of);
    words.push_back(std::string(d.text.substr(m.span.start, m.span.size())));
  }
  CHECK(words == std::vector<std::string>{"memory division", "foundry unit", "파운드리사업부"});
  CHECK(owners == std::vector<std::string>{"org:toshiba", "org:intel", "org:samsung-electronics"});
  // the owner keeps its own mention ("DX부문장" is a title, no division)
  size_t owners_named = 0;
  for (const auto& m : scan.mentions())
    if (m.entity == "org:toshiba" || m.entity == "org:intel" || m.entity == "org:samsung-electronics") ++owners_named;
  CHECK(owners_named == 4);
}

TEST_CASE("step 3: an acronym in brackets is an alias of the name beside it") {
  Doc d("ZMCC (Zhenhai Memory Chip Corp) began output. Later ZMCC said yields rose.");
  Scan scan(know(), d.text, d.article);
  match_dictionary(scan);
  apply_discovery_rules(scan);
  spread_discovered(scan);
  auto it = scan.out.discovered.find("org:zhenhai-memory-chip-corp");
  REQUIRE(it != scan.out.discovered.end());
  CHECK(it->second.aliases == std::vector<std::string>{"ZMCC"});
  size_t n = 0;
  for (const auto& m : scan.mentions()) n += m.entity == it->first;
  CHECK(n == 3);
  Doc no("Kestrel Photonics Group (QRT) rose.");  // not its initials
  Scan s2(know(), no.text, no.article);
  match_dictionary(s2);
  apply_discovery_rules(s2);
  for (const auto& [id, e] : s2.out.discovered) CHECK(e.aliases.empty());
}

TEST_CASE("step 5: a chip family and a number are that chip") {
  Doc d("Meta's MTIA 999 runs inference.");
  Scan scan(know(), d.text, d.article);
  match_dictionary(scan);
  extend_families(scan);
  const FoundMention* m = find_surface(scan, "MTIA 999");
  REQUIRE(m);
  CHECK(m->entity == "chip:mtia-999");
  auto it = scan.out.discovered.find("chip:mtia-999");
  REQUIRE(it != scan.out.discovered.end());
  CHECK(it->second.maker == "org:meta");
}

TEST_CASE("step 6: a country acts, is weak, or is a place word") {
  Doc d("미국이 승인했다. 미국 시장에서 팔고, exports to China grew.");
  Scan scan(know(), d.text, d.article);
  match_dictionary(scan);
  mark_countries(scan);
  auto& ms = scan.mentions();
  REQUIRE(ms.size() == 3);
  CHECK_FALSE(ms[0].weak);
  CHECK(ms[1].weak);
  CHECK(ms[1].place_word);  // glued-particle script
  CHECK(ms[2].weak);
  CHECK(ms[2].place_word);  // after a place preposition
}

TEST_CASE("step 6: a country after 'ORG of' is where the company is from") {
  Doc d("Samsung Electronics of South Korea agreed to buy it. The government of Japan agreed to invest.");
  Scan scan(know(), d.text, d.article);
  match_dictionary(scan);
  mark_countries(scan);
  const FoundMention* korea = find_surface(scan, "South Korea");
  REQUIRE(korea);
  CHECK(korea->weak);
  CHECK(korea->place_word);
  const FoundMention* japan = find_surface(scan, "Japan");
  REQUIRE(japan);
  CHECK_FALSE(japan->place_word);  // after no organization
}

TEST_CASE("step 6: coordination with an acting country") {
  Doc d("한국·미국이 합의했다.");
  Scan scan(know(), d.text, d.article);
  match_dictionary(scan);
  mark_countries(scan);
  REQUIRE(scan.mentions().size() == 2);
  CHECK_FALSE(scan.mentions()[0].weak);
}

TEST_CASE("step 7: surface forms seen per entity, once each") {
  Doc d("엔비디아가 NVIDIA와 엔비디아는");
  Scan scan(know(), d.text, d.article);
  match_dictionary(scan);
  collect_seen_aliases(scan);
  CHECK(scan.out.seen_aliases["org:nvidia"] == std::vector<std::string>{"엔비디아", "NVIDIA"});
}
