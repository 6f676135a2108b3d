#include "core/error.h"

namespace dealgraph {

std::string Error::to_string() const {
  std::string s;
  if (!file.empty()) s += file + ":";
  if (line > 0) {
    s += std::to_string(line) + ":";
    if (column > 0) s += std::to_string(column) + ":";
  } else if (offset >= 0) {
    s += "byte " + std::to_string(offset) + ":";
  }
  if (!s.empty()) s += " ";
  s += message;
  if (!fragment.empty()) {
    std::string f = fragment;
    if (f.size() > 60) {  // cut on a UTF-8 character boundary
      size_t n = 60;
      while (n > 0 && (static_cast<unsigned char>(f[n]) & 0xC0) == 0x80) --n;
      f = f.substr(0, n) + "...";
    }
    s += ": " + f;
  }
  return s;
}

Error Error::at(std::string file, int line, int column, std::string message,
                std::string fragment) {
  Error e;
  e.file = std::move(file);
  e.line = line;
  e.column = column;
  e.message = std::move(message);
  e.fragment = std::move(fragment);
  return e;
}

}  // namespace dealgraph
