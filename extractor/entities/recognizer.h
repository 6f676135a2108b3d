// dealgraph/extractor/entities/recognizer.h — finds and links entity mentions.
//
//   auto dict = Dictionary::load(res);              // data/dictionary/*.tsv
//   auto rec = EntityRecognizer::load(res, *dict);  // rules/entities/*.rules
//   if (!rec) return rec.error();                   // file:line of a bad rule or setting
//   ArticleEntities found = rec->find(doc_text, article);
//   for (const FoundMention& m : found.mentions) ...  // extractor/entities/mention.h
//
// What find() does, per article, over its headline and paragraphs (the steps
// are extractor/entities/steps.h, one small function each):
//   1. dictionary names (longest match) at word edges; a Hangul name must be
//      followed by nothing or a particle (table `particle`), a Latin name by
//      no Latin letter or digit; an organization grows over a legal-form word
//      after it ("마벨 테크놀로지", table `absorbed_suffix`);
//   2. surnames of people already named in the article ("Huang은");
//   3. discovery rules (rules/entities/discover.rules): glosses, names glued
//      to particles, corporate suffixes, chip model names, quoted facilities;
//   4. discovered names are then found everywhere in the article; a Korean
//      surname alone before a title is the person named before it ("이
//      위원장은"; rules of kind `surname`);
//   5. a chip family followed by a number becomes that chip ("MTIA 400");
//   6. countries (dictionary flag `country`) count only where they act:
//      followed by an actor particle or a government noun, or coordinated
//      with such a mention; other mentions are kept as `weak` so the deal
//      stage can still use them and the pipeline drops the unused ones;
//   6b. a person's role at an organization where the text says it ("박상진
//      산업은행 회장", "Sanjay Mehrotra, Micron's chief executive"; rules of
//      kind `role`, into ArticleEntities::roles);
//   7. the surface forms seen of each entity.
//
// Engine code only: every word it compares against is a table of
// rules/entities/ or data/, every byte window a number of `table settings`;
// load() checks both and returns an Error with file:line when one is missing
// or malformed.
//
// Ownership: the recognizer keeps a pointer to `dict`, which must outlive it.
// Thread-safety: immutable after load; find() is const and thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/model.h"
#include "core/resources.h"
#include "extractor/entities/dictionary.h"
#include "extractor/entities/mention.h"

namespace dealgraph {

namespace entities {
struct Knowledge;
}

class EntityRecognizer {
 public:
  static Result<EntityRecognizer> load(const Resources& res, const Dictionary& dict);

  // Every mention of a known or discovered entity in `article` (whose spans
  // index `text`), sorted and non-overlapping.
  ArticleEntities find(std::string_view text, const Article& article) const;

  const Dictionary& dictionary() const;
  // The type of a dictionary or discovered entity id (Organization if unknown).
  EntityType type_of(const std::string& id, const ArticleEntities& found) const;

 private:
  std::shared_ptr<const entities::Knowledge> k_;
};

}  // namespace dealgraph
