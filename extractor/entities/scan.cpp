// One article's working set: the mentions found so far and the helpers every
// step uses to add to them without overlaps.
#include <algorithm>

#include "extractor/entities/steps.h"

namespace dealgraph::entities {

Scan::Scan(const Knowledge& know, std::string_view t, const Article& article) : k(know), text(t) {
  if (article.headline_span.size()) regions.push_back(article.headline_span);
  for (const auto& p : article.paragraphs) regions.push_back(p);
  for (const auto& [key, unused] : k.table("particle").entries) longest_particle_ = std::max(longest_particle_, key.size());
  if (k.filter) {
    may_.resize(regions.size());
    for (size_t r = 0; r < regions.size(); ++r)
      if (!k.filter->candidates(text.substr(regions[r].start, regions[r].size()), &may_[r]) ||
          may_[r].size() != k.rules.rules().size())
        may_[r].assign(k.rules.rules().size(), true);
  }
}

bool Scan::may_match(const rules::Rule& rule, size_t region) const {
  if (may_.empty()) return true;
  const size_t i = static_cast<size_t>(&rule - k.rules.rules().data());
  return i >= may_[region].size() || may_[region][i];
}

std::pair<size_t, size_t> Scan::intersecting(size_t s, size_t e) const {
  const auto& ms = mentions();
  if (!ordered_) return {0, ms.size()};
  // disjoint and sorted: starts and ends both ascend
  auto first = std::partition_point(ms.begin(), ms.end(), [&](const FoundMention& m) { return m.span.end <= s; });
  auto last = std::partition_point(first, ms.end(), [&](const FoundMention& m) { return m.span.start < e; });
  return {static_cast<size_t>(first - ms.begin()), static_cast<size_t>(last - ms.begin())};
}

bool Scan::overlaps(size_t s, size_t e) const {
  const auto& ms = mentions();
  const auto [first, last] = intersecting(s, e);
  for (size_t i = first; i < last; ++i)
    if (ms[i].span.start < e && s < ms[i].span.end) return true;
  return false;
}

FoundMention* Scan::covering(size_t s, size_t e) {
  auto& ms = out.mentions;
  if (s < e && ordered_) {  // a covering mention intersects [s, e)
    const auto [first, last] = intersecting(s, e);
    for (size_t i = first; i < last; ++i)
      if (ms[i].span.start <= s && e <= ms[i].span.end) return &ms[i];
    return nullptr;
  }
  for (auto& m : ms)
    if (m.span.start <= s && e <= m.span.end) return &m;
  return nullptr;
}

const FoundMention* Scan::mention_before(size_t pos, size_t max_gap) const {
  const auto& ms = mentions();
  if (ordered_) {
    // the last one in order is the nearest; no mention further back than the
    // gap plus the longest particle can qualify
    size_t i = static_cast<size_t>(
        std::partition_point(ms.begin(), ms.end(), [&](const FoundMention& m) { return m.span.end <= pos; }) -
        ms.begin());
    for (; i > 0 && pos - ms[i - 1].span.end <= max_gap + longest_particle_; --i)
      if (pos - ms[i - 1].span.end <= max_gap + ms[i - 1].particle.size()) return &ms[i - 1];
    return nullptr;
  }
  const FoundMention* best = nullptr;
  for (const auto& m : ms)
    if (m.span.end <= pos && pos - m.span.end <= max_gap + m.particle.size()) best = &m;
  return best;
}

void Scan::sort() {
  if (ordered_) return;
  auto& ms = out.mentions;
  std::sort(ms.begin(), ms.end(), [](const FoundMention& a, const FoundMention& b) { return a.span < b.span; });
  ordered_ = std::adjacent_find(ms.begin(), ms.end(), [](const FoundMention& a, const FoundMention& b) {
               return !(a.span < b.span) || b.span.start < a.span.end;
             }) == ms.end();
}

void Scan::append(FoundMention m) {
  auto& ms = out.mentions;
  if (!ms.empty() && (!(ms.back().span < m.span) || m.span.start < ms.back().span.end)) ordered_ = false;
  ms.push_back(std::move(m));
}

std::string Scan::particle_at(size_t end) const {
  std::string particle;
  right_edge_ok(k.table("particle"), text, end, &particle);
  return particle;
}

bool Scan::add(size_t s, size_t e, const std::string& id, EntityType type, const std::string& rule) {
  if (overlaps(s, e)) return false;
  FoundMention m;
  m.span = {s, e};
  m.entity = id;
  m.type = type;
  m.rule = rule;
  m.particle = particle_at(e);
  auto& ms = out.mentions;
  if (ordered_ && !ms.empty() && !(ms.back().span < m.span)) {
    // it overlaps none: its place in the order keeps the mentions ordered,
    // so the next sort() has nothing to do (a long paragraph's discoveries
    // would otherwise sort every mention of it once each)
    auto at = std::partition_point(ms.begin(), ms.end(), [&](const FoundMention& x) { return x.span < m.span; });
    ms.insert(at, std::move(m));
    return true;
  }
  append(std::move(m));
  return true;
}

void Scan::find_everywhere(const std::string& name, const std::string& id, EntityType type,
                           const std::string& rule) {
  if (name.size() < k.settings.min_spread_name) return;
  const rules::Table& particles = k.table("particle");
  std::string particle;
  for (const auto& r : regions) {
    std::string_view region = text.substr(0, r.end);
    for (size_t pos = region.find(name, r.start); pos != std::string_view::npos; pos = region.find(name, pos + 1)) {
      if (left_edge_ok(text, pos) && right_edge_ok(particles, text, pos + name.size(), &particle) &&
          !inside_hangul_word(particles, text, pos, pos + name.size()))
        add(pos, pos + name.size(), id, type, rule);
    }
  }
}

std::string Scan::define(EntityType type, const std::string& name, const std::string& rule) {
  int known = k.dict->find_name(name);
  if (known >= 0) return k.dict->entries()[known].id;
  std::string id = entity_id(type, name);
  auto& d = out.discovered[id];
  if (d.id.empty()) {
    d.id = id;
    d.type = type;
    d.name = name;
    d.rule = rule;
  }
  return id;
}

bool Scan::is_country(const FoundMention& m) const {
  int idx = k.dict->find_id(m.entity);
  if (idx < 0) return false;
  const DictEntry& e = k.dict->entries()[idx];
  return e.has_flag("country") || e.type == EntityType::Place;
}

}  // namespace dealgraph::entities
