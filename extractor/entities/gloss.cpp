// The gloss rule: a name spelled twice, "삼바노바 시스템즈(SambaNova Systems)"
// or "Groq(그록)". One side known links the other; neither known makes a
// new entity when its context says what it is.
#include <algorithm>
#include <cctype>

#include "core/utf8.h"
#include "extractor/entities/steps.h"

namespace dealgraph::entities {

namespace {

size_t offset_in(std::string_view text, std::string_view part) {
  return static_cast<size_t>(part.data() - text.data());
}

bool is_descriptor(const Knowledge& k, std::string_view w) {
  const rules::Table& descriptor = k.table("descriptor");
  return descriptor.find(w) || descriptor.longest_suffix(w) > 0;
}

// "알파웨이브 IP 그룹(Alphawave IP Group)": a known name inside the Hangul side
// grows to the whole side when every mention there is the Latin side's entity.
// "사내독립기업(CIC)": a Hangul side that ends in a common noun (table
// generic_head_ko) explains an acronym; it is no spelling of a known name.
bool generic_hangul_side(const Scan& scan, const Gloss& g) {
  std::string_view ko = scan.text.substr(g.ko_start, g.ko_end - g.ko_start);
  return scan.k.table("generic_head_ko").longest_suffix(ko) > 0;
}

void grow_into_hangul_side(Scan& scan, const rules::Rule& rule, const Gloss& g, const FoundMention& latin) {
  auto& ms = scan.mentions();
  auto inside = [&](const FoundMention& m) { return m.span.start < g.ko_end && g.ko_start < m.span.end; };
  bool same = true, any = false;
  for (const auto& m : ms)
    if (inside(m)) {
      any = true;
      same = same && m.entity == latin.entity && m.span.start >= g.ko_start;
    }
  std::string id = latin.entity;
  EntityType type = latin.type;
  if (any && same) {
    ms.erase(std::remove_if(ms.begin(), ms.end(), inside), ms.end());
    scan.add(g.ko_start, g.ko_end, id, type, rule.name);
  } else if (!any) {
    scan.add(g.ko_start, g.ko_end, id, type, rule.name);
  }
}

// "사내독립기업(CIC)": the acronym is explained by a common noun here, so the
// known name it spells elsewhere (China Investment Corporation) is not meant.
void drop_explained_acronym(Scan& scan, const Gloss& g, const FoundMention& latin) {
  std::string_view en = scan.text.substr(latin.span.start, latin.span.size());
  bool acronym = std::none_of(en.begin(), en.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  if (!acronym || latin.span.start != g.en_start || latin.span.end != g.en_end) return;
  auto& ms = scan.mentions();
  ms.erase(std::remove_if(ms.begin(), ms.end(), [&](const FoundMention& m) { return &m == &latin; }), ms.end());
}

// Neither side known: type the name from its context and define it, the
// Hangul side becoming an alias.
void define_new_gloss(Scan& scan, const rules::Rule& rule, const Gloss& g) {
  std::optional<EntityType> type = type_new_gloss(scan, g);
  std::string ko(scan.text.substr(g.ko_start, g.ko_end - g.ko_start));
  std::string en(scan.text.substr(g.en_start, g.en_end - g.en_start));
  if (!type || scan.k.table("not_a_name").find(en)) return;
  std::string id = scan.define(*type, en, rule.name);
  scan.add(g.ko_start, g.ko_end, id, *type, rule.name);
  scan.add(g.en_start, g.en_end, id, *type, rule.name);
  auto d = scan.out.discovered.find(id);
  if (d != scan.out.discovered.end() &&
      std::find(d->second.aliases.begin(), d->second.aliases.end(), ko) == d->second.aliases.end())
    d->second.aliases.push_back(ko);
}

// The word before the Hangul side, in its region ("" when none).
std::string_view word_before(const Scan& scan, const Gloss& g) {
  if (g.ko_start == 0) return {};
  auto before = split_words(scan.text.substr(g.region_start, g.ko_start - g.region_start));
  return before.empty() ? std::string_view() : before.back();
}

// After a country, or after a word ending in a region suffix ("경기도"): a place.
bool after_region(const Scan& scan, const Gloss& g, std::string_view prev_word) {
  const FoundMention* prev = scan.mention_before(g.ko_start, scan.k.settings.region_gap);
  if (prev) return scan.is_country(*prev);
  return !prev_word.empty() && scan.k.table("region_suffix").longest_suffix(prev_word) > 0 &&
         prev_word.size() >= scan.k.settings.min_region_word;
}

}  // namespace

bool trim_gloss(const Knowledge& k, std::string_view text, std::string_view ko, std::string_view en, Gloss* g) {
  g->ko_words = split_words(ko);
  g->en_words = split_words(en);
  // Trim the Hangul side to as many words as the Latin side has, stopping
  // at a descriptor word ("스타트업 삼바노바 시스템즈").
  const auto& kw = g->ko_words;
  size_t take = 0;
  for (size_t i = kw.size(); i > 0 && take < std::max<size_t>(g->en_words.size(), 1); --i) {
    if (take > 0 && is_descriptor(k, kw[i - 1])) break;
    ++take;
  }
  if (take == 0 || kw.empty()) return false;
  g->taken = take;
  g->ko_start = offset_in(text, kw[kw.size() - take]);
  g->ko_end = offset_in(text, ko) + ko.size();
  g->en_start = offset_in(text, en);
  g->en_end = g->en_start + en.size();
  return true;
}

// "Amazon Web Services(AWS)" is a gloss, "Kestrel Photonics Group (QRT)" and
// "Nordwind Capital (2019)" are not: a side in Latin capitals or digits must
// be the other side's initials.
bool latin_sides_agree(const Scan& scan, const Gloss& g) {
  std::string_view ko = scan.text.substr(g.ko_start, g.ko_end - g.ko_start);
  bool latin = std::all_of(ko.begin(), ko.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  bool caps = std::none_of(ko.begin(), ko.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  return !latin || !caps || initials_match(ko, scan.text.substr(g.en_start, g.en_end - g.en_start));
}

void apply_gloss(Scan& scan, const rules::Rule& rule, const Gloss& g) {
  if (!latin_sides_agree(scan, g)) return;
  FoundMention* mk = scan.covering(g.ko_start, g.ko_end);
  FoundMention* me = scan.covering(g.en_start, g.en_end);
  if (mk && !me) {
    scan.add(g.en_start, g.en_end, mk->entity, mk->type, rule.name);
  } else if (me && !mk && generic_hangul_side(scan, g)) {
    drop_explained_acronym(scan, g, *me);
  } else if (me && !mk) {
    grow_into_hangul_side(scan, rule, g, *me);
  } else if (!mk && !me && rule.attr("new", "yes") != "no" && !scan.overlaps(g.ko_start, g.ko_end) &&
             !scan.overlaps(g.en_start, g.en_end)) {
    define_new_gloss(scan, rule, g);
  }
}

bool person_shaped(const Knowledge& k, const Gloss& g) {
  const auto& ew = g.en_words;
  const auto& kw = g.ko_words;
  const Settings& s = k.settings;
  if (ew.size() < s.min_person_words || ew.size() > s.max_person_words || g.taken != ew.size()) return false;
  for (auto w : ew)
    if (!std::isupper(static_cast<unsigned char>(w[0])) || w.find_first_of("0123456789") != std::string_view::npos)
      return false;
  for (size_t i = kw.size() - g.taken; i < kw.size(); ++i)
    if (!std::all_of(kw[i].begin(), kw[i].end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
      return false;
  return !k.table("corporate_suffix_en").find(ew.back()) && !k.table("not_a_name").find(ew.front());
}

std::optional<EntityType> type_new_gloss(const Scan& scan, const Gloss& g) {
  const Knowledge& k = scan.k;
  std::string_view text = scan.text;
  // What follows the gloss: its particle, and a window for a person's title.
  size_t after = std::min(std::max(g.ko_end, g.en_end) + 1, text.size());  // past ')'
  std::string_view particle = hangul_run(text, after);
  std::string_view tail = utf8::clip(text.substr(after), k.settings.title_window);
  if (size_t close = text.find(')', g.en_end); close != std::string_view::npos) {
    particle = hangul_run(text, close + 1);
    tail = utf8::clip(text.substr(close + 1), k.settings.title_window_after_paren);
  }
  const bool titled = particle.empty() && contains_any(k.table("person_title"), tail);
  const std::string_view prev_word = word_before(scan, g);
  const bool has_particle = !particle.empty();
  const bool argument = has_particle && k.table("argument_particle").find(particle);
  std::string ko(text.substr(g.ko_start, g.ko_end - g.ko_start));
  if (contains_any(k.table("chip_head"), ko)) return EntityType::Chip;
  if (titled || (argument && person_shaped(k, g))) return EntityType::Person;
  if (after_region(scan, g, prev_word) && (!has_particle || k.table("locative_particle").find(particle)))
    return EntityType::Place;
  if (argument || (has_particle && k.table("particle").find(particle))) return EntityType::Organization;
  if (!prev_word.empty() && is_descriptor(k, prev_word)) return EntityType::Organization;
  return std::nullopt;
}

}  // namespace dealgraph::entities
