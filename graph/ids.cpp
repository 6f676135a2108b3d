#include "graph/ids.h"

#include <cstdint>
#include <map>
#include <set>

namespace dealgraph {

std::string stable_digest(std::string_view text) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  static const char kHex[] = "0123456789abcdef";
  std::string out(12, '0');
  for (int i = 11; i >= 0; --i) {
    out[i] = kHex[h & 0xf];
    h >>= 4;
  }
  return out;
}

namespace {
// The file name without its folders: `data/x.txt` and `./x.txt` are one file.
std::string base_name(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}
}  // namespace

std::string article_base_id(const Article& a) {
  // Fields are joined with a byte no text holds, so ("a", "bc") != ("ab", "c").
  if (a.url && !a.url->empty()) return "A" + stable_digest("url\x1f" + *a.url);
  return "A" + stable_digest("file\x1f" + base_name(a.source) + "\x1f" + a.headline);
}

std::string report_key(const Deal& d) {
  std::string key = to_string(d.type);
  for (const auto& p : d.parties) key += "\x1f" + p.role + "=" + p.entity;
  return key;
}

std::string deal_base_id(const Deal& d, const std::string& when) {
  return "D" + stable_digest(report_key(d) + "\x1e" + when);
}

std::string group_base_id(const Deal& d) { return "G" + stable_digest(report_key(d)); }

void make_unique(std::vector<std::string>* ids) {
  std::set<std::string> taken(ids->begin(), ids->end());
  std::map<std::string, size_t> seen;  // base id -> how many so far
  for (auto& id : *ids) {
    size_t& n = seen[id];
    if (++n == 1) continue;
    std::string fresh;
    do fresh = id + "-" + std::to_string(n++);
    while (taken.count(fresh));
    --n;
    taken.insert(fresh);
    id = fresh;
  }
}

}  // namespace dealgraph
