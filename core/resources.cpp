#include "core/resources.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace dealgraph {

namespace fs = std::filesystem;

// Read with read(2), not a stream: a stream turns a read error part way
// (EIO from a failing disk, /proc/self/mem) into an early end of file, and
// the file would be taken, silently, for a shorter one.
Result<std::string> read_file(const std::string& path) {
  auto fail = [&](std::string message, long long offset = -1) {
    Error e;
    e.file = path;
    e.offset = offset;
    e.message = std::move(message);
    return e;
  };
  std::error_code ec;
  if (fs::is_directory(path, ec)) return fail("is a directory, not a file");
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail(errno == ENOENT ? "no such file" : std::string("cannot be read: ") + std::strerror(errno));
  std::string text;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) text.reserve(static_cast<size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      return fail(std::string("cannot be read: ") + std::strerror(err), static_cast<long long>(text.size()));
    }
    text.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return text;
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
