#include "extractor/pipeline.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <string_view>
#include <thread>
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

namespace {

// The bytes an article's text covers, for progress.
size_t article_bytes(const Article& a) {
  size_t from = a.headline_span.size() ? a.headline_span.start : SIZE_MAX, to = a.headline_span.end;
  for (const Span& p : a.paragraphs) {
    from = std::min(from, p.start);
    to = std::max(to, p.end);
  }
  return from == SIZE_MAX || to < from ? 0 : to - from;
}

// One article's finds, apart from the others'.
struct ArticleWork {
  const ReadDocument* doc;
  size_t index;   // in doc->articles
  std::string id;
  Corpus found;
  std::vector<std::string> trace;
};

// `article`'s finds into `file` as add_article would have put them there had
// it run on the file's corpus: an entity an earlier article defined keeps its
// definition and gains the mentions and their surface forms.
void merge_article(Corpus article, Corpus* file) {
  for (auto& a : article.articles) file->articles.push_back(std::move(a));
  for (auto& [id, e] : article.entities) {
    auto it = file->entities.find(id);
    if (it == file->entities.end()) {
      file->entities.emplace(id, std::move(e));
      continue;
    }
    Entity& into = it->second;
    for (auto& m : e.mentions) {
      if (std::find(into.aliases.begin(), into.aliases.end(), m.text) == into.aliases.end())
        into.aliases.push_back(m.text);
      into.mentions.push_back(std::move(m));
    }
  }
  for (auto& d : article.deals) file->deals.push_back(std::move(d));
  for (auto& r : article.roles) file->roles.push_back(std::move(r));
  for (auto& v : article.values) file->values.push_back(std::move(v));
}

// Runs `work` over items 0..n-1 on `threads` threads (the caller's among them).
void run_parallel(size_t n, unsigned threads, const std::function<void(size_t)>& work) {
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < n; i = next++) work(i);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads && t < n; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
}

}  // namespace

Status Pipeline::add_files(std::vector<Input> inputs, Corpus* corpus, std::vector<std::string>* trace,
                           unsigned threads, const std::function<void(const Progress&)>& progress) const {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<ReadDocument> docs;
  docs.reserve(inputs.size());
  for (auto& in : inputs) {
    auto doc = impl_->reader.read(in.source, in.text);
    if (!doc) return doc.error();
    std::string().swap(in.text);  // the decoded text is all that is needed now
    docs.push_back(std::move(*doc));
  }
  std::vector<ArticleWork> work;
  Progress done;
  size_t number = corpus->articles.size();
  for (const auto& doc : docs)
    for (size_t k = 0; k < doc.articles.size(); ++k) {
      work.push_back({&doc, k, pipeline::article_id(++number), {}, {}});
      done.bytes_total += article_bytes(doc.articles[k]);
    }
  done.articles_total = work.size();
  std::mutex progress_mutex;
  run_parallel(work.size(), threads, [&](size_t i) {
    ArticleWork& w = work[i];
    Article a = w.doc->articles[w.index];
    a.id = w.id;
    const size_t bytes = article_bytes(a);
    add_article(*impl_, w.doc->text, std::move(a), &w.found, trace ? &w.trace : nullptr);
    if (progress) {
      std::lock_guard<std::mutex> lock(progress_mutex);
      ++done.articles;
      done.bytes += bytes;
      progress(done);
    }
  });
  // In file order: each file's articles into the file's corpus, the file's
  // corpus into `corpus`, as add_file does.
  size_t i = 0;
  for (const auto& doc : docs) {
    Corpus file;
    for (size_t k = 0; k < doc.articles.size(); ++k, ++i) {
      merge_article(std::move(work[i].found), &file);
      if (trace)
        for (auto& t : work[i].trace) trace->push_back(std::move(t));
    }
    pipeline::merge_into(std::move(file), corpus);
  }
  return {};
}

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
