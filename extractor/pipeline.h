// dealgraph/extractor/pipeline.h — reader → values → entities → deals, per file.
//
//   auto p = Pipeline::load(Resources::embedded());   // or with PipelineOptions
//   if (!p) { report(p.error()); }                     // file:line of a bad rule or row
//   Corpus c;
//   Status s = p->add_file("brief.txt", text, &c);     // repeat per input file
//   if (!s) { report(s.error()); }                     // source and byte offset
//   link_reports(&c);  // graph/link.h: once, after the last file
//
// What add_file does, per article of the file (the steps are
// extractor/pipeline_steps.h, one small function each):
//   1. numbers it A1, A2, ... after the articles already in the corpus
//      (link_reports later gives it its content id);
//   2. takes its reference date (its own, else PipelineOptions::fallback_ref);
//   3. tags values in the headline and in each paragraph, one region at a time;
//   4. finds entity mentions (extractor/entities/recognizer.h), and drops the
//      values inside a person's name ("이조원 장관" is a name, not 2조원);
//   5. extracts deals (extractor/deals/deal_extractor.h), which ask the
//      dictionary, then the article's discoveries, for an entity's facts;
//   6. keeps every mention as an entity of the output, defined from the
//      dictionary or the discovery rule — but a country used only as a place
//      word is dropped unless a deal uses it — and every deal party and
//      product too, even one the text does not name.
// The file's results are then merged into the corpus: articles, deals and
// values appended; an entity already there gains mentions, new aliases and a
// missing maker. Deal ids, cross-article links (same_as, conflicts) and the
// sorting of mentions and aliases are not done here but by link_reports
// (graph/link.h), once every file is in.
//
// Errors: load() returns the first bad rule, table or dictionary row (or a
// fallback_ref that is not YYYY-MM-DD); add_file() an Error for invalid UTF-8
// or an empty file, and `corpus` is then unchanged.
//
// Ownership: a Pipeline owns every compiled stage (move-only). Nothing of
// `res` is referred to after load(); `corpus` and `trace` are the caller's.
// Thread-safety: immutable after load(); add_file() is const and may run on
// several threads at once, each with its own Corpus (and trace); add_files()
// runs its own threads.
#pragma once

#include <functional>
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

// What a document stream (`extract --input jsonl`) says of a text besides
// the text: its date and URL, used for every article of the text that does
// not state its own (the date is then also the article's reference date).
struct DocumentFacts {
  std::optional<std::string> date;  // YYYY-MM-DD
  std::optional<std::string> url;
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
  // With `facts`, articles without a date or URL of their own take the document's.
  Status add_file(const std::string& source, std::string text, Corpus* corpus,
                  std::vector<std::string>* trace = nullptr, const DocumentFacts* facts = nullptr) const;

  // The same over several files, their articles shared out among `threads`
  // worker threads (0: one per core). The result — corpus, trace, and the
  // first error in file order — is byte for byte what add_file gives called
  // on each file in turn: articles are extracted apart, then merged in order.
  // Files are decoded and split into articles one after the other, so a bad
  // file stops the run before any article is extracted; `corpus` is then
  // unchanged. `progress`, when set, is called from the worker threads after
  // each article (it must be thread-safe).
  struct Input {
    std::string source;  // the name errors and articles carry
    std::string text;    // the file's bytes
  };
  struct Progress {
    size_t articles = 0, articles_total = 0;
    size_t bytes = 0, bytes_total = 0;  // of the articles' text
  };
  Status add_files(std::vector<Input> inputs, Corpus* corpus, std::vector<std::string>* trace = nullptr,
                   unsigned threads = 1, const std::function<void(const Progress&)>& progress = {}) const;

  struct Impl;

 private:
  explicit Pipeline(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dealgraph
