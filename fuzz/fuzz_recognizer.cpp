// Fuzz target: the entity recognizer (dictionary names, particles, discovery
// rules) on every article the reader finds in arbitrary bytes.
#include "extractor/entities/dictionary.h"
#include "extractor/entities/recognizer.h"
#include "extractor/reader/reader.h"
#include "fuzz_common.h"

using namespace dealgraph;

namespace {
struct Stages {
  Reader reader = fuzz::must(Reader::load(fuzz::resources()), "the reader");
  Dictionary dict = fuzz::must(Dictionary::load(fuzz::resources()), "the dictionary");
  EntityRecognizer rec = fuzz::must(EntityRecognizer::load(fuzz::resources(), dict), "the recognizer");
};
const Stages& stages() {
  static const Stages s;
  return s;
}
}  // namespace

// Loads before the first input, so its time is not taken for a slow input.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  stages();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Reader& reader = stages().reader;
  const EntityRecognizer& rec = stages().rec;
  auto doc = reader.read("fuzz.txt", fuzz::bytes(data, size));
  if (!doc) return 0;
  for (Article a : doc->articles) {
    a.id = "A1";
    ArticleEntities found = rec.find(doc->text, a);
    size_t last_end = 0;
    for (const FoundMention& m : found.mentions) {
      fuzz::check(m.span.start < m.span.end && m.span.end <= doc->text.size(), "mention span inside the text");
      fuzz::check(m.span.start >= last_end, "mentions sorted and not overlapping");
      last_end = m.span.end;
      (void)rec.type_of(m.entity, found);
    }
  }
  return 0;
}
