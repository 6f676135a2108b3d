// EntityRecognizer: loads what the steps know and runs them in order.
#include "extractor/entities/recognizer.h"

#include "extractor/entities/knowledge.h"
#include "extractor/entities/steps.h"

namespace dealgraph {

Result<EntityRecognizer> EntityRecognizer::load(const Resources& res, const Dictionary& dict) {
  auto k = entities::Knowledge::load(res, dict);
  if (!k) return k.error();
  EntityRecognizer rec;
  rec.k_ = std::make_shared<const entities::Knowledge>(std::move(*k));
  return rec;
}

ArticleEntities EntityRecognizer::find(std::string_view text, const Article& article) const {
  entities::Scan scan(*k_, text, article);
  entities::match_dictionary(scan);
  entities::find_surnames(scan);
  entities::apply_discovery_rules(scan);
  entities::spread_discovered(scan);
  entities::link_korean_surnames(scan);
  entities::extend_families(scan);
  entities::mark_countries(scan);
  entities::find_roles(scan);
  entities::mark_contexts(scan);
  entities::find_divisions(scan);
  entities::collect_seen_aliases(scan);
  return std::move(scan.out);
}

const Dictionary& EntityRecognizer::dictionary() const { return *k_->dict; }

EntityType EntityRecognizer::type_of(const std::string& id, const ArticleEntities& found) const {
  int idx = k_->dict->find_id(id);
  if (idx >= 0) return k_->dict->entries()[idx].type;
  auto it = found.discovered.find(id);
  return it != found.discovered.end() ? it->second.type : EntityType::Organization;
}

}  // namespace dealgraph
