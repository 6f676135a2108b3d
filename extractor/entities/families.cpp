// Steps 4 and 5: a discovered name is a name everywhere in its article, and
// a chip family followed by a number is a chip of its own ("MTIA 400").
#include <re2/re2.h>

#include "extractor/entities/steps.h"

namespace dealgraph::entities {

namespace {

// The end of the region holding `m` (its own end when none does).
size_t region_end_of(const Scan& scan, const FoundMention& m) {
  size_t end = m.span.end;
  for (const auto& r : scan.regions)
    if (r.start <= m.span.start && m.span.end <= r.end) end = r.end;
  return end;
}

bool clashes(const Scan& scan, const FoundMention& m, size_t e) {
  for (const auto& o : scan.mentions())
    if (&o != &m && o.span.start < e && m.span.end < o.span.end) return true;
  return false;
}

// The canonical name and maker of a dictionary or discovered entity.
void name_and_maker(const Scan& scan, const std::string& id, std::string* name, std::string* maker) {
  if (int idx = scan.k.dict->find_id(id); idx >= 0) {
    *name = scan.k.dict->entries()[idx].name;
    *maker = scan.k.dict->entries()[idx].maker;
  } else if (auto d = scan.out.discovered.find(id); d != scan.out.discovered.end()) {
    *name = d->second.name;
    *maker = d->second.maker;
  }
}

// Grows `m` over the number the variant rule finds right after it; the
// family's maker is the model's maker.
void extend_one(Scan& scan, const rules::Rule& rule, int num_group, FoundMention& m) {
  const RE2& re = *rule.re;
  std::vector<re2::StringPiece> g(re.NumberOfCapturingGroups() + 1);
  if (!re.Match(scan.text, m.span.end, region_end_of(scan, m), RE2::ANCHOR_START, g.data(),
                static_cast<int>(g.size())))
    return;
  const auto& num = g[num_group];
  size_t e = static_cast<size_t>(num.data() - scan.text.data()) + num.size();
  if (clashes(scan, m, e)) return;
  std::string base_name, maker;
  name_and_maker(scan, m.entity, &base_name, &maker);
  std::string id = scan.define(m.type, base_name + " " + std::string(num.data(), num.size()), rule.name);
  if (auto d = scan.out.discovered.find(id); d != scan.out.discovered.end() && d->second.maker.empty())
    d->second.maker = maker;
  m.span.end = e;
  m.entity = id;
  m.rule = rule.name;
  m.particle = scan.particle_at(e);
}

}  // namespace

void spread_discovered(Scan& scan) {
  for (const auto& [id, d] : scan.out.discovered) {
    scan.find_everywhere(d.name, id, d.type, d.rule);
    for (const auto& a : d.aliases) scan.find_everywhere(a, id, d.type, d.rule);
  }
  // "Nicholas Kelez" found by a rule, then "Kelez said": as step 2 does for
  // the dictionary's people.
  for (const auto& [id, d] : scan.out.discovered)
    if (d.type == EntityType::Person)
      if (std::string s = surname_of(scan.k.settings, d.name); !s.empty())
        scan.find_everywhere(s, id, EntityType::Person, "surname");
  scan.sort();
}

void extend_families(Scan& scan) {
  for (const auto& rule : scan.k.rules.rules()) {
    if (rule.attr("kind") != "variant") continue;
    auto num = rule.named_groups.find("num");  // (read off the pattern: compiled only when used)
    if (num == rule.named_groups.end()) continue;
    for (auto& m : scan.mentions())
      if (m.type == EntityType::Chip || m.type == EntityType::Product) extend_one(scan, rule, num->second, m);
  }
}

}  // namespace dealgraph::entities
