// dealgraph/extractor/entities/dictionary.h — the industry dictionary.
//
// data/dictionary/*.tsv (format: data/dictionary/README.md): one entity a
// line with type, canonical name, '|'-separated aliases, ticker, country,
// Wikidata id, maker (for chips) and flags. Loading checks every line: a
// wrong column count, an unknown type, an unknown maker, or an alias that
// points at two entities is an Error with file:line.
//
// Thread-safety: immutable after load.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/error.h"
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

// Names compare in this form for duplicate checks: lower case, no spaces or . , - '
std::string fold_alias(const std::string& s);

class Dictionary {
 public:
  // Every "data/dictionary/*.tsv" resource, in path order.
  static Result<Dictionary> load(const Resources& res);

  const std::vector<DictEntry>& entries() const { return entries_; }
  // Index of the entry with this id, or -1.
  int find_id(const std::string& id) const;
  // Index of the entry one of whose names folds to fold_alias(name), or -1.
  int find_name(const std::string& name) const;

 private:
  std::vector<DictEntry> entries_;
  std::map<std::string, int> by_id_;
  std::map<std::string, int> by_folded_;
};

}  // namespace dealgraph
