// Every error message the command line writes is listed in docs/errors.md
// (issue 17: "every error a user can meet is listed in docs/ with its exit
// code"). The messages are found in the sources of cli/: the fixed text after
// "dealgraph: " (or "dealgraph VERB: "), in usage(io, "...") and in the
// filter flags' bad("..."); each must appear word for word in errors.md, so a
// new message without its line there fails here. Messages made by the
// library (a file's line and column, the reader's) are listed by kind.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <string>

#include "golden/golden_check.h"

namespace fs = std::filesystem;

TEST_CASE("every message of cli/ is listed in docs/errors.md", "[cli][errors][docs]") {
  const std::string src = DEALGRAPH_SOURCE_DIR;
  const std::string doc = dealgraph::golden::read(src + "/docs/errors.md");
  REQUIRE(!doc.empty());
  const std::regex message(R"re((?:"dealgraph(?: [a-z-]+)?: |usage\(io, "|bad\(")([^"\\]*))re");
  size_t found = 0;
  for (const auto& entry : fs::directory_iterator(src + "/cli")) {
    if (entry.path().extension() != ".cpp") continue;
    const std::string text = dealgraph::golden::read(entry.path().string());
    for (auto it = std::sregex_iterator(text.begin(), text.end(), message); it != std::sregex_iterator(); ++it) {
      std::string fixed = (*it)[1].str();
      while (!fixed.empty() && fixed.back() == ' ') fixed.pop_back();
      if (fixed.size() < 6) continue;  // "dealgraph: " << error: the library's message
      ++found;
      INFO(entry.path().filename().string() << ": " << fixed);
      CHECK(doc.find(fixed) != std::string::npos);
    }
  }
  CHECK(found > 40);  // the scan sees the messages (47 when written)
}
