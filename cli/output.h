// dealgraph/cli/output.h — standard output that never loses data silently.
//
// main() points std::cout at a StdoutBuf before any verb runs and hands the
// verb's exit code to finish_output() after it returns:
//
//   StdoutBuf buf;                       // writes fd 1, remembers the first error
//   std::cout.rdbuf(&buf);
//   int rc = run_verb(...);
//   return finish_output(rc, std::cout, buf, std::cerr);
//
// A write that fails (a full disk: `> /dev/full`; standard output closed:
// `>&-`) is reported once, at the end, as
//   dealgraph: cannot write standard output: No space left on device
// and the exit code becomes 1 (kBadInput) unless the verb already failed.
// A verb that writes nothing to standard output is not affected by a closed one.
#pragma once

#include <iosfwd>
#include <streambuf>
#include <vector>

namespace dealgraph::cli {

class StdoutBuf : public std::streambuf {
 public:
  StdoutBuf();
  ~StdoutBuf() override;
  StdoutBuf(const StdoutBuf&) = delete;
  StdoutBuf& operator=(const StdoutBuf&) = delete;
  // errno of the first failed write; 0 while every write succeeded.
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override;
  int sync() override;

 private:
  bool drain();  // writes the buffered bytes; false on a write error
  std::vector<char> buf_;
  int error_ = 0;
  bool closed_ = false;  // fd 1 was not open at start (it now holds /dev/null)
};

// Flushes `out` and reports a lost write on `err`; returns the exit code.
int finish_output(int rc, std::ostream& out, const StdoutBuf& buf, std::ostream& err);

}  // namespace dealgraph::cli
