// dealgraph/extractor/entities/recognizer.h — finds and links entity mentions.
//
// Per article, in one pass over each text region (headline, paragraphs):
//   1. dictionary names (NameMatcher, longest match) at word edges; a Hangul
//      name must be followed by nothing or a particle from
//      rules/entities/particles.rules, a Latin name by no Latin letter/digit;
//   2. surnames of people already named in the article ("Huang은");
//   3. discovery rules (rules/entities/discover.rules): glosses, names glued
//      to particles, corporate suffixes, chip model names, quoted facilities;
//      discovered names are then found everywhere in the article;
//   4. countries (dictionary flag `country`) count only where they act:
//      followed by an actor particle or a government noun, or coordinated
//      with such a mention; other mentions are kept as `weak` so the deal
//      stage can still use them and the pipeline drops the unused ones.
//
//   auto rec = EntityRecognizer::load(res, dict);
//   ArticleEntities found = rec->find(doc_text, article);
//
// Engine code only: every word it compares against comes from rules/ or
// data/. Immutable after load; find() is const and thread-safe.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/entities/dictionary.h"
#include "extractor/entities/name_matcher.h"
#include "core/error.h"
#include "core/model.h"
#include "core/rule_set.h"

namespace dealgraph {

// An entity the dictionary does not know, made by a discovery rule.
struct DiscoveredEntity {
  std::string id;
  EntityType type = EntityType::Organization;
  std::string name;
  std::vector<std::string> aliases;
  std::string maker;  // entity id or ""
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
};

struct ArticleEntities {
  std::vector<FoundMention> mentions;               // sorted, non-overlapping
  std::map<std::string, DiscoveredEntity> discovered;  // by id
  std::map<std::string, std::vector<std::string>> seen_aliases;  // id -> surface forms
};

class EntityRecognizer {
 public:
  static Result<EntityRecognizer> load(const Resources& res, const Dictionary& dict);

  ArticleEntities find(std::string_view text, const Article& article) const;

  const Dictionary& dictionary() const { return *dict_; }
  // The type of a dictionary or discovered entity id (Organization if unknown).
  EntityType type_of(const std::string& id, const ArticleEntities& found) const;

 private:
  struct Candidate {
    size_t start, end;
    int entry;  // dictionary index
  };
  void match_dictionary(std::string_view text, Span region, std::vector<FoundMention>* out) const;
  // The end of a known organization's mention grown over a legal-form word
  // after a space ("마벨 테크놀로지가"); `end` when none follows.
  size_t absorb_corporate_suffix(std::string_view text, size_t end, std::string* particle) const;
  bool right_edge_ok(std::string_view text, size_t end, std::string* particle) const;
  bool left_edge_ok(std::string_view text, size_t start) const;

  const Dictionary* dict_ = nullptr;
  NameMatcher matcher_;
  rules::RuleSet particles_;  // rules/entities: tables and discovery rules
};

}  // namespace dealgraph
