// `extract --input jsonl` (a stream of documents → one partial graph a line)
// and `dealgraph merge`: partial graphs combine in any grouping and order to
// the same bytes, equal to one `extract` of the same documents.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <set>

#include "golden/golden_check.h"

using dealgraph::golden::dg;
using dealgraph::golden::dg_to;
using dealgraph::golden::read;
using dealgraph::golden::temp_dir;
using dealgraph::golden::write;

namespace {
const std::string kSamples = std::string(DEALGRAPH_SOURCE_DIR) + "/data/samples/";

// The sample briefs as documents, some with a date and URL of their own.
std::string corpus_jsonl() {
  std::string out;
  int n = 0;
  for (const char* f : {"brief-ko-sample.txt", "wire-en-1.txt", "news-ko-sample.txt", "plain-en-sample.txt",
                        "wire-en-2.txt", "brief-en-sample.txt"}) {
    nlohmann::json doc = {{"id", std::string("doc-") + f}, {"text", read(kSamples + f)}};
    if (n++ % 2) doc["date"] = "2026-03-0" + std::to_string(n);
    if (n == 4) doc["url"] = "https://example.com/plain";
    out += doc.dump() + "\n";
  }
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at < text.size()) {
    size_t nl = text.find('\n', at);
    out.push_back(text.substr(at, nl - at));
    at = nl + 1;
  }
  return out;
}
}  // namespace

TEST_CASE("extract --input jsonl: one partial graph per document", "[cli][merge]") {
  const std::string dir = temp_dir("merge-partials");
  write(dir + "/docs.jsonl", corpus_jsonl());
  std::string out;
  REQUIRE(dg("extract --input jsonl " + dir + "/docs.jsonl", &out) == 0);
  auto lines = lines_of(out);
  REQUIRE(lines.size() == 6);
  for (const auto& l : lines) {
    auto j = nlohmann::json::parse(l);
    CHECK(j["format"] == "dealgraph/1");
    REQUIRE(!j["articles"].empty());
    CHECK(j["articles"][0]["source"].get<std::string>().rfind("doc-", 0) == 0);
  }
  // The document's date and URL go to articles that state none.
  auto plain = nlohmann::json::parse(lines[3]);
  CHECK(plain["articles"][0]["url"] == "https://example.com/plain");
  CHECK(plain["articles"][0]["date"] == "2026-03-04");
  // Standard input works the same.
  std::string from_stdin;
  REQUIRE(dg("extract --input jsonl - < " + dir + "/docs.jsonl", &from_stdin) == 0);
  CHECK(from_stdin == out);
}

TEST_CASE("extract --input jsonl: a bad line names file and line, writes nothing", "[cli][merge]") {
  const std::string dir = temp_dir("merge-bad");
  const std::string good = nlohmann::json({{"id", "a"}, {"text", "Nvidia invested $2 billion in CoreWeave."}}).dump();
  const std::pair<std::string, std::string> cases[] = {
      {good + "\n{\"id\":\"b\"}\n", "docs.jsonl:2: 'text' must be a string"},
      {good + "\n\nnot json\n", "docs.jsonl:3: not valid JSON"},
      {"[1,2]\n", "docs.jsonl:1: expected a JSON object"},
      {"{\"id\":\"x\",\"text\":\"t\",\"date\":\"2026-02-30\"}\n", "docs.jsonl:1: 'date' must be a date YYYY-MM-DD"},
      {"{\"id\":\"\",\"text\":\"t\"}\n", "docs.jsonl:1: 'id' must be a non-empty string"},
      {good + "\n{\"id\":\"e\",\"text\":\"\"}\n", "docs.jsonl:2: document 'e': "},
  };
  for (const auto& [text, message] : cases) {
    write(dir + "/docs.jsonl", text);
    std::string out, err;
    CHECK(dg("extract --input jsonl " + dir + "/docs.jsonl", &out, &err) == 1);
    CHECK(out.empty());
    CHECK(err.find(message) != std::string::npos);
  }
  std::string err;
  CHECK(dg("extract --input xml " + dir + "/docs.jsonl", nullptr, &err) == 2);
}

