#include "export/export_files.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

namespace dealgraph {

namespace {

Error io_error(const std::string& path, const std::string& what) {
  return Error::at(path, 0, 0, what + ": " + std::strerror(errno));
}

// Writes and flushes `data` to `tmp`; stdio so that the close error (the one a
// full disk reports) is seen.
Status write_tmp(const std::string& tmp, const std::string& data) {
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return io_error(tmp, "cannot create");
  bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
  ok = (std::fclose(f) == 0) && ok;
  if (!ok) {
    Error e = io_error(tmp, "cannot write");
    std::remove(tmp.c_str());
    return e;
  }
  return {};
}

}  // namespace

Status write_file_atomic(const std::string& path, const std::string& data) {
  const std::string tmp = path + ".tmp";
  if (Status s = write_tmp(tmp, data); !s) return s;
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    Error e = io_error(path, "cannot replace");
    std::remove(tmp.c_str());
    return e;
  }
  return {};
}

Status write_dir_atomic(const std::string& dir, const std::map<std::string, std::string>& files) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) return Error::at(dir, 0, 0, "cannot create directory: " + ec.message());
  std::vector<std::string> written;
  auto cleanup = [&] {
    for (const auto& t : written) std::remove(t.c_str());
  };
  for (const auto& [name, data] : files) {
    const std::string tmp = (fs::path(dir) / (name + ".tmp")).string();
    if (Status s = write_tmp(tmp, data); !s) {
      cleanup();
      return s;
    }
    written.push_back(tmp);
  }
  for (const auto& [name, data] : files) {
    const std::string path = (fs::path(dir) / name).string();
    if (std::rename((path + ".tmp").c_str(), path.c_str()) != 0) {
      Error e = io_error(path, "cannot replace");
      cleanup();
      return e;
    }
  }
  return {};
}

}  // namespace dealgraph
