// dealgraph/cli/progress.h — a progress line on standard error for long runs.
//
//   Progress progress(o, io);
//   pipeline.add_files(inputs, &corpus, nullptr, threads, progress.callback());
//   progress.finish();
//
// The line ("dealgraph: 12.1 of 100.0 MB, 1,204 of 9,950 articles, 6.0 MB/s,
// about 0:14 left") appears once a run has taken two seconds, is redrawn
// at most four times a second, and is wiped by finish(). It is drawn only
// when standard error is a terminal and `--quiet` is not given: a pipe, a
// file or a test's stream never sees it.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>

#include "cli/commands.h"
#include "cli/options.h"
#include "extractor/pipeline.h"

namespace dealgraph::cli {

class Progress {
 public:
  Progress(const Options& o, IO io);
  // The callback for Pipeline::add_files; empty when the line is off.
  std::function<void(const Pipeline::Progress&)> callback();
  // Wipes the line if one was drawn.
  void finish();

 private:
  void draw(const Pipeline::Progress& p);
  bool on_ = false;
  bool drawn_ = false;
  std::ostream& err_;
  std::chrono::steady_clock::time_point start_, last_;
  std::mutex mutex_;
};

}  // namespace dealgraph::cli
