// Throughput of the value tagger over a large mixed Korean/English text.
//
// The text (about 4 MB) is built here from sentences written for this
// benchmark: news-like sentences with money, power, dates and counts, mixed
// with sentences without any figure, in the proportion of a typical brief
// (BM_TagMixed: one value per ~180 bytes); BM_TagDense has figures in every
// sentence, BM_TagNoValues none.
// Reports bytes/s; the target for the whole extract is >= 100 MB/s per core.
#include <benchmark/benchmark.h>

#include <string>
#include <thread>
#include <vector>

#include "core/resources.h"
#include "extractor/values/tagger.h"

namespace {

const char* const kWithValues[] = {
    "한빛반도체는 {n}일(현지시간) 북미 데이터센터 업체에 {m}억 달러를 투자한다고 발표했다.",
    "회사는 {y}년까지 최대 {p}GW 규모의 전력을 확보할 계획이며, 첫 {q}00MW는 올해 말부터 가동된다.",
    "계약 규모는 약 {m},{n}00억 원으로, 지난해 같은 기간보다 {q}% 늘었다.",
    "양사는 향후 {q}년간 차세대 가속기 {n}만 개를 공급하는 장기 계약을 맺었다.",
    "주당 {m}.{n}달러에 신주 {q}억 {n},000만 주를 발행하며, 거래는 내년 하반기 마무리될 예정이다.",
    "The company said on March {n}, {y} that it would spend more than ${m} billion on new fabs by {y}.",
    "Analysts expect revenue of roughly ${m}.{q}bn in the second half of next year, up {n}% from last year.",
    "업계에서는 전체 구축 비용을 수십억 달러로 추산하며, {y}년 {q}분기부터 단계적으로 투입된다.",
    "정부는 {q}천억원 규모의 펀드를 조성해 {y}년 상반기까지 {n}개 기업을 지원한다.",
    "The deal values the chip designer at {m} billion euros, or about {n} pence a share.",
};

const char* const kWithoutValues[] = {
    "이번 협력은 인공지능 인프라 경쟁이 반도체를 넘어 광학 부품과 전력 설비로 확장되고 있음을 보여주는 사례로 평가된다.",
    "전문가들은 공급망 재편과 규제 환경 변화가 장기적으로 업계 구도에 큰 영향을 미칠 것이라고 내다봤다.",
    "The partnership gives the cloud provider early access to custom accelerators and networking gear.",
    "회사 측은 구체적인 일정과 조건에 대해서는 공식적인 논평을 내놓지 않았다.",
    "Executives described the agreement as a strategic bet on inference workloads rather than training.",
    "고객 다변화와 수직 계열화 전략이 맞물리면서 설계 기업과 파운드리 사이의 협상력도 달라지고 있다.",
};

std::string fill(const char* tmpl, unsigned seed) {
  std::string out;
  for (const char* p = tmpl; *p; ++p) {
    if (*p == '{' && p[1] && p[2] == '}') {
      switch (p[1]) {
        case 'n': out += std::to_string(1 + seed % 28); break;
        case 'm': out += std::to_string(10 + seed % 90); break;
        case 'y': out += std::to_string(2024 + seed % 6); break;
        case 'p': out += std::to_string(1 + seed % 9); break;
        case 'q': out += std::to_string(1 + seed % 4); break;
      }
      p += 2;
      continue;
    }
    out += *p;
  }
  return out;
}

// `with_values` of every `every` sentences carry figures; the rest are prose.
std::string build_text(unsigned with_values, unsigned every) {
  std::string t;
  unsigned seed = 12345;
  size_t sentence = 0;
  while (t.size() < (4u << 20)) {
    seed = seed * 1103515245u + 12345u;
    unsigned r = (seed >> 8);
    if (sentence % every < with_values)
      t += fill(kWithValues[r % (sizeof kWithValues / sizeof *kWithValues)], r);
    else
      t += kWithoutValues[r % (sizeof kWithoutValues / sizeof *kWithoutValues)];
    ++sentence;
    t += (sentence % 4 == 0) ? '\n' : ' ';  // paragraphs of four sentences
  }
  return t;
}

// About one value per 180 bytes, as in the Korean briefs this project reads.
const std::string& corpus() {
  static const std::string text = build_text(1, 3);
  return text;
}

// Every sentence with figures: one value per 60 bytes.
const std::string& dense_corpus() {
  static const std::string text = build_text(1, 1);
  return text;
}

const dealgraph::values::Tagger& tagger() {
  static const dealgraph::values::Tagger t = [] {
    auto r = dealgraph::values::Tagger::load(dealgraph::Resources::embedded());
    if (!r) std::abort();
    return *r;
  }();
  return t;
}

void BM_TagMixed(benchmark::State& state) {
  const std::string& text = corpus();
  auto ref = dealgraph::values::parse_iso_date("2026-02-24");
  size_t values = 0;
  for (auto _ : state) {
    auto v = tagger().tag(text, ref);
    values = v.size();
    benchmark::DoNotOptimize(v.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["values"] = static_cast<double>(values);
  state.counters["MB"] = static_cast<double>(text.size()) / (1 << 20);
}
BENCHMARK(BM_TagMixed)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_TagDense(benchmark::State& state) {
  const std::string& text = dense_corpus();
  auto ref = dealgraph::values::parse_iso_date("2026-02-24");
  size_t values = 0;
  for (auto _ : state) {
    auto v = tagger().tag(text, ref);
    values = v.size();
    benchmark::DoNotOptimize(v.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["values"] = static_cast<double>(values);
}
BENCHMARK(BM_TagDense)->Unit(benchmark::kMillisecond)->UseRealTime();

// Paragraphs without a single figure: what unmatched text costs.
void BM_TagNoValues(benchmark::State& state) {
  static const std::string text = [] {
    std::string t;
    size_t i = 0;
    while (t.size() < (4u << 20)) {
      t += kWithoutValues[i++ % (sizeof kWithoutValues / sizeof *kWithoutValues)];
      t += (i % 3 == 0) ? "\n" : " ";
    }
    return t;
  }();
  auto ref = dealgraph::values::parse_iso_date("2026-02-24");
  for (auto _ : state) {
    auto v = tagger().tag(text, ref);
    benchmark::DoNotOptimize(v.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_TagNoValues)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same tagger shared by several threads (one paragraph per call).
void BM_TagParagraphsThreads(benchmark::State& state) {
  const std::string& text = corpus();
  auto ref = dealgraph::values::parse_iso_date("2026-02-24");
  for (auto _ : state) {
    size_t n = 0;
    size_t pos = 0;
    while (pos < text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) nl = text.size();
      auto v = tagger().tag(std::string_view(text).substr(pos, nl - pos), ref);
      n += v.size();
      pos = nl + 1;
    }
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_TagParagraphsThreads)->Unit(benchmark::kMillisecond)->UseRealTime()->Threads(1)->Threads(2);

}  // namespace
