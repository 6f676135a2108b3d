// Fuzz target: the dictionary loader given an arbitrary user dictionary file
// (as `--dict FILE` adds one), after a built-in dictionary file. A bad row
// must be an Error naming the file.
//
// The built-in part is government.tsv alone, not all ~2,900 rows: the loader
// is the same code for every file, and a load of the whole dictionary per
// input (200 ms under ASan) left the fuzzer 5 inputs a second. A fuzzed row
// still meets real rows (duplicate ids and names, a maker to resolve).
#include "extractor/entities/dictionary.h"
#include "fuzz_common.h"

using namespace dealgraph;

namespace {
const Resources& builtin_part() {
  static const Resources r = [] {
    const char* path = "data/dictionary/government.tsv";
    const std::string* text = fuzz::resources().find(path);
    fuzz::check(text != nullptr, "government.tsv is built in");
    Resources part;
    part.put(path, *text);
    return part;
  }();
  return r;
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  builtin_part();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Resources res = builtin_part();
  res.put("data/dictionary/zz-user-0.tsv", fuzz::bytes(data, size));
  auto dict = Dictionary::load(res);
  if (!dict) {
    fuzz::check(!dict.error().file.empty(), "a dictionary error names its file");
    return 0;
  }
  for (const DictEntry& e : dict->entries()) fuzz::check(dict->find_id(e.id) >= 0, "every entry found by its id");
  return 0;
}
