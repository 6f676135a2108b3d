// The entity stage's load-time checks: every dictionary mistake (the checks
// data/dictionary/check.py used to make) and every bad rule setting is an
// Error with file:line.
#include <catch2/catch.hpp>

#include <string>

#include "extractor/entities/knowledge.h"
#include "extractor/entities/recognizer.h"

using namespace dealgraph;

namespace {

const char* kHeader = "type\tname\taliases\tticker\tcountry\twikidata\tmaker\tflags\n";

// The error of loading one dictionary file made of `rows` ("" when it loads).
std::string dict_error(const std::string& rows, const std::string& head = kHeader) {
  Resources res;
  res.put("data/dictionary/t.tsv", head + rows);
  auto d = Dictionary::load(res);
  return d ? "" : d.error().to_string();
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("dictionary: a good file loads") {
  CHECK(dict_error("Organization\tNVIDIA\t엔비디아|Nvidia\tNASDAQ:NVDA\tUS\tQ182477\t-\tvendor\n"
                   "Chip\tH200\t-\t-\t-\t-\tNVIDIA\t-\n") == "");
}

TEST_CASE("dictionary: one alias on two rows names both lines") {
  std::string e = dict_error("Organization\tAlpha\tBeta\t-\t-\t-\t-\t-\n"
                             "Organization\tGamma\tbeta\t-\t-\t-\t-\t-\n");
  CHECK(contains(e, "data/dictionary/t.tsv:3:"));
  CHECK(contains(e, "(data/dictionary/t.tsv:2)"));
  CHECK(contains(e, "already belongs to 'Alpha'"));
}

TEST_CASE("dictionary: names collide after the one fold (fold_name)") {
  CHECK(contains(dict_error("Organization\tRun:ai\t-\t-\t-\t-\t-\t-\n"
                            "Organization\tRunai Labs\tRUNAI\t-\t-\t-\t-\t-\n"),
                 "already belongs to 'Run:ai'"));
  CHECK(contains(dict_error("Organization\tＳＫ하이닉스\t-\t-\t-\t-\t-\t-\n"
                            "Organization\tSK hynix\tSK하이닉스\t-\t-\t-\t-\t-\n"),
                 "already belongs"));
  // the same row may repeat a form
  CHECK(dict_error("Organization\tNVIDIA\tNvidia\t-\t-\t-\t-\t-\n") == "");
}

TEST_CASE("dictionary: file shape") {
  CHECK(contains(dict_error("", "\xEF\xBB\xBF" + std::string(kHeader)), "byte-order mark"));
  CHECK(contains(dict_error("Organization\tA\t-\t-\t-\t-\t-\t-\r\n"), "t.tsv:2:1: CRLF"));
  CHECK(contains(dict_error("", "type\tname\n"), "expected the header"));
  CHECK(contains(dict_error("Organization\tA\t-\n"), "expected 8 tab-separated columns"));
  CHECK(contains(dict_error("Organization\tA\t\t-\t-\t-\t-\t-\n"), "empty cell"));
  CHECK(contains(dict_error("Organization\tA \t-\t-\t-\t-\t-\t-\n"), "leading or trailing white space"));
  CHECK(contains(dict_error("Company\tA\t-\t-\t-\t-\t-\t-\n"), "unknown type 'Company'"));
  CHECK(contains(dict_error("Organization\t-\t-\t-\t-\t-\t-\t-\n"), "empty name"));
}

TEST_CASE("dictionary: names and aliases") {
  CHECK(contains(dict_error("Organization\tA|B\t-\t-\t-\t-\t-\t-\n"), "'|' in a name"));
  CHECK(contains(dict_error("Organization\tA\tB||C\t-\t-\t-\t-\t-\n"), "empty or padded alias"));
  CHECK(contains(dict_error("Organization\tA\tB| C\t-\t-\t-\t-\t-\n"), "empty or padded alias"));
  CHECK(contains(dict_error("Organization\tA\tB|-\t-\t-\t-\t-\t-\n"), "'-' inside an alias list"));
  CHECK(contains(dict_error("Organization\tA\t...\t-\t-\t-\t-\t-\n"), "a name with no letters"));
  CHECK(contains(dict_error("Organization\tA B\t-\t-\t-\t-\t-\t-\n"
                            "GovernmentBody\tA-B\t-\t-\t-\t-\t-\t-\n"),
                 "already belongs"));
  CHECK(contains(dict_error("Organization\tA B\t-\t-\t-\t-\t-\t-\n"
                            "Organization\tA-B\t-\t-\t-\t-\t-\t-\n"),
                 "defined twice"));
}

TEST_CASE("dictionary: codes") {
  CHECK(contains(dict_error("Organization\tA\t-\tNVDA\t-\t-\t-\t-\n"), "malformed ticker"));
  CHECK(contains(dict_error("Organization\tA\t-\t-\tUSA\t-\t-\t-\n"), "malformed country"));
  CHECK(contains(dict_error("Organization\tA\t-\t-\t-\tQ0\t-\t-\n"), "malformed wikidata id"));
}

TEST_CASE("dictionary: flags") {
  CHECK(contains(dict_error("Organization\tA\t-\t-\t-\t-\t-\tvendor,hyper\n"), "unknown flag 'hyper'"));
  CHECK(contains(dict_error("Organization\tA\t-\t-\t-\t-\t-\tcountry\n"), "flag 'country' on a Organization row"));
  CHECK(dict_error("GovernmentBody\tA\t-\t-\t-\t-\t-\tcountry\n") == "");
}

TEST_CASE("dictionary: makers") {
  CHECK(contains(dict_error("Organization\tA\t-\t-\t-\t-\tB\t-\n"), "maker set on a Organization row"));
  CHECK(contains(dict_error("Chip\tX1\t-\t-\t-\t-\tNobody\t-\n"), "unknown maker 'Nobody'"));
  CHECK(contains(dict_error("Person\tAnn Lee\t-\t-\t-\t-\t-\t-\n"
                            "Chip\tX1\t-\t-\t-\t-\tAnn Lee\t-\n"),
                 "is not an Organization"));
}

namespace {

// The error of loading the recognizer with `path` replaced by `text`.
std::string rules_error(const std::string& path, const std::string& text) {
  Resources res = Resources::embedded();
  auto dict = Dictionary::load(res);
  REQUIRE(dict);
  res.put(path, text);
  auto rec = EntityRecognizer::load(res, *dict);
  return rec ? "" : rec.error().to_string();
}

std::string settings_without(const std::string& name, const std::string& replacement) {
  Resources res = Resources::embedded();
  std::string text = *res.find("rules/entities/settings.rules");
  size_t at = text.find("  " + name + " = ");
  REQUIRE(at != std::string::npos);
  size_t nl = text.find('\n', at);
  return text.substr(0, at) + replacement + text.substr(nl);
}

}  // namespace

TEST_CASE("settings: the embedded ones load") {
  CHECK(rules_error("rules/entities/x.rules", "") == "");
}

TEST_CASE("settings: a missing setting names the table") {
  std::string e = rules_error("rules/entities/settings.rules", settings_without("maker_gap", "  "));
  CHECK(contains(e, "rules/entities/settings.rules:4:1: table settings: missing setting 'maker_gap'"));
}

TEST_CASE("settings: a setting that is not a whole number names its line") {
  std::string text = settings_without("coordination_gap", "  coordination_gap = eight");
  int line = 1;
  for (size_t i = 0; i < text.find("coordination_gap = eight"); ++i) line += text[i] == '\n';
  std::string e = rules_error("rules/entities/settings.rules", text);
  CHECK(contains(e, "settings.rules:" + std::to_string(line) + ":1: setting 'coordination_gap' is not a whole number"));
  CHECK(contains(e, "coordination_gap = eight"));
  CHECK(contains(rules_error("rules/entities/settings.rules", settings_without("maker_gap", "  maker_gap = -1")),
                 "not a whole number"));
}

TEST_CASE("settings: the table itself and word tables are required") {
  CHECK(contains(rules_error("rules/entities/settings.rules", "# none\n"), "missing table 'settings'"));
  Resources res = Resources::embedded();
  std::string discover = *res.find("rules/entities/discover.rules");
  size_t at = discover.find("table possessive_marker");
  REQUIRE(at != std::string::npos);
  discover.replace(at, std::string("table possessive_marker").size(), "table possessive_marker_x");
  CHECK(contains(rules_error("rules/entities/discover.rules", discover), "missing table 'possessive_marker'"));
}
