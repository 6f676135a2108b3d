#include "core/schema.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "core/rule_set.h"

namespace dealgraph {

namespace {

constexpr const char* kFolder = "rules/schema";

std::vector<std::string> words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

Error table_error(const rules::Table& t, const std::string& message, const std::string& fragment) {
  return Error::at(t.file, t.line, 1, "table " + t.name + ": " + message, fragment);
}

// A table's key as a deal type, or an error naming the table.
Result<DealType> type_key(const rules::Table& t, const std::string& key) {
  auto type = deal_type_from(key);
  if (!type) return table_error(t, "unknown deal type '" + key + "'", key);
  return *type;
}

// type = role lines whose role must be one of the type's own roles.
Status read_role_map(const rules::Table& t, const std::map<DealType, std::vector<std::string>>& roles_of,
                     std::map<DealType, std::string>* out) {
  for (const auto& [key, role] : t.entries) {
    auto type = type_key(t, key);
    if (!type) return type.error();
    const auto& allowed = roles_of.at(*type);
    if (std::find(allowed.begin(), allowed.end(), role) == allowed.end())
      return table_error(t, "'" + role + "' is not a role of " + key + " (table deal_roles)", role);
    (*out)[*type] = role;
  }
  return {};
}

}  // namespace

Result<Schema> Schema::load(const Resources& res) {
  auto set = rules::RuleSet::load(res, kFolder);
  if (!set) return set.error();
  static const std::vector<std::string> kTables = {"deal_roles",    "from_role",     "to_role",
                                                   "ownership_types", "provider_role", "customer_role",
                                                   "entity_marker", "value_marker"};
  if (Status st = set->require_tables(kFolder, kTables); !st) return st.error();
  if (Status st = set->check_unknown_tables({kTables.begin(), kTables.end()}); !st) return st.error();
  Schema s;
  const rules::Table& deal_roles = set->need_table("deal_roles");
  for (const auto& [key, value] : deal_roles.entries) {
    auto type = type_key(deal_roles, key);
    if (!type) return type.error();
    std::vector<std::string> roles = words(value);
    if (roles.empty()) return table_error(deal_roles, key + " has no roles", key);
    for (const auto& r : roles)
      if (s.role_set_.insert(r).second) s.roles_.push_back(r);
    s.roles_of_[*type] = std::move(roles);
  }
  for (DealType t : all_deal_types())
    if (!s.roles_of_.count(t))
      return table_error(deal_roles, std::string("deal type ") + to_string(t) + " has no line", to_string(t));

  for (auto [name, out] : {std::pair{"from_role", &s.from_}, {"to_role", &s.to_},
                           {"provider_role", &s.provider_}, {"customer_role", &s.customer_}})
    if (Status st = read_role_map(set->need_table(name), s.roles_of_, out); !st) return st.error();
  for (const auto& [t, role] : s.from_) s.from_set_.insert(role);

  const rules::Table& ownership = set->need_table("ownership_types");
  for (const auto& entry : ownership.entries) {
    auto type = type_key(ownership, entry.first);
    if (!type) return type.error();
    s.ownership_.insert(*type);
  }

  const rules::Table& em = set->need_table("entity_marker");
  for (const auto& [key, code] : em.entries) {
    auto type = entity_type_from(key);
    if (!type) return table_error(em, "unknown entity type '" + key + "'", key);
    s.entity_marker_[*type] = code;
  }
  for (EntityType t : all_entity_types())
    if (!s.entity_marker_.count(t))
      return table_error(em, std::string("entity type ") + to_string(t) + " has no marker", to_string(t));

  const rules::Table& vm = set->need_table("value_marker");
  s.value_marker_.assign(std::variant_size_v<ValueData>, "");
  for (const auto& [key, code] : vm.entries) {
    auto kind = value_kind_from(key);
    if (!kind) return table_error(vm, "unknown value kind '" + key + "'", key);
    s.value_marker_[*kind] = code;
  }
  for (size_t k = 0; k < s.value_marker_.size(); ++k)
    if (s.value_marker_[k].empty())
      return table_error(vm, std::string("value kind ") + kind_name(k) + " has no marker", kind_name(k));
  return s;
}

const Schema& Schema::builtin() {
  static const Schema schema = [] {
    auto s = load(Resources::embedded());
    if (!s) {
      std::fprintf(stderr, "dealgraph: built-in schema: %s\n", s.error().to_string().c_str());
      std::abort();
    }
    return std::move(*s);
  }();
  return schema;
}

namespace {
const std::string kNone;

const std::string& lookup(const std::map<DealType, std::string>& m, DealType t) {
  auto it = m.find(t);
  return it == m.end() ? kNone : it->second;
}
}  // namespace

const std::vector<std::string>& Schema::roles_of(DealType t) const { return roles_of_.at(t); }

bool Schema::allows(DealType t, const std::string& role) const {
  const auto& r = roles_of(t);
  return std::find(r.begin(), r.end(), role) != r.end();
}

const std::string& Schema::from_role(DealType t) const { return lookup(from_, t); }
const std::string& Schema::to_role(DealType t) const { return lookup(to_, t); }
const std::string& Schema::provider_role(DealType t) const { return lookup(provider_, t); }
const std::string& Schema::customer_role(DealType t) const { return lookup(customer_, t); }

const std::string& Schema::marker(EntityType t) const { return entity_marker_.at(t); }

const std::string& Schema::value_marker(size_t kind_index) const {
  return kind_index < value_marker_.size() ? value_marker_[kind_index] : kNone;
}

std::vector<std::string> Schema::entity_markers() const {
  std::set<std::string> codes;
  for (const auto& [t, code] : entity_marker_) codes.insert(code);
  return {codes.begin(), codes.end()};
}

}  // namespace dealgraph
