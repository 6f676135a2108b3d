#include "cli/load.h"

#include <iostream>
#include <iterator>
#include <sstream>

#include "extractor/pipeline.h"

namespace dealgraph::cli {

std::vector<Options::Spec> common_specs() {
  return {{"--rules", true}, {"--dict", true, true}, {"--ref", true}, {"--help", false}};
}

bool load_resources(const Options& o, IO io, Resources* res) {
  *res = Resources::embedded();
  if (o.has("--rules")) {
    if (Status s = res->overlay_dir(o.get("--rules"), "rules/"); !s) {
      io.err << "dealgraph: --rules: " << s.error().to_string() << "\n";
      return false;
    }
  }
  int n = 0;
  for (const auto& f : o.all("--dict")) {
    if (Status s = res->add_file(f, "data/dictionary/zz-user-" + std::to_string(n++) + ".tsv"); !s) {
      io.err << "dealgraph: --dict: " << s.error().to_string() << "\n";
      return false;
    }
  }
  return true;
}

int load_corpus(const Options& o, const std::vector<std::string>& files, IO io, Corpus* corpus,
                std::vector<std::string>* trace) {
  if (files.empty()) {
    io.err << "dealgraph: no input files (give FILE... or - for standard input)\n";
    return kUsage;
  }
  Resources res;
  if (!load_resources(o, io, &res)) return kBadInput;
  PipelineOptions popt;
  popt.fallback_ref = o.get("--ref");
  auto pipeline = Pipeline::load(res, popt);
  if (!pipeline) {
    io.err << "dealgraph: " << pipeline.error().to_string() << "\n";
    return kBadInput;
  }
  bool stdin_used = false;
  for (const auto& f : files) {
    std::string text;
    if (f == "-") {
      if (stdin_used) {
        io.err << "dealgraph: '-' (standard input) given twice\n";
        return kUsage;
      }
      stdin_used = true;
      std::ostringstream ss;
      ss << io.in.rdbuf();
      text = ss.str();
    } else {
      auto r = read_file(f);
      if (!r) {
        io.err << "dealgraph: " << r.error().to_string() << "\n";
        return kBadInput;
      }
      text = std::move(*r);
    }
    if (Status s = pipeline->add_file(f == "-" ? "<stdin>" : f, std::move(text), corpus, trace); !s) {
      io.err << "dealgraph: " << s.error().to_string() << "\n";
      return kBadInput;
    }
  }
  pipeline->finish(corpus);
  return kOk;
}

}  // namespace dealgraph::cli
