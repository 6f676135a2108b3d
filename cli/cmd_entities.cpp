// dealgraph entities — what was recognized, to see what the dictionary misses.
#include <algorithm>
#include <iomanip>
#include <iostream>

#include "cli/load.h"
#include "export/json_output.h"

namespace dealgraph::cli {

namespace {
const char kHelp[] =
    "usage: dealgraph entities [--format table|json|tsv] [--source dictionary|rule]\n"
    "                          [--rules DIR] [--dict FILE]... FILE... | -\n"
    "\n"
    "Lists each entity found in the files: id, type, canonical name, number of\n"
    "mentions, and where it came from (the dictionary, or the discovery rule that\n"
    "proposed it). Entities from rules are candidates to promote into\n"
    "data/dictionary/; --format tsv prints them in the dictionary's own format.\n"
    "\n"
    "options:\n"
    "  --format F      table (default; aligned for a terminal), json or tsv\n"
    "  --source S      only entities from the dictionary, or only those a rule found\n"
    "  --rules DIR     overlay rule files (as for extract)\n"
    "  --dict FILE     add a dictionary file (repeatable)\n"
    "  --ref DATE      reference date for undated articles\n"
    "  -h, --help      this text\n"
    "  --version       the program's version\n"
    "\n"
    "exit codes: 0 ok, 1 bad input, 2 usage\n";

// Terminal columns a UTF-8 string takes (Hangul and CJK are two wide).
size_t display_width(const std::string& s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    w += len >= 3 ? 2 : 1;
    i += len;
  }
  return w;
}

// Where an entity came from: "dictionary", or "rule:" and the rule that first found it.
std::string origin(const Entity& e) {
  if (e.source == "dictionary") return std::string("dictionary");
  return "rule:" + (e.mentions.empty() ? std::string("?") : e.mentions.front().rule);
}

void write_json(const std::vector<const Entity*>& list, std::ostream& out) {
  nlohmann::json arr = nlohmann::json::array();
  for (const Entity* e : list)
    arr.push_back({{"id", e->id}, {"type", to_string(e->type)}, {"name", e->name}, {"aliases", e->aliases},
                   {"mentions", e->mentions.size()}, {"source", e->source}, {"origin", origin(*e)}});
  out << dump(arr, true);
}

// The dictionary's own columns (data/dictionary/README.md), "-" for empty.
void write_tsv(const std::vector<const Entity*>& list, const Corpus& corpus, std::ostream& out) {
  auto cell = [](const std::string& s) { return s.empty() ? std::string("-") : s; };
  out << "type\tname\taliases\tticker\tcountry\twikidata\tmaker\tflags\n";
  for (const Entity* e : list) {
    std::string aliases;
    for (const auto& a : e->aliases) aliases += (aliases.empty() ? "" : "|") + a;
    std::string maker = "-";
    if (auto m = corpus.entities.find(e->maker); m != corpus.entities.end()) maker = m->second.name;
    out << to_string(e->type) << "\t" << e->name << "\t" << cell(aliases) << "\t" << cell(e->ticker) << "\t"
        << cell(e->country) << "\t" << cell(e->wikidata) << "\t" << maker << "\t-\n";
  }
}

// Columns padded to the widest name and type.
void write_table(const std::vector<const Entity*>& list, std::ostream& out) {
  size_t wname = 4, wtype = 4;
  for (const Entity* e : list) {
    wname = std::max(wname, display_width(e->name));
    wtype = std::max(wtype, e->type == EntityType::GovernmentBody ? size_t{14} : std::string(to_string(e->type)).size());
  }
  auto pad = [](const std::string& s, size_t w) { return s + std::string(w > display_width(s) ? w - display_width(s) : 0, ' '); };
  out << pad("name", wname) << "  " << pad("type", wtype) << "  mentions  origin\n";
  for (const Entity* e : list)
    out << pad(e->name, wname) << "  " << pad(to_string(e->type), wtype) << "  " << std::setw(8)
        << e->mentions.size() << "  " << origin(*e) << "\n";
}

}  // namespace

int cmd_entities(const std::vector<std::string>& args, IO io) {
  auto specs = common_specs();
  specs.push_back({"--format", true});
  specs.push_back({"--source", true});
  Options o(specs);
  if (auto done = o.parse_verb(args, kHelp, io.out, io.err)) return *done;
  const std::string format = o.get("--format", "table");
  const std::string source = o.get("--source");
  if (format != "table" && format != "json" && format != "tsv") {
    io.err << "dealgraph: entities --format must be table, json or tsv\n";
    return kUsage;
  }
  if (!source.empty() && source != "dictionary" && source != "rule") {
    io.err << "dealgraph: entities --source must be dictionary or rule\n";
    return kUsage;
  }
  Loaded in;
  if (int rc = load_corpus(o, o.positional(), io, &in); rc != kOk) return rc;
  std::vector<const Entity*> list;
  for (const auto& [id, e] : in.corpus.entities)
    if (source.empty() || e.source == source) list.push_back(&e);
  if (format == "json") write_json(list, io.out);
  else if (format == "tsv") write_tsv(list, in.corpus, io.out);
  else write_table(list, io.out);
  return kOk;
}

}  // namespace dealgraph::cli
