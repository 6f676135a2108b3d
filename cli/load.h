// dealgraph/cli/load.h — what every data command shares: resources from
// --rules/--dict, the input files (or stdin), the merged Corpus.
#pragma once

#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/options.h"
#include "core/model.h"
#include "core/resources.h"

namespace dealgraph::cli {

// Option specs every data command accepts: --rules DIR, --dict FILE (repeatable), --ref DATE.
std::vector<Options::Spec> common_specs();

// Builds resources from the embedded defaults plus --rules/--dict. Prints the
// error and returns false on failure.
bool load_resources(const Options& o, IO io, Resources* res);

// Runs the whole pipeline over `files` ("-" = stdin; none = usage error) and
// fills `corpus`. Returns kOk, or kBadInput/kUsage after printing why.
int load_corpus(const Options& o, const std::vector<std::string>& files, IO io, Corpus* corpus,
                std::vector<std::string>* trace = nullptr);

}  // namespace dealgraph::cli
