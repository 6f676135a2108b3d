// dealgraph/extractor/entities/steps.h — the recognizer's steps, one by one.
//
// Internal to extractor/entities (the public header is recognizer.h); tests
// call the steps one at a time. EntityRecognizer::find runs them in this
// order over one article, each reading and growing one Scan:
//
//   Scan scan(knowledge, text, article);
//   match_dictionary(scan);      // 1. known names at word edges (+ legal-form words)
//   find_surnames(scan);         // 2. "Huang" once "Jensen Huang" was named
//   apply_discovery_rules(scan); // 3. glosses, glued names, suffixes, titles, descriptors, lists
//   spread_discovered(scan);     // 4. a discovered name found everywhere (a person's surname too)
//   link_korean_surnames(scan);  // 4b. "이 위원장은" -> the 이억원 named in the article; "Son's" -> Masayoshi Son
//   extend_families(scan);       // 5. "MTIA" + " 400" -> chip "MTIA 400"
//   mark_countries(scan);        // 6. country: actor, weak, or a place word
//   find_roles(scan);            // 6b. person -> organization roles ("박상진 산업은행 회장")
//   mark_contexts(scan);         // 6c. "a filing with the SEC": the regulator is no party
//   find_divisions(scan);        // 6d. "the memory division of Toshiba": a division, part_of its owner
//   collect_seen_aliases(scan);  // 7. the surface forms seen per entity
//   ArticleEntities found = std::move(scan.out);
//
// Every word a step compares against is a table of rules/entities/, every
// distance a number of its `table settings` (knowledge.h).
// Thread-safety: a Scan belongs to one call; Knowledge is shared read-only.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "extractor/entities/knowledge.h"
#include "extractor/entities/mention.h"

namespace re2 {
class RE2;
}

namespace dealgraph::entities {

// ------------------------------------------------------------ word edges

// A name may start at `start`: the character before it is of another script
// (or none), so "인텔" does not start inside "반인텔".
bool left_edge_ok(std::string_view text, size_t start);
// A name may end at `end`: what follows is of another script, or a Hangul
// name is followed by a particle of `particles` (set into *particle). A Latin
// name may touch Hangul ("Nvidia칩").
bool right_edge_ok(const rules::Table& particles, std::string_view text, size_t end, std::string* particle);
// A Latin name with Hangul glued on both sides and no particle after it is
// part of a Korean compound ("통신CIC장": the head of a company-in-company),
// not a mention of the name.
bool inside_hangul_word(const rules::Table& particles, std::string_view text, size_t start, size_t end);
// The Hangul run that starts at `pos` ("" when none).
std::string_view hangul_run(std::string_view text, size_t pos);
// The words of `s`, split at spaces.
std::vector<std::string_view> split_words(std::string_view s);
// The last word of a person's Latin name in full, when it may stand alone
// ("Jensen Huang" -> "Huang"; settings min_person_words, min_surname); "" else.
std::string surname_of(const Settings& s, std::string_view name);
// Is `short_name` made of the initials of `name`'s capitalized words, in
// order, the first one first? "SMIC" of "Semiconductor Manufacturing
// International Corp", "SEC" of "Securities and Exchange Commission"
// (discovery.cpp; the alias rules and Latin glosses).
bool initials_match(std::string_view short_name, std::string_view name);
// Some key of `t` occurs in `s`.
bool contains_any(const rules::Table& t, std::string_view s);

// ------------------------------------------------- one article's working set

struct Scan {
  Scan(const Knowledge& k, std::string_view text, const Article& article);

  const Knowledge& k;
  std::string_view text;
  std::vector<Span> regions;  // headline, then paragraphs
  // Whether `rule` (one of k.rules) can match in regions[region], by the
  // literals its matches must hold (Knowledge::filter).
  bool may_match(const rules::Rule& rule, size_t region) const;
  ArticleEntities out;

