// Fuzz target: the whole `extract` pipeline in-process, bytes to the JSON of
// the contract (reader, values, entities, deals, linking, JSON writer). The
// JSON must parse back.
#include <nlohmann/json.hpp>

#include "export/json_output.h"
#include "fuzz_common.h"
#include "graph/link.h"

using namespace dealgraph;

// Loads before the first input, so its time is not taken for a slow input.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::pipeline();
  fuzz::schema();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Corpus corpus;
  if (!fuzz::pipeline().add_file("fuzz.txt", fuzz::bytes(data, size), &corpus)) return 0;
  link_reports(&corpus);
  const std::string out = dump(to_json(corpus), /*pretty=*/false);
  fuzz::check(nlohmann::json::accept(out), "extract writes valid JSON");
  return 0;
}
