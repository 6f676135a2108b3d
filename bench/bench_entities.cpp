// Entity matching speed: the trie matcher the recognizer uses, against one
// RE2 alternation of the same ~3,000 names (default and 256 MB memory
// budget), and the whole recognizer (dictionary + surnames + discovery).
//   build/bench/bench_entities --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>
#include <re2/re2.h>

#include <string>

#include "extractor/entities/dictionary.h"
#include "extractor/entities/name_matcher.h"
#include "extractor/entities/recognizer.h"
#include "core/utf8.h"

using namespace dealgraph;

namespace {

// About 4 MB of mixed Korean and English news prose, written for this benchmark.
const std::string& corpus() {
  static const std::string text = [] {
    const char* sentences[] = {
        "엔비디아가 코어위브에 20억 달러를 투자했다고 밝혔다. ",
        "Meta가 AMD와 1,000억 달러 이상 규모의 AI 칩 구매 계약을 체결함. ",
        "Microsoft signed a $9.7 billion cloud contract with IREN for Nvidia GB300 capacity. ",
        "삼성전자와 SK하이닉스는 HBM4 공급을 두고 경쟁하고 있으며, 마이크론도 증설을 추진 중이다. ",
        "The company said demand for accelerators would stay strong through the second half of next year. ",
        "업계에서는 데이터센터 투자가 올해 말까지 이어질 것으로 본다. ",
        "TSMC will manufacture the chips at its Arizona fab, according to people familiar with the matter. ",
        "퀄컴(Qualcomm)이 영국 반도체 설계기업 알파웨이브를 약 24억 달러에 인수하기로 합의함. ",
    };
    std::string t;
    size_t i = 0;
    while (t.size() < (4u << 20)) t += sentences[i++ % 8];
    return t;
  }();
  return text;
}

const Dictionary& dict() {
  static const Dictionary d = *Dictionary::load(Resources::embedded());
  return d;
}

std::string alternation() {
  std::vector<std::string> names;
  for (const auto& e : dict().entries()) {
    names.push_back(e.name);
    for (const auto& a : e.aliases) names.push_back(a);
  }
  std::sort(names.begin(), names.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  std::string re;
  for (const auto& n : names) re += (re.empty() ? "" : "|") + RE2::QuoteMeta(n);
  return re;
}

void BM_TrieMatcher(benchmark::State& state) {
  NameMatcher m;
  uint32_t id = 0;
  for (const auto& e : dict().entries()) {
    m.add(e.name, id);
    for (const auto& a : e.aliases) m.add(a, id);
    ++id;
  }
  const std::string& text = corpus();
  std::vector<NameMatcher::Hit> hits;
  size_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (size_t i = 0; i < text.size();) {
      size_t len;
      char32_t c = utf8::decode(text, i, &len);
      size_t before;
      char32_t p = utf8::decode_before(text, i, &before);
      if (utf8::is_word(c) && !(utf8::is_latin_alnum(c) && utf8::is_latin_alnum(p)) &&
          !(utf8::is_hangul(c) && utf8::is_hangul(p))) {
        hits.clear();
        m.match_at(text, i, &hits);
        found += hits.size();
      }
      i += len;
    }
    benchmark::DoNotOptimize(found);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["names"] = static_cast<double>(m.size());
}
BENCHMARK(BM_TrieMatcher)->Unit(benchmark::kMillisecond);

void BM_RE2Alternation(benchmark::State& state) {
  RE2::Options o;
  o.set_max_mem(state.range(0) << 20);
  o.set_never_capture(true);
  RE2 re(alternation(), o);
  const std::string& text = corpus();
  for (auto _ : state) {
    re2::StringPiece in(text);
    size_t found = 0;
    while (RE2::FindAndConsume(&in, re)) ++found;
    benchmark::DoNotOptimize(found);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
// RE2's default budget (8 MB) and 256 MB.
BENCHMARK(BM_RE2Alternation)->Arg(8)->Arg(256)->Unit(benchmark::kMillisecond);

void BM_Recognizer(benchmark::State& state) {
  Resources res = Resources::embedded();
  auto rec = EntityRecognizer::load(res, dict());
  const std::string& text = corpus();
  // one article per ~2 KB paragraph, as in real briefs
  Article a;
  for (size_t i = 0; i < text.size();) {
    size_t end = std::min(text.size(), i + 2048);
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    a.paragraphs.push_back({i, end});
    i = end;
  }
  std::vector<Article> articles;
  for (size_t i = 0; i < a.paragraphs.size(); i += 4) {
    Article x;
    for (size_t k = i; k < std::min(a.paragraphs.size(), i + 4); ++k) x.paragraphs.push_back(a.paragraphs[k]);
    articles.push_back(x);
  }
  for (auto _ : state) {
    size_t n = 0;
    for (const auto& art : articles) n += rec->find(text, art).mentions.size();
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Recognizer)->Unit(benchmark::kMillisecond);

}  // namespace
