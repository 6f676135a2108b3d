// Runs every entity corpus beside the entity rules (rules/entities/*.corpus):
// text => the mentions it must give, in order, by canonical name and type.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "extractor/entities/dictionary.h"
#include "extractor/entities/recognizer.h"
#include "extractor/reader/reader.h"

using namespace dealgraph;

namespace {

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(' ');
  size_t e = s.find_last_not_of(' ');
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

}  // namespace

TEST_CASE("entity corpora beside the entity rules") {
  Resources res = Resources::embedded();
  auto dict = Dictionary::load(res);
  REQUIRE(dict);
  auto rec = EntityRecognizer::load(res, *dict);
  REQUIRE(rec);
  const std::string path = std::string(DEALGRAPH_SOURCE_DIR) + "/rules/entities/entities.corpus";
  std::ifstream in(path);
  REQUIRE(in);
  std::string line;
  int n = 0, examples = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    size_t arrow = line.find(" => ");
    REQUIRE(arrow != std::string::npos);
    ++examples;
    const std::string text = line.substr(0, arrow);
    std::string want_s = trim(line.substr(arrow + 4));
    std::vector<std::string> want;
    if (want_s != "-") {
      std::stringstream ss(want_s);
      std::string part;
      while (std::getline(ss, part, ';')) want.push_back(trim(part));
    }
    Article a;
    a.id = "A1";
    a.paragraphs.push_back({0, text.size()});
    ArticleEntities found = rec->find(text, a);
    std::vector<std::string> got, covered;
    for (const auto& m : found.mentions) {
      if (m.weak) continue;
      std::string name;
      if (int i = dict->find_id(m.entity); i >= 0) name = dict->entries()[i].name;
      else name = found.discovered.at(m.entity).name;
      got.push_back(name + " [" + to_string(m.type) + "]");
      covered.push_back(text.substr(m.span.start, m.span.size()));
    }
    bool ok = got.size() == want.size();
    for (size_t i = 0; ok && i < want.size(); ++i) {
      // a bare expected name checks the name only; "Name [Type]" checks both;
      // "Name {text}" also checks the words the mention covers
      std::string w = want[i];
      if (size_t brace = w.find(" {"); brace != std::string::npos && w.back() == '}') {
        ok = covered[i] == w.substr(brace + 2, w.size() - brace - 3);
        w = w.substr(0, brace);
      }
      std::string g = w.find('[') == std::string::npos ? got[i].substr(0, got[i].find(" [")) : got[i];
      ok = ok && fold_alias(g) == fold_alias(w);
    }
    std::string got_s;
    for (const auto& g : got) got_s += (got_s.empty() ? "" : " ; ") + g;
    INFO(path << ":" << n << ": " << text << "\n  want: " << want_s << "\n  got:  " << (got_s.empty() ? "-" : got_s));
    CHECK(ok);
  }
  CHECK(examples >= 40);
}

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
