#include "cli/documents.h"

#include <nlohmann/json.hpp>

#include <ostream>
#include <sstream>

#include "cli/graph_input.h"
#include "extractor/values/tagger.h"

namespace dealgraph::cli {

namespace {

// One line of a document stream; "" when it is good, else what is wrong.
std::string parse_document(const std::string& line, Document* d) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded()) return "not valid JSON (or not UTF-8)";
  if (!j.is_object()) return "expected a JSON object {\"id\", \"text\", \"date\"?, \"url\"?}";
  auto id = j.find("id");
  if (id == j.end() || !id->is_string() || id->get<std::string>().empty()) return "'id' must be a non-empty string";
  auto text = j.find("text");
  if (text == j.end() || !text->is_string()) return "'text' must be a string";
  d->source = id->get<std::string>();
  d->text = text->get<std::string>();
  if (auto date = j.find("date"); date != j.end() && !date->is_null()) {
    if (!date->is_string() || !values::parse_iso_date(date->get<std::string>()))
      return "'date' must be a date YYYY-MM-DD";
    d->facts.date = date->get<std::string>();
  }
  if (auto url = j.find("url"); url != j.end() && !url->is_null()) {
    if (!url->is_string()) return "'url' must be a string";
    d->facts.url = url->get<std::string>();
  }
  return "";
}

int read_jsonl(const std::string& name, const std::string& text, IO io, std::vector<Document>* out) {
  std::istringstream in(text);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Document d;
    d.origin = name + ":" + std::to_string(n);
    if (std::string why = parse_document(line, &d); !why.empty()) {
      io.err << "dealgraph: " << d.origin << ": " << why << "\n";
      return kBadInput;
    }
    out->push_back(std::move(d));
  }
  return kOk;
}

}  // namespace

int read_documents(const std::vector<std::string>& files, const std::string& input, IO io,
                   std::vector<Document>* out) {
  return for_each_input(files, io, [&](const std::string& name, std::string text) {
    if (input == "jsonl") return read_jsonl(name, text, io, out);
    out->push_back(Document{name, name, std::move(text), {}});
    return kOk;
  });
}

int extract_document(const Pipeline& p, Document doc, Corpus* corpus, IO io) {
  Status s = p.add_file(doc.source, std::move(doc.text), corpus, nullptr, &doc.facts);
  if (s) return kOk;
  io.err << "dealgraph: ";
  if (doc.origin != doc.source) io.err << doc.origin << ": document '" << doc.source << "': ";
  io.err << s.error().to_string() << "\n";
  return kBadInput;
}

}  // namespace dealgraph::cli
