#include "graph/graph.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <set>

namespace dealgraph {

DealGraph DealGraph::build(const Corpus& corpus) {
  DealGraph dg;
  dg.corpus_ = &corpus;
  Graph& g = dg.g_;
  for (const auto& a : corpus.articles) {
    Vertex v = boost::add_vertex(g);
    g[v].kind = NodeKind::Article;
    g[v].id = a.id;
    g[v].label = a.headline;
    g[v].article = &a;
    dg.articles_[a.id] = v;
  }
  for (const auto& [id, e] : corpus.entities) {
    Vertex v = boost::add_vertex(g);
    g[v].kind = NodeKind::Entity;
    g[v].id = id;
    g[v].label = e.name;
    g[v].entity = &e;
    dg.entities_[id] = v;
  }
  // Names: canonical names win over aliases when two entities share a form.
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& [id, e] : corpus.entities) {
      Vertex v = dg.entities_[id];
      if (pass == 0) {
        dg.by_folded_name_[fold_name(e.name)] = v;
        dg.by_folded_name_[fold_name(id)] = v;
      } else {
        for (const auto& a : e.aliases) dg.by_folded_name_.emplace(fold_name(a), v);
      }
    }
  }
  for (const auto& [id, e] : corpus.entities) {
    Vertex v = dg.entities_[id];
    if (!e.maker.empty()) {
      if (auto m = dg.entities_.find(e.maker); m != dg.entities_.end())
        boost::add_edge(v, m->second, EdgeProps{"maker"}, g);
    }
    std::set<std::string> seen;
    for (const auto& m : e.mentions) {
      if (!seen.insert(m.article).second) continue;
      if (auto a = dg.articles_.find(m.article); a != dg.articles_.end())
        boost::add_edge(v, a->second, EdgeProps{"mentioned_in"}, g);
    }
  }
  for (const auto& d : corpus.deals) {
    Vertex v = boost::add_vertex(g);
    g[v].kind = NodeKind::Deal;
    g[v].id = d.id;
    g[v].label = to_string(d.type);
    g[v].deal = &d;
    dg.deals_[d.id] = v;
    for (const auto& p : d.parties)
      if (auto e = dg.entities_.find(p.entity); e != dg.entities_.end())
        boost::add_edge(v, e->second, EdgeProps{p.role}, g);
    for (const auto& p : d.products)
      if (auto e = dg.entities_.find(p); e != dg.entities_.end())
        boost::add_edge(v, e->second, EdgeProps{"product"}, g);
    if (auto a = dg.articles_.find(d.article); a != dg.articles_.end())
      boost::add_edge(v, a->second, EdgeProps{"reported_in"}, g);
  }
  return dg;
}

namespace {
template <class M>
std::optional<Vertex> lookup(const M& m, const std::string& k) {
  auto it = m.find(k);
  if (it == m.end()) return std::nullopt;
  return it->second;
}

size_t edit_distance(const std::u32string& a, const std::u32string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::u32string to_u32(const std::string& s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  std::u32string out;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    out += static_cast<char32_t>(c);
    i += U16_LENGTH(c);
  }
  return out;
}
}  // namespace

std::optional<Vertex> DealGraph::entity_vertex(const std::string& id) const { return lookup(entities_, id); }
std::optional<Vertex> DealGraph::deal_vertex(const std::string& id) const { return lookup(deals_, id); }
std::optional<Vertex> DealGraph::article_vertex(const std::string& id) const { return lookup(articles_, id); }

std::optional<Vertex> DealGraph::find_entity(const std::string& name) const {
  return lookup(by_folded_name_, fold_name(name));
}

std::vector<std::string> DealGraph::close_matches(const std::string& name, size_t n) const {
  const std::u32string q = to_u32(fold_name(name));
  std::vector<std::pair<size_t, std::string>> scored;
  std::set<Vertex> seen;
  for (const auto& [folded, v] : by_folded_name_) {
    size_t d = edit_distance(q, to_u32(folded));
    // a prefix match ("nvid" for "nvidia") counts as close
    if (folded.rfind(fold_name(name), 0) == 0) d = std::min<size_t>(d, 1);
    scored.emplace_back(d, g_[v].label);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (const auto& [d, label] : scored) {
    if (out.size() >= n) break;
    if (d > std::max<size_t>(2, q.size() / 2)) break;
    if (std::find(out.begin(), out.end(), label) == out.end()) out.push_back(label);
  }
  return out;
}

}  // namespace dealgraph
