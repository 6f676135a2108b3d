#include "graph/graph.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <set>

namespace dealgraph {

DealGraph DealGraph::build(const Corpus& corpus, const Schema& schema) {
  DealGraph dg;
  dg.corpus_ = &corpus;
  dg.schema_ = schema;
  dg.add_articles();
  dg.add_entities();
  dg.index_names();
  dg.add_entity_edges();
  dg.add_deals();
  return dg;
}

Vertex DealGraph::add_node(NodeKind kind, const std::string& id, const std::string& label) {
  Vertex v = boost::add_vertex(g_);
  g_[v].kind = kind;
  g_[v].id = id;
  g_[v].label = label;
  return v;
}

void DealGraph::add_articles() {
  for (const auto& a : corpus_->articles) {
    Vertex v = add_node(NodeKind::Article, a.id, a.headline);
    g_[v].article = &a;
    articles_[a.id] = v;
  }
}

void DealGraph::add_entities() {
  for (const auto& [id, e] : corpus_->entities) {
    Vertex v = add_node(NodeKind::Entity, id, e.name);
    g_[v].entity = &e;
    entities_[id] = v;
  }
}

void DealGraph::index_names() {
  // Canonical names and ids first, aliases after without overwriting: when
  // two entities share a form, the one whose name it is wins.
  for (const auto& [id, e] : corpus_->entities) {
    by_folded_name_[fold_name(e.name)] = entities_[id];
    by_folded_name_[fold_name(id)] = entities_[id];
  }
  for (const auto& [id, e] : corpus_->entities)
    for (const auto& a : e.aliases) by_folded_name_.emplace(fold_name(a), entities_[id]);
}

void DealGraph::add_entity_edges() {
  for (const auto& [id, e] : corpus_->entities) {
    Vertex v = entities_[id];
    if (!e.maker.empty()) {
      if (auto m = entities_.find(e.maker); m != entities_.end())
        boost::add_edge(v, m->second, EdgeProps{"maker"}, g_);
    }
    std::set<std::string> seen;  // one edge per article, however many mentions
    for (const auto& m : e.mentions) {
      if (!seen.insert(m.article).second) continue;
      if (auto a = articles_.find(m.article); a != articles_.end())
        boost::add_edge(v, a->second, EdgeProps{"mentioned_in"}, g_);
    }
  }
}

void DealGraph::add_deals() {
  for (const auto& d : corpus_->deals) {
    Vertex v = add_node(NodeKind::Deal, d.id, to_string(d.type));
    g_[v].deal = &d;
    deals_[d.id] = v;
    for (const auto& p : d.parties)
      if (auto e = entities_.find(p.entity); e != entities_.end())
        boost::add_edge(v, e->second, EdgeProps{p.role}, g_);
    for (const auto& p : d.products)
      if (auto e = entities_.find(p); e != entities_.end())
        boost::add_edge(v, e->second, EdgeProps{"product"}, g_);
    if (auto a = articles_.find(d.article); a != articles_.end())
      boost::add_edge(v, a->second, EdgeProps{"reported_in"}, g_);
  }
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
