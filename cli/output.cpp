#include "cli/output.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <ostream>
#include <unistd.h>

#include "cli/commands.h"

namespace dealgraph::cli {

StdoutBuf::StdoutBuf() : buf_(64 * 1024) {
  // A closed fd 1 would be handed to the next file opened (an --out file):
  // hold it with /dev/null and fail every write instead.
  if (fcntl(STDOUT_FILENO, F_GETFD) == -1 && errno == EBADF) {
    closed_ = true;
    int fd = open("/dev/null", O_WRONLY);
    if (fd >= 0 && fd != STDOUT_FILENO) {
      dup2(fd, STDOUT_FILENO);
      close(fd);
    }
  }
  setp(buf_.data(), buf_.data() + buf_.size());
}

StdoutBuf::~StdoutBuf() { drain(); }

bool StdoutBuf::drain() {
  const char* p = pbase();
  size_t n = static_cast<size_t>(pptr() - pbase());
  setp(buf_.data(), buf_.data() + buf_.size());
  if (n == 0) return error_ == 0;
  if (error_ != 0) return false;  // the bytes after a lost write are dropped too
  if (closed_) {
    error_ = EBADF;
    return false;
  }
  while (n > 0) {
    ssize_t w = ::write(STDOUT_FILENO, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      error_ = errno;
      return false;
    }
    p += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

StdoutBuf::int_type StdoutBuf::overflow(int_type c) {
  if (!drain()) return traits_type::eof();
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return traits_type::not_eof(c);
}

int StdoutBuf::sync() { return drain() ? 0 : -1; }

int finish_output(int rc, std::ostream& out, const StdoutBuf& buf, std::ostream& err) {
  out.flush();
  if (out && buf.error() == 0) return rc;
  err << "dealgraph: cannot write standard output: "
      << (buf.error() != 0 ? std::strerror(buf.error()) : "write error") << "\n";
  err.flush();
  return rc == kOk ? kBadInput : rc;
}

}  // namespace dealgraph::cli
