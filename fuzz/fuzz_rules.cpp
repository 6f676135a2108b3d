// Fuzz target: the rule-file loader (core/rule_set.h, the only parser of the
// rule language) given arbitrary file content, after the shared tables as a
// real rule set has them. A bad file must be an Error naming file:line.
#include "core/rule_set.h"
#include "fuzz_common.h"

using namespace dealgraph;
using rules::LoadOptions;
using rules::RuleSet;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto shared = RuleSet::files_of(fuzz::resources(), "rules/fuzz");
  auto files = shared;
  files.emplace_back("rules/fuzz/fuzz.rules", fuzz::bytes(data, size));
  // small RE2 budget: a pattern that needs more is an Error, not a slow input
  LoadOptions opt;
  opt.max_mem = 8LL << 20;
  auto set = RuleSet::from_files(files, opt);
  if (!set) fuzz::check(!set.error().file.empty(), "a rule error names its file");
  return 0;
}
