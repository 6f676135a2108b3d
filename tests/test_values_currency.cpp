// The currency table comes from ICU (extractor/values/currency_icu.h): every
// ISO 4217 code ICU lists is read by its code, its English and Korean names
// and its symbol, through the tagger and the rule files as shipped; a symbol
// several currencies share means what docs/values.md says ("Ambiguous
// symbols"), and a country word before it decides.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>

#include "core/resources.h"
#include "extractor/values/currency_icu.h"
#include "extractor/values/tagger.h"

using namespace dealgraph;
using values::detail::icu_currencies;

namespace {

const values::Tagger& tagger() {
  static const values::Tagger t = [] {
    Resources r = Resources::embedded();
    if (auto s = r.overlay_dir(std::string(DEALGRAPH_SOURCE_DIR) + "/rules", "rules/"); !s) FAIL(s.error().to_string());
    auto loaded = values::Tagger::load(r);
    if (!loaded) FAIL(loaded.error().to_string());
    return *loaded;
  }();
  return t;
}

// The currency of the one money value over the whole of `text`, or why not.
std::string currency_of(const std::string& text) {
  auto vals = tagger().tag(text, values::parse_iso_date("2026-02-24"));
  if (vals.size() != 1) return "(" + std::to_string(vals.size()) + " values)";
  const Value& v = vals[0];
  const auto* m = std::get_if<Money>(&v.data);
  if (!m) return "(not money)";
  if (v.span.start != 0 || v.span.end != text.size()) return "(partial: " + v.text + ")";
  return m->currency;
}

// What docs/values.md documents for the symbols several currencies share, and
// for the symbols news gives another meaning than ICU (C$ is Canada's in news,
// Nicaragua's in ICU).
const std::map<std::string, std::string> kDocumented = {
    {"$", "USD"}, {"¥", "JPY"}, {"£", "GBP"}, {"₩", "KRW"}, {"kr", "SEK"}, {"C$", "CAD"}};

// The codes that are also English words (table code_word, money.rules):
// before a figure in capitals they are headline words ("TOP 5").
const std::set<std::string> kWordCodes = {"ALL", "BAM", "CUP", "GEL", "MAD", "MOP", "PEN", "SOS", "TOP", "TRY", "WST"};

// Codes that are company names (table code_name): never read as a code.
const std::set<std::string> kNameCodes = {"AMD"};

}  // namespace

TEST_CASE("currency: ICU lists the current ISO 4217 currencies", "[values][currency]") {
  REQUIRE(icu_currencies().size() >= 150);
}

TEST_CASE("currency: every ICU code reads by code, English and Korean name", "[values][currency]") {
  for (const auto& c : icu_currencies()) {
    INFO(c.code);
    if (kNameCodes.count(c.code)) {
      CHECK(currency_of("20 " + c.code) == "(not money)");
      CHECK(currency_of(c.code + " 20") == "(not money)");
    } else {
      CHECK(currency_of("20 " + c.code) == c.code);
      if (kWordCodes.count(c.code))
        CHECK(currency_of(c.code + " 20") == "(not money)");
      else
        CHECK(currency_of(c.code + " 20") == c.code);
    }
    // ICU gives a few currencies no name of their own but the code
    // ("SLE" in Korean) or one that names an era ("... (1964—2022)"); and
    // a value never spans a sentence end, which "St. Helena" holds.
    for (const std::string& name : {c.name_en, c.plural_en}) {
      if (name == c.code || name.find('(') != std::string::npos || name.find(". ") != std::string::npos) continue;
      INFO(name);
      CHECK(currency_of("20 " + name) == c.code);
    }
    if (c.name_ko != c.code && c.name_ko.find('(') == std::string::npos) {
      INFO(c.name_ko);
      CHECK(currency_of("20" + c.name_ko) == c.code);
      CHECK(currency_of("20 " + c.name_ko) == c.code);
    }
  }
}

TEST_CASE("currency: every ICU symbol reads, shared ones as documented", "[values][currency]") {
  const auto shared = values::detail::icu_ambiguous_symbols();
  for (const auto& c : icu_currencies()) {
    for (const auto& s : c.symbols) {
      INFO(c.code << " " << s);
      auto doc = kDocumented.find(s);
      if (doc != kDocumented.end()) {
        CHECK(currency_of(s + "20") == doc->second);
        continue;
      }
      // A letters-only symbol ("K", "Ft", "Rs") is a word glued to a figure
      // ("10K", "Q3"): read only with a country word, below.
      if (values::detail::letter_symbol(s) || shared.count(s)) continue;
      CHECK(currency_of(s + "20") == c.code);
      CHECK(currency_of(s + " 20") == c.code);
      CHECK(currency_of("20" + s) == c.code);
    }
  }
}

TEST_CASE("currency: a country word decides a shared symbol", "[values][currency]") {
  CHECK(currency_of("Canadian $20 million") == "CAD");
  CHECK(currency_of("Australian $5") == "AUD");
  CHECK(currency_of("Norwegian kr 300") == "NOK");
  CHECK(currency_of("Chinese ¥100") == "CNY");
  CHECK(currency_of("캐나다 $20") == "CAD");
  CHECK(currency_of("C$ 20 million") == "CAD");
  CHECK(currency_of("$20 million") == "USD");
  CHECK(currency_of("¥300") == "JPY");
  CHECK(currency_of("£300") == "GBP");
  CHECK(currency_of("300 kr") == "SEK");
}

TEST_CASE("currency: letters-only symbols are not read glued to figures", "[values][currency]") {
  for (const char* text : {"Q3 results", "a 10K filing", "the R2 model", "P5 chips"}) {
    INFO(text);
    for (const auto& v : tagger().tag(text, values::parse_iso_date("2026-02-24"))) CHECK(!std::holds_alternative<Money>(v.data));
  }
}
