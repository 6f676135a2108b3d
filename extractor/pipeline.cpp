#include "extractor/pipeline.h"

#include <string_view>
#include <utility>

#include "extractor/deals/deal_extractor.h"
#include "extractor/entities/dictionary.h"
#include "extractor/entities/recognizer.h"
#include "extractor/pipeline_steps.h"
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

// Deals of one article; with `trace`, each sentence's typed form, prefixed by
// the article id, for --explain.
std::vector<Deal> extract_deals(const Pipeline::Impl& p, std::string_view text, const Article& a,
                                const ArticleEntities& found, const std::vector<Value>& vals,
                                std::vector<std::string>* trace) {
  std::vector<SentenceTrace> sentences;
  std::vector<Deal> deals = p.deals.extract(text, a, found.mentions, vals, pipeline::facts_lookup(*p.dict, found),
                                            trace ? &sentences : nullptr);
  if (trace)
    for (const auto& st : sentences) trace->push_back(a.id + ": " + st.typed);
  return deals;
}

// One article through every stage; its finds are added to `add`, the file's
// corpus. Entities defined by an earlier article of the file stay as they are.
void add_article(const Pipeline::Impl& p, std::string_view text, Article a, Corpus* add,
                 std::vector<std::string>* trace) {
  auto ref = pipeline::reference_date(a, p.opt.fallback_ref);
  std::vector<Value> vals = pipeline::tag_regions(p.tagger, text, a, ref);
  ArticleEntities found = p.recognizer->find(text, a);
  pipeline::drop_values_in_names(found, &vals);
  std::vector<Deal> deals = extract_deals(p, text, a, found, vals, trace);
  pipeline::collect_mentions(text, a.id, *p.dict, found, pipeline::deal_parties(deals), &add->entities);
  pipeline::define_deal_entities(deals, *p.dict, found, &add->entities);
  pipeline::collect_roles(text, a.id, found, &add->roles);
  for (auto& d : deals) add->deals.push_back(std::move(d));
  for (auto& v : vals) add->values.push_back(std::move(v));
  add->articles.push_back(std::move(a));
}

}  // namespace

Status Pipeline::add_file(const std::string& source, std::string raw, Corpus* corpus,
                          std::vector<std::string>* trace, const DocumentFacts* facts) const {
  auto doc = impl_->reader.read(source, raw);
  if (!doc) return doc.error();
  Corpus add;  // the file's finds, merged into `corpus` once every article is through
  const size_t first = corpus->articles.size();
  for (size_t k = 0; k < doc->articles.size(); ++k) {
    Article a = doc->articles[k];
    a.id = pipeline::article_id(first + k + 1);
    if (facts && !a.date) a.date = facts->date;
    if (facts && !a.url) a.url = facts->url;
    add_article(*impl_, doc->text, std::move(a), &add, trace);
  }
  pipeline::merge_into(std::move(add), corpus);
  return {};
}

}  // namespace dealgraph
