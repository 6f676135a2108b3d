#include "cli/load.h"

#include "cli/progress.h"

#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>

#include "extractor/pipeline.h"
#include "graph/link.h"

namespace dealgraph::cli {

std::vector<Options::Spec> common_specs() { return {{"--rules", true}, {"--dict", true, true}, {"--ref", true}}; }

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
    // Named after the built-in files so the dictionary reads them last.
    if (Status s = res->add_file(f, "data/dictionary/zz-user-" + std::to_string(n++) + ".tsv"); !s) {
      io.err << "dealgraph: --dict: " << s.error().to_string() << "\n";
      return false;
    }
  }
  return true;
}

namespace {

// The text of one input: a file, or all of standard input for "-". On
// failure, the message for standard error goes to *message.
int read_input(const std::string& f, IO io, bool* stdin_used, std::string* text, std::string* message) {
  if (f != "-") {
    auto r = read_file(f);
    if (!r) {
      *message = "dealgraph: " + r.error().to_string() + "\n";
      return kBadInput;
    }
    *text = std::move(*r);
    return kOk;
  }
  if (*stdin_used) {
    *message = "dealgraph: '-' (standard input) given twice\n";
    return kUsage;
  }
  *stdin_used = true;
  std::ostringstream ss;
  ss << io.in.rdbuf();
  *text = ss.str();
  return kOk;
}

// -j N: how many threads extract (0: one per core, the default).
int thread_count(const Options& o, IO io, unsigned* threads) {
  *threads = 0;
  const std::string j = o.has("-j") ? o.get("-j") : o.get("--jobs");
  if (j.empty()) return kOk;
  if (j.size() > 4 || j.find_first_not_of("0123456789") != std::string::npos || std::stoi(j) < 1) {
    io.err << "dealgraph: -j needs a number of threads from 1 to 9999, not '" << j << "'\n";
    return kUsage;
  }
  *threads = static_cast<unsigned>(std::stoi(j));
  return kOk;
}

}  // namespace

// The pipeline and the schema, both from the same resources.
int load_stages(const Options& o, IO io, std::optional<Pipeline>* pipeline, Schema* schema) {
  Resources res;
  if (!load_resources(o, io, &res)) return kBadInput;
  PipelineOptions popt;
  popt.fallback_ref = o.get("--ref");
  auto p = Pipeline::load(res, popt);
  if (!p) {
    io.err << "dealgraph: " << user_error(p.error(), res) << "\n";
    return kBadInput;
  }
  auto s = Schema::load(res);
  if (!s) {
    io.err << "dealgraph: " << user_error(s.error(), res) << "\n";
    return kBadInput;
  }
  pipeline->emplace(std::move(*p));
  *schema = std::move(*s);
  return kOk;
}

int load_corpus(const Options& o, const std::vector<std::string>& files, IO io, Loaded* out, bool with_trace) {
  if (files.empty()) {
    io.err << "dealgraph: no input files (give FILE... or - for standard input)\n";
    return kUsage;
  }
  unsigned threads = 0;
  if (int rc = thread_count(o, io, &threads); rc != kOk) return rc;
  std::optional<Pipeline> pipeline;
  if (int rc = load_stages(o, io, &pipeline, &out->schema); rc != kOk) return rc;
  // Every file is read first. One that cannot be read is reported after the
  // files before it have run, as if the files were extracted one by one.
  bool stdin_used = false;
  std::vector<Pipeline::Input> inputs;
  int read_rc = kOk;
  std::string read_error;
  for (const auto& f : files) {
    std::string text;
    if (read_rc = read_input(f, io, &stdin_used, &text, &read_error); read_rc != kOk) break;
    inputs.push_back({f == "-" ? "<stdin>" : f, std::move(text)});
  }
  Progress progress(o, io);
  Status s = pipeline->add_files(std::move(inputs), &out->corpus, with_trace ? &out->trace : nullptr, threads,
                                 progress.callback());
  progress.finish();
  if (!s) {
    io.err << "dealgraph: " << s.error().to_string() << "\n";
    return kBadInput;
  }
  if (read_rc != kOk) {
    io.err << read_error;
    return read_rc;
  }
  link_reports(&out->corpus);
  return kOk;
}

// A load error as the user should read it: an error in a file from --rules
// or --dict names that file ("my.tsv:3:1: ..."), not the resource path it was
// stored under; built-in files keep their "rules/..." names.
std::string user_error(const Error& e, const Resources& res) {
  Error u = e;
  u.file = res.origin(e.file);
  return u.to_string();
}

}  // namespace dealgraph::cli
