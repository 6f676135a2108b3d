#include "cli/load.h"

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

// The text of one input: a file, or all of standard input for "-".
int read_input(const std::string& f, IO io, bool* stdin_used, std::string* text) {
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

}  // namespace

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
  std::optional<Pipeline> pipeline;
  if (int rc = load_stages(o, io, &pipeline, &out->schema); rc != kOk) return rc;
  bool stdin_used = false;
  for (const auto& f : files) {
    std::string text;
    if (int rc = read_input(f, io, &stdin_used, &text); rc != kOk) return rc;
    if (Status s = pipeline->add_file(f == "-" ? "<stdin>" : f, std::move(text), &out->corpus,
                                      with_trace ? &out->trace : nullptr);
        !s) {
      io.err << "dealgraph: " << s.error().to_string() << "\n";
      return kBadInput;
    }
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
