// Who supplies whom: roles the wording left open, settled from the schema,
// the dictionary and the rules/deals tables (settle_roles in deal_settle.h).
#include "extractor/deals/deal_settle.h"

#include <algorithm>
#include <set>
#include <sstream>

namespace dealgraph {

namespace {

Party* party_in(Deal& d, const std::string& role) {
  for (auto& p : d.parties)
    if (p.role == role) return &p;
  return nullptr;
}

bool makes_a_product(const Deal& d, const std::string& entity, const EntityLookup& lookup) {
  for (const auto& prod : d.products)
    if (lookup(prod).maker == entity) return true;
  return false;
}

// Loose wording: whether provider and customer must trade places. A
// product's maker decides first (on the maker_side of the type), then the
// first provider flag only one of the two has.
bool swap_sides(const DealCandidate& c, const Party& provider, const Party& customer, const DealTables& tables,
                const EntityLookup& lookup) {
  const Deal& d = c.deal;
  const std::string type = to_string(d.type);
  const std::string* side = tables.maker_side.find(type);
  const bool maker_provides = !side || *side == "provider";
  const Party& want_maker = maker_provides ? provider : customer;
  const Party& other = maker_provides ? customer : provider;
  const bool other_makes = makes_a_product(d, other.entity, lookup);
  if (other_makes != makes_a_product(d, want_maker.entity, lookup)) return other_makes;
  const std::string* flags = tables.provider_flag.find(type);
  if (!flags) return false;
  std::istringstream in(*flags);
  for (std::string flag; in >> flag;) {
    auto has = [&](const Party& p) {
      auto f = lookup(p.entity).flags;
      return std::find(f.begin(), f.end(), flag) != f.end();
    };
    if (has(customer) != has(provider)) return has(customer);
  }
  return false;
}

// "purchase cloud = lease": a provider with a flag retypes the deal, unless
// it sells chips it makes.
void retype_by_provider(Deal& d, Party& provider, Party& customer, const DealTables& tables,
                        const EntityLookup& lookup) {
  for (const auto& prod : d.products)
    if (lookup(prod).maker == provider.entity && lookup(prod).type == EntityType::Chip) return;
  const Schema& schema = tables.schema;
  for (const auto& f : lookup(provider.entity).flags) {
    const std::string* nt = tables.retype_by_provider_flag.find(std::string(to_string(d.type)) + " " + f);
    if (!nt) continue;
    auto new_type = deal_type_from(*nt);
    if (!new_type || schema.provider_role(*new_type).empty() || schema.customer_role(*new_type).empty()) continue;
    d.type = *new_type;
    provider.role = schema.provider_role(*new_type);
    customer.role = schema.customer_role(*new_type);
    return;
  }
}

// Products the sentence did not name: the seller's chips named in the article.
void add_seller_products(Deal& d, const Schema& schema, const ProductsByMaker& products) {
  std::string seller;
  for (const auto& p : d.parties)
    if (p.role == schema.provider_role(d.type)) seller = p.entity;
  if (seller.empty()) return;
  auto made = products.of.find(seller);
  if (made == products.of.end()) return;
  for (const auto& id : made->second)
    if (std::find(d.products.begin(), d.products.end(), id) == d.products.end()) d.products.push_back(id);
}

}  // namespace

ProductsByMaker ProductsByMaker::read(const std::vector<FoundMention>& mentions, const EntityLookup& lookup) {
  ProductsByMaker p;
  for (const auto& m : mentions)
    if (m.type == EntityType::Chip || m.type == EntityType::Product) p.of[lookup(m.entity).maker].push_back(m.entity);
  return p;
}

void settle_roles(DealCandidate& c, const DealTables& tables, const EntityLookup& lookup,
                  const std::vector<FoundMention>& mentions) {
  settle_roles_with(c, tables, lookup, ProductsByMaker::read(mentions, lookup));
}

void settle_roles_with(DealCandidate& c, const DealTables& tables, const EntityLookup& lookup,
                       const ProductsByMaker& products) {
  const Schema& schema = tables.schema;
  Deal& d = c.deal;
  const bool supplies = !schema.provider_role(d.type).empty();  // of the type as the rule found it
  Party* pp = supplies ? party_in(d, schema.provider_role(d.type)) : nullptr;
  Party* cp = supplies && !schema.customer_role(d.type).empty() ? party_in(d, schema.customer_role(d.type)) : nullptr;
  if (pp && cp) {
    if (c.loose && swap_sides(c, *pp, *cp, tables, lookup)) std::swap(pp->entity, cp->entity);
    retype_by_provider(d, *pp, *cp, tables, lookup);
  }
  std::sort(d.parties.begin(), d.parties.end());
  if (d.products.empty() && supplies) add_seller_products(d, schema, products);
}

}  // namespace dealgraph
