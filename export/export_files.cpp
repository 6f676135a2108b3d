#include "export/export_files.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace dealgraph {

namespace fs = std::filesystem;

namespace {

Error io_error(const std::string& path, const std::string& what, int err = errno) {
  return Error::at(path, 0, 0, what + ": " + std::strerror(err));
}

// Holds back the signals that end a process politely while an output is
// being replaced; they are delivered when the guard goes.
class SignalsHeld {
 public:
  SignalsHeld() {
    sigset_t set;
    sigemptyset(&set);
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) sigaddset(&set, s);
    sigprocmask(SIG_BLOCK, &set, &old_);
  }
  ~SignalsHeld() { sigprocmask(SIG_SETMASK, &old_, nullptr); }
  SignalsHeld(const SignalsHeld&) = delete;
  SignalsHeld& operator=(const SignalsHeld&) = delete;

 private:
  sigset_t old_;
};

std::string parent_of(const std::string& path) {
  fs::path p = fs::path(path).parent_path();
  return p.empty() ? "." : p.string();
}

std::string name_of(const std::string& path) { return fs::path(path).filename().string(); }

// The prefix of this process's temporaries for `target` in its folder.
std::string temp_prefix(const std::string& target) { return "." + name_of(target) + ".dealgraph-"; }

// Removes temporaries for `target` left by a process that no longer runs
// (a SIGKILL mid-write); a live writer's are left alone.
void remove_stale_temporaries(const std::string& target) {
  const std::string prefix = temp_prefix(target);
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(parent_of(target), ec)) {
    const std::string name = e.path().filename().string();
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
    if (pid <= 0 || (kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)) fs::remove_all(e.path(), ec);
  }
}

// The modes a new file and folder get from the umask (as fopen and mkdir give them).
mode_t umask_now() {
  const mode_t mask = umask(0);
  umask(mask);
  return mask;
}
mode_t file_mode() { return 0666 & ~umask_now(); }
mode_t dir_mode() { return 0777 & ~umask_now(); }

// Writes all of `data` to `fd` and flushes it to the disk: a full disk
// (ENOSPC, EDQUOT) shows here or at fsync, never after the rename.
bool write_all(int fd, const std::string& data) {
  const char* p = data.data();
  size_t n = data.size();
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    p += w;
    n -= static_cast<size_t>(w);
  }
  return fsync(fd) == 0 || errno == EINVAL;  // EINVAL: a special file (/dev/...) that cannot sync
}

// An open temporary for `target`: unnamed where the file system allows.
struct TempFile {
  int fd = -1;
  std::string name;  // "" while unnamed
};

Result<TempFile> open_temp(const std::string& target) {
  TempFile t;
#ifdef O_TMPFILE
  t.fd = open(parent_of(target).c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, file_mode());
  if (t.fd >= 0) return t;
  if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) return io_error(target, "cannot create");
#endif
  std::string tmpl = (fs::path(parent_of(target)) / (temp_prefix(target) + std::to_string(getpid()) + "-XXXXXX")).string();
  t.fd = mkostemp(tmpl.data(), O_CLOEXEC);
  if (t.fd < 0) return io_error(target, "cannot create");
  fchmod(t.fd, file_mode());
  t.name = tmpl;
  return t;
}

// Gives an unnamed temporary a name beside `target`, so it can be renamed.
Status name_temp(TempFile* t, const std::string& target) {
  if (!t->name.empty()) return {};
  std::string name = (fs::path(parent_of(target)) / (temp_prefix(target) + std::to_string(getpid()) + "-link")).string();
  unlink(name.c_str());
  const std::string self = "/proc/self/fd/" + std::to_string(t->fd);
  if (linkat(AT_FDCWD, self.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) != 0)
    return io_error(target, "cannot create");
  t->name = name;
  return {};
}

// Writes `data` into `target`'s place atomically.
// The polite signals are held from the temporary's creation on (the data is
// in memory: writing it takes moments), so a kill lands before anything was
// made or after the swap, never leaving a temporary behind.
Status replace_file(const std::string& target, const std::string& data) {
  SignalsHeld held;
  auto t = open_temp(target);
  if (!t) return t.error();
  auto fail = [&](const char* what) {
    const int err = errno;
    close(t->fd);
    if (!t->name.empty()) unlink(t->name.c_str());
    return Status(io_error(target, what, err));
  };
  if (!write_all(t->fd, data)) return fail("cannot write");
  if (Status s = name_temp(&*t, target); !s) {
    close(t->fd);
    return s;
  }
  if (std::rename(t->name.c_str(), target.c_str()) != 0) return fail("cannot replace");
  if (close(t->fd) != 0) return Status(io_error(target, "cannot write"));
  return {};
}

