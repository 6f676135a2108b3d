// The HTML report (export --format html) in headless Chromium: it loads with
// no console message and no script error, its deal table has one row per
// kept deal, and a click on a company in the diagram filters the tables
// (driven by the page's own #click=ID hash, which dispatches a real click
// event on that SVG node). Skipped (exit 77, tests/skip.h) without chromium.
#include <catch2/catch.hpp>

#include <regex>

#include "export/export_html.h"
#include "golden/fixture_exports.h"
#include "golden/golden_check.h"
#include "skip.h"

using namespace dealgraph;
namespace fs = std::filesystem;

namespace {

std::string chromium() {
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"})
    if (golden::have(name)) return name;
  return "";
}

struct Loaded {
  std::string dom, log;
};

// The page's DOM after its scripts ran, and Chromium's console log.
Loaded load(const std::string& browser, const std::string& file, const std::string& hash) {
  const std::string log = file + ".log";
  Loaded l;
  golden::run(browser + " --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions "
                        "--virtual-time-budget=5000 --enable-logging=stderr --v=0 --dump-dom 'file://" +
                  file + hash + "' 2>" + log,
              &l.dom);
  l.log = golden::read(log);
  return l;
}

int shown(const std::string& dom) {
  std::smatch m;
  if (!std::regex_search(dom, m, std::regex("data-shown=\"([0-9]+)\""))) return -1;
  return std::stoi(m[1]);
}

// Console lines Chromium logged (a message, a warning, an error, a CSP report).
std::string console_lines(const std::string& log) {
  std::string out, line;
  std::istringstream in(log);
  while (std::getline(in, line))
    if (line.find("CONSOLE") != std::string::npos || line.find("Uncaught") != std::string::npos) out += line + "\n";
  return out;
}

}  // namespace

TEST_CASE("export html: the report in headless Chromium", "[export][html][browser]") {
  const std::string browser = chromium();
  testing::skip_test_unless(!browser.empty(), "chromium not installed: the HTML report not loaded in a browser");
  auto page = to_html_report(fixture::graph(), fixture::everything(), ReportOptions{{"brief.txt"}, ""});
  REQUIRE(page);
  const std::string dir = golden::temp_dir("html");
  const std::string file = dir + "/report.html";
  golden::write(file, *page);

  Loaded all = load(browser, file, "");
  INFO(all.log);
  REQUIRE(!all.dom.empty());
  CHECK(console_lines(all.log).empty());
  CHECK(all.dom.find("<pre id=\"errors\"></pre>") != std::string::npos);
  CHECK(shown(all.dom) == 5);  // D1 (= D4), D2, D3, D5, D6

  Loaded nvidia = load(browser, file, "#click=org:nvidia");
  INFO(nvidia.log);
  CHECK(console_lines(nvidia.log).empty());
  CHECK(nvidia.dom.find("<pre id=\"errors\"></pre>") != std::string::npos);
  CHECK(shown(nvidia.dom) == 2);  // its investment and the approval of its chip
  CHECK(nvidia.dom.find("company: NVIDIA") != std::string::npos);

  Loaded meta = load(browser, file, "#filter=org:meta");
  CHECK(shown(meta.dom) == 2);  // the partnership and the lease
  fs::remove_all(dir);
}
