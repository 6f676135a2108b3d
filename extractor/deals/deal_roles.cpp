// Who takes part: the article's focus, the parties of a match's role groups,
// and the roles the wording leaves to the focus, a product's maker or a place.
#include <algorithm>

#include "extractor/deals/deal_steps.h"
#include "extractor/deals/sentence_facts.h"

namespace dealgraph {

namespace {

bool in_span(const Span& outer, const Span& inner) { return inner.start >= outer.start && inner.end <= outer.end; }

bool is_product_type(EntityType t) { return t == EntityType::Chip || t == EntityType::Product; }

void add_once(std::vector<std::string>& ids, const std::string& id) {
  if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
}

}  // namespace

std::vector<const FoundMention*> article_focus(const Article& article, const std::vector<FoundMention>& mentions) {
  std::vector<const FoundMention*> focus;
  // funds are parties, but an anaphor ("양사", "the company") never means one
  auto may_be_focus = [](const FoundMention& m) {
    return !m.weak && m.context.empty() && (m.type == EntityType::Organization || m.type == EntityType::GovernmentBody ||
                       m.type == EntityType::Person);
  };
  for (int pass = 0; pass < 2 && focus.size() < 2; ++pass) {  // the headline first, then the body
    for (const auto& m : mentions) {
      const bool in_headline = article.headline_span.size() && in_span(article.headline_span, m.span);
      if ((pass == 0) != in_headline || !may_be_focus(m)) continue;
      bool dup = false;
      for (auto* f : focus) dup |= f->entity == m.entity;
      if (!dup && focus.size() < 2) focus.push_back(&m);
    }
  }
  return focus;
}

std::vector<Span> sentence_units(const DealExtractor& d, std::string_view text, const Article& article,
                                 size_t* body_from) {
  std::vector<Span> units;
  if (article.headline_span.size()) units.push_back(article.headline_span);
  *body_from = units.size();
  for (const auto& p : article.paragraphs)
    for (const auto& s : d.sentences(text, p)) units.push_back(s);
  return units;
}

namespace {

// "BlackRock's GIP" inside a list of buyers: the owner named before its unit
// is no party of its own. True when the text after slot `s` is an owner
// suffix, spaces, and the next entity marker.
bool is_owner_of_next(const TypedSentence& t, int s, const rules::Table* owner_suffix) {
  // only a party owns a party here: "Nvidia's GB300" keeps Nvidia
  if (!owner_suffix || s + 1 >= static_cast<int>(t.slots.size()) || !t.slots[s + 1].is_entity ||
      !is_party_type(t.slots[s + 1].type))
    return false;
  std::string_view after = std::string_view(t.text).substr(t.slots[s].typed_end);
  size_t lead = 0;  // "싱가포르 OCBC 계열 라이온엑스": the owner word may stand apart
  while (lead < after.size() && after[lead] == ' ') ++lead;
  const size_t n = owner_suffix->longest_prefix(after.substr(lead));
  if (n == 0) return false;
  size_t k = lead + n;
  while (k < after.size() && after[k] == ' ') ++k;
  return k > lead + n && t.slots[s].typed_end + k == t.slots[s + 1].typed_start;
}

// "from Dell, and Microsoft will pay": the list's last name followed by a
// subject_verb word is the next clause's subject, no member of the list.
bool starts_next_clause(const TypedSentence& t, int s, const rules::Table* subject_verb) {
  if (!subject_verb) return false;
  std::string_view after = std::string_view(t.text).substr(t.slots[s].typed_end);
  size_t k = 0;
  while (k < after.size() && after[k] == ' ') ++k;
  if (k == 0) return false;
  after.remove_prefix(k);
  const size_t n = subject_verb->longest_prefix(after);
  return n > 0 && (n == after.size() || !std::isalnum(static_cast<unsigned char>(after[n])));
}

}  // namespace

GroupSlots slots_of_groups(const TypedSentence& t, const RuleMatch& m, const rules::Table* owner_suffix,
                           const rules::Table* subject_verb) {
  GroupSlots out;
  for (const auto& g : m.groups) {
    const std::string role = role_of_group(g.name);
    if (role == "amount") {
      auto v = t.slots_in(g.from, g.to, false);
      if (!v.empty()) out.amount_slot = v.front();
      continue;
    }
    auto es = t.slots_in(g.from, g.to, true);
    if (role == "aside") {  // an argument the deal type gives no role
      for (int s : es)
        if (is_party_type(t.slots[s].type)) out.aside_slots.push_back(s);
      continue;
    }
    if (role == "product") {
      out.product_slots.insert(out.product_slots.end(), es.begin(), es.end());
      continue;
    }
    for (int s : es)
      if ((is_party_type(t.slots[s].type) || t.slots[s].type == EntityType::Facility) &&
          !is_owner_of_next(t, s, owner_suffix))
        out.roles[role].push_back(s);
    // only a list that ends the match (an object): a list before the
    // trigger is its subject ("Nvidia and Intel will jointly develop")
    auto& list = out.roles[role];
    if (g.to == m.end && list.size() > 1 && starts_next_clause(t, list.back(), subject_verb)) list.pop_back();
  }
  return out;
}

std::vector<std::string> products_of(const TypedSentence& t, const RuleMatch& m, std::vector<int> product_slots) {
  for (int s : t.slots_in(m.start, m.end, true))
    if (is_product_type(t.slots[s].type)) product_slots.push_back(s);
  if (product_slots.empty())
    for (int s : t.slots_in(0, t.text.size(), true))
      if (is_product_type(t.slots[s].type)) product_slots.push_back(s);
  std::vector<std::string> products;
  for (int s : product_slots) add_once(products, t.slots[s].entity);
  return products;
}

Parties parties_of(const TypedSentence& t, const GroupSlots& g) {
  Parties parties;
  for (const auto& [role, ss] : g.roles)
    for (int s : ss) add_once(parties[role], t.slots[s].entity);
  return parties;
}

void fill_implicit(Parties& parties, const RuleFacts& rule, const std::vector<const FoundMention*>& focus) {
  if (rule.implicit.empty() || focus.empty()) return;
  auto& v = parties[rule.implicit];
  const bool lacking = v.empty() || (rule.type == DealType::Partnership && v.size() < 2);
  if (lacking) add_once(v, focus[0]->entity);
}

void fill_maker_role(Parties& parties, const RuleFacts& rule, const std::vector<std::string>& products,
                     const EntityLookup& lookup) {
  if (rule.maker_role.empty() || !parties[rule.maker_role].empty()) return;
  for (const auto& p : products)
    if (std::string mk = lookup(p).maker; !mk.empty()) {
      parties[rule.maker_role].push_back(mk);
      return;
    }
}

SitePlace fill_site_place(Parties& parties, DealType type, Span sent, const TypedSentence& t, size_t match_end,
                          const ArticleInput& in, const DealTables& tables) {
  SitePlace out;
  const std::string* role = tables.place_role.find(to_string(type));
  if (!role || !parties[*role].empty()) return out;
  // text after the last marker is copied as it is, so offsets carry over
  size_t match_end_doc = sent.start + match_end;
  for (const auto& sl : t.slots)
    if (sl.typed_end <= match_end) match_end_doc = sl.span.end + (match_end - sl.typed_end);
  auto broad = [&](const FoundMention& m) {
    for (const auto& f : in.lookup(m.entity).flags)
      if (tables.broad_place_flag.find(f)) return true;
    return false;
  };
  if (const FoundMention* place = site_place(sent, match_end_doc, in.mentions, broad)) {
    parties[*role].push_back(place->entity);
    out.entity = place->entity;
    out.broad = broad(*place);
  }
  return out;
}

void drop_empty_roles(Parties& parties) {
  for (auto it = parties.begin(); it != parties.end();) it = it->second.empty() ? parties.erase(it) : std::next(it);
}

}  // namespace dealgraph
