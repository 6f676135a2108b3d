// JSON-LD read back by the npm `jsonld` package (tests/jsonld/to_nquads.js):
// its N-Quads carry every deal, party, amount and datatype. Skipped (exit 77,
// tests/skip.h) without node/npm, or when `npm ci` in tests/jsonld fails (no
// registry); the golden document is checked in test_export_jsonld.cpp.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "golden/fixture_corpus.h"
#include "golden/fixture_exports.h"
#include "golden/golden_check.h"
#include "skip.h"
#include "export/export_jsonld.h"
#include "graph/filter.h"
#include "export/json_output.h"

using namespace dealgraph;
namespace fs = std::filesystem;

namespace {

const std::string kDg = "https://dealgraph.dev/ns#";
const std::string kSchema = "http://schema.org/";  // schema.org's own context
const std::string kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";

struct Term {
  char kind = 0;       // '<' IRI, '_' blank node, '"' literal
  std::string value;   // IRI, blank node label or the literal's text (unescaped)
  std::string datatype;
};
struct Quad {
  Term s, p, o;
};

// Enough of N-Quads for jsonld.js output: IRIs, blank nodes, literals with
// \-escapes and a datatype or language tag.
Term term(const std::string& line, size_t* i) {
  while (line[*i] == ' ') ++*i;
  Term t;
  t.kind = line[*i];
  if (t.kind == '<') {
    size_t end = line.find('>', *i);
    t.value = line.substr(*i + 1, end - *i - 1);
    *i = end + 1;
  } else if (t.kind == '_') {
    size_t end = line.find(' ', *i);
    t.value = line.substr(*i, end - *i);
    *i = end;
  } else {
    size_t j = *i + 1;
    for (; line[j] != '"'; ++j) {
      if (line[j] != '\\') {
        t.value += line[j];
        continue;
      }
      char e = line[++j];
      if (e == 'n') t.value += '\n';
      else if (e == 'r') t.value += '\r';
      else if (e == 't') t.value += '\t';
      else t.value += e;  // \" and \\ (jsonld.js writes other characters raw)
    }
    *i = j + 1;
    if (line.compare(*i, 3, "^^<") == 0) {
      size_t end = line.find('>', *i);
      t.datatype = line.substr(*i + 3, end - *i - 3);
      *i = end + 1;
    } else if (line[*i] == '@') {
      while (line[*i] != ' ') ++*i;
    }
  }
  return t;
}

std::vector<Quad> parse_nquads(const std::string& text) {
  std::vector<Quad> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    size_t i = 0;
    Quad q;
    q.s = term(line, &i);
    q.p = term(line, &i);
    q.o = term(line, &i);
    out.push_back(q);
  }
  return out;
}

std::string jsonld_text() { return fixture::jsonld_text(); }

// node_modules/jsonld ready, or the test is skipped (exit 77) when it cannot be.
void need_jsonld_package() {
  const std::string dir = std::string(DEALGRAPH_SOURCE_DIR) + "/tests/jsonld";
  testing::skip_test_unless(golden::have("node") && golden::have("npm"),
                            "node or npm not installed: JSON-LD not converted to N-Quads");
  if (fs::exists(dir + "/node_modules/jsonld/package.json")) return;
  const std::string install = fs::exists(dir + "/package-lock.json") ? "npm ci" : "npm install";
  const int rc = golden::run("cd " + dir + " && " + install +
                             " --no-audit --no-fund --fetch-retries=1 --fetch-timeout=60000 >/dev/null 2>&1");
  testing::skip_test_unless(rc == 0, install + " failed in tests/jsonld (registry unreachable?): JSON-LD not "
                                     "converted to N-Quads");
}

}  // namespace

