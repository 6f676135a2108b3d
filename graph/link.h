// dealgraph/graph/link.h — one deal reported by several articles.
//
//   Corpus c;
//   for (...) pipeline.add_file(name, text, &c);   // extractor/pipeline.h
//   link_reports(&c);                              // once, after the last file
//   DealGraph g = DealGraph::build(c);
//
// The extractor reads one article at a time; only once every file is in can
// the reports be put in reading order, numbered and compared. link_reports:
//   1. sorts deals by article (reading order), then by position of their
//      evidence, type and parties, and numbers them D1, D2, ... in that order;
//   2. links reports of the same deal in different articles (same type, same
//      role=entity parties) through `same_as`, both ways, and lists in
//      `conflicts` those whose amounts cannot be the same figure (different
//      currency, or ranges apart by more than 0.1%);
//   3. sorts values and each entity's mentions by article and position, and
//      sorts and deduplicates aliases (dropping the canonical name).
// The result depends only on the corpus, not on the order of calls before.
// Thread-safety: modifies only `corpus`.
#pragma once

#include "core/model.h"

namespace dealgraph {

void link_reports(Corpus* corpus);

// The steps of link_reports, for tests.
// Sorts deals into reading order and gives them the ids D1, D2, ...
void number_deals(Corpus* corpus);
// Fills same_as and conflicts; deals must be numbered.
void link_same_deals(Corpus* corpus);
// Whether two figures may be the same amount (same currency, overlapping
// ranges with 0.1% slack).
bool same_money(const Money& a, const Money& b);

}  // namespace dealgraph
