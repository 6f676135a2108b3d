#include "extractor/entities/name_matcher.h"

#include <algorithm>

namespace dealgraph {

uint32_t NameMatcher::child(uint32_t node, unsigned char c) const {
  if (node == 0) return root_next_[c];
  const auto& next = nodes_[node].next;
  auto it = std::lower_bound(next.begin(), next.end(), std::make_pair(c, uint32_t{0}),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
  return it != next.end() && it->first == c ? it->second : 0;
}

void NameMatcher::add(std::string_view name, uint32_t payload) {
  if (name.empty()) return;
  uint32_t node = 0;
  for (unsigned char c : name) {
    uint32_t n = child(node, c);
    if (n == 0) {
      n = static_cast<uint32_t>(nodes_.size());
      nodes_.emplace_back();
      if (node == 0) {
        root_next_[c] = n;
      } else {
        auto& next = nodes_[node].next;
        auto it = std::lower_bound(next.begin(), next.end(), std::make_pair(c, uint32_t{0}),
                                   [](const auto& a, const auto& b) { return a.first < b.first; });
        next.insert(it, {c, n});
      }
    }
    node = n;
  }
  auto& p = nodes_[node].payloads;
  if (std::find(p.begin(), p.end(), payload) == p.end()) p.push_back(payload);
  ++names_;
}

void NameMatcher::match_at(std::string_view text, size_t pos, std::vector<Hit>* hits) const {
  uint32_t node = 0;
  for (size_t i = pos; i < text.size(); ++i) {
    node = child(node, static_cast<unsigned char>(text[i]));
    if (node == 0) return;
    for (uint32_t p : nodes_[node].payloads) hits->push_back({i + 1 - 0, p});
  }
}

}  // namespace dealgraph
