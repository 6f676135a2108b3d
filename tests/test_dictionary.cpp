// The dictionary loader (extractor/entities/dictionary.h): errors name the
// user's file and line; the shipped dictionary covers the field.
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "core/resources.h"
#include "extractor/entities/dictionary.h"

using namespace dealgraph;

TEST_CASE("dictionary errors name file and line") {
  auto load = [](const std::string& text) {
    Resources r;
    r.put("data/dictionary/test.tsv", text);
    return Dictionary::load(r);
  };
  const std::string header = "type\tname\taliases\tticker\tcountry\twikidata\tmaker\tflags\n";
  SECTION("wrong header") {
    auto d = load("type\tname\n");
    REQUIRE_FALSE(d);
    CHECK(d.error().line == 1);
  }
  SECTION("wrong column count") {
    auto d = load(header + "Organization\tAcme\t-\n");
    REQUIRE_FALSE(d);
    CHECK(d.error().to_string().rfind("data/dictionary/test.tsv:2:1: expected 8 tab-separated columns", 0) == 0);
  }
  SECTION("unknown type") {
    auto d = load(header + "Company\tAcme\t-\t-\t-\t-\t-\t-\n");
    REQUIRE_FALSE(d);
    CHECK(d.error().message == "unknown type 'Company'");
  }
  SECTION("an alias that points at two entities") {
    auto d = load(header + "Organization\tAcme\tACME Corp\t-\t-\t-\t-\t-\n"
                           "Organization\tAcme Labs\tAcme corp.\t-\t-\t-\t-\t-\n");
    REQUIRE_FALSE(d);
    CHECK(d.error().line == 3);
    CHECK(d.error().message.find("already belongs to 'Acme'") != std::string::npos);
  }
  SECTION("unknown maker") {
    auto d = load(header + "Chip\tX1\t-\t-\t-\t-\tNobody\t-\n");
    REQUIRE_FALSE(d);
    CHECK(d.error().message == "unknown maker 'Nobody'");
  }
  SECTION("ids derive from the canonical name") {
    auto d = load(header + "Organization\tSK hynix\tSK하이닉스\t-\t-\t-\t-\t-\nChip\tHBM4 X\t-\t-\t-\t-\tSK hynix\t-\n");
    REQUIRE(d);
    CHECK(d->entries()[0].id == "org:sk-hynix");
    CHECK(d->entries()[1].maker == "org:sk-hynix");
    CHECK(d->find_name("sk하이닉스") == 0);
  }
}

TEST_CASE("the shipped dictionary covers the field") {
  auto d = Dictionary::load(Resources::embedded());
  REQUIRE(d);
  std::map<EntityType, int> count;
  for (const auto& e : d->entries()) count[e.type]++;
  CHECK(count[EntityType::Organization] >= 400);
  CHECK(count[EntityType::GovernmentBody] >= 40);
  CHECK(count[EntityType::Person] >= 60);
  CHECK(count[EntityType::Chip] + count[EntityType::Product] >= 200);
}
