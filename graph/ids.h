// dealgraph/graph/ids.h — content ids: the same article, deal or group gets
// the same id whatever else is read with it and in whatever order.
//
//   std::string a = article_base_id(article);   // "A" + 12 hex digits
//   std::string d = deal_base_id(deal, when);   // "D" + 12 hex digits
//   std::string g = group_base_id(deal);        // "G" + 12 hex digits
//   make_unique(&ids);                          // "X", "X" -> "X", "X-2"
//
// What each id is made of (docs/json.md, "Order and ids"):
//   article  its URL; else the file name without folders, and the headline
//   deal     its type, its parties (role=entity, sorted) and its date (the
//            deal's own, else its article's)
//   group    its type and its parties: every report of one deal
// The digest is FNV-1a (64 bits) of those fields, cut to 48 bits: short
// enough to read, and two different things share one only by a collision,
// which make_unique then resolves in the order it is given (callers give
// a canonical order, so the suffixes are deterministic too).
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace dealgraph {

// 12 lower-case hex digits of FNV-1a 64 over `text`, cut to 48 bits.
std::string stable_digest(std::string_view text);

std::string article_base_id(const Article& a);
// `when`: the deal's date as shown (graph/groups.h deal_when), "" if none.
std::string deal_base_id(const Deal& d, const std::string& when);
// The key every report of one deal shares: type and parties.
std::string report_key(const Deal& d);
std::string group_base_id(const Deal& d);

// Makes equal ids distinct in the order given: the first keeps its id, the
// next ones get "-2", "-3", ... (skipping any suffix already taken).
void make_unique(std::vector<std::string>* ids);

}  // namespace dealgraph
