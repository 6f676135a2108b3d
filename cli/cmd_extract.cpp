// dealgraph extract — the dealgraph/1 JSON for one or more briefs.
#include <iostream>
#include <optional>
#include <sstream>

#include "cli/documents.h"
#include "cli/load.h"
#include "export/json_output.h"
#include "graph/link.h"

namespace dealgraph::cli {

namespace {
const char kHelp[] =
    "usage: dealgraph extract [--format json|jsonl|partial] [--input text|jsonl] [--compact] [--explain]\n"
    "                         [--ref YYYY-MM-DD] [-j N] [--quiet] [--rules DIR] [--dict FILE]... FILE... | -\n"
    "\n"
    "Reads briefs (a monthly brief, a newspaper digest or plain text), finds\n"
    "articles, values, entities and deals, and writes one JSON object in the\n"
    "dealgraph/1 format (docs/json.md) for all files together.\n"
    "\n"
    "  --format json   the contract object (default); jsonl: one line per record;\n"
    "                  partial: one compact graph per document, one a line, for\n"
    "                  'dealgraph merge' (default with --input jsonl)\n"
    "  --input jsonl   the inputs are JSON Lines of documents, one a line:\n"
    "                  {\"id\", \"text\", \"date\"?, \"url\"?} (docs/scale.md)\n"
    "  --compact       no indentation\n"
    "  --explain       also print, on standard error, each deal with its rule and sentence\n"
    "  --ref DATE      resolve relative dates in undated articles against DATE\n"
    "  --rules DIR     overlay a folder laid out like rules/ over the built-in rules\n"
    "  --dict FILE     add a dictionary file (data/dictionary/README.md); repeatable\n"
    "  -j N, --jobs N  extract on N threads (default: one per core); the output is the same\n"
    "  --quiet         no progress line on standard error (drawn only on a terminal, for\n"
    "                  runs over two seconds)\n"
    "  -h, --help      this text\n"
    "  --version       the program's version\n"
    "\n"
    "exit codes: 0 ok, 1 bad input (unreadable, empty, binary, invalid UTF-8, bad rules), 2 usage\n";
}  // namespace

namespace {

// --explain: what the deal rules saw, then each deal with its rule and sentence.
void explain(const Loaded& in, std::ostream& err) {
  const Corpus& corpus = in.corpus;
  err << "typed sentences (what the deal rules see):\n";
  for (const auto& t : in.trace) err << "  " << t << "\n";
  err << "deals:\n";
  for (const auto& d : corpus.deals) {
    err << d.id << " " << to_string(d.type) << " [" << d.rule << "]";
    for (const auto& p : d.parties) {
      auto it = corpus.entities.find(p.entity);
      err << " " << p.role << "=" << (it != corpus.entities.end() ? it->second.name : p.entity);
    }
    if (d.amount) err << " amount=" << money_json(*d.amount).dump();
    err << "\n    " << d.article << ": " << d.evidence.text << "\n";
  }
}

// --format jsonl: a header line, then one line per record, tagged with its kind.
void write_jsonl(const nlohmann::json& j, std::ostream& out) {
  out << dump({{"format", "dealgraph/1"}}, false);
  // Each list of the contract object and the name its lines carry. Spelled
  // out: cutting the plural's last letter once turned "entities" into "entitie".
  static const std::pair<const char*, const char*> kRecords[] = {
      {"articles", "article"}, {"entities", "entity"}, {"deals", "deal"}, {"values", "value"}, {"roles", "role"}};
  for (const auto& [key, record] : kRecords)
    for (const auto& rec : j.contains(key) ? j[key] : nlohmann::json::array()) {
      nlohmann::json line = rec;
      line["record"] = record;
      out << dump(line, false);
    }
}

// --input jsonl or --format partial: documents one at a time
// (cli/documents.h). Partial: each document linked and written alone, one
// compact graph a line; else all of them as one graph. Written only once
// every document went through, so an error leaves no half output.
int extract_documents(const Options& o, const std::string& input, const std::string& format, IO io) {
  std::vector<Document> docs;
  if (int rc = read_documents(o.positional(), input, io, &docs); rc != kOk) return rc;
  std::optional<Pipeline> pipeline;
  Schema schema;
  if (int rc = load_stages(o, io, &pipeline, &schema); rc != kOk) return rc;
  std::string out;
  Corpus all;
  for (auto& d : docs) {
    Corpus one;
    if (int rc = extract_document(*pipeline, std::move(d), format == "partial" ? &one : &all, io); rc != kOk)
      return rc;
    if (format != "partial") continue;
    link_reports(&one);
    out += dump(to_json(one), false);
  }
  if (format != "partial") {
    link_reports(&all);
    std::ostringstream ss;
    if (format == "json") ss << dump(to_json(all), !o.has("--compact"));
    else write_jsonl(to_json(all), ss);
    out = ss.str();
  }
  io.out << out;
  return io.out.good() ? kOk : kBadInput;
}

}  // namespace

int cmd_extract(const std::vector<std::string>& args, IO io) {
  auto specs = common_specs();
  specs.push_back({"--format", true});
  specs.push_back({"--compact", false});
  specs.push_back({"--explain", false});
  specs.push_back({"--input", true});
  specs.push_back({"-j", true});
  specs.push_back({"--jobs", true});
  specs.push_back({"--quiet", false});
  Options o(specs);
  if (auto done = o.parse_verb(args, kHelp, io.out, io.err)) return *done;
  const std::string input = o.get("--input", "text");
  if (input != "text" && input != "jsonl") {
    io.err << "dealgraph: extract --input must be text or jsonl\n";
    return kUsage;
  }
  const std::string format = o.get("--format", input == "jsonl" ? "partial" : "json");
  if (format != "json" && format != "jsonl" && format != "partial") {
    io.err << "dealgraph: extract --format must be json, jsonl or partial\n";
    return kUsage;
  }
  if (input == "jsonl" || format == "partial") {
    if (o.has("--explain")) {
      io.err << "dealgraph: extract --explain is for text input into one graph, not --input jsonl or --format partial\n";
      return kUsage;
    }
    return extract_documents(o, input, format, io);
  }
  Loaded in;
  if (int rc = load_corpus(o, o.positional(), io, &in, o.has("--explain")); rc != kOk) return rc;
  if (o.has("--explain")) explain(in, io.err);
  nlohmann::json j = to_json(in.corpus);
  if (format == "json") io.out << dump(j, !o.has("--compact"));
  else write_jsonl(j, io.out);
  return io.out.good() ? kOk : kBadInput;
}

}  // namespace dealgraph::cli
