// Fuzz target: the reader (decoding, articles, headlines, dates, paragraphs)
// on arbitrary bytes. Every span it returns must lie inside the decoded text.
#include "extractor/reader/reader.h"
#include "fuzz_common.h"

using namespace dealgraph;

namespace {
const Reader& reader() {
  static const Reader r = fuzz::must(Reader::load(fuzz::resources()), "the reader");
  return r;
}
}  // namespace

// Loads before the first input, so its time is not taken for a slow input.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  reader();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto doc = reader().read("fuzz.txt", fuzz::bytes(data, size));
  if (!doc) return 0;  // a clear Error is a right answer
  const size_t n = doc->text.size();
  for (const Article& a : doc->articles) {
    fuzz::check(a.span.start <= a.span.end && a.span.end <= n, "article span inside the text");
    fuzz::check(a.headline_span.end <= n, "headline span inside the text");
    for (const Span& p : a.paragraphs)
      fuzz::check(p.start <= p.end && p.end <= n, "paragraph span inside the text");
  }
  return 0;
}
