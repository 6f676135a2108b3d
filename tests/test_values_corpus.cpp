// Runs every example of rules/values/*.corpus (format: docs/values.md, "Corpora").
//
// One SECTION per example. An example passes only when exactly one value lies
// over the whole input (or over the expected "text") and every field the
// example gives is equal; failures say "no parse", "partial match",
// "N ambiguous parses" or "wrong value". A "!" example passes when no value
// of the corpus's kinds is found anywhere in it. A new rule file with a corpus
// beside it needs no new test code.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/resources.h"
#include "extractor/values/tagger.h"
#include "core/value_json.h"

namespace fs = std::filesystem;
using dealgraph::Resources;
using dealgraph::Value;
using dealgraph::values::Tagger;

namespace {

struct Example {
  std::string file;
  int line = 0;
  std::string input;
  std::optional<nlohmann::json> expected;  // nullopt: a must-not-match line
  std::string ref;
  std::vector<std::string> kinds;
  std::string lang;
};

const std::string kRulesDir = std::string(DEALGRAPH_SOURCE_DIR) + "/rules";

std::vector<Example> load_corpora() {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(kRulesDir + "/values"))
    if (e.path().extension() == ".corpus") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<Example> out;
  for (const auto& f : files) {
    std::ifstream in(f);
    std::string base = f.filename().string();
    std::string kind = base.substr(0, base.find('.'));
    if (kind == "numbers") kind = "number";
    std::string ref = "2026-02-24", lang;
    std::vector<std::string> kinds{kind};
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      size_t b = line.find_first_not_of(" \t");
      if (b == std::string::npos || line[b] == '#') continue;
      if (line.rfind("@ref ", 0) == 0) {
        ref = line.substr(5);
        continue;
      }
      if (line.rfind("@lang ", 0) == 0) {
        lang = line.substr(6);
        continue;
      }
      if (line.rfind("@kinds ", 0) == 0) {
        kinds.clear();
        std::istringstream ks(line.substr(7));
        for (std::string k; ks >> k;) kinds.push_back(k);
        continue;
      }
      Example ex;
      ex.file = base;
      ex.line = n;
      ex.ref = ref;
      ex.kinds = kinds;
      ex.lang = lang;
      if (line[0] == '!') {
        ex.input = line.substr(1);
      } else {
        size_t arrow = line.find(" => ");
        if (arrow == std::string::npos) {
          ex.input = line;  // reported as a malformed example
          ex.expected = nlohmann::json("malformed: no ' => '");
        } else {
          ex.input = line.substr(0, arrow);
          try {
            ex.expected = nlohmann::json::parse(line.substr(arrow + 4));
          } catch (const std::exception& e) {
            ex.expected = nlohmann::json(std::string("malformed JSON: ") + e.what());
          }
        }
      }
      out.push_back(std::move(ex));
    }
  }
  return out;
}

const Tagger& tagger() {
  static const Tagger t = [] {
    Resources res = Resources::embedded();
    auto s = res.overlay_dir(kRulesDir, "rules/");  // the rules as they are in the tree
    if (!s) FAIL(s.error().to_string());
    auto r = Tagger::load(res);
    if (!r) FAIL(r.error().to_string());
    return *r;
  }();
  return t;
}

bool same(const nlohmann::json& got, const nlohmann::json& want) {
  if (want.is_number() && got.is_number()) {
    double a = got.get<double>(), b = want.get<double>();
    return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b));
  }
  return got == want;
}

// "" when the example passes, else what went wrong.
std::string check(const Example& ex) {
  if (ex.expected && ex.expected->is_string()) return ex.expected->get<std::string>();
  auto ref = dealgraph::values::parse_iso_date(ex.ref);
  if (!ref) return "bad @ref " + ex.ref;
  dealgraph::values::TagOptions opt;
  opt.lang = ex.lang;
  std::vector<Value> vals = tagger().tag(ex.input, ref, opt);
  if (!ex.expected) {
    for (const auto& v : vals)
      if (std::find(ex.kinds.begin(), ex.kinds.end(), dealgraph::kind_name(v.data)) != ex.kinds.end())
        return "unexpected value: " + dealgraph::values::to_json(v).dump();
    return "";
  }
  const nlohmann::json& want = *ex.expected;
  std::string span_text = want.contains("text") ? want["text"].get<std::string>() : ex.input;
  size_t s = ex.input.find(span_text);
  if (s == std::string::npos) return "the expected text is not in the input";
  size_t e = s + span_text.size();
  std::vector<const Value*> over;
  for (const auto& v : vals)
    if (v.span.start < e && s < v.span.end) over.push_back(&v);
  if (over.empty()) return "no parse";
  if (over.size() > 1) {
    std::string m = std::to_string(over.size()) + " ambiguous parses:";
    for (const Value* v : over) m += " [" + v->text + "] " + dealgraph::kind_name(v->data);
    return m;
  }
  const Value& v = *over[0];
  if (v.span.start != s || v.span.end != e) return "partial match: [" + v.text + "] " + dealgraph::values::to_json(v).dump();
  nlohmann::json got = dealgraph::values::to_json(v);
  for (const auto& [k, w] : want.items()) {
    if (k == "text") continue;
    if (!got.contains(k) || !same(got[k], w))
      return "wrong value: " + k + " is " + (got.contains(k) ? got[k].dump() : "missing") + ", want " + w.dump() +
             " in " + got.dump();
  }
  return "";
}

}  // namespace

TEST_CASE("value corpora: every example of rules/values/*.corpus", "[values][corpus]") {
  static const std::vector<Example> examples = load_corpora();
  REQUIRE(examples.size() >= 450);
  for (const auto& ex : examples) {
    DYNAMIC_SECTION(ex.file << ":" << ex.line << ": " << (ex.expected ? "" : "!") << ex.input) {
      std::string msg = check(ex);
      INFO(ex.file << ":" << ex.line << ": " << ex.input << " -> " << msg);
      CHECK(msg.empty());
    }
  }
}

TEST_CASE("value corpora: counts", "[values][corpus]") {
  std::map<std::string, int> per_file;
  int korean = 0, total = 0;
  for (const auto& ex : load_corpora()) {
    ++per_file[ex.file];
    ++total;
    for (unsigned char c : ex.input)
      if (c >= 0xEA && c <= 0xED) {  // lead byte of a Hangul syllable
        ++korean;
        break;
      }
  }
  for (const auto& [f, n] : per_file) WARN(f << ": " << n << " examples");
  WARN("total " << total << " examples, " << korean << " with Korean");
  CHECK(total >= 450);
  CHECK(korean * 2 > total);
}
