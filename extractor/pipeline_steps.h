// dealgraph/extractor/pipeline_steps.h — internal: the steps of
// Pipeline::add_file, in the order they run. Each is a small function with
// its own unit test (tests/test_pipeline_steps.cpp).
//
//   per file:     Reader::read → (per article) → merge_into
//   per article:  article_id → reference_date → value_regions → tag_regions
//                 → EntityRecognizer::find → drop_values_in_names
//                 → facts_lookup (lookup_facts)
//                 → DealExtractor::extract → deal_parties
//                 → collect_mentions (define_entity) → define_deal_entities
//
// A file's finds are built in a Corpus of their own and merged only when every
// article went through, so a failing file leaves the caller's corpus as it
// was. The functions keep no state between calls; those that write take the
// destination by pointer.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "extractor/deals/deal_types.h"
#include "extractor/entities/dictionary.h"
#include "extractor/entities/mention.h"
#include "extractor/values/tagger.h"

namespace dealgraph::pipeline {

// ---------------------------------------------------------------- article

// "A<n>": the id of the n-th article (1-based) of a corpus, in reading order.
std::string article_id(size_t n);

// The date relative dates of `a` count from: its own date, else `fallback`
// ("YYYY-MM-DD" or ""), else none (relative dates stay unresolved).
std::optional<values::CivilDate> reference_date(const Article& a, const std::string& fallback);

// The parts of an article values are tagged in, one at a time so no value
// runs from the headline into the body: the headline (if any), then each
// paragraph.
std::vector<Span> value_regions(const Article& a);

// Every value of `a`, region by region, with spans into `text` (the file) and
// the article's id.
std::vector<Value> tag_regions(const values::Tagger& tagger, std::string_view text, const Article& a,
                               const std::optional<values::CivilDate>& ref);

// ---------------------------------------------------------------- entities

// Removes the values that overlap a person's name: "이조원 장관" is a minister
// named 이조원, not 2조원 — the title next to the name decided (the entity
// stage's discovery rules), and the name wins over the number.
void drop_values_in_names(const ArticleEntities& found, std::vector<Value>* values);

// What the deal stage may ask of an entity id: the dictionary's facts, else
// the discovery's (which has no flags), else defaults.
EntityFacts lookup_facts(const Dictionary& dict, const ArticleEntities& found, const std::string& id);
// lookup_facts bound to `dict` and `found`, which must outlive the result.
EntityLookup facts_lookup(const Dictionary& dict, const ArticleEntities& found);

// The entity ids that are a party of some deal.
std::set<std::string> deal_parties(const std::vector<Deal>& deals);

// The entity `id` of `entities`, made on first use from its dictionary row
// (source "dictionary") or its discovery (source "rule"); an id known to
// neither gets only its id. An entity already there is returned as it is.
Entity& define_entity(const Dictionary& dict, const ArticleEntities& found, const std::string& id,
                      std::map<std::string, Entity>* entities);

// Adds every mention of `found` to its entity (defined on the way), with its
// text as a seen alias. A weak mention (a country used as a place word) is
// skipped unless its entity is in `parties`.
void collect_mentions(std::string_view text, const std::string& article, const Dictionary& dict,
                      const ArticleEntities& found, const std::set<std::string>& parties,
                      std::map<std::string, Entity>* entities);

// Defines every party and product of `deals` as an entity, even one the text
// does not name (a chip's maker filled in as the seller).
// The roles the recognizer found in article `article` ("Lisa Su, AMD's chief
// executive"), with the words that say them. Both entities are mentions of
// the article, so collect_mentions defines them.
void collect_roles(std::string_view text, const std::string& article, const ArticleEntities& found,
                   std::vector<Role>* roles);
void define_deal_entities(const std::vector<Deal>& deals, const Dictionary& dict, const ArticleEntities& found,
                          std::map<std::string, Entity>* entities);

// ------------------------------------------------------------------- merge

// Adds `from` (one file's entity) into `into` (the corpus's, same id): its
// mentions after the ones there, aliases not yet known, and the maker if
// `into` has none. The rest of `into` stays.
void merge_entity(Entity from, Entity* into);

// Appends one file's articles, deals and values to `corpus` and merges its
// entities (merge_entity for ids already there).
void merge_into(Corpus add, Corpus* corpus);

}  // namespace dealgraph::pipeline
