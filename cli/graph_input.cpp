#include "cli/graph_input.h"

#include <ostream>
#include <sstream>

#include "core/resources.h"
#include "export/json_input.h"

namespace dealgraph::cli {

int read_text(const std::string& f, IO io, bool* stdin_used, std::string* text) {
  if (f != "-") {
    auto r = read_file(f);
    if (!r) {
      io.err << "dealgraph: " << r.error().to_string() << "\n";
      return kBadInput;
    }
    *text = std::move(*r);
    return kOk;
  }
  if (*stdin_used) {
    io.err << "dealgraph: '-' (standard input) given twice\n";
    return kUsage;
  }
  *stdin_used = true;
  std::ostringstream ss;
  ss << io.in.rdbuf();
  *text = ss.str();
  return kOk;
}

int for_each_input(const std::vector<std::string>& files, IO io,
                   const std::function<int(const std::string& name, std::string text)>& use) {
  if (files.empty()) {
    io.err << "dealgraph: no input files (give FILE... or - for standard input)\n";
    return kUsage;
  }
  bool stdin_used = false;
  for (const auto& f : files) {
    std::string text;
    if (int rc = read_text(f, io, &stdin_used, &text); rc != kOk) return rc;
    if (int rc = use(f == "-" ? "<stdin>" : f, std::move(text)); rc != kOk) return rc;
  }
  return kOk;
}

int read_graph_files(const std::vector<std::string>& files, IO io, std::vector<Corpus>* parts) {
  return for_each_input(files, io, [&](const std::string& name, std::string text) {
    if (Status s = read_graphs(text, name, parts); !s) {
      io.err << "dealgraph: " << s.error().to_string() << "\n";
      return kBadInput;
    }
    return kOk;
  });
}

bool looks_like_graph(const std::string& text) {
  size_t i = text.find_first_not_of(" \t\r\n");
  return i != std::string::npos && text[i] == '{';
}

}  // namespace dealgraph::cli