TEST_CASE("export jsonld: N-Quads through the jsonld package", "[export][jsonld][node]") {
  need_jsonld_package();
  const std::string dir = golden::temp_dir("jsonld");
  golden::write(dir + "/g.jsonld", jsonld_text());
  std::string nq;
  REQUIRE(golden::run("node " + std::string(DEALGRAPH_SOURCE_DIR) + "/tests/jsonld/to_nquads.js " + dir +
                          "/g.jsonld 2>" + dir + "/err",
                      &nq) == 0);
  INFO(golden::read(dir + "/err"));
  // The SPARQL-style checks of tests/jsonld/check_nquads.py: http://schema.org/,
  // Corporation, one schema.org Action per deal, bounds, no term dropped.
  if (golden::have("python3")) {
    golden::write(dir + "/g.nq", nq);
    std::string report;
    const int rc = golden::run("python3 " + std::string(DEALGRAPH_SOURCE_DIR) + "/tests/jsonld/check_nquads.py " +
                                   dir + "/g.jsonld " + dir + "/g.nq 2>&1",
                               &report);
    INFO(report);
    CHECK(rc == 0);
  }
  fs::remove_all(dir);
  auto quads = parse_nquads(nq);
  REQUIRE(quads.size() > 50);

  std::map<std::string, std::multimap<std::string, Term>> subj;  // subject → predicate → object
  for (const auto& q : quads) subj[q.s.value].emplace(q.p.value, q.o);
  auto objects = [&](const std::string& s, const std::string& p) {
    std::vector<Term> out;
    auto r = subj[s].equal_range(p);
    for (auto it = r.first; it != r.second; ++it) out.push_back(it->second);
    return out;
  };
  auto has_type = [&](const std::string& s, const std::string& type) {
    for (const auto& t : objects(s, kRdfType))
      if (t.value == type) return true;
    return false;
  };

  const std::set<std::string> roles = {"investor", "investee", "acquirer", "target", "lessee", "lessor",
                                       "partner", "regulator", "subject"};
  const Corpus c = fixture::corpus();
  size_t deals = 0;
  for (const auto& [s, preds] : subj) {
    if (!has_type(s, kDg + "Deal")) continue;
    ++deals;
    INFO("deal " << s);
    CHECK(objects(s, kRdfType).size() == 3);  // dg:Deal, dg:Investment (...) and schema:InvestAction (...)
    size_t parties = 0;
    for (const auto& r : roles)
      for (const auto& o : objects(s, kDg + r)) {
        CHECK(o.kind == '<');
        CHECK(!objects(o.value, kSchema + "name").empty());  // the party is a described node
        ++parties;
      }
    CHECK(parties >= 2);
    CHECK(objects(s, kDg + "rule").size() == 1);
    CHECK(objects(s, kDg + "evidence").size() == 1);
    CHECK(objects(s, kDg + "articleUrl").size() == 1);
    const std::string id = s.substr(s.rfind('/') + 1);
    const Deal* d = nullptr;
    for (const auto& x : c.deals)
      if (x.id == id) d = &x;
    REQUIRE(d);
    auto amounts = objects(s, kDg + "amount");
    CHECK(amounts.size() == (d->amount ? 1u : 0u));
    for (const auto& a : amounts) {
      CHECK(has_type(a.value, kSchema + "MonetaryAmount"));
      CHECK(objects(a.value, kSchema + "currency").at(0).value == d->amount->currency);
      CHECK(objects(a.value, kSchema + "value").size() + objects(a.value, kSchema + "minValue").size() >= 1);
    }
  }
  CHECK(deals == c.deals.size());

  const std::string base = "https://dealgraph.dev/id/";
  CHECK(objects(base + "entity/org:samsung-electronics", kSchema + "name").at(0).value == "삼성전자");
  CHECK(objects(base + "entity/org:q-labs", kSchema + "name").at(0).value == "\"Q\" Labs \\ R&D <AI>\n큐랩스");
  CHECK(objects(base + "entity/chip:h200", kSchema + "manufacturer").at(0).value == base + "entity/org:nvidia");
  auto value = objects(base + "deal/D1", kDg + "amount").at(0).value;
  // JSON-LD types a whole number as xsd:integer, others as xsd:double.
  CHECK(objects(value, kSchema + "value").at(0).datatype == kXsd + "integer");
  CHECK(objects(value, kSchema + "value").at(0).value == "2000000000");
  auto cap = objects(base + "deal/D3", kDg + "capacity").at(0).value;
  CHECK(objects(cap, kSchema + "unitCode").at(0).value == "WTT");
  CHECK(objects(base + "deal/D2", kDg + "date").at(0).datatype == kXsd + "gYearMonth");
  CHECK(objects(base + "deal/D1", kDg + "date").at(0).datatype == kXsd + "date");
  CHECK(objects(base + "article/f2:A1", kSchema + "datePublished").at(0).datatype == kXsd + "date");
}

