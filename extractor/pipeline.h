// dealgraph/extractor/pipeline.h — reader → values → entities → deals, per file, merged.
//
//   auto p = Pipeline::load(Resources::embedded());
//   if (!p) { report(p.error()); }
//   Corpus c;
//   Status s = p->add_file("brief.txt", text, &c);   // repeat per input file
//   link_reports(&c);      // graph/link.h: cross-article linking, stable ids
//
// Every stage is compiled once in load() from the rules and dictionary in
// `res`; a Pipeline is immutable afterwards and may be shared between threads
// (add_file on different Corpus objects).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/model.h"
#include "core/resources.h"

namespace dealgraph {

struct PipelineOptions {
  // Reference date for relative dates in articles that have no date of their own
  // ("YYYY-MM-DD"); empty: such dates are not resolved.
  std::string fallback_ref;
};

class Pipeline {
 public:
  static Result<Pipeline> load(const Resources& res, const PipelineOptions& opt = {});
  Pipeline(Pipeline&&) noexcept;
  Pipeline& operator=(Pipeline&&) noexcept;
  ~Pipeline();

  // Extracts one input file (already read; `source` is the name given on the
  // command line) into `corpus`. Invalid UTF-8 or an empty file is an Error
  // naming the source and byte offset; `corpus` is then unchanged.
  // With `trace`, every sentence's typed form (what the deal rules saw) is
  // appended, for --explain.
  Status add_file(const std::string& source, std::string text, Corpus* corpus,
                  std::vector<std::string>* trace = nullptr) const;

  struct Impl;

 private:
  explicit Pipeline(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dealgraph
