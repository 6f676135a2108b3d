#include "extractor/entities/recognizer.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

#include "core/utf8.h"

namespace dealgraph {

namespace {

// The script class of a code point, for word edges.
enum class Script { None, Latin, Hangul, Han };
Script script_of(char32_t c) {
  if (utf8::is_latin_alnum(c)) return Script::Latin;
  if (utf8::is_hangul(c)) return Script::Hangul;
  if (utf8::is_han(c)) return Script::Han;
  return Script::None;
}

bool has_lower(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}
std::string ascii_upper(std::string_view s) {
  std::string o(s);
  for (auto& c : o) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return o;
}
bool has_hangul(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t len;
    if (utf8::is_hangul(utf8::decode(s, i, &len))) return true;
    i += len;
  }
  return false;
}

bool all_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool contains_any(const rules::Table& t, std::string_view s) {
  for (const auto& [k, v] : t.entries)
    if (s.find(k) != std::string_view::npos) return true;
  return false;
}

// The Hangul run that starts at `pos`.
std::string_view hangul_run(std::string_view text, size_t pos) {
  size_t i = pos;
  while (i < text.size()) {
    size_t len;
    char32_t c = utf8::decode(text, i, &len);
    if (!utf8::is_hangul(c)) break;
    i += len;
  }
  return text.substr(pos, i - pos);
}

}  // namespace

Result<EntityRecognizer> EntityRecognizer::load(const Resources& res, const Dictionary& dict) {
  auto set = rules::RuleSet::load(res, "rules/entities");
  if (!set) return set.error();
  if (Status st = set->require_tables("rules/entities", {"particle", "actor_particle", "government_noun", "person_title", "chip_head",
                        "descriptor", "locative_particle", "argument_particle", "not_a_name", "region_suffix", "absorbed_suffix", "place_preposition"}); !st) return st.error();
  for (const auto& r : set->rules()) {
    std::string kind = r.attr("kind");
    if (kind != "gloss" && kind != "name" && kind != "quoted" && kind != "variant")
      return Error::at(r.file, r.line, 1, "rule " + r.name + ": unknown kind '" + kind + "'",
                       "(expected gloss, name, quoted or variant)");
    if ((kind == "name" || kind == "quoted") && !entity_type_from(r.attr("type")))
      return Error::at(r.file, r.line, 1, "rule " + r.name + ": unknown type '" + r.attr("type") + "'");
  }
  EntityRecognizer rec;
  rec.dict_ = &dict;
  rec.particles_ = std::move(*set);
  const auto& entries = dict.entries();
  for (size_t i = 0; i < entries.size(); ++i) {
    std::vector<std::string> names = entries[i].aliases;
    names.push_back(entries[i].name);
    for (const auto& n : names) {
      auto p = static_cast<uint32_t>(i);
      rec.matcher_.add(n, p);
      // Korean press spaces compound names either way ("앤드리슨 호로위츠",
      // "앤드리슨호로위츠"): a spaced Hangul form also matches glued. (The
      // dictionary checker folds spaces, so the glued form is nobody else's.)
      if (n.find(' ') != std::string::npos && has_hangul(n)) {
        std::string glued;
        for (char c : n)
          if (c != ' ') glued += c;
        rec.matcher_.add(glued, p);
      }
      if (all_ascii(n) && has_lower(n) && n.size() >= 3) rec.matcher_.add(ascii_upper(n), p);
      if (all_ascii(n) && !has_lower(n) && n.size() >= 4 && std::isalpha(static_cast<unsigned char>(n[0]))) {
        std::string cap = n;
        for (size_t k = 1; k < cap.size(); ++k)
          cap[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(cap[k])));
        rec.matcher_.add(cap, p);
      }
    }
  }
  return rec;
}

bool EntityRecognizer::left_edge_ok(std::string_view text, size_t start) const {
  size_t len;
  char32_t prev = utf8::decode_before(text, start, &len);
  char32_t first = utf8::decode(text, start, &len);
  Script a = script_of(first), b = script_of(prev);
  return a == Script::None || a != b;
}

bool EntityRecognizer::right_edge_ok(std::string_view text, size_t end, std::string* particle) const {
  particle->clear();
  if (end >= text.size()) return true;
  size_t len;
  char32_t last = utf8::decode_before(text, end, &len);
  char32_t next = utf8::decode(text, end, &len);
  Script a = script_of(last), b = script_of(next);
  if (b == Script::None) return true;
  if (b == Script::Hangul) {
    std::string_view run = hangul_run(text, end);
    const auto& particles = particles_.need_table("particle");
    if (particles.find(run)) {
      *particle = std::string(run);
      return true;
    }
    return a != Script::Hangul;  // "Nvidia칩": a Latin name may touch Hangul
  }
  return a != b;
}

