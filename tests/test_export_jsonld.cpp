// JSON-LD: the golden document. Its triples as the npm `jsonld` package reads
// them (N-Quads): test_export_jsonld_node.cpp.
#include <catch2/catch.hpp>

#include "golden/fixture_corpus.h"
#include "golden/fixture_exports.h"
#include "golden/golden_check.h"
#include "export/export_jsonld.h"
#include "graph/filter.h"
#include "export/json_output.h"

using namespace dealgraph;
namespace fs = std::filesystem;

namespace {

const std::string kDg = "https://dealgraph.dev/ns#";

std::string jsonld_text() { return fixture::jsonld_text(); }

}  // namespace

TEST_CASE("export jsonld: golden document", "[export][jsonld]") {
  const std::string text = jsonld_text();
  golden::check_golden("export.jsonld", text);
  CHECK(jsonld_text() == text);
  auto j = nlohmann::json::parse(text);
  CHECK(j["@context"]["dg"] == kDg);
  CHECK(j["@graph"].size() == 9 + 6 + 2);
}
