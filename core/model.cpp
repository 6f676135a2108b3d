#include "core/model.h"

#include <iterator>

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

namespace {
// In the order of ValueData's alternatives.
const char* const kKindNames[] = {"money", "power", "quantity", "percent", "date", "number"};
constexpr size_t kKinds = sizeof kKindNames / sizeof kKindNames[0];
static_assert(kKinds == std::variant_size_v<ValueData>, "one name per ValueData alternative");
}  // namespace

const char* kind_name(const ValueData& v) { return kKindNames[v.index()]; }

const char* kind_name(size_t index) { return index < kKinds ? kKindNames[index] : ""; }

std::optional<size_t> value_kind_from(const std::string& s) {
  for (size_t i = 0; i < kKinds; ++i)
    if (s == kKindNames[i]) return i;
  return std::nullopt;
}

namespace {
const char* const kEntityTypes[] = {"Organization", "GovernmentBody", "Person", "Chip",
                                    "Product", "Facility", "Fund", "Place"};
const char* const kDealTypes[] = {"investment", "acquisition", "purchase", "lease", "partnership",
                                  "contract", "manufacturing", "approval", "fund", "facility"};
}  // namespace

const char* to_string(EntityType t) { return kEntityTypes[static_cast<int>(t)]; }

std::optional<EntityType> entity_type_from(const std::string& s) {
  for (size_t i = 0; i < std::size(kEntityTypes); ++i)
    if (s == kEntityTypes[i]) return static_cast<EntityType>(i);
  return std::nullopt;
}

const char* to_string(DealType t) { return kDealTypes[static_cast<int>(t)]; }

std::vector<DealType> all_deal_types() {
  std::vector<DealType> out;
  for (size_t i = 0; i < std::size(kDealTypes); ++i) out.push_back(static_cast<DealType>(i));
  return out;
}

const std::vector<std::string>& deal_statuses() {
  static const std::vector<std::string> kStatuses = {"signed", "planned", "reported", "negotiating", "failed"};
  return kStatuses;
}

std::vector<EntityType> all_entity_types() {
  std::vector<EntityType> out;
  for (size_t i = 0; i < std::size(kEntityTypes); ++i) out.push_back(static_cast<EntityType>(i));
  return out;
}

std::optional<DealType> deal_type_from(const std::string& s) {
  for (size_t i = 0; i < std::size(kDealTypes); ++i)
    if (s == kDealTypes[i]) return static_cast<DealType>(i);
  return std::nullopt;
}

}  // namespace dealgraph
