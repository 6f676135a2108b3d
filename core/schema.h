// dealgraph/core/schema.h — the deal schema, read from one table.
//
// Which roles each deal type has, which side a deal edge starts from, which
// types count as "who invested in whom", who supplies and who receives, and
// the marker codes of typed sentences. Every stage and every exporter reads
// this object; none of them names a role or a marker in C++.
//
//   const Schema& s = Schema::builtin();            // the embedded rules/schema/
//   for (const std::string& role : s.roles()) ...  // CSV columns, JSON-LD terms
//   if (!s.allows(DealType::Lease, "lessor")) ...  // a rule's group checked at load
//   const std::string& from = s.from_role(d.type);  // "" when the type has no direction
//
// The file is rules/schema/*.rules in the rule-set language (core/rule_set.h);
// its tables and their meaning are documented there. Loading checks that every
// deal type of the model has roles, that every from/to/provider/customer role is
// one of its type's roles, and that every entity type and value kind has a
// marker: a mistake is an Error naming file:line.
//
// Ownership: a Schema is a plain immutable value; builtin() is loaded once,
// on first use, from the files built into the binary, and is safe to share
// between threads.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/model.h"
#include "core/resources.h"

namespace dealgraph::rules {
class RuleSet;
struct Table;
}  // namespace dealgraph::rules

namespace dealgraph {

class Schema {
 public:
  // Reads rules/schema/*.rules from `res` (with any --rules overlay applied).
  static Result<Schema> load(const Resources& res);
  // The schema of the embedded files. Loading them is tested; should they
  // ever fail to load, this aborts with the error (a build defect, not input).
  static const Schema& builtin();

  // Every role of every type, each once, in table order.
  const std::vector<std::string>& roles() const { return roles_; }
  const std::vector<std::string>& roles_of(DealType t) const;
  bool is_role(const std::string& role) const { return role_set_.count(role) > 0; }
  bool allows(DealType t, const std::string& role) const;

  // The role a deal edge starts from and the one it points to; "" when the
  // type has no direction (partnership).
  const std::string& from_role(DealType t) const;
  const std::string& to_role(DealType t) const;
  // Whether `role` is the from side of some type (for drawing edges).
  bool is_from_role(const std::string& role) const { return from_set_.count(role) > 0; }
  // Types whose from side ends up owning part of the to side.
  bool is_ownership(DealType t) const { return ownership_.count(t) > 0; }

  // The supplying and the receiving role of types that move goods or
  // services; "" for other types.
  const std::string& provider_role(DealType t) const;
  const std::string& customer_role(DealType t) const;

  // Marker codes of typed sentences: "ORG" for an organization, "MONEY" for money.
  const std::string& marker(EntityType t) const;
  const std::string& value_marker(size_t kind_index) const;
  // Every entity marker code, each once (ORG, GOV, ...), sorted.
  std::vector<std::string> entity_markers() const;

 private:
  // The steps of load(), one table each.
  Status read_deal_roles(const rules::Table& t);
  Status read_sides(const rules::RuleSet& set);
  Status read_ownership(const rules::Table& t);
  Status read_entity_markers(const rules::Table& t);
  Status read_value_markers(const rules::Table& t);

  std::vector<std::string> roles_;
  std::set<std::string> role_set_, from_set_;
  std::map<DealType, std::vector<std::string>> roles_of_;
  std::map<DealType, std::string> from_, to_, provider_, customer_;
  std::set<DealType> ownership_;
  std::map<EntityType, std::string> entity_marker_;
  std::vector<std::string> value_marker_;  // by kind index
};

}  // namespace dealgraph
