#include "core/model.h"

namespace dealgraph {

const char* to_string(Qualifier q) {
  switch (q) {
    case Qualifier::Exact: return "exact";
    case Qualifier::Approx: return "approx";
    case Qualifier::AtLeast: return "at_least";
    case Qualifier::AtMost: return "at_most";
    case Qualifier::Range: return "range";
    case Qualifier::Each: return "each";
  }
  return "exact";
}

const char* kind_name(const ValueData& v) {
  static const char* const kNames[] = {"money", "power", "quantity", "percent", "date", "number"};
  return kNames[v.index()];
}

namespace {
const char* const kEntityTypes[] = {"Organization", "GovernmentBody", "Person", "Chip",
                                    "Product", "Facility", "Fund", "Place"};
const char* const kDealTypes[] = {"investment", "acquisition", "purchase", "lease", "partnership",
                                  "contract", "manufacturing", "approval", "fund", "facility"};
}  // namespace

const char* to_string(EntityType t) { return kEntityTypes[static_cast<int>(t)]; }

std::optional<EntityType> entity_type_from(const std::string& s) {
  for (int i = 0; i < 8; ++i)
    if (s == kEntityTypes[i]) return static_cast<EntityType>(i);
  return std::nullopt;
}

const char* to_string(DealType t) { return kDealTypes[static_cast<int>(t)]; }

std::optional<DealType> deal_type_from(const std::string& s) {
  for (int i = 0; i < 10; ++i)
    if (s == kDealTypes[i]) return static_cast<DealType>(i);
  return std::nullopt;
}

}  // namespace dealgraph