size_t EntityRecognizer::absorb_corporate_suffix(std::string_view text, size_t end, std::string* particle) const {
  if (end >= text.size() || text[end] != ' ') return end;
  std::string_view rest = text.substr(end + 1);
  size_t n = particles_.need_table("absorbed_suffix").longest_prefix(rest);
  std::string p;
  if (n == 0 || !right_edge_ok(text, end + 1 + n, &p)) return end;
  *particle = p;
  return end + 1 + n;
}

void EntityRecognizer::match_dictionary(std::string_view text, Span region,
                                        std::vector<FoundMention>* out) const {
  std::vector<NameMatcher::Hit> hits;
  const auto& entries = dict_->entries();
  size_t i = region.start;
  std::string particle;
  while (i < region.end) {
    size_t len;
    utf8::decode(text, i, &len);
    if (left_edge_ok(text, i)) {
      hits.clear();
      matcher_.match_at(text.substr(0, region.end), i, &hits);
      // longest first
      for (auto it = hits.rbegin(); it != hits.rend(); ++it) {
        if (!right_edge_ok(text, it->end, &particle)) continue;
        const DictEntry& e = entries[it->payload];
        FoundMention m;
        m.span = {i, it->end};
        m.entity = e.id;
        m.type = e.type;
        m.rule = "dictionary";
        m.particle = particle;
        if (e.type == EntityType::Organization && particle.empty()) {
          size_t end = absorb_corporate_suffix(text.substr(0, region.end), it->end, &particle);
          if (end != it->end) {
            m.span.end = end;
            m.particle = particle;
            m.rule = "dictionary+suffix";
          }
        }
        i = m.span.end;
        len = 0;
        out->push_back(std::move(m));
        break;
      }
    }
    i += len;
  }
}

EntityType EntityRecognizer::type_of(const std::string& id, const ArticleEntities& found) const {
  int idx = dict_->find_id(id);
  if (idx >= 0) return dict_->entries()[idx].type;
  auto it = found.discovered.find(id);
  return it != found.discovered.end() ? it->second.type : EntityType::Organization;
}

