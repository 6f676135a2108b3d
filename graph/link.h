// dealgraph/graph/link.h — one deal reported by several articles; content ids.
//
//   Corpus c;
//   for (...) pipeline.add_file(name, text, &c);   // extractor/pipeline.h
//   link_reports(&c);                              // once, after the last file
//   DealGraph g = DealGraph::build(c);
//
// The extractor reads one article at a time; only once every file is in can
// the reports be put in order, named and compared. link_reports:
//   1. sorts articles by source, then position in it, and gives each its
//      content id (graph/ids.h: from its URL, else file name and headline);
//      deals, values and mentions follow the new ids;
//   2. sorts deals by article, then position of their evidence, type and
//      parties, and gives each its content id (type, parties, date);
//   3. puts the reports of one deal (same type, same role=entity parties)
//      into one group when they come from two articles or more; every deal
//      has a `group` id (graph/ids.h). Links are linear in the reports, not
//      quadratic: the group's first report lists the others in `same_as` and
//      each other report lists the first; the first report that states an
//      amount lists in `conflicts` the reports whose amount cannot be the same
//      figure (different currency, or ranges apart by more than 0.1%), and
//      each of those lists it;
//   4. sorts values and each entity's mentions by article and position, and
//      sorts and deduplicates aliases (dropping the canonical name).
// Article ids before the call must be unique (they are only renamed); deal
// ids, groups, same_as and conflicts are recomputed, so linking a corpus
// again (dealgraph merge) gives the same result. The result depends only on
// the corpus's content, not on the order of files or of calls before.
// Thread-safety: modifies only `corpus`.
#pragma once

#include "core/model.h"

namespace dealgraph {

void link_reports(Corpus* corpus);

// The steps of link_reports, for tests.
// Sorts articles and gives them content ids (step 1).
void name_articles(Corpus* corpus);
// Sorts deals into article order and gives them content ids (step 2);
// articles must be named and sorted.
void number_deals(Corpus* corpus);
// Fills group, same_as and conflicts (step 3); deals must be numbered.
void link_same_deals(Corpus* corpus);
// Whether two figures may be the same amount (same currency, overlapping
// ranges with 0.1% slack).
bool same_money(const Money& a, const Money& b);

}  // namespace dealgraph
