// tests/skip.h — a test that cannot run reports SKIPPED, never passed.
//
// Convention: a test case that needs something outside the build (a tool on
// PATH such as dot, sqlite3, node/npm; or the ../shared folder) lives in an
// executable of its own, and starts with
//
//   skip_test_unless(golden::have("dot"), "dot not installed");
//   skip_test_unless(fs::exists(shared_dir() + "/corpus/x.txt"), "no ../shared/corpus/x.txt");
//
// When the condition is false this prints "SKIPPED: <why>" and exits the
// process with 77, which CTest (SKIP_RETURN_CODE 77, tests/CMakeLists.txt)
// reports as "Not Run (skipped)". Exiting ends every test case of the
// executable, so cases that need nothing stay in another executable.
//
// shared_dir() is <source>/../shared, or $DEALGRAPH_SHARED_DIR when set
// (e.g. DEALGRAPH_SHARED_DIR=/nonexistent to check the skip path).
#pragma once

#include <cstdlib>
#include <iostream>
#include <string>

namespace dealgraph::testing {

constexpr int kSkipReturnCode = 77;

inline void skip_test_unless(bool ok, const std::string& why) {
  if (ok) return;
  std::cout << "SKIPPED: " << why << std::endl;
  std::exit(kSkipReturnCode);
}

inline std::string shared_dir() {
  const char* env = std::getenv("DEALGRAPH_SHARED_DIR");
  if (env && *env) return env;
  return std::string(DEALGRAPH_SOURCE_DIR) + "/../shared";
}

// The shared sample brief the end-to-end tests run over.
inline std::string shared_brief() { return shared_dir() + "/corpus/kasic-brief-2026-03.txt"; }

}  // namespace dealgraph::testing
