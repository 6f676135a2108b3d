// dealgraph/cli/documents.h — the inputs of `extract` one document at a
// time: a text file is one document; a JSON Lines stream (`--input jsonl`)
// holds one a line, {"id", "text", "date"?, "url"?}.
//
//   std::vector<Document> docs;
//   if (int rc = read_documents(files, "jsonl", io, &docs); rc != kOk) return rc;
//   Corpus one;                                   // every document, or
//   for (auto& d : docs) extract_document(p, d, &one, io);
//   link_reports(&one);
//
// A bad line is an error naming file and line ("docs.jsonl:3: 'text' must
// be a string"), exit 1; nothing is written before every line is read.
// A document's `id` becomes its articles' `source`; `date` (YYYY-MM-DD) and
// `url` go to the articles that state none (extractor/pipeline.h, DocumentFacts).
#pragma once

#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/model.h"
#include "extractor/pipeline.h"

namespace dealgraph::cli {

struct Document {
  std::string source;  // the document's id, or the file name
  std::string origin;  // where it was read, for errors: "docs.jsonl:3"
  std::string text;
  DocumentFacts facts;
};

// `input`: "text" (each file is a document) or "jsonl". "-" is standard
// input (at most once). Returns kOk, or kBadInput/kUsage after printing why.
int read_documents(const std::vector<std::string>& files, const std::string& input, IO io,
                   std::vector<Document>* out);

// Runs the pipeline over one document into `corpus` (not linked). Returns
// kOk, or kBadInput after printing the error with the document's origin.
int extract_document(const Pipeline& p, Document doc, Corpus* corpus, IO io);

}  // namespace dealgraph::cli
