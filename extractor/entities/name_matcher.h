// dealgraph/extractor/entities/name_matcher.h — finds known names in text.
//
// A byte trie over every surface form of every known name. Names start at
// word edges, so the matcher only walks the trie from positions the caller
// says may start a word and reports every name that ends along the walk;
// the caller picks the longest one whose right edge is a word edge. No
// failure links are needed, a walk stops at the first byte no name
// continues with, and most positions fail after a byte or two.
//
// Why not one RE2 alternation of all names: RE2's DFA over ~3,000 literal
// alternatives needs a large memory budget to stay fast (bench/bench_entities.cpp
// measures both), and it reports one match per position where we need every
// candidate end to apply the Korean particle check. Vectorscan would be
// faster still but is x86-only; the trie keeps the build portable.
//
// Thread-safety: build once, then const and shareable.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace dealgraph {

class NameMatcher {
 public:
  // Adds `name` (exact bytes) with a payload; the same bytes may carry
  // several payloads.
  void add(std::string_view name, uint32_t payload);

  struct Hit {
    size_t end;        // exclusive, relative to the text
    uint32_t payload;
  };
  // Every name that starts at `pos`, shortest first.
  void match_at(std::string_view text, size_t pos, std::vector<Hit>* hits) const;

  size_t size() const { return names_; }

 private:
  struct Node {
    std::vector<std::pair<unsigned char, uint32_t>> next;  // sorted by byte
    std::vector<uint32_t> payloads;
  };
  uint32_t child(uint32_t node, unsigned char c) const;
  std::vector<Node> nodes_{1};
  uint32_t root_next_[256] = {};  // dense first step: 0 = none
  size_t names_ = 0;
};

}  // namespace dealgraph