  // The mentions to change: the Scan no longer assumes them ordered (sort()
  // checks again). Readers use the const overload.
  std::vector<FoundMention>& mentions() {
    ordered_ = false;
    return out.mentions;
  }
  const std::vector<FoundMention>& mentions() const { return out.mentions; }
  bool overlaps(size_t s, size_t e) const;
  // The first mention that covers [s, e), or nullptr.
  FoundMention* covering(size_t s, size_t e);
  // The last mention (in order) ending at most `max_gap` bytes plus its
  // particle before `pos`, or nullptr.
  const FoundMention* mention_before(size_t pos, size_t max_gap) const;
  // The mentions that intersect [s, e), in order: indexes [first, second).
  // Ordered mentions answer by binary search, others by a full pass (then
  // the range may hold mentions that do not intersect: callers test each).
  std::pair<size_t, size_t> intersecting(size_t s, size_t e) const;
  void sort();
  // Adds a mention unless it overlaps one; its particle is read off the text.
  bool add(size_t s, size_t e, const std::string& id, EntityType type, const std::string& rule);
  // Appends a mention that overlaps none (the dictionary's longest matches).
  void append(FoundMention m);
  // Drops the mention at `index` (the rest stay ordered).
  void erase(size_t index) { out.mentions.erase(out.mentions.begin() + static_cast<std::ptrdiff_t>(index)); }

 private:
  // The mentions are sorted by span and pairwise disjoint, so the queries
  // above are binary searches and sort() has nothing to do: a line of a
  // million names stays linear. Cleared by any change through mentions().
  bool ordered_ = true;
  size_t longest_particle_ = 0;  // bounds mention_before's walk back
  std::vector<std::vector<bool>> may_;  // per region, per rule; empty: no filter
 public:
  // Adds `name` at every word-edged place in the regions.
  void find_everywhere(const std::string& name, const std::string& id, EntityType type, const std::string& rule);
  // The dictionary id of `name`, or the id of a new discovered entity.
  std::string define(EntityType type, const std::string& name, const std::string& rule);
  // A dictionary country or place.
  bool is_country(const FoundMention& m) const;
  // The particle glued at `end` ("" when none).
  std::string particle_at(size_t end) const;
};

// ------------------------------------------------------------------ steps

void match_dictionary(Scan& scan);
void find_surnames(Scan& scan);
void apply_discovery_rules(Scan& scan);
void spread_discovered(Scan& scan);
// Rules of kind `surname`: group `surname` (a Korean surname before a title)
// is the person named nearest before it whose Hangul name starts with it and
// is at most settings.max_korean_name bytes long; with `of: dictionary`, the
// one dictionary person with that surname ("Son's" -> Masayoshi Son, never
// named in full). A match whose group `skip` took part links nothing (people.cpp).
void link_korean_surnames(Scan& scan);
// Rules of kind `role`: groups `person` and `org` must each start at a mention
// of that kind (a Person; an Organization or GovernmentBody) and end no
// earlier than it; group `role` is the title (people.cpp).
void find_roles(Scan& scan);
// Rules of kind `context`: the mention (an organization or government body;
// with `body: government`, a government body only) that starts group `body`
// takes the rule's `context` ("filing": the regulator a company files with).
void mark_contexts(Scan& scan);
// Rules of kind `division`: group `division` (words no mention covers) is a
// new organization owned by the Organization whose mention starts group
// `owner` ("the memory division of Toshiba Corp"): named "<owner> <words>",
// part_of the owner (people.cpp).
void find_divisions(Scan& scan);
void extend_families(Scan& scan);
void mark_countries(Scan& scan);
void collect_seen_aliases(Scan& scan);

// ------------------------------------------------ parts of the gloss rule

// A gloss "삼바노바 시스템즈(SambaNova Systems)" as matched: the Hangul side
// trimmed to as many words as the Latin side has, stopping at a descriptor.
struct Gloss {
  size_t ko_start = 0, ko_end = 0, en_start = 0, en_end = 0;
  std::vector<std::string_view> ko_words, en_words;
  size_t taken = 0;  // Hangul words kept
  size_t region_start = 0;
};
// false when no Hangul word is left.
bool trim_gloss(const Knowledge& k, std::string_view text, std::string_view ko, std::string_view en, Gloss* g);
// Links a gloss to a known mention on either side, or types and defines it.
void apply_gloss(Scan& scan, const rules::Rule& rule, const Gloss& g);
// The type a new glossed name gets from its context, if any.
std::optional<EntityType> type_new_gloss(const Scan& scan, const Gloss& g);
// Looks like a person's name: a few Capitalized Latin words (settings
// min_person_words..max_person_words) glossed word by word.
bool person_shaped(const Knowledge& k, const Gloss& g);

}  // namespace dealgraph::entities
