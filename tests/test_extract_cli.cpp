// `dealgraph extract` and `entities` as programs: the JSON contract on the
// bundled samples, merging across files, determinism, and every bad-input
// path with its exit code and message.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "golden/golden_check.h"

namespace fs = std::filesystem;
using dealgraph::golden::dg;
using dealgraph::golden::temp_dir;
using dealgraph::golden::write;

namespace {
const std::string kSamples = std::string(DEALGRAPH_SOURCE_DIR) + "/data/samples/";

}  // namespace

TEST_CASE("extract writes the dealgraph/1 contract", "[cli][extract]") {
  std::string out;
  REQUIRE(dg("extract " + kSamples + "brief-ko-sample.txt --format json", &out) == 0);
  auto j = nlohmann::json::parse(out);
  CHECK(j["format"] == "dealgraph/1");
  REQUIRE(j["articles"].size() == 7);
  for (const auto& a : j["articles"]) {
    for (const char* k : {"id", "source", "headline", "date", "url", "span"}) CHECK(a.contains(k));
    CHECK(a["date"].is_string());
    CHECK(a["url"].get<std::string>().rfind("http", 0) == 0);
  }
  std::set<std::string> ids;
  for (const auto& e : j["entities"]) {
    for (const char* k : {"id", "type", "name", "aliases", "mentions"}) CHECK(e.contains(k));
    ids.insert(e["id"].get<std::string>());
    for (const auto& m : e["mentions"])
      for (const char* k : {"article", "start", "end", "text"}) CHECK(m.contains(k));
  }
  REQUIRE(j["deals"].size() > 5);
  for (const auto& d : j["deals"]) {
    for (const char* k : {"id", "type", "article", "parties", "amount", "capacity", "products", "date",
                          "evidence", "rule"})
      CHECK(d.contains(k));
    for (const auto& p : d["parties"]) CHECK(ids.count(p["entity"].get<std::string>()) == 1);
    for (const auto& p : d["products"]) CHECK(ids.count(p.get<std::string>()) == 1);
  }
  for (const auto& v : j["values"]) {
    for (const char* k : {"kind", "article", "start", "end", "text"}) CHECK(v.contains(k));
  }
}

TEST_CASE("spans index the decoded text: every mention's text is at its offsets", "[cli][extract]") {
  const std::string dir = temp_dir("cli-extract-spans");
  const std::string file = dir + "/md.txt";
  // a Markdown escape before the mention shifts raw and decoded offsets apart
  write(file, "\\$1 charge\n2025. 01. 02\n\nContent\n\n\\$5억 규모로 엔비디아가 코어위브에 투자함.\n\nURL\n\nhttps://x.example/1\n");
  std::string out;
  REQUIRE(dg("extract " + file, &out) == 0);
  auto j = nlohmann::json::parse(out);
  const std::string decoded = "$1 charge\n2025. 01. 02\n\nContent\n\n$5억 규모로 엔비디아가 코어위브에 투자함.\n\nURL\n\nhttps://x.example/1\n";
  int checked = 0;
  for (const auto& e : j["entities"])
    for (const auto& m : e["mentions"]) {
      size_t s = m["start"], en = m["end"];
      CHECK(decoded.substr(s, en - s) == m["text"].get<std::string>());
      ++checked;
    }
  CHECK(checked >= 2);
}

TEST_CASE("several files make one graph: entities merge across them", "[cli][extract]") {
  std::string out;
  REQUIRE(dg("extract " + kSamples + "brief-ko-sample.txt " + kSamples + "news-ko-sample.txt", &out) == 0);
  auto j = nlohmann::json::parse(out);
  CHECK(j["articles"].size() == 11);
  std::set<std::string> sources, articles;
  for (const auto& a : j["articles"]) {
    sources.insert(a["source"].get<std::string>());
    CHECK(articles.insert(a["id"].get<std::string>()).second);  // ids stay unique
  }
  CHECK(sources.size() == 2);
  bool merged = false;
  for (const auto& e : j["entities"]) {
    if (e["id"] != "org:nvidia") continue;
    std::set<std::string> in;  // the sources of the articles that mention it
    for (const auto& m : e["mentions"])
      for (const auto& a : j["articles"])
        if (a["id"] == m["article"]) in.insert(a["source"].get<std::string>());
    merged = in.size() == 2;  // one entity, mentioned in the brief and in the newspaper
  }
  CHECK(merged);
}

