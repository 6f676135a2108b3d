#include "core/resources.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace dealgraph {

namespace fs = std::filesystem;

Result<std::string> read_file(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    Error e;
    e.file = path;
    e.message = "is a directory, not a file";
    return e;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Error e;
    e.file = path;
    e.message = fs::exists(path, ec) ? "cannot be read" : "no such file";
    return e;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    Error e;
    e.file = path;
    e.message = "read error";
    return e;
  }
  return ss.str();
}

bool Resources::is_builtin(const std::string& path) const {
  static const Resources builtin = embedded();
  const std::string* mine = find(path);
  const std::string* theirs = builtin.find(path);
  return mine && theirs && *mine == *theirs;
}

Status Resources::overlay_dir(const std::string& dir, const std::string& prefix) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    Error e;
    e.file = dir;
    e.message = "not a directory";
    return e;
  }
  std::vector<fs::path> paths;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_regular_file()) paths.push_back(it->path());
  }
  if (ec) {
    Error e;
    e.file = dir;
    e.message = "cannot list: " + ec.message();
    return e;
  }
  for (const auto& p : paths) {
    auto text = read_file(p.string());
    if (!text) return text.error();
    std::string rel = fs::relative(p, dir).generic_string();
    files_[prefix + rel] = std::move(*text);
    origins_[prefix + rel] = p.generic_string();
  }
  return {};
}

Status Resources::add_file(const std::string& file, const std::string& path) {
  auto text = read_file(file);
  if (!text) return text.error();
  files_[path] = std::move(*text);
  origins_[path] = file;
  return {};
}

std::string Resources::origin(const std::string& path) const {
  auto it = origins_.find(path);
  return it == origins_.end() ? path : it->second;
}

std::vector<std::pair<std::string, std::string>> Resources::list(const std::string& folder,
                                                                 const std::string& suffix) const {
  std::vector<std::pair<std::string, std::string>> out;
  const std::string pre = folder + "/";
  for (auto it = files_.lower_bound(pre); it != files_.end() && it->first.compare(0, pre.size(), pre) == 0;
       ++it) {
    const std::string& p = it->first;
    if (p.size() >= suffix.size() && p.compare(p.size() - suffix.size(), suffix.size(), suffix) == 0)
      out.emplace_back(p, it->second);
  }
  return out;
}

const std::string* Resources::find(const std::string& path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace dealgraph