TEST_CASE("merge: associative, commutative, and equal to one extract", "[cli][merge]") {
  const std::string dir = temp_dir("merge-laws");
  write(dir + "/docs.jsonl", corpus_jsonl());
  std::string partials, single;
  REQUIRE(dg("extract --input jsonl " + dir + "/docs.jsonl", &partials) == 0);
  REQUIRE(dg("extract --input jsonl --format json " + dir + "/docs.jsonl", &single) == 0);
  auto lines = lines_of(partials);
  REQUIRE(lines.size() == 6);
  write(dir + "/a", lines[0] + "\n" + lines[1] + "\n");
  write(dir + "/b", lines[2] + "\n" + lines[3] + "\n");
  write(dir + "/c", lines[4] + "\n" + lines[5] + "\n");
  const std::string a = dir + "/a", b = dir + "/b", c = dir + "/c";

  std::string abc, bc, ab, a_bc, ab_c, cab, bca;
  REQUIRE(dg("merge " + a + " " + b + " " + c, &abc) == 0);
  CHECK(abc == single);  // the partials of N documents merge to one extract of them
  REQUIRE(dg_to("merge --compact " + b + " " + c, dir + "/bc") == 0);
  REQUIRE(dg_to("merge --compact " + a + " " + b, dir + "/ab") == 0);
  REQUIRE(dg("merge " + a + " " + dir + "/bc", &a_bc) == 0);
  REQUIRE(dg("merge " + dir + "/ab " + c, &ab_c) == 0);
  CHECK(a_bc == ab_c);
  CHECK(a_bc == abc);
  REQUIRE(dg("merge " + c + " " + a + " " + b, &cab) == 0);
  REQUIRE(dg("merge - " + c + " " + a + " < " + b, &bca) == 0);
  CHECK(cab == abc);
  CHECK(bca == abc);
  // A whole pretty graph merges like its partials.
  write(dir + "/single.json", single);
  std::string again;
  REQUIRE(dg("merge " + dir + "/single.json", &again) == 0);
  CHECK(again == single);
}

TEST_CASE("merge: the record stream of extract --format jsonl reads back", "[cli][merge]") {
  const std::string dir = temp_dir("merge-records");
  std::string json, records, merged;
  REQUIRE(dg("extract " + kSamples + "wire-en-1.txt " + kSamples + "news-ko-2.txt", &json) == 0);
  REQUIRE(dg_to("extract --format jsonl " + kSamples + "wire-en-1.txt " + kSamples + "news-ko-2.txt", dir + "/r.jsonl") == 0);
  REQUIRE(dg("merge " + dir + "/r.jsonl", &merged) == 0);
  CHECK(merged == json);
  // Text files as documents: one partial graph per file, merging to the same graph.
  REQUIRE(dg_to("extract --format partial " + kSamples + "news-ko-2.txt " + kSamples + "wire-en-1.txt",
                dir + "/p.jsonl") == 0);
  CHECK(lines_of(read(dir + "/p.jsonl")).size() == 2);
  REQUIRE(dg("merge " + dir + "/p.jsonl", &merged) == 0);
  CHECK(merged == json);
}

TEST_CASE("merge: bad input names file and line", "[cli][merge]") {
  const std::string dir = temp_dir("merge-badin");
  std::string out, err;
  write(dir + "/x.jsonl", "{\"format\":\"dealgraph/1\",\"articles\":[],\"entities\":[],\"deals\":[],\"values\":[]}\n"
                          "{\"format\":\"dealgraph/1\",\"articles\":[],\"entities\":[],\"deals\":[{\"id\":1}],\"values\":[]}\n");
  CHECK(dg("merge " + dir + "/x.jsonl", &out, &err) == 1);
  CHECK(out.empty());
  CHECK(err.find("x.jsonl:2: deals[0].id: expected a string") != std::string::npos);
  write(dir + "/y.json", "{\"format\":\"other\"}\n");
  CHECK(dg("merge " + dir + "/y.json", &out, &err) == 1);
  CHECK(err.find("y.json:1: format: not a dealgraph/1 graph") != std::string::npos);
  CHECK(dg("merge", &out, &err) == 2);
}

TEST_CASE("extract: the same deal has the same id alone and with other briefs, in any order", "[cli][ids]") {
  std::string alone, both, reversed;
  REQUIRE(dg("extract " + kSamples + "brief-ko-2.txt", &alone) == 0);
  REQUIRE(dg("extract " + kSamples + "brief-ko-sample.txt " + kSamples + "brief-ko-2.txt", &both) == 0);
  REQUIRE(dg("extract " + kSamples + "brief-ko-2.txt " + kSamples + "brief-ko-sample.txt", &reversed) == 0);
  CHECK(both == reversed);
  auto a = nlohmann::json::parse(alone), b = nlohmann::json::parse(both);
  std::set<std::string> ids_both;
  for (const auto& d : b["deals"]) ids_both.insert(d["id"].get<std::string>());
  for (const auto& d : a["deals"]) CHECK(ids_both.count(d["id"].get<std::string>()) == 1);
  std::set<std::string> articles_both;
  for (const auto& x : b["articles"]) articles_both.insert(x["id"].get<std::string>());
  for (const auto& x : a["articles"]) CHECK(articles_both.count(x["id"].get<std::string>()) == 1);
}