ArticleEntities EntityRecognizer::find(std::string_view text, const Article& article) const {
  ArticleEntities out;
  std::vector<Span> regions;
  if (article.headline_span.size()) regions.push_back(article.headline_span);
  for (const auto& p : article.paragraphs) regions.push_back(p);

  std::vector<FoundMention>& ms = out.mentions;
  for (const auto& r : regions) match_dictionary(text, r, &ms);

  auto overlaps = [&](size_t s, size_t e) {
    for (const auto& m : ms)
      if (m.span.start < e && s < m.span.end) return true;
    return false;
  };
  auto covering = [&](size_t s, size_t e) -> FoundMention* {
    for (auto& m : ms)
      if (m.span.start <= s && e <= m.span.end) return &m;
    return nullptr;
  };
  auto sort_mentions = [&] {
    std::sort(ms.begin(), ms.end(), [](const FoundMention& a, const FoundMention& b) { return a.span < b.span; });
  };
  const auto& entries = dict_->entries();
  auto add_mention = [&](size_t s, size_t e, const std::string& id, EntityType type, const std::string& rule) {
    if (overlaps(s, e)) return false;
    FoundMention m;
    m.span = {s, e};
    m.entity = id;
    m.type = type;
    m.rule = rule;
    std::string particle;
    right_edge_ok(text, e, &particle);
    m.particle = particle;
    ms.push_back(std::move(m));
    return true;
  };
  // Finds every occurrence of `name` in the regions at word edges.
  auto find_everywhere = [&](const std::string& name, const std::string& id, EntityType type,
                             const std::string& rule) {
    if (name.size() < 2) return;
    std::string particle;
    for (const auto& r : regions) {
      std::string_view region = text.substr(0, r.end);
      for (size_t pos = region.find(name, r.start); pos != std::string_view::npos;
           pos = region.find(name, pos + 1)) {
        if (left_edge_ok(text, pos) && right_edge_ok(text, pos + name.size(), &particle))
          add_mention(pos, pos + name.size(), id, type, rule);
      }
    }
  };

  // 2. surnames of people named in this article
  std::vector<std::pair<std::string, std::string>> surnames;
  for (const auto& m : ms) {
    if (m.type != EntityType::Person) continue;
    const DictEntry& e = entries[dict_->find_id(m.entity)];
    auto words = split_words(e.name);
    if (words.size() >= 2 && words.back().size() >= 3 && all_ascii(words.back()) &&
        std::isupper(static_cast<unsigned char>(words.back()[0])))
      surnames.emplace_back(std::string(words.back()), e.id);
  }
  for (const auto& [s, id] : surnames) find_everywhere(s, id, EntityType::Person, "surname");
  sort_mentions();

  // 3. discovery rules
  const auto& not_a_name = particles_.need_table("not_a_name");
  const auto& descriptor = particles_.need_table("descriptor");
  const auto& person_title = particles_.need_table("person_title");
  const auto& chip_head = particles_.need_table("chip_head");
  const auto& locative = particles_.need_table("locative_particle");
  const auto& argument = particles_.need_table("argument_particle");
  const auto& region_suffix = particles_.need_table("region_suffix");
  const auto& particle_table = particles_.need_table("particle");

  auto define = [&](EntityType type, const std::string& name, const std::string& rule) -> std::string {
    int known = dict_->find_name(name);
    if (known >= 0) return entries[known].id;
    std::string id = entity_id(type, name);
    auto& d = out.discovered[id];
    if (d.id.empty()) {
      d.id = id;
      d.type = type;
      d.name = name;
      d.rule = rule;
    }
    return id;
  };
  // The mention that ends right before `pos` (spaces skipped), if any.
  auto mention_before = [&](size_t pos, size_t max_gap) -> const FoundMention* {
    const FoundMention* best = nullptr;
    for (const auto& m : ms) {
      if (m.span.end <= pos && pos - m.span.end <= max_gap + m.particle.size()) best = &m;
    }
    return best;
  };
  auto is_country = [&](const FoundMention& m) {
    int idx = dict_->find_id(m.entity);
    return idx >= 0 && (entries[idx].has_flag("country") || entries[idx].type == EntityType::Place);
  };

  for (const auto& rule : particles_.rules()) {
    const std::string kind = rule.attr("kind");
    if (kind == "variant") continue;
    const RE2& re = *rule.re;
    const int ngroups = re.NumberOfCapturingGroups();
    std::vector<re2::StringPiece> g(ngroups + 1);
    const auto& names = re.NamedCapturingGroups();
    auto group = [&](const char* name) -> std::string_view {
      auto it = names.find(name);
      if (it == names.end() || g[it->second].data() == nullptr) return {};
      return std::string_view(g[it->second].data(), g[it->second].size());
    };
    auto off = [&](std::string_view v) { return static_cast<size_t>(v.data() - text.data()); };
    for (const auto& r : regions) {
      size_t pos = r.start;
      while (pos < r.end && re.Match(text, pos, r.end, RE2::UNANCHORED, g.data(), ngroups + 1)) {
        size_t next = off(std::string_view(g[0].data(), g[0].size())) + g[0].size();
        if (g[0].size() == 0) next += 1;
        if (kind == "gloss") {
          std::string_view ko = group("ko"), en = group("en");
          // Trim the Hangul side to as many words as the Latin side has,
          // stopping at a descriptor word ("스타트업 삼바노바 시스템즈").
          auto kw = split_words(ko);
          auto ew = split_words(en);
          size_t take = 0;
          for (size_t k = kw.size(); k > 0 && take < std::max<size_t>(ew.size(), 1); --k) {
            std::string_view w = kw[k - 1];
            if (take > 0 && (descriptor.find(w) || descriptor.longest_suffix(w) > 0)) break;
            ++take;
          }
          if (take == 0 || kw.empty()) { pos = next; continue; }
          size_t ko_start = off(kw[kw.size() - take]);
          size_t ko_end = off(ko) + ko.size();
          size_t en_start = off(en), en_end = off(en) + en.size();
          std::string ko_s(text.substr(ko_start, ko_end - ko_start));
          std::string en_s(text.substr(en_start, en_end - en_start));
          FoundMention* mk = covering(ko_start, ko_end);
          FoundMention* me = covering(en_start, en_end);
          if (mk && !me) {
            add_mention(en_start, en_end, mk->entity, mk->type, rule.name);
          } else if (me && !mk) {
            // "알파웨이브 IP 그룹(Alphawave IP Group)": a known name inside the
            // Hangul side grows to the whole side when it is the same entity.
            bool same = true, any = false;
            for (const auto& m : ms)
              if (m.span.start < ko_end && ko_start < m.span.end) {
                any = true;
                same = same && m.entity == me->entity && m.span.start >= ko_start;
              }
            if (any && same) {
              std::string id = me->entity;
              EntityType ty = me->type;
              ms.erase(std::remove_if(ms.begin(), ms.end(),
                                      [&](const FoundMention& m) { return m.span.start < ko_end && ko_start < m.span.end; }),
                       ms.end());
              add_mention(ko_start, ko_end, id, ty, rule.name);
            } else if (!any) {
              add_mention(ko_start, ko_end, me->entity, me->type, rule.name);
            }
          } else if (!mk && !me && rule.attr("new", "yes") != "no" && !overlaps(ko_start, ko_end) &&
                     !overlaps(en_start, en_end)) {
            // A new name: type it from its context.
            size_t after = std::max(ko_end, en_end) + 1;  // past ')'
            std::string_view particle = hangul_run(text, std::min(after, text.size()));
            std::string_view tail = utf8::clip(text.substr(std::min(after, text.size())), 60);
            size_t paren_close = text.find(')', en_end);
            if (paren_close != std::string_view::npos) {
              after = paren_close + 1;
              particle = hangul_run(text, after);
              tail = utf8::clip(text.substr(after), 70);
            }
            bool person_shape = ew.size() >= 2 && ew.size() <= 3 && take == ew.size();
            for (auto w : ew)
              if (!std::isupper(static_cast<unsigned char>(w[0])) || w.find_first_of("0123456789") != std::string_view::npos)
                person_shape = false;
            for (size_t k = kw.size() - take; k < kw.size(); ++k)
              if (!std::all_of(kw[k].begin(), kw[k].end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
                person_shape = false;
            if (person_shape && (particles_.need_table("corporate_suffix_en").find(ew.back()) ||
                                 not_a_name.find(ew.front())))
              person_shape = false;
            bool titled = particle.empty() && contains_any(person_title, tail.substr(0, std::min<size_t>(tail.size(), 70)));
            std::string_view prev_word;
            if (ko_start > 0) {
              auto before = split_words(text.substr(r.start, ko_start - r.start));
              if (!before.empty()) prev_word = before.back();
            }
            const FoundMention* prev_m = mention_before(ko_start, 1);
            bool after_region = (prev_m && is_country(*prev_m)) ||
                                (!prev_word.empty() && region_suffix.longest_suffix(prev_word) > 0 && prev_word.size() > 3 &&
                                 !prev_m);
            std::optional<EntityType> type;
            if (contains_any(chip_head, ko_s)) type = EntityType::Chip;
            else if (titled || (person_shape && !particle.empty() && argument.find(particle)))
              type = EntityType::Person;
            else if (after_region && (particle.empty() || locative.find(particle)))
              type = EntityType::Place;
            else if (!particle.empty() && (argument.find(particle) || particle_table.find(particle)))
              type = EntityType::Organization;
            else if (!prev_word.empty() && (descriptor.find(prev_word) || descriptor.longest_suffix(prev_word)))
              type = EntityType::Organization;
            if (type && !not_a_name.find(en_s)) {
              std::string id = define(*type, en_s, rule.name);
              add_mention(ko_start, ko_end, id, *type, rule.name);
              add_mention(en_start, en_end, id, *type, rule.name);
              auto d = out.discovered.find(id);
              if (d != out.discovered.end() &&
                  std::find(d->second.aliases.begin(), d->second.aliases.end(), ko_s) == d->second.aliases.end())
                d->second.aliases.push_back(ko_s);
            }
          }
        } else {  // name, quoted
          std::string_view name = group("name");
          while (!name.empty() && (name.back() == '.' || name.back() == ' ')) name.remove_suffix(1);
          size_t s = off(name), e = s + name.size();
          auto words = split_words(name);
          bool skip = name.empty() || overlaps(s, e) || !left_edge_ok(text, s) || not_a_name.find(name) ||
                      (!words.empty() && not_a_name.find(words.front()) && kind == "name");
          if (!skip && kind == "name" && words.size() == 1 && name.size() <= 3 && !has_lower(name)) skip = true;
          // all-capitals strings glued to particles are mostly technical acronyms
          if (!skip && rule.attr("requires") == "lowercase" && !has_lower(name)) skip = true;
          if (!skip) {
            EntityType type = *entity_type_from(rule.attr("type"));
            std::string id = define(type, std::string(name), rule.name);
            if (add_mention(s, e, id, type, rule.name) && rule.attr("maker") == "possessive") {
              const FoundMention* owner = mention_before(s, 8);
              auto d = out.discovered.find(id);
              if (owner && owner->type == EntityType::Organization && d != out.discovered.end() &&
                  d->second.maker.empty()) {
                std::string_view gap = text.substr(owner->span.end, s - owner->span.end);
                if (gap.find("의") != std::string_view::npos || gap.find("'s") != std::string_view::npos ||
                    gap.find("’s") != std::string_view::npos)
                  d->second.maker = owner->entity;
              }
            }
          }
        }
        sort_mentions();
        pos = next;
      }
    }
  }
  // Discovered names everywhere in the article.
  for (const auto& [id, d] : out.discovered) {
    find_everywhere(d.name, id, d.type, d.rule);
    for (const auto& a : d.aliases) find_everywhere(a, id, d.type, d.rule);
  }
  sort_mentions();

  // Chip families with a number: "MTIA 400".
  for (const auto& rule : particles_.rules()) {
    if (rule.attr("kind") != "variant") continue;
    const RE2& re = *rule.re;
    std::vector<re2::StringPiece> g(re.NumberOfCapturingGroups() + 1);
    auto it = re.NamedCapturingGroups().find("num");
    if (it == re.NamedCapturingGroups().end()) continue;
    for (auto& m : ms) {
      if (m.type != EntityType::Chip && m.type != EntityType::Product) continue;
      size_t region_end = m.span.end;
      for (const auto& r : regions)
        if (r.start <= m.span.start && m.span.end <= r.end) region_end = r.end;
      if (!re.Match(text, m.span.end, region_end, RE2::ANCHOR_START, g.data(), static_cast<int>(g.size())))
        continue;
      const auto& num = g[it->second];
      size_t e = static_cast<size_t>(num.data() - text.data()) + num.size();
      bool clash = false;
      for (const auto& o : ms)
        if (&o != &m && o.span.start < e && m.span.end < o.span.end) clash = true;
      if (clash) continue;
      std::string base_name;
      std::string maker;
      if (int idx = dict_->find_id(m.entity); idx >= 0) {
        base_name = entries[idx].name;
        maker = entries[idx].maker;
      } else if (auto d = out.discovered.find(m.entity); d != out.discovered.end()) {
        base_name = d->second.name;
        maker = d->second.maker;
      }
      std::string name = base_name + " " + std::string(num.data(), num.size());
      std::string id = define(m.type, name, rule.name);
      if (auto d = out.discovered.find(id); d != out.discovered.end() && d->second.maker.empty())
        d->second.maker = maker;
      m.span.end = e;
      m.entity = id;
      m.rule = rule.name;
      std::string particle;
      right_edge_ok(text, e, &particle);
      m.particle = particle;
    }
  }

  // 4. countries act only with an actor particle or a government noun, or in
  // coordination with such a mention.
  const auto& actor = particles_.need_table("actor_particle");
  const auto& gov_noun = particles_.need_table("government_noun");
  const auto& place_prep = particles_.need_table("place_preposition");
  for (size_t k = ms.size(); k > 0; --k) {
    FoundMention& m = ms[k - 1];
    if (!is_country(m)) continue;
    bool acts = !m.particle.empty() && actor.find(m.particle);
    if (!acts && m.particle.empty()) {
      std::string_view rest = text.substr(m.span.end);
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      acts = gov_noun.longest_prefix(rest) > 0;
    }
    if (!acts && k < ms.size()) {
      const FoundMention& n = ms[k];
      std::string_view gap = text.substr(m.span.end, n.span.start - m.span.end);
      bool coordinated = gap.size() <= 8 && (m.particle == "와" || m.particle == "과" ||
                                             gap.find(',') != std::string_view::npos ||
                                             gap.find("·") != std::string_view::npos);
      acts = coordinated && is_country(n) && !n.weak;
    }
    m.weak = !acts;
    if (!m.weak) continue;
    // A weak mention in a script that glues particles has said it is no actor;
    // in one that does not ("U.S. clears ..."), only a place preposition or a
    // place before it does ("exports to China", "Dresden, Germany").
    std::string_view before = text.substr(0, m.span.start);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    bool after_place = false;
    if (!before.empty() && before.back() == ',' && k >= 2) {
      const FoundMention& p = ms[k - 2];
      std::string_view between = text.substr(p.span.end, m.span.start - p.span.end);
      after_place = p.type == EntityType::Place && between.find_first_not_of(", ") == std::string_view::npos;
    }
    const size_t prep = place_prep.longest_suffix(before);
    const bool after_prep = prep > 0 && (prep == before.size() ||
                                         !std::isalnum(static_cast<unsigned char>(before[before.size() - prep - 1])));
    m.place_word = !all_ascii(text.substr(m.span.start, m.span.size())) || after_place || after_prep;
  }

  for (const auto& m : ms) {
    std::string surface(text.substr(m.span.start, m.span.size()));
    auto& v = out.seen_aliases[m.entity];
    if (std::find(v.begin(), v.end(), surface) == v.end()) v.push_back(surface);
  }
  return out;
}

}  // namespace dealgraph
