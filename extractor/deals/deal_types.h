// dealgraph/extractor/deals/deal_types.h — the plain types the deal stage's
// public header and its steps share. Holds no behaviour and includes nothing
// of the stage, so no header of extractor/deals needs another to name them.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/model.h"

namespace dealgraph {

// What the deal stage needs to know about an entity id.
struct EntityFacts {
  EntityType type = EntityType::Organization;
  std::string maker;               // for chips
  std::vector<std::string> flags;  // dictionary flags ("cloud", "country")
};
using EntityLookup = std::function<EntityFacts(const std::string& id)>;

struct SentenceTrace {  // for --explain
  Span span;
  std::string typed;  // the typed sentence the rules saw
};

}  // namespace dealgraph
