// Fuzz target: the value tagger (money, power, numbers, dates...) on any
// valid UTF-8 text. Spans lie inside the text and every value writes as JSON.
#include "core/utf8.h"
#include "core/value_json.h"
#include "extractor/values/tagger.h"
#include "fuzz_common.h"

using namespace dealgraph;

namespace {
const values::Tagger& stage() {
  static const values::Tagger t = fuzz::must(values::Tagger::load(fuzz::resources()), "the tagger");
  return t;
}
}  // namespace

// Loads before the first input, so its time is not taken for a slow input.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  stage();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const values::Tagger& tagger = stage();
  const std::string text = fuzz::bytes(data, size);
  // the tagger's contract: callers hand it valid UTF-8 (the reader checks)
  if (utf8::find_invalid(text) != std::string::npos) return 0;
  for (const Value& v : tagger.tag(text, values::CivilDate{2026, 3, 1})) {
    fuzz::check(v.span.start <= v.span.end && v.span.end <= text.size(), "value span inside the text");
    (void)to_json(v).dump();
  }
  (void)tagger.number(text);
  return 0;
}
