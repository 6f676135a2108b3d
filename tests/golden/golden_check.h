// tests/golden/golden_check.h — byte-for-byte comparison with a file in
// tests/golden/, and the small process helpers the export tests share.
//
//   check_golden("export.dot", text);   // DEALGRAPH_UPDATE_GOLDEN=1 rewrites the file
//
// On a mismatch the actual output is left beside the golden file as
// NAME.actual and the first differing line is reported.
#pragma once

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace dealgraph::golden {

inline std::string dir() { return std::string(DEALGRAPH_SOURCE_DIR) + "/tests/golden/"; }

inline std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void write(const std::string& path, const std::string& data) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << data;
}

inline bool updating() {
  const char* v = std::getenv("DEALGRAPH_UPDATE_GOLDEN");
  return v && std::string(v) == "1";
}

inline void check_golden(const std::string& name, const std::string& actual) {
  const std::string path = dir() + name;
  if (updating()) {
    write(path, actual);
    WARN("rewrote " << path);
    return;
  }
  REQUIRE(std::filesystem::exists(path));
  const std::string expected = read(path);
  if (expected == actual) {
    std::remove((path + ".actual").c_str());
    return;
  }
  write(path + ".actual", actual);
  std::istringstream e(expected), a(actual);
  std::string le, la;
  int line = 0;
  while (true) {
    ++line;
    bool ge = static_cast<bool>(std::getline(e, le)), ga = static_cast<bool>(std::getline(a, la));
    if (!ge && !ga) break;
    if (le != la || ge != ga) {
      FAIL(name << " differs at line " << line << "\n expected: " << le << "\n   actual: " << la
                << "\n(see " << path << ".actual; DEALGRAPH_UPDATE_GOLDEN=1 rewrites)");
    }
  }
  FAIL(name << " differs (line ends or final newline)");
}

// A fresh empty directory under the system temp dir, removed by the caller.
inline std::string temp_dir(const std::string& tag) {
  auto p = std::filesystem::temp_directory_path() / ("dealgraph-" + tag + "-" + std::to_string(getpid()));
  std::filesystem::remove_all(p);
  std::filesystem::create_directories(p);
  return p.string();
}

// Runs a shell command; returns its exit status, with stdout in *out.
inline int run(const std::string& cmd, std::string* out = nullptr) {
  std::FILE* p = popen(cmd.c_str(), "r");
  if (!p) return -1;
  std::string text;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
  int status = pclose(p);
  if (out) *out = text;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

inline bool have(const std::string& tool) { return run("command -v " + tool + " >/dev/null 2>&1") == 0; }

// Runs the built dealgraph with `args`: its exit code, its standard output
// in *out and its standard error in *err when asked for (else dropped).
inline int dg(const std::string& args, std::string* out = nullptr, std::string* err = nullptr) {
  const std::string cmd = std::string(DEALGRAPH_BINARY) + " " + args + (out ? "" : " >/dev/null");
  if (!err) return run(cmd + " 2>/dev/null", out);
  const std::string dir = temp_dir("dg-stderr");
  const int rc = run(cmd + " 2>" + dir + "/err", out);
  *err = read(dir + "/err");
  std::filesystem::remove_all(dir);
  return rc;
}

// Runs dealgraph with its standard output into `file`.
inline int dg_to(const std::string& args, const std::string& file) {
  std::string out;
  const int rc = dg(args, &out);
  write(file, out);
  return rc;
}

}  // namespace dealgraph::golden
