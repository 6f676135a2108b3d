// Whole-pipeline speed: reader → values → entities → deals on a generated
// brief of ~2 MB (articles in the monthly-brief layout, own sentences).
//   build/bench/bench_extract
#include <benchmark/benchmark.h>

#include <string>

#include "extractor/pipeline.h"
#include "extractor/values/tagger.h"
#include "graph/link.h"

using namespace dealgraph;

namespace {

std::string brief(size_t bytes) {
  const char* bodies[] = {
      "엔비디아가 코어위브에 20억 달러를 투자했다고 26일(현지시간) 발표함. 양사는 2030년까지 5GW 이상의 AI 팩토리를 "
      "구축하기로 함. 업계는 전체 구축 비용을 약 2,500억 달러로 추산함.",
      "Meta가 AMD와 1,000억 달러 이상 규모의 AI 칩 구매 계약을 체결함. 향후 5년간 MI450 시리즈 GPU를 활용해 최대 "
      "6기가와트(GW) 규모 인프라를 구축할 예정이며, 첫 1GW는 올해 말부터 배치됨.",
      "Microsoft signed a $9.7 billion, five-year cloud services contract with IREN for Nvidia GB300 capacity. "
      "The deal includes a 20% prepayment, the company said on Monday.",
      "삼성전자와 SK하이닉스가 오픈AI의 스타게이트에 메모리를 공급하는 의향서를 체결함. 오픈AI는 월 최대 90만 장의 "
      "D램 수요를 예상함.",
  };
  std::string out = "Sample brief for the benchmark\n\nTop Headlines\n\n";
  for (size_t i = 0; out.size() < bytes; ++i) {
    out += "기사 제목 " + std::to_string(i) + ": AI 인프라 거래\n\n2026. 03. " + std::to_string(1 + i % 28) +
           "\n\nContent\n\n";
    for (int p = 0; p < 3; ++p) out += std::string(bodies[(i + p) % 4]) + "\n\n";
    out += "URL\n\nhttps://example.com/article/" + std::to_string(i) + "\n\n";
  }
  return out;
}

void BM_Extract(benchmark::State& state) {
  auto p = Pipeline::load(Resources::embedded());
  const std::string text = brief(static_cast<size_t>(state.range(0)) << 10);
  for (auto _ : state) {
    Corpus c;
    auto s = p->add_file("bench.txt", text, &c);
    link_reports(&c);
    benchmark::DoNotOptimize(c.deals.size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Extract)->Arg(2048)->Unit(benchmark::kMillisecond);

void BM_Load(benchmark::State& state) {
  for (auto _ : state) {
    auto p = Pipeline::load(Resources::embedded());
    benchmark::DoNotOptimize(p);
  }
}
BENCHMARK(BM_Load)->Unit(benchmark::kMillisecond);

}  // namespace
