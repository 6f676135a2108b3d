// One runner for every corpus: rules/<stage>/*.corpus and the `example:` lines
// of the value rules. A new corpus file beside a rule set needs no new test
// code; the stage's folder says which checker reads it (tests/corpus/).
//
// Every example runs as its own SECTION and names its file:line. An example
// marked "@gap" must still fail (a known miss); when it passes, the @gap line
// goes. Gaps stay under a tenth of a file's positive examples.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>

#include "core/resources.h"
#include "corpus/check_deals.h"
#include "corpus/check_entities.h"
#include "corpus/check_values.h"
#include "corpus/corpus_file.h"
#include "extractor/entities/dictionary.h"
#include "extractor/entities/recognizer.h"
#include "extractor/pipeline.h"
#include "extractor/values/tagger.h"

namespace fs = std::filesystem;
using namespace dealgraph;

namespace {

const std::string kSource = DEALGRAPH_SOURCE_DIR;

// The rules and dictionary as they are in the tree, so an edited rule needs no rebuild.
const Resources& tree_resources() {
  static const Resources res = [] {
    Resources r = Resources::embedded();
    if (auto s = r.overlay_dir(kSource + "/rules", "rules/"); !s) FAIL(s.error().to_string());
    if (auto s = r.overlay_dir(kSource + "/data/dictionary", "data/dictionary/"); !s) FAIL(s.error().to_string());
    return r;
  }();
  return res;
}

template <class T>
const T& loaded(Result<T> r) {
  if (!r) FAIL(r.error().to_string());
  static std::vector<std::unique_ptr<T>> keep;  // engines live as long as the test
  keep.push_back(std::make_unique<T>(std::move(*r)));
  return *keep.back();
}

using Check = std::function<std::string(const corpus::Example&)>;

// The checker for a stage's folder; an unknown folder fails.
Check checker_for(const std::string& stage) {
  const Resources& res = tree_resources();
  if (stage == "values") {
    static const auto& tagger = loaded(values::Tagger::load(res));
    static const corpus::ValueChecker c(tagger);
    return [](const corpus::Example& ex) { return c.check(ex); };
  }
  if (stage == "entities") {
    static const auto& dict = loaded(Dictionary::load(res));
    static const auto& rec = loaded(EntityRecognizer::load(res, dict));
    static const corpus::EntityChecker c(dict, rec);
    return [](const corpus::Example& ex) { return c.check(ex); };
  }
  if (stage == "deals") {
    static const auto& pipeline = loaded(Pipeline::load(res));
    static const corpus::DealChecker c(pipeline);
    return [](const corpus::Example& ex) { return c.check(ex); };
  }
  return nullptr;
}

// Every file below rules/ ending in `ext`, as source-relative paths, sorted.
std::vector<std::string> rule_files(const std::string& ext) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(kSource + "/rules"))
    if (e.is_regular_file() && e.path().extension() == ext)
      out.push_back(fs::relative(e.path(), kSource).generic_string());
  std::sort(out.begin(), out.end());
  return out;
}

std::string stage_of(const std::string& rel) {  // "rules/values/x.corpus" -> "values"
  size_t a = rel.find('/') + 1;
  return rel.substr(a, rel.find('/', a) - a);
}

// The fewest examples each stage's corpora must hold in all.
const std::map<std::string, size_t> kFloors = {{"values", 1500}, {"entities", 40}, {"deals", 200}};

}  // namespace

TEST_CASE("corpora: every example of rules/**/*.corpus", "[corpus]") {
  std::map<std::string, size_t> per_stage;
  for (const std::string& rel : rule_files(".corpus")) {
    const std::string stage = stage_of(rel);
    Check check = checker_for(stage);
    INFO(rel);
    REQUIRE(check);  // a corpus in a folder no checker reads
    size_t positive = 0, gaps = 0;
    for (const auto& ex : corpus::read_corpus(kSource + "/" + rel, rel)) {
      ++per_stage[stage];
      positive += !ex.negative;
      const std::string gap = ex.directive("gap");
      gaps += !gap.empty();
      DYNAMIC_SECTION(ex.where() << ": " << (ex.negative ? "!" : "") << ex.input) {
        const std::string why = check(ex);
        if (gap.empty()) {
          INFO(ex.where() << ": " << ex.input << "\n  " << why);
          CHECK(why.empty());
        } else {
          INFO(ex.where() << ": passes now; remove its @gap line (" << gap << ")");
          CHECK_FALSE(why.empty());
        }
      }
    }
    CHECK(gaps * 10 <= positive);
  }
  for (const auto& [stage, floor] : kFloors) {
    INFO("rules/" << stage << ": " << per_stage[stage] << " corpus examples");
    CHECK(per_stage[stage] >= floor);
  }
}

TEST_CASE("corpora: the example: lines of the value rules", "[corpus][values]") {
  Check unused = checker_for("values");  // loads the tagger
  static const auto& tagger = loaded(values::Tagger::load(tree_resources()));
  const corpus::ValueChecker c(tagger);
  size_t n = 0;
  for (const std::string& rel : rule_files(".rules")) {
    if (stage_of(rel) != "values") continue;
    for (const auto& ex : corpus::read_rule_examples(kSource + "/" + rel, rel)) {
      ++n;
      DYNAMIC_SECTION(ex.where() << ": " << ex.input) {
        const std::string why = c.check_rule_example(ex);
        INFO(ex.where() << ": rule " << ex.rule << ": " << ex.input << " -> " << ex.expected[0] << "\n  " << why);
        CHECK(why.empty());
      }
    }
  }
  CHECK(n >= 100);
}

// Values: every rule file has its own corpus ("x.ko.rules" by "x.ko.corpus",
// a shared "x.rules" by any "x.*.corpus"). The entity and deal rules work as
// one grammar per folder, so their folder's corpora cover every file.
TEST_CASE("corpora: every rule file has a corpus beside it", "[corpus]") {
  const auto corpora = rule_files(".corpus");
  auto has_corpus = [&](const std::string& rules) {
    const std::string stem = rules.substr(0, rules.size() - 6);  // without ".rules"
    const std::string dir = stem.substr(0, stem.rfind('/') + 1);
    // "x.ko.rules" is covered by "x.ko.corpus"; a folder's shared file by any corpus of its stem
    return std::any_of(corpora.begin(), corpora.end(), [&](const std::string& c) {
      return c == stem + ".corpus" || (c.rfind(dir, 0) == 0 && c.find('/', dir.size()) == std::string::npos &&
                                       c.substr(dir.size()).rfind(stem.substr(dir.size()) + ".", 0) == 0);
    });
  };
  for (const std::string& rel : rule_files(".rules")) {
    const std::string stage = stage_of(rel);
    if (!checker_for(stage)) continue;  // schema, shared tables, reader layout: no examples of their own
    INFO(rel << " has no corpus beside it");
    if (stage == "values") {
      CHECK(has_corpus(rel));
    } else {
      const std::string dir = rel.substr(0, rel.rfind('/') + 1);
      CHECK(std::any_of(corpora.begin(), corpora.end(), [&](const std::string& c) { return c.rfind(dir, 0) == 0; }));
    }
  }
}
