// dealgraph/extractor/entities/mention.h — what the entity stage hands on.
//
// The plain values the recognizer returns and the deal stage reads: one
// mention of an entity in the text, an entity the dictionary does not know,
// and all of one article's finds. No behaviour, so a stage that only reads
// mentions includes this header and not the recognizer's.
//
//   for (const FoundMention& m : found.mentions)
//     if (m.type == EntityType::Chip && !m.weak) use(m.entity, m.span);
//
// Thread-safety: plain values.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/model.h"

namespace dealgraph {

// An entity the dictionary does not know, made by a discovery rule.
struct DiscoveredEntity {
  std::string id;
  EntityType type = EntityType::Organization;
  std::string name;
  std::vector<std::string> aliases;
  std::string maker;  // entity id or ""
  std::string part_of;  // a division's owner, entity id or ""
  std::string rule;
};

struct FoundMention {
  Span span;              // the name, particles excluded
  std::string entity;     // entity id
  EntityType type = EntityType::Organization;
  std::string rule;       // "dictionary", "surname" or a discovery rule
  std::string particle;   // the particle glued after it, if any
  bool weak = false;      // a country with no sign of acting (no actor particle, no government noun)
  // A mention that names where, not who: a weak country in glued-particle
  // script ("이스라엘의 스타트업"), or after a place preposition or a place and a
  // comma ("in China", "Dresden, Germany"). The deal stage reads it as words.
  bool place_word = false;
  // "filing": a regulator addressed in a filing ("said in a filing with the
  // Securities and Exchange Commission", "금융감독원 전자공시"), never a deal
  // party; "" otherwise (a `context` rule, docs/entities.md).
  std::string context;
};

// "Sanjay Mehrotra, Micron's chief executive", "박상진 산업은행 회장": a person
// holds a role at an organization, as the text says (a `role` rule whose
// person and org groups are both mentions).
struct FoundRole {
  Span span;           // the words that say it
  std::string person;  // entity id
  std::string org;     // entity id
  std::string title;   // the role's words as written: "chief executive", "회장"
  std::string rule;
};

struct ArticleEntities {
  std::vector<FoundMention> mentions;               // sorted, non-overlapping
  std::vector<FoundRole> roles;                     // in text order
  std::map<std::string, DiscoveredEntity> discovered;  // by id
  std::map<std::string, std::vector<std::string>> seen_aliases;  // id -> surface forms
};

}  // namespace dealgraph