TEST_CASE("export jsonld: schema.org actions, Corporation and bounds in N-Quads", "[export][jsonld][node]") {
  need_jsonld_package();
  const std::string dir = golden::temp_dir("jsonld-actions");
  golden::write(dir + "/g.jsonld", jsonld_text());
  std::string nq;
  REQUIRE(golden::run("node " + std::string(DEALGRAPH_SOURCE_DIR) + "/tests/jsonld/to_nquads.js " + dir +
                          "/g.jsonld 2>/dev/null",
                      &nq) == 0);
  fs::remove_all(dir);
  std::map<std::string, std::multimap<std::string, Term>> subj;
  for (const auto& q : parse_nquads(nq)) subj[q.s.value].emplace(q.p.value, q.o);
  auto first = [&](const std::string& s, const std::string& p) {
    auto it = subj[s].find(p);
    return it == subj[s].end() ? std::string() : it->second.value;
  };
  auto types = [&](const std::string& s) {
    std::set<std::string> out;
    auto r = subj[s].equal_range(kRdfType);
    for (auto it = r.first; it != r.second; ++it) out.insert(it->second.value);
    return out;
  };
  const std::string base = "https://dealgraph.dev/id/";
  // NVIDIA has a ticker: a Corporation, still an Organization; Coherent has none
  CHECK(types(base + "entity/org:nvidia").count(kSchema + "Corporation"));
  CHECK(types(base + "entity/org:nvidia").count(kSchema + "Organization"));
  CHECK(first(base + "entity/org:nvidia", kSchema + "tickerSymbol") == "NVDA");
  CHECK_FALSE(types(base + "entity/org:coherent").count(kSchema + "Corporation"));
  // D1: NVIDIA invests in Coherent
  CHECK(types(base + "deal/D1").count(kSchema + "InvestAction"));
  CHECK(first(base + "deal/D1", kSchema + "agent") == base + "entity/org:nvidia");
  CHECK(first(base + "deal/D1", kSchema + "object") == base + "entity/org:coherent");
  // D3: Meta rents from Google; D5: the regulator authorizes, the chip is the object
  CHECK(types(base + "deal/D3").count(kSchema + "RentAction"));
  CHECK(first(base + "deal/D3", kSchema + "agent") == base + "entity/org:meta");
  CHECK(first(base + "deal/D3", kSchema + "participant") == base + "entity/org:google");
  CHECK(types(base + "deal/D5").count(kSchema + "AuthorizeAction"));
  CHECK(first(base + "deal/D5", kSchema + "object") == base + "entity/chip:h200");
  // D2: a partnership, every partner a participant
  CHECK(types(base + "deal/D2").count(kSchema + "Action"));
  CHECK(subj[base + "deal/D2"].count(kSchema + "participant") == 3);
  // D6: "at least ₩7T" is a lower bound
  const std::string amount = first(base + "deal/D6", kDg + "amount");
  CHECK(first(amount, kSchema + "minValue") == "7000000000000");
  CHECK(first(amount, kSchema + "value").empty());
  CHECK(!first(base + "deal/D6", kDg + "amountUsd").empty());
}
