// The worked examples of docs/architecture.md, applied as a user would apply
// them (a line added to a rule or table file) and checked end to end, so the
// page stays true: a new deal construction, a new currency word and a new
// role each take one line of data and no C++.
#include <catch2/catch.hpp>

#include <string>

#include "core/resources.h"
#include "core/schema.h"
#include "extractor/pipeline.h"
#include "extractor/values/dates.h"
#include "extractor/values/tagger.h"

using namespace dealgraph;

namespace {

// The embedded file `path` with `line` appended (or `from` replaced by `to`).
void append(Resources& res, const std::string& path, const std::string& line) {
  const std::string* text = res.find(path);
  REQUIRE(text);
  res.put(path, *text + "\n" + line + "\n");
}

void replace(Resources& res, const std::string& path, const std::string& from, const std::string& to) {
  std::string text = *res.find(path);
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  res.put(path, text.replace(at, from.size(), to));
}

// The deals of one short brief dated 2026-03-01.
Corpus extract(const Resources& res, const std::string& sentence) {
  auto p = Pipeline::load(res);
  if (!p) FAIL(p.error().to_string());
  Corpus c;
  Status st = p->add_file("example", "Example brief\n2026. 03. 01\n\nContent\n\n" + sentence + "\n", &c);
  REQUIRE(st);
  return c;
}

std::string role_of(const Deal& d, const Corpus& c, const std::string& role) {
  for (const auto& p : d.parties)
    if (p.role == role) return c.entities.at(p.entity).name;
  return "";
}

const char* kSentence = "Amazon underwrote Anthropic with $4 billion.";
// A new trigger is one frame of the lexicon (docs/deals.md, "Frame lexicon"):
// it is said in every clause shape whose slots it fills, active and passive.
const char* kFrame =
    "# \"Amazon underwrote Anthropic\": the investee is the verb's object\n"
    "frame en.frame.underwrite\n"
    "  clauses: en.subject_object en.passive_by\n"
    "  type: investment\n"
    "  verb: underwr(?:ite|ites|ote|iting)\n"
    "  participle: underwritten\n"
    "  subject: investor\n"
    "  object: investee\n";

}  // namespace

TEST_CASE("worked example: a deal trigger is one frame", "[examples]") {
  Resources res = Resources::embedded();
  CHECK(extract(res, kSentence).deals.empty());  // not known before
  append(res, "rules/deals/en-lexicon.rules", kFrame);
  Corpus c = extract(res, kSentence);
  REQUIRE(c.deals.size() == 1);
  CHECK(c.deals[0].type == DealType::Investment);
  CHECK(c.deals[0].rule == "en.frame.underwrite.subject_object");
  CHECK(role_of(c.deals[0], c, "investor") == "Amazon");
  CHECK(role_of(c.deals[0], c, "investee") == "Anthropic");
  CHECK(c.deals[0].amount->amount.value == 4e9);
  // the same frame in the passive
  Corpus passive = extract(res, "Anthropic was underwritten by Amazon.");
  REQUIRE(passive.deals.size() == 1);
  CHECK(passive.deals[0].rule == "en.frame.underwrite.passive_by");
  CHECK(role_of(passive.deals[0], passive, "investor") == "Amazon");
  // and it does not fire where nobody is funded
  CHECK(extract(res, "Amazon underwrote a new campus in Ohio.").deals.empty());
}

TEST_CASE("worked example: a currency word is one table line", "[examples]") {
  Resources res = Resources::embedded();
  auto ref = values::parse_iso_date("2026-03-01");
  {
    auto t = values::Tagger::load(res);
    REQUIRE(t);
    auto vals = t->tag("2억 란드", ref);
    CHECK((vals.empty() || kind_name(vals[0].data) != std::string("money")));
  }
  replace(res, "rules/values/money.ko.rules", "table currency_ko\n", "table currency_ko\n  란드 = ZAR\n");
  auto t = values::Tagger::load(res);
  REQUIRE(t);
  auto vals = t->tag("2억 란드", ref);
  REQUIRE(vals.size() == 1);
  const auto* m = std::get_if<Money>(&vals[0].data);
  REQUIRE(m);
  CHECK(m->currency == "ZAR");
  CHECK(m->amount.value == 2e8);
}

TEST_CASE("worked example: a role is one schema line and a group", "[examples]") {
  Resources res = Resources::embedded();
  replace(res, "rules/schema/schema.rules", "  acquisition = acquirer target\n", "  acquisition = acquirer target seller\n");
  append(res, "rules/deals/en.rules",
         "rule en.acquire.buy_from\n"
         "  pattern: (?P<acquirer>{PARTIES}){XGAP}\\b(?:buy|bought|buys|acquire[sd]?)\\s+{DESC}(?P<target>{ORG})\\s+"
         "from\\s+(?P<seller>{PARTIES})\n"
         "  type: acquisition\n");
  auto schema = Schema::load(res);
  REQUIRE(schema);
  CHECK(schema->allows(DealType::Acquisition, "seller"));
  Corpus c = extract(res, "SoftBank agreed to buy Ampere Computing from Oracle for $6.5 billion.");
  const Deal* acq = nullptr;
  for (const auto& d : c.deals)
    if (d.type == DealType::Acquisition) acq = &d;
  REQUIRE(acq);
  CHECK(role_of(*acq, c, "seller") == "Oracle");
  CHECK(role_of(*acq, c, "target") == "Ampere Computing");

  SECTION("without the schema line the same rule is a load error") {
    Resources bad = Resources::embedded();
    append(bad, "rules/deals/en.rules",
           "rule en.acquire.buy_from\n"
           "  pattern: (?P<acquirer>{PARTIES})\\s+bought\\s+(?P<target>{ORG})\\s+from\\s+(?P<seller>{PARTIES})\n"
           "  type: acquisition\n");
    auto p = Pipeline::load(bad);
    REQUIRE_FALSE(p);
    CHECK(p.error().to_string().find("rules/deals/en.rules:") == 0);
    CHECK(p.error().to_string().find("seller") != std::string::npos);
  }
}
