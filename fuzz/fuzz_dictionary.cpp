// Fuzz target: the dictionary loader given an arbitrary user dictionary file
// (as `--dict FILE` adds one), after the built-in dictionary. A bad row must
// be an Error naming the file.
#include "extractor/entities/dictionary.h"
#include "fuzz_common.h"

using namespace dealgraph;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Resources res = fuzz::resources();
  res.put("data/dictionary/zz-user-0.tsv", fuzz::bytes(data, size));
  auto dict = Dictionary::load(res);
  if (!dict) {
    fuzz::check(!dict.error().file.empty(), "a dictionary error names its file");
    return 0;
  }
  for (const DictEntry& e : dict->entries()) fuzz::check(dict->find_id(e.id) >= 0, "every entry found by its id");
  return 0;
}
