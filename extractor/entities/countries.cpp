// Step 6: a country is a party only where it acts ("중국 정부가", "미국이",
// "China and Japan agreed"); elsewhere it is a weak mention, and in some
// wordings a place word ("in China", "이스라엘의 스타트업").
// Step 7: the surface forms seen of each entity.
#include <algorithm>
#include <cctype>

#include "extractor/entities/steps.h"

namespace dealgraph::entities {

namespace {

bool all_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// An actor particle ("미국이"), or a government noun right after it ("중국 당국").
bool acts_by_itself(const Scan& scan, const FoundMention& m) {
  if (!m.particle.empty()) return scan.k.table("actor_particle").find(m.particle) != nullptr;
  std::string_view rest = scan.text.substr(m.span.end);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  return scan.k.table("government_noun").longest_prefix(rest) > 0;
}

// Coordinated with the next mention, a country that acts ("한국과 미국이",
// "Japan, China").
bool acts_with_next(const Scan& scan, const FoundMention& m, const FoundMention& next) {
  std::string_view gap = scan.text.substr(m.span.end, next.span.start - m.span.end);
  bool coordinated = gap.size() <= scan.k.settings.coordination_gap &&
                     (scan.k.table("coordinating_particle").find(m.particle) ||
                      contains_any(scan.k.table("coordination_mark"), gap));
  return coordinated && scan.is_country(next) && !next.weak;
}

// "Samsung Electronics of South Korea": a country right after an
// organization and a word of table origin_preposition says where it is from.
bool after_organization(const Scan& scan, size_t k) {
  const auto& ms = scan.mentions();
  if (k == 0 || ms[k - 1].type != EntityType::Organization) return false;
  std::string_view between = scan.text.substr(ms[k - 1].span.end, ms[k].span.start - ms[k - 1].span.end);
  while (!between.empty() && between.front() == ' ') between.remove_prefix(1);
  while (!between.empty() && between.back() == ' ') between.remove_suffix(1);
  return scan.k.table("origin_preposition").find(between) != nullptr;
}

// A weak mention in a script that glues particles has said it is no actor;
// in one that does not ("U.S. clears ..."), only a place preposition or a
// place or an organization before it does ("exports to China", "Dresden,
// Germany", "Samsung Electronics of South Korea").
bool is_place_word(const Scan& scan, size_t k) {
  const auto& ms = scan.mentions();
  const FoundMention& m = ms[k];
  std::string_view before = scan.text.substr(0, m.span.start);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  bool after_place = false;
  if (!before.empty() && before.back() == ',' && k >= 1) {
    const FoundMention& p = ms[k - 1];
    std::string_view between = scan.text.substr(p.span.end, m.span.start - p.span.end);
    after_place = p.type == EntityType::Place && between.find_first_not_of(", ") == std::string_view::npos;
  }
  const size_t prep = scan.k.table("place_preposition").longest_suffix(before);
  const bool after_prep =
      prep > 0 && (prep == before.size() || !std::isalnum(static_cast<unsigned char>(before[before.size() - prep - 1])));
  return !all_ascii(scan.text.substr(m.span.start, m.span.size())) || after_place || after_prep ||
         after_organization(scan, k);
}

}  // namespace

// Back to front, so a country coordinated with the next one sees whether
// that one acts.
void mark_countries(Scan& scan) {
  auto& ms = scan.mentions();
  for (size_t k = ms.size(); k > 0; --k) {
    FoundMention& m = ms[k - 1];
    if (!scan.is_country(m)) continue;
    bool acts = acts_by_itself(scan, m);
    if (!acts && k < ms.size()) acts = acts_with_next(scan, m, ms[k]);
    m.weak = !acts;
    if (m.weak) m.place_word = is_place_word(scan, k - 1);
  }
}

void collect_seen_aliases(Scan& scan) {
  for (const auto& m : scan.mentions()) {
    std::string surface(scan.text.substr(m.span.start, m.span.size()));
    auto& v = scan.out.seen_aliases[m.entity];
    if (std::find(v.begin(), v.end(), surface) == v.end()) v.push_back(surface);
  }
}

}  // namespace dealgraph::entities
