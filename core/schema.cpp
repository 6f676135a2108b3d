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
  // In order, each after the one before succeeded: the sides need the roles.
  if (Status st = s.read_deal_roles(set->need_table("deal_roles")); !st) return st.error();
  if (Status st = s.read_sides(*set); !st) return st.error();
  if (Status st = s.read_ownership(set->need_table("ownership_types")); !st) return st.error();
  if (Status st = s.read_entity_markers(set->need_table("entity_marker")); !st) return st.error();
  if (Status st = s.read_value_markers(set->need_table("value_marker")); !st) return st.error();
  return s;
}

// Every deal type of the model once, with its roles in column order.
Status Schema::read_deal_roles(const rules::Table& t) {
  for (const auto& [key, value] : t.entries) {
    auto type = type_key(t, key);
    if (!type) return type.error();
    std::vector<std::string> roles = words(value);
    if (roles.empty()) return table_error(t, key + " has no roles", key);
    for (const auto& r : roles)
      if (role_set_.insert(r).second) roles_.push_back(r);
    roles_of_[*type] = std::move(roles);
  }
  for (DealType type : all_deal_types())
    if (!roles_of_.count(type))
      return table_error(t, std::string("deal type ") + to_string(type) + " has no line", to_string(type));
  return {};
}

// from/to/provider/customer: each a role of its own type.
Status Schema::read_sides(const rules::RuleSet& set) {
  for (auto [name, out] : {std::pair{"from_role", &from_}, {"to_role", &to_}, {"provider_role", &provider_},
                           {"customer_role", &customer_}})
    if (Status st = read_role_map(set.need_table(name), roles_of_, out); !st) return st;
  for (const auto& [type, role] : from_) from_set_.insert(role);
  return {};
}

Status Schema::read_ownership(const rules::Table& t) {
  for (const auto& entry : t.entries) {
    auto type = type_key(t, entry.first);
    if (!type) return type.error();
    ownership_.insert(*type);
  }
  return {};
}

// Every entity type of the model has a marker code.
Status Schema::read_entity_markers(const rules::Table& t) {
  for (const auto& [key, code] : t.entries) {
    auto type = entity_type_from(key);
    if (!type) return table_error(t, "unknown entity type '" + key + "'", key);
    entity_marker_[*type] = code;
  }
  for (EntityType type : all_entity_types())
    if (!entity_marker_.count(type))
      return table_error(t, std::string("entity type ") + to_string(type) + " has no marker", to_string(type));
  return {};
}

// Every value kind of the model has a marker code.
Status Schema::read_value_markers(const rules::Table& t) {
  value_marker_.assign(std::variant_size_v<ValueData>, "");
  for (const auto& [key, code] : t.entries) {
    auto kind = value_kind_from(key);
    if (!kind) return table_error(t, "unknown value kind '" + key + "'", key);
    value_marker_[*kind] = code;
  }
  for (size_t k = 0; k < value_marker_.size(); ++k)
    if (value_marker_[k].empty())
      return table_error(t, std::string("value kind ") + kind_name(k) + " has no marker", kind_name(k));
  return {};
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