// May `dir`, an existing folder, be replaced whole? Only when everything in
// it is a table dealgraph writes (or wrote before).
Status check_replaceable(const std::string& dir) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.is_regular_file() && e.path().extension() == ".csv") continue;
    return Error::at(dir, 0, 0,
                     "holds '" + e.path().filename().string() +
                         "', not a table of dealgraph's: give a new folder or one with only its tables");
  }
  if (ec) return Error::at(dir, 0, 0, "cannot be read: " + ec.message());
  return {};
}

// Swaps the folders `fresh` and `dir` (which exists); `fresh` then holds the
// old tables. One step where the file system can (RENAME_EXCHANGE); else two
// renames, between which DIR is briefly missing — never mixed.
bool exchange_dirs(const std::string& fresh, const std::string& dir) {
  if (renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, dir.c_str(), RENAME_EXCHANGE) == 0) return true;
  if (errno != EINVAL && errno != ENOSYS) return false;
  const std::string old = fresh + "-old";
  if (std::rename(dir.c_str(), old.c_str()) != 0) return false;
  if (std::rename(fresh.c_str(), dir.c_str()) != 0) {
    const int err = errno;
    std::rename(old.c_str(), dir.c_str());
    errno = err;
    return false;
  }
  if (std::rename(old.c_str(), fresh.c_str()) != 0) {
    std::error_code ec;
    fs::remove_all(old, ec);
  }
  return true;
}

// A device or pipe (`--out /dev/stdout`, /dev/full) is written in place: it
// cannot be replaced, and must not be.
Status write_in_place(const std::string& target, const std::string& data) {
  int fd = open(target.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (fd < 0) return io_error(target, "cannot open");
  const bool ok = write_all(fd, data);
  const int err = errno;
  if (close(fd) != 0 && ok) return io_error(target, "cannot write");
  if (!ok) return io_error(target, "cannot write", err);
  return {};
}

// Every table into a new hidden folder beside `dir`; its path.
Result<std::string> write_fresh_dir(const std::string& dir, const std::map<std::string, std::string>& files) {
  std::string tmpl = (fs::path(parent_of(dir)) / (temp_prefix(dir) + std::to_string(getpid()) + "-XXXXXX")).string();
  if (!mkdtemp(tmpl.data())) return io_error(dir, "cannot create a folder beside");
  chmod(tmpl.c_str(), dir_mode());
  for (const auto& [name, data] : files) {
    const std::string path = (fs::path(tmpl) / name).string();
    int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, file_mode());
    const bool ok = fd >= 0 && write_all(fd, data);
    const int err = errno;
    if (fd >= 0 && close(fd) != 0 && ok) {
      std::error_code ec;
      fs::remove_all(tmpl, ec);
      return io_error((fs::path(dir) / name).string(), "cannot write");
    }
    if (!ok) {
      std::error_code ec;
      fs::remove_all(tmpl, ec);
      return io_error((fs::path(dir) / name).string(), "cannot write", err);
    }
  }
  return tmpl;
}

}  // namespace

Status write_file_atomic(const std::string& path, const std::string& data) {
  std::error_code ec;
  const auto st = fs::status(path, ec);
  if (fs::is_directory(st)) return Error::at(path, 0, 0, "is a directory, not a file");
  if (fs::exists(st) && !fs::is_regular_file(st)) return write_in_place(path, data);
  // a link is followed: the file it names is replaced, the link stays
  std::string target = path;
  if (fs::is_symlink(fs::symlink_status(path, ec))) {
    const fs::path real = fs::canonical(path, ec);
    if (!ec) target = real.string();
  }
  remove_stale_temporaries(target);
  return replace_file(target, data);
}

Status write_dir_atomic(const std::string& dir, const std::map<std::string, std::string>& files) {
  std::error_code ec;
  const bool exists = fs::exists(fs::symlink_status(dir, ec));
  if (exists && !fs::is_directory(dir, ec)) return Error::at(dir, 0, 0, "is a file, not a directory");
  if (exists) {
    if (Status s = check_replaceable(dir); !s) return s;
  } else {
    fs::create_directories(parent_of(dir), ec);
    if (ec) return Error::at(dir, 0, 0, "cannot create directory: " + ec.message());
  }
  remove_stale_temporaries(dir);
  SignalsHeld held;  // from the temporary folder's creation on, as in replace_file
  auto fresh = write_fresh_dir(dir, files);
  if (!fresh) return fresh.error();
  const bool swapped = exists ? exchange_dirs(*fresh, dir) : std::rename(fresh->c_str(), dir.c_str()) == 0;
  if (!swapped) {
    const int err = errno;
    fs::remove_all(*fresh, ec);
    return io_error(dir, "cannot replace", err);
  }
  fs::remove_all(*fresh, ec);  // the old tables, when there were any
  return {};
}

}  // namespace dealgraph
