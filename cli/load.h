// dealgraph/cli/load.h — what every verb that reads resources shares: the
// rules and dictionary (built in, plus --rules/--dict), the input files (or
// standard input) run through the pipeline, linked into one Corpus.
//
//   std::vector<Options::Spec> specs = common_specs();   // --rules --dict --ref
//   ...
//   Loaded in;
//   if (int rc = load_corpus(o, o.positional(), io, &in); rc != kOk) return rc;
//   DealGraph g = DealGraph::build(in.corpus, in.schema);
//
// Every failure is printed on io.err before returning; the verb just exits
// with the code it gets.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/options.h"
#include "core/model.h"
#include "core/resources.h"
#include "core/schema.h"
#include "extractor/pipeline.h"

namespace dealgraph::cli {

// Option specs every data command accepts: --rules DIR, --dict FILE (repeatable), --ref DATE.
std::vector<Options::Spec> common_specs();

// Builds resources from the embedded defaults plus --rules (a folder laid
// out like rules/) and --dict (dictionary files). Prints the error and
// returns false on failure.
bool load_resources(const Options& o, IO io, Resources* res);

// A load error as the user should read it: a file from --rules or --dict is
// named by the user's own path ("my.tsv:3:1: ..."); built-in files keep
// their "rules/..." names.
std::string user_error(const Error& e, const Resources& res);

// What load_corpus gives a verb. The graph built from `corpus` points into
// it: keep a Loaded alive as long as the graph.
struct Loaded {
  Corpus corpus;                    // every file, linked (graph/link.h)
  Schema schema;                    // the deal schema of the same rules (--rules applies)
  std::vector<std::string> trace;   // typed sentences, when asked for (--explain)
};

// The pipeline and the deal schema, both from the same resources (--rules,
// --dict, --ref). Returns kOk, or kBadInput after printing why.
int load_stages(const Options& o, IO io, std::optional<Pipeline>* pipeline, Schema* schema);

// Runs the whole pipeline over `files` ("-" = stdin, at most once; none = a
// usage error). Returns kOk, or kBadInput/kUsage after printing why.
int load_corpus(const Options& o, const std::vector<std::string>& files, IO io, Loaded* out,
                bool with_trace = false);

}  // namespace dealgraph::cli
