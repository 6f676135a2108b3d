// The baseline of bench/run: a bare RE2 scan of the dictionary's names over
// the same bytes the whole-process benchmark reads. Every surface form of
// every dictionary entry becomes one alternation (longest first, RE2 given
// 256 MB so its DFA fits); the program counts the matches in each file and
// prints bytes, matches, CPU seconds of the scan and MB/s as one
// tab-separated line (CPU time, not wall time: the machine is shared):
//   build-rel/bench/dict_scan FILE...
#include <re2/re2.h>

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <string>
#include <vector>

#include "core/resources.h"
#include "extractor/entities/dictionary.h"

using namespace dealgraph;

namespace {

std::string alternation(const Dictionary& dict) {
  std::vector<std::string> names;
  for (const auto& e : dict.entries()) {
    names.push_back(e.name);
    for (const auto& a : e.aliases) names.push_back(a);
  }
  std::sort(names.begin(), names.end(),
            [](const auto& a, const auto& b) { return a.size() != b.size() ? a.size() > b.size() : a < b; });
  std::string re;
  for (const auto& n : names) re += (re.empty() ? "" : "|") + RE2::QuoteMeta(n);
  return re;
}

}  // namespace

int main(int argc, char** argv) {
  auto dict = Dictionary::load(Resources::embedded());
  if (!dict) {
    std::fprintf(stderr, "dict_scan: %s\n", dict.error().to_string().c_str());
    return 1;
  }
  RE2::Options o;
  o.set_max_mem(256 << 20);
  o.set_never_capture(true);
  RE2 re(alternation(*dict), o);
  if (!re.ok()) {
    std::fprintf(stderr, "dict_scan: %s\n", re.error().c_str());
    return 1;
  }
  size_t bytes = 0, found = 0;
  double seconds = 0;
  for (int i = 1; i < argc; ++i) {
    auto text = read_file(argv[i]);
    if (!text) {
      std::fprintf(stderr, "dict_scan: %s\n", text.error().to_string().c_str());
      return 1;
    }
    const std::clock_t t0 = std::clock();
    re2::StringPiece in(*text);
    while (RE2::FindAndConsume(&in, re)) ++found;
    seconds += static_cast<double>(std::clock() - t0) / CLOCKS_PER_SEC;
    bytes += text->size();
  }
  std::printf("%zu\t%zu\t%.3f\t%.1f\n", bytes, found, seconds, bytes / 1e6 / std::max(seconds, 1e-9));
  return 0;
}
