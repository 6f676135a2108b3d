// dealgraph/fuzz/fuzz_common.h — what every fuzz target shares: the built-in
// resources, the stages loaded once (a fuzz input must cost microseconds,
// not a rule compile), and a guard that a stage's answer is usable.
//
// Each target is one LLVMFuzzerTestOneInput (fuzz/README.md); a crash, a
// sanitizer report, a hang or an exception escaping is a finding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <string>

#include "core/resources.h"
#include "core/schema.h"
#include "extractor/pipeline.h"

namespace dealgraph::fuzz {

inline const Resources& resources() {
  static const Resources res = Resources::embedded();
  return res;
}

// A stage that must load from the built-in files; failing here is a bug in
// the build, not a finding of the input.
template <class T>
T must(Result<T> r, const char* what) {
  if (!r) {
    std::fprintf(stderr, "fuzz: cannot load %s: %s\n", what, r.error().to_string().c_str());
    std::abort();
  }
  return std::move(*r);
}

inline const Pipeline& pipeline() {
  static const Pipeline p = must(Pipeline::load(resources(), {"2026-03-01"}), "the pipeline");
  return p;
}

inline const Schema& schema() {
  static const Schema s = must(Schema::load(resources()), "the schema");
  return s;
}

inline std::string bytes(const uint8_t* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// A stage's invariant broke: report it like a sanitizer would.
inline void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz: invariant broken: %s\n", what);
    std::abort();
  }
}

}  // namespace dealgraph::fuzz
