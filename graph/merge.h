// dealgraph/graph/merge.h — partial graphs into one, as `dealgraph merge`
// does: associative and commutative, so partial graphs can be combined in
// any order and any tree (a map-reduce's reduce).
//
//   Corpus all;
//   for (Corpus& part : parts) absorb(std::move(part), &all);
//   link_reports(&all);   // graph/link.h: ids, groups and order from content
//
// absorb() appends articles, deals and values and merges entities by id.
// Each part's article ids are first made distinct from every other part's
// (two parts may both call an article "A1", or hold one article twice), so
// the refs of deals, values and mentions stay with their own article;
// link_reports then gives every article, deal and group its content id
// again. Entities with one id merge field by field, independent of order:
// mentions and aliases are the union; when the definitions differ (name,
// type, source, ticker, wikidata, country) the dictionary's wins, else the
// smaller; the maker is the one named, or the smaller of two — so merge(a, b)
// equals merge(b, a) byte for byte.
// Thread-safety: modifies only `into`.
#pragma once

#include "core/model.h"

namespace dealgraph {

void absorb(Corpus part, Corpus* into);

}  // namespace dealgraph
