// Steps 1 and 2: names the dictionary knows, and surnames of people named.
#include <algorithm>
#include <cctype>

#include "core/utf8.h"
#include "extractor/entities/steps.h"

namespace dealgraph::entities {

namespace {

// The end of a known organization's mention grown over a legal-form word
// after a space ("마벨 테크놀로지가"); `end` when none follows.
size_t absorb_corporate_suffix(const Knowledge& k, std::string_view text, size_t end, std::string* particle) {
  if (end >= text.size() || text[end] != ' ') return end;
  size_t n = k.table("absorbed_suffix").longest_prefix(text.substr(end + 1));
  std::string p;
  if (n == 0 || !right_edge_ok(k.table("particle"), text, end + 1 + n, &p)) return end;
  *particle = p;
  return end + 1 + n;
}

// The mention of the longest name in `hits` whose right edge is a word edge;
// false when none is.
bool longest_edged_hit(const Scan& scan, size_t start, Span region, const std::vector<NameMatcher::Hit>& hits,
                       FoundMention* m) {
  const Knowledge& k = scan.k;
  std::string particle;
  for (auto it = hits.rbegin(); it != hits.rend(); ++it) {
    if (!right_edge_ok(k.table("particle"), scan.text, it->end, &particle)) continue;
    if (inside_hangul_word(k.table("particle"), scan.text, start, it->end)) continue;
    const DictEntry& e = k.dict->entries()[it->payload];
    m->span = {start, it->end};
    m->entity = e.id;
    m->type = e.type;
    m->rule = "dictionary";
    m->particle = particle;
    if (e.type == EntityType::Organization && particle.empty()) {
      size_t end = absorb_corporate_suffix(k, scan.text.substr(0, region.end), it->end, &particle);
      if (end != it->end) {
        m->span.end = end;
        m->particle = particle;
        m->rule = "dictionary+suffix";
      }
    }
    return true;
  }
  return false;
}

void match_region(Scan& scan, Span region) {
  std::vector<NameMatcher::Hit> hits;
  size_t i = region.start;
  while (i < region.end) {
    size_t len;
    utf8::decode(scan.text, i, &len);
    if (left_edge_ok(scan.text, i)) {
      hits.clear();
      scan.k.matcher.match_at(scan.text.substr(0, region.end), i, &hits);  // shortest first
      FoundMention m;
      if (longest_edged_hit(scan, i, region, hits, &m)) {
        i = m.span.end;
        len = 0;
        scan.append(std::move(m));
      }
    }
    i += len;
  }
}

bool all_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

std::string surname_of(const Settings& s, std::string_view name) {
  auto words = split_words(name);
  if (words.size() >= s.min_person_words && words.back().size() >= s.min_surname && all_ascii(words.back()) &&
      std::isupper(static_cast<unsigned char>(words.back()[0])))
    return std::string(words.back());
  return "";
}

void match_dictionary(Scan& scan) {
  for (const auto& r : scan.regions) match_region(scan, r);
}

// A person named in full ("Jensen Huang") is then named by the last word of
// a Latin name ("Huang은"); only a Capitalized word of some length counts.
void find_surnames(Scan& scan) {
  const Dictionary& dict = *scan.k.dict;
  std::vector<std::pair<std::string, std::string>> surnames;
  for (const auto& m : scan.mentions()) {
    if (m.type != EntityType::Person) continue;
    const DictEntry& e = dict.entries()[dict.find_id(m.entity)];
    std::string s = surname_of(scan.k.settings, e.name);
    if (!s.empty()) surnames.emplace_back(s, e.id);
  }
  for (const auto& [s, id] : surnames) scan.find_everywhere(s, id, EntityType::Person, "surname");
  scan.sort();
}

}  // namespace dealgraph::entities
