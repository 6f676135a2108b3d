#include "extractor/pipeline.h"

#include <algorithm>
#include <set>

#include "extractor/deals/deal_extractor.h"
#include "extractor/entities/dictionary.h"
#include "extractor/entities/recognizer.h"
#include "extractor/reader/reader.h"
#include "extractor/values/tagger.h"

namespace dealgraph {

struct Pipeline::Impl {
  PipelineOptions opt;
  Reader reader;
  values::Tagger tagger;
  std::unique_ptr<Dictionary> dict;  // the recognizer points into it
  std::unique_ptr<EntityRecognizer> recognizer;
  DealExtractor deals;
};

Pipeline::Pipeline(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;
Pipeline::~Pipeline() = default;

Result<Pipeline> Pipeline::load(const Resources& res, const PipelineOptions& opt) {
  auto reader = Reader::load(res);
  if (!reader) return reader.error();
  auto tagger = values::Tagger::load(res);
  if (!tagger) return tagger.error();
  auto dict = Dictionary::load(res);
  if (!dict) return dict.error();
  auto owned = std::make_unique<Dictionary>(std::move(*dict));
  auto rec = EntityRecognizer::load(res, *owned);
  if (!rec) return rec.error();
  auto deals = DealExtractor::load(res);
  if (!deals) return deals.error();
  if (!opt.fallback_ref.empty() && !values::parse_iso_date(opt.fallback_ref)) {
    Error e;
    e.message = "reference date must be YYYY-MM-DD";
    e.fragment = opt.fallback_ref;
    return e;
  }
  auto impl = std::unique_ptr<Impl>(new Impl{opt, std::move(*reader), std::move(*tagger), std::move(owned),
                                             std::make_unique<EntityRecognizer>(std::move(*rec)),
                                             std::move(*deals)});
  return Pipeline(std::move(impl));
}

namespace {

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

}  // namespace

Status Pipeline::add_file(const std::string& source, std::string raw, Corpus* corpus,
                          std::vector<std::string>* trace) const {
  auto doc = impl_->reader.read(source, raw);
  if (!doc) return doc.error();
  const std::string& text = doc->text;
  const Dictionary& dict = *impl_->dict;
  Corpus add;  // built aside so a failure leaves `corpus` unchanged
  const size_t first = corpus->articles.size();
  for (size_t k = 0; k < doc->articles.size(); ++k) {
    Article a = doc->articles[k];
    a.id = "A" + std::to_string(first + k + 1);
    std::optional<values::CivilDate> ref;
    if (a.date) ref = values::parse_iso_date(*a.date);
    if (!ref && !impl_->opt.fallback_ref.empty()) ref = values::parse_iso_date(impl_->opt.fallback_ref);

    // values, region by region
    std::vector<Span> regions;
    if (a.headline_span.size()) regions.push_back(a.headline_span);
    for (const auto& p : a.paragraphs) regions.push_back(p);
    std::vector<Value> vals;
    for (const auto& r : regions) {
      for (Value v : impl_->tagger.tag(std::string_view(text).substr(r.start, r.size()), ref)) {
        v.span.start += r.start;
        v.span.end += r.start;
        v.article = a.id;
        vals.push_back(std::move(v));
      }
    }
    // entities
    ArticleEntities found = impl_->recognizer->find(text, a);
    auto lookup = [&](const std::string& id) {
      EntityFacts f;
      if (int i = dict.find_id(id); i >= 0) {
        const DictEntry& e = dict.entries()[i];
        f.type = e.type;
        f.maker = e.maker;
        f.flags = e.flags;
      } else if (auto d = found.discovered.find(id); d != found.discovered.end()) {
        f.type = d->second.type;
        f.maker = d->second.maker;
      }
      return f;
    };
    std::vector<SentenceTrace> sentences;
    std::vector<Deal> deals = impl_->deals.extract(text, a, found.mentions, vals, lookup, trace ? &sentences : nullptr);
    if (trace)
      for (const auto& st : sentences) trace->push_back(a.id + ": " + st.typed);
    // A country used as a place word is not a mention, unless a deal uses it.
    std::set<std::string> in_deals;
    for (const auto& d : deals)
      for (const auto& p : d.parties) in_deals.insert(p.entity);
    auto define = [&](const std::string& id) -> Entity& {
      Entity& e = add.entities[id];
      if (!e.id.empty()) return e;
      e.id = id;
      if (int i = dict.find_id(id); i >= 0) {
        const DictEntry& de = dict.entries()[i];
        e.type = de.type;
        e.name = de.name;
        e.aliases = de.aliases;
        e.ticker = de.ticker;
        e.wikidata = de.wikidata;
        e.country = de.country;
        e.maker = de.maker;
        e.flags = de.flags;
        e.source = "dictionary";
      } else if (auto d = found.discovered.find(id); d != found.discovered.end()) {
        e.type = d->second.type;
        e.name = d->second.name;
        e.aliases = d->second.aliases;
        e.maker = d->second.maker;
        e.source = "rule";
      }
      return e;
    };
    for (const auto& m : found.mentions) {
      if (m.weak && !in_deals.count(m.entity)) continue;
      Entity& e = define(m.entity);
      e.mentions.push_back({a.id, m.span, std::string(text.substr(m.span.start, m.span.size())), m.rule});
      add_unique(e.aliases, std::string(text.substr(m.span.start, m.span.size())));
    }
    // Every party and product of a deal is an entity of the output, even one
    // the text does not name (a chip's maker filled in as the seller).
    for (const auto& d : deals) {
      for (const auto& p : d.parties) define(p.entity);
      for (const auto& p : d.products) define(p);
    }
    for (auto& d : deals) add.deals.push_back(std::move(d));
    for (auto& v : vals) add.values.push_back(std::move(v));
    add.articles.push_back(std::move(a));
  }
  // Merge into the corpus.
  for (auto& a : add.articles) corpus->articles.push_back(std::move(a));
  for (auto& [id, e] : add.entities) {
    Entity& into = corpus->entities[id];
    if (into.id.empty()) {
      into = std::move(e);
      continue;
    }
    for (auto& m : e.mentions) into.mentions.push_back(std::move(m));
    for (const auto& al : e.aliases) add_unique(into.aliases, al);
    if (into.maker.empty()) into.maker = e.maker;
  }
  for (auto& d : add.deals) corpus->deals.push_back(std::move(d));
  for (auto& v : add.values) corpus->values.push_back(std::move(v));
  return {};
}

}  // namespace dealgraph
