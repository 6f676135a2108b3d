#include "extractor/deals/sentence_facts.h"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace dealgraph {

std::string sentence_status(std::string_view typed, const rules::Table& words, const rules::Table& priority,
                            const rules::Table& status_of) {
  std::vector<std::pair<Span, const std::string*>> found;  // occurrence, class
  for (const auto& [word, cls] : words.entries)
    for (size_t at = typed.find(word); at != std::string_view::npos; at = typed.find(word, at + 1))
      found.push_back({{at, at + word.size()}, &cls});
  std::string status;
  int best = 1 << 20;
  for (const auto& [sp, cls] : found) {
    bool inside = false;
    for (const auto& [o, unused] : found) inside |= o.size() > sp.size() && o.start <= sp.start && sp.end <= o.end;
    if (inside) continue;
    const std::string* pr = priority.find(*cls);
    if (!pr) continue;
    int p = std::stoi(*pr);  // whole numbers, checked when the rules load
    if (p < best) {
      best = p;
      const std::string* out = status_of.find(*cls);
      status = out ? *out : *cls;
    }
  }
  return status;
}

bool voided_match(std::string_view matched, const std::string* words) {
  if (!words) return false;
  // at a word start: "cut" voids "cut its stake", not "executive"
  auto word_start = [&](size_t at) {
    return at == 0 || !std::isalnum(static_cast<unsigned char>(matched[at - 1])) ||
           static_cast<unsigned char>(matched[at]) >= 0x80;
  };
  std::istringstream ws(*words);
  for (std::string w; ws >> w;)
    for (size_t at = matched.find(w); at != std::string_view::npos; at = matched.find(w, at + 1))
      if (word_start(at)) return true;
  return false;
}

const FoundMention* site_place(Span sent, size_t match_end, const std::vector<FoundMention>& mentions,
                               const std::function<bool(const FoundMention&)>& broad) {
  auto inside = [&](const FoundMention& m) { return m.span.start >= sent.start && m.span.end <= sent.end; };
  // sorted by position: the sentence's mentions are the run that starts in it
  const auto first = std::partition_point(mentions.begin(), mentions.end(),
                                          [&](const FoundMention& m) { return m.span.start < sent.start; });
  const auto last =
      std::partition_point(first, mentions.end(), [&](const FoundMention& m) { return m.span.start <= sent.end; });
  for (auto m = first; m != last; ++m)
    if (m->type == EntityType::Facility && inside(*m)) return nullptr;  // the rule that saw the site decides
  for (int pass = 0; pass < 2; ++pass) {
    const FoundMention* place = nullptr;
    for (auto it = first; it != last; ++it) {
      const FoundMention& m = *it;
      if (m.type != EntityType::Place || !inside(m) || (pass == 0 && broad(m))) continue;
      if (m.span.start < match_end || !place) place = &m;
      if (m.span.start >= match_end) break;
    }
    if (place) return place;
  }
  return nullptr;
}

}  // namespace dealgraph
