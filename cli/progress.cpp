#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace dealgraph::cli {

namespace {

constexpr auto kQuietStart = std::chrono::seconds(2);         // short runs draw nothing
constexpr auto kRedraw = std::chrono::milliseconds(250);

std::string with_commas(size_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return s;
}

}  // namespace

Progress::Progress(const Options& o, IO io)
    : on_(!o.has("--quiet") && &io.err == &std::cerr && isatty(STDERR_FILENO)),
      err_(io.err),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

std::function<void(const Pipeline::Progress&)> Progress::callback() {
  if (!on_) return {};
  return [this](const Pipeline::Progress& p) { draw(p); };
}

void Progress::draw(const Pipeline::Progress& p) {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock(mutex_);
  if (now - start_ < kQuietStart || now - last_ < kRedraw) return;
  last_ = now;
  const double secs = std::chrono::duration<double>(now - start_).count();
  const double rate = p.bytes / 1e6 / secs;
  const double left = p.bytes > 0 ? secs * (static_cast<double>(p.bytes_total) - p.bytes) / p.bytes : 0;
  char line[160];
  std::snprintf(line, sizeof line, "\rdealgraph: %.1f of %.1f MB, %s of %s articles, %.1f MB/s, about %d:%02d left ",
                p.bytes / 1e6, p.bytes_total / 1e6, with_commas(p.articles).c_str(),
                with_commas(p.articles_total).c_str(), rate, static_cast<int>(left) / 60, static_cast<int>(left) % 60);
  err_ << line << std::flush;
  drawn_ = true;
}

void Progress::finish() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (drawn_) err_ << "\r\033[K" << std::flush;  // erase the line
  drawn_ = false;
}

}  // namespace dealgraph::cli