TEST_CASE("extract is deterministic and reads standard input", "[cli][extract]") {
  const std::string f = kSamples + "news-ko-sample.txt";
  std::string a, b, c;
  REQUIRE(dg("extract " + f, &a) == 0);
  REQUIRE(dg("extract " + f, &b) == 0);
  CHECK(a == b);
  REQUIRE(dg("extract - < " + f, &c) == 0);
  auto jc = nlohmann::json::parse(c);
  CHECK(jc["articles"][0]["source"] == "<stdin>");
  CHECK(jc["deals"].size() == nlohmann::json::parse(a)["deals"].size());
}

TEST_CASE("bad input exits 1 with the file and position", "[cli][extract]") {
  const std::string dir = temp_dir("cli-extract-bad");
  std::string err;
  write(dir + "/empty.txt", "");
  CHECK(dg("extract " + dir + "/empty.txt", nullptr, &err) == 1);
  CHECK(err.find("empty.txt: empty input") != std::string::npos);

  write(dir + "/bin.dat", std::string("\x7f" "ELF\0\0\x01", 7));
  CHECK(dg("extract " + dir + "/bin.dat", nullptr, &err) == 1);
  CHECK(err.find("bin.dat:byte 4: binary data") != std::string::npos);

  write(dir + "/bad.txt", "헤드라인\n\xff\xfe 깨진 바이트\n");
  std::string out;
  CHECK(dg("extract " + dir + "/bad.txt", &out, &err) == 1);
  CHECK(err.find("bad.txt:2:1: invalid UTF-8 at byte 13 (0xFF)") != std::string::npos);
  CHECK(out.empty());  // nothing half-written on stdout

  CHECK(dg("extract " + dir + "/missing.txt", nullptr, &err) == 1);
  CHECK(err.find("missing.txt: no such file") != std::string::npos);
  CHECK(dg("extract " + dir, nullptr, &err) == 1);
  CHECK(err.find("is a directory") != std::string::npos);

  // a broken rule file: file:line:col and RE2's message
  fs::create_directories(dir + "/rules/deals");
  write(dir + "/rules/deals/zz.rules", "rule broken\n  pattern: (?P<investor>{ORG}(\n  type: investment\n");
  CHECK(dg("extract --rules " + dir + "/rules " + kSamples + "plain-en-sample.txt", nullptr, &err) == 1);
  CHECK(err.find("rules/deals/zz.rules:2:") != std::string::npos);
  CHECK(err.find("rule broken: missing )") != std::string::npos);

  // a status priority that is not a whole number: caught at load, never at match time
  {
    std::ifstream in(std::string(DEALGRAPH_SOURCE_DIR) + "/rules/deals/00-common.rules");
    std::string common((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string from = "  done = 4\n";
    REQUIRE(common.find(from) != std::string::npos);
    common.replace(common.find(from), from.size(), "  done = four\n");
    const std::string odir = dir + "/overlay/rules/deals";
    fs::create_directories(odir);
    write(odir + "/00-common.rules", common);
    CHECK(dg("extract --rules " + dir + "/overlay/rules " + kSamples + "plain-en-sample.txt", nullptr, &err) == 1);
    CHECK(err.find("rules/deals/00-common.rules:") != std::string::npos);
    CHECK(err.find("table status_priority: 'done' needs a whole number: four") != std::string::npos);
  }

  // a dictionary line with the wrong number of columns
  write(dir + "/extra.tsv", "type\tname\taliases\tticker\tcountry\twikidata\tmaker\tflags\nOrganization\tAcme\n");
  CHECK(dg("extract --dict " + dir + "/extra.tsv " + kSamples + "plain-en-sample.txt", nullptr, &err) == 1);
  CHECK(err.find(":2:1: expected 8 tab-separated columns") != std::string::npos);
}

TEST_CASE("usage errors exit 2", "[cli][extract]") {
  const std::string f = kSamples + "plain-en-sample.txt";
  CHECK(dg("extract") == 2);
  CHECK(dg("extract --format xml " + f) == 2);
  CHECK(dg("extract --frobnicate " + f) == 2);
  CHECK(dg("frobnicate " + f) == 2);
  CHECK(dg("") == 2);
  CHECK(dg("entities --format yaml " + f) == 2);
  std::string help;
  CHECK(dg("extract --help", &help) == 0);
  CHECK(help.find("exit codes") != std::string::npos);
  CHECK(dg("--help", &help) == 0);
  for (const char* cmd : {"extract", "tag", "entities", "query", "export"}) CHECK(help.find(cmd) != std::string::npos);
}

TEST_CASE("--explain shows typed sentences and the rule of each deal", "[cli][extract]") {
  std::string out, err;
  REQUIRE(dg("extract --explain " + kSamples + "plain-en-sample.txt", &out, &err) == 0);
  CHECK(err.find("typed sentences") != std::string::npos);
  CHECK(err.find("⟦E0:ORG⟧") != std::string::npos);
  CHECK(err.find("[en.frame.acquire.possessor_noun_of]") != std::string::npos);  // a frame's rule
  CHECK(nlohmann::json::parse(out)["format"] == "dealgraph/1");  // stdout stays JSON
}

TEST_CASE("entities lists what was found and where it came from", "[cli][entities]") {
  std::string out;
  REQUIRE(dg("entities --format json " + kSamples + "brief-ko-sample.txt", &out) == 0);
  auto j = nlohmann::json::parse(out);
  bool nvidia = false;
  for (const auto& e : j) {
    if (e["name"] == "NVIDIA") {
      nvidia = true;
      CHECK(e["source"] == "dictionary");
      CHECK(e["mentions"].get<int>() >= 3);
    }
  }
  CHECK(nvidia);
  std::string tsv;
  REQUIRE(dg("entities --format tsv --source rule " + kSamples + "brief-ko-sample.txt", &tsv) == 0);
  CHECK(tsv.rfind("type\tname\taliases\tticker\tcountry\twikidata\tmaker\tflags\n", 0) == 0);
  std::string table;
  REQUIRE(dg("entities " + kSamples + "plain-en-sample.txt", &table) == 0);
  CHECK(table.find("mentions") != std::string::npos);
}

TEST_CASE("a facility's site is the narrowest place named, one deal from headline and body", "[cli][extract]") {
  const std::string dir = temp_dir("cli-extract-site");
  write(dir + "/site.txt",
        "SK하이닉스, 인디애나에 38억7천만 달러 규모 HBM 패키징 공장 짓는다\n2024. 04. 04\n\nContent\n\n"
        "SK하이닉스는 인디애나주 웨스트라피엣에 AI 메모리용 첨단 패키징 생산 기지를 짓는다.\n"
        "공장은 2028년 하반기 가동을 목표로 한다.\n");
  std::string out;
  REQUIRE(dg("extract " + dir + "/site.txt", &out) == 0);
  auto j = nlohmann::json::parse(out);
  std::map<std::string, std::string> name;
  for (const auto& e : j["entities"]) name[e["id"]] = e["name"];
  int facilities = 0;
  for (const auto& d : j["deals"]) {
    if (d["type"] != "facility") continue;
    ++facilities;
    std::map<std::string, std::string> role;
    for (const auto& p : d["parties"]) role[p["role"]] = name[p["entity"]];
    CHECK(role["owner"] == "SK hynix");
    CHECK(role["facility"] == "West Lafayette");  // not the state the headline names
    REQUIRE(d["amount"].is_object());
    CHECK(d["amount"]["value"] == 3.87e9);  // the headline's figure joins the body's deal
  }
  CHECK(facilities == 1);
}
