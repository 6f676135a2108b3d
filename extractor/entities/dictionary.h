// dealgraph/extractor/entities/dictionary.h — the industry dictionary.
//
//   auto dict = Dictionary::load(Resources::embedded());
//   if (!dict) { std::cerr << dict.error().to_string() << "\n"; return 1; }
//   int i = dict->find_name("엔비디아");          // -> the NVIDIA row
//   const DictEntry& e = dict->entries()[i];     // e.id == "org:nvidia"
//
// data/dictionary/*.tsv (format: data/dictionary/README.md): one entity a
// line with type, canonical name, '|'-separated aliases, ticker, country,
// Wikidata id, maker (for chips) and flags. Loading is the dictionary's only
// checker; every mistake is an Error with file:line and the offending text:
//   - a byte-order mark, a CRLF line, a missing header, a wrong column count,
//     an empty or space-padded cell ('-' is the empty value);
//   - an unknown type or flag, flag `country` off a GovernmentBody row, a '|'
//     in a name, an empty, padded or '-' alias;
//   - a malformed ticker (EXCHANGE:SYMBOL), country (ISO alpha-2) or
//     Wikidata id (Q123);
//   - a maker on a row that is not a Chip or Product, or a maker that is not
//     an Organization's name;
//   - two rows with one entity id, or one name (after fold_name, core/fold.h)
//     on two rows: the error names both lines.
//
// Thread-safety: immutable after load.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/fold.h"
#include "core/model.h"
#include "core/resources.h"

namespace dealgraph {

struct DictEntry {
  EntityType type = EntityType::Organization;
  std::string id;       // derived: entity_id(type, name)
  std::string name;
  std::vector<std::string> aliases;
  std::string ticker, country, wikidata;
  std::string maker;    // entity id of the maker, resolved at load
  std::vector<std::string> flags;
  std::string file;
  int line = 0;
  bool has_flag(const std::string& f) const;
};

// "org:nvidia", "chip:h200", "person:jensen-huang", "gov:united-states".
std::string entity_id(EntityType type, const std::string& name);

class Dictionary {
 public:
  // Every "data/dictionary/*.tsv" resource, in path order.
  static Result<Dictionary> load(const Resources& res);

  const std::vector<DictEntry>& entries() const { return entries_; }
  // Index of the entry with this id, or -1.
  int find_id(const std::string& id) const;
  // Index of the entry one of whose names folds as `name` does, or -1.
  int find_name(const std::string& name) const;

 private:
  Status add_file(const std::string& path, const std::string& text,
                  std::vector<std::pair<int, std::string>>* makers);
  Status add_entry(DictEntry e, const std::string& line);
  Status resolve_makers(const std::vector<std::pair<int, std::string>>& makers);

  std::vector<DictEntry> entries_;
  std::map<std::string, int> by_id_;
  std::map<std::string, int> by_folded_;
};

}  // namespace dealgraph
