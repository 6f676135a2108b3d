#include "graph/query.h"

#include <algorithm>
#include <climits>
#include <map>
#include <set>
#include <tuple>

#include "core/value_json.h"
#include "graph/deal_fields.h"
#include "graph/labels.h"

namespace dealgraph {

using nlohmann::json;

namespace {

// The deal groups a query sees: the filter without its focus (queries name
// their own entities).
std::vector<DealGroup> groups_for(const DealGraph& g, Filter f) {
  f.focus.clear();
  f.no_chips = false;
  auto v = select(g, f, false);
  return v ? std::move(v->groups) : std::vector<DealGroup>{};
}

const std::string& name_of(const DealGraph& g, const std::string& id) {
  auto it = g.corpus().entities.find(id);
  return it == g.corpus().entities.end() ? id : it->second.name;
}

std::string join(const std::vector<std::string>& v, const std::string& sep = ", ") {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

void sort_ids(std::vector<std::string>* ids) {
  std::sort(ids->begin(), ids->end(), id_less);
  ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
}

// ------------------------------------------------------------- investments

// Column names of the investments queries: the contract's JSON keys
// (../shared/spec/dealgraph-json.md §3), whatever the roles are called.
const char* const kInvestor = "investor";
const char* const kInvestee = "investee";

// One (owner, owned) pair of entity ids and the deals that make it.
struct Pair {
  std::string investor, investee;  // entity ids
  std::vector<std::string> deals;  // id_less order, each once
  std::optional<Money> amount;     // of the first of those deals that has one
  std::string status;              // furthest_status of their groups; "" when none states one
  std::string amount_when;         // that deal's date (deal_when), for the USD rate's year
};

// A deal of a pair, with the status of its group (the same deal reported
// twice has one status: groups.h, group_status).
struct PairDeal {
  const Deal* deal;
  std::string status;
};
using DealsByPair = std::map<std::pair<std::string, std::string>, std::vector<PairDeal>>;

// The ownership deals (Schema::is_ownership: investment, acquisition) of the
// query's groups, by (from-role party, to-role party).
DealsByPair ownership_deals(const DealGraph& g, const Filter& f) {
  const Schema& schema = g.schema();
  DealsByPair by_pair;
  for (const auto& grp : groups_for(g, f))
    for (const Deal* d : grp.members) {
      if (!schema.is_ownership(d->type)) continue;
      const std::string &from = schema.from_role(d->type), &to = schema.to_role(d->type);
      for (const auto& a : d->parties)
        for (const auto& b : d->parties)
          if (a.role == from && b.role == to && a.entity != b.entity)
            by_pair[{a.entity, b.entity}].push_back({d, grp.status});
    }
  return by_pair;
}

// A pair's status: the furthest along of its deals' (status_rank), so
// "who invested in whom" says signed when one of several rounds was; ""
// when none states one.
std::string furthest_status(const std::vector<PairDeal>& deals) {
  std::string best;
  for (const auto& pd : deals)
    if (!pd.status.empty() && (best.empty() || status_rank(pd.status) < status_rank(best))) best = pd.status;
  return best;
}

Pair make_pair_row(const Corpus& c, const std::pair<std::string, std::string>& key, std::vector<PairDeal> deals) {
  std::sort(deals.begin(), deals.end(),
            [](const PairDeal& x, const PairDeal& y) { return id_less(x.deal->id, y.deal->id); });
  Pair p{key.first, key.second, {}, std::nullopt, furthest_status(deals), ""};
  for (const auto& pd : deals) {
    const Deal* d = pd.deal;
    if (p.deals.empty() || p.deals.back() != d->id) p.deals.push_back(d->id);
    if (!p.amount && d->amount) {
      p.amount = d->amount;
      p.amount_when = deal_when(*d, c);
    }
  }
  return p;
}

// Every pair, sorted by investor name, then investee name (ids break ties).
std::vector<Pair> investment_pairs(const DealGraph& g, const Filter& f) {
  std::vector<Pair> out;
  for (auto& [key, deals] : ownership_deals(g, f)) out.push_back(make_pair_row(g.corpus(), key, std::move(deals)));
  auto key = [&](const Pair& p) {
    return std::tie(name_of(g, p.investor), name_of(g, p.investee), p.investor, p.investee);
  };
  std::sort(out.begin(), out.end(), [&](const Pair& a, const Pair& b) { return key(a) < key(b); });
  return out;
}

json amount_json(const std::optional<Money>& m) { return m ? money_json(*m) : json(nullptr); }
// A pair's status in JSON: null when none of its deals states one.
json status_json(const std::string& status) { return status.empty() ? json(nullptr) : json(status); }
std::string amount_cell(const std::optional<Money>& m) { return m ? labels::short_money(*m) : ""; }

// The numeric columns of an amount in a csv `data` table, and their cells:
// numbers plain, the short form for people last.
const std::vector<std::string> kAmountColumns = {"amount",     "currency",   "amount_qualifier", "amount_min",
                                                 "amount_max", "amount_usd", "usd_rate_year",    "amount_label"};
std::string number_cell(const std::optional<double>& v) { return v ? labels::plain_number(*v) : ""; }
std::vector<std::string> amount_cells(const AmountFields& a) {
  return {number_cell(a.value), a.currency,        a.qualifier, number_cell(a.min),
          number_cell(a.max),   number_cell(a.usd), a.rate_year ? std::to_string(a.rate_year) : "", a.label};
}
// The JSON additions beside an amount: its USD figure and short form (null when none).
void put_amount_extras(json* row, const AmountFields& a) {
  (*row)["amount_usd"] = a.usd ? json(*a.usd) : json(nullptr);
  (*row)["amount_label"] = a.label.empty() ? json(nullptr) : json(a.label);
}
// `head` + the amount columns + `tail`.
std::vector<std::string> columns(std::vector<std::string> head, const std::vector<std::string>& tail) {
  head.insert(head.end(), kAmountColumns.begin(), kAmountColumns.end());
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}
std::vector<std::string> cells(std::vector<std::string> head, const AmountFields& a,
                               const std::vector<std::string>& tail) {
  auto mid = amount_cells(a);
  head.insert(head.end(), mid.begin(), mid.end());
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}

// investors-of / investees-of: the pairs whose other side is `name`, keeping
// one column (investor when `want_investors`, else investee).
Result<QueryResult> one_side(const DealGraph& g, const std::string& name, const Filter& f, bool want_investors) {
  auto v = resolve_entity(g, name);
  if (!v) return v.error();
  const std::string& id = g.graph()[*v].id;
  const char* column = want_investors ? kInvestor : kInvestee;
  QueryResult r;
  r.table = {{column, "deals", "amount", "status"}, {}, {}};
  r.data = {columns({column, "deals"}, {"status"}), {}, {}};
  for (const auto& p : investment_pairs(g, f)) {
    if ((want_investors ? p.investee : p.investor) != id) continue;
    const std::string& other = name_of(g, want_investors ? p.investor : p.investee);
    const AmountFields a = amount_fields(p.amount, p.amount_when);
    json row = {{column, other}, {"deals", p.deals}, {"amount", amount_json(p.amount)}, {"status", status_json(p.status)}};
    put_amount_extras(&row, a);
    r.json.push_back(row);
    r.table.rows.push_back({other, join(p.deals), amount_cell(p.amount), p.status});
    r.data.rows.push_back(cells({other, join(p.deals)}, a, {p.status}));
  }
  if (r.json.empty())
    r.note = "no " + std::string(want_investors ? "investors in " : "investments by ") + name_of(g, id);
  return r;
}

std::vector<std::string> member_ids(const DealGroup& grp) {
  std::vector<std::string> ids;
  for (const Deal* d : grp.members) ids.push_back(d->id);
  sort_ids(&ids);
  return ids;
}

}  // namespace

Result<QueryResult> query_investments(const DealGraph& g, const Filter& f) {
  QueryResult r;
  r.table = {{kInvestor, kInvestee, "deals", "amount", "status"}, {}, {}};
  r.data = {columns({kInvestor, kInvestee, "deals"}, {"status"}), {}, {}};
  for (const auto& p : investment_pairs(g, f)) {
    const std::string &a = name_of(g, p.investor), &b = name_of(g, p.investee);
    const AmountFields fields = amount_fields(p.amount, p.amount_when);
    // the contract's four keys as they were; "status", "amount_usd" and
    // "amount_label" are added (docs/json.md)
    json row = {{kInvestor, a},
                {kInvestee, b},
                {"deals", p.deals},
                {"amount", amount_json(p.amount)},
                {"status", status_json(p.status)}};
    put_amount_extras(&row, fields);
    r.json.push_back(row);
    r.table.rows.push_back({a, b, join(p.deals), amount_cell(p.amount), p.status});
    r.data.rows.push_back(cells({a, b, join(p.deals)}, fields, {p.status}));
  }
  return r;
}

Result<QueryResult> query_investors_of(const DealGraph& g, const std::string& name, const Filter& f) {
  return one_side(g, name, f, true);
}

Result<QueryResult> query_investees_of(const DealGraph& g, const std::string& name, const Filter& f) {
  return one_side(g, name, f, false);
}

// -------------------------------------------------------------------- deals

namespace {

bool takes_part(const DealGroup& grp, const std::string& entity) {
  return std::any_of(grp.parties.begin(), grp.parties.end(), [&](const Party& p) { return p.entity == entity; });
}

// One row of `query deals`, as JSON and as table cells.
void add_deal_row(const DealGraph& g, const DealGroup& grp, QueryResult* r) {
  json parties = json::array();
  std::vector<std::string> party_cells, products;
  for (const auto& p : grp.parties) {
    parties.push_back({{"role", p.role}, {"entity", p.entity}, {"name", name_of(g, p.entity)}});
    party_cells.push_back(p.role + ": " + name_of(g, p.entity));
  }
  for (const auto& p : grp.products) products.push_back(name_of(g, p));
  std::vector<std::string> articles;
  for (const Deal* d : grp.members) articles.push_back(d->article);
  const DateFields when = group_date_fields(grp);
  const AmountFields a = amount_fields(grp.amount, grp.when);
  auto text_or_null = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
  json row = {{"id", grp.lead->id},
              {"type", to_string(grp.lead->type)},
              {"date", text_or_null(grp.when)},
              {"date_grain", text_or_null(when.grain)},
              {"date_start", text_or_null(when.start)},
              {"date_end", text_or_null(when.end)},
              {"amount", amount_json(grp.amount)},
              {"capacity", grp.capacity ? power_json(*grp.capacity) : json(nullptr)},
              {"parties", parties},
              {"products", products},
              {"deals", member_ids(grp)},
              {"articles", articles},
              {"status", grp.status},
              {"group", grp.lead->group}};
  put_amount_extras(&row, a);
  r->json.push_back(row);
  const std::string capacity = grp.capacity ? labels::short_power(*grp.capacity) : "";
  r->table.rows.push_back({grp.lead->id, to_string(grp.lead->type), grp.when, amount_cell(grp.amount), capacity,
                           join(party_cells, "; "), join(products), join(member_ids(grp)), grp.status});
  std::optional<double> watts = grp.capacity ? labels::figure(grp.capacity->amount) : std::nullopt;
  r->data.rows.push_back(cells({grp.lead->id, to_string(grp.lead->type), grp.when, when.grain, when.start, when.end},
                               a,
                               {number_cell(watts), join(party_cells, "; "), join(products),
                                join(member_ids(grp)), grp.status, grp.lead->group}));
}

}  // namespace

Result<QueryResult> query_deals(const DealGraph& g, const std::string& party, const Filter& f) {
  std::optional<std::string> pid;
  if (!party.empty()) {
    auto v = resolve_entity(g, party);
    if (!v) return v.error();
    pid = g.graph()[*v].id;
  }
  QueryResult r;
  r.table = {{"id", "type", "date", "amount", "capacity", "parties", "products", "reports", "status"}, {}, {}};
  r.data = {columns({"id", "type", "date", "date_grain", "date_start", "date_end"},
                    {"capacity_w", "parties", "products", "reports", "status", "group"}),
            {},
            {}};
  for (const auto& grp : groups_for(g, f))
    if (!pid || takes_part(grp, *pid)) add_deal_row(g, grp, &r);
  return r;
}

// ----------------------------------------------------------------- partners

namespace {

// The partners of entity `id`: other parties in a partnership role of a
// partnership group `id` is a partner in, each with the deal ids (id_less
// order, each once), ordered by name.
std::vector<std::pair<std::string, std::vector<std::string>>> partners(const DealGraph& g, const std::string& id,
                                                                      const Filter& f) {
  const std::vector<std::string>& roles = g.schema().roles_of(DealType::Partnership);
  auto is_partner = [&](const Party& p) { return std::find(roles.begin(), roles.end(), p.role) != roles.end(); };
  std::map<std::string, std::vector<std::string>> deals;  // partner id → deal ids
  for (const auto& grp : groups_for(g, f)) {
    if (grp.lead->type != DealType::Partnership) continue;
    if (std::none_of(grp.parties.begin(), grp.parties.end(),
                     [&](const Party& p) { return p.entity == id && is_partner(p); }))
      continue;
    for (const auto& p : grp.parties)
      if (is_partner(p) && p.entity != id)
        for (const auto& d : member_ids(grp)) deals[p.entity].push_back(d);
  }
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (auto& [pid, ids] : deals) {
    sort_ids(&ids);
    out.emplace_back(pid, std::move(ids));
  }
  std::sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
    return std::tie(name_of(g, a.first), a.first) < std::tie(name_of(g, b.first), b.first);
  });
  return out;
}

}  // namespace

Result<QueryResult> query_partners_of(const DealGraph& g, const std::string& name, const Filter& f) {
  auto v = resolve_entity(g, name);
  if (!v) return v.error();
  const std::string& id = g.graph()[*v].id;
  QueryResult r;
  r.table = {{"partner", "deals"}, {}, {}};  // a column name of docs/queries.md, not a role
  for (const auto& [pid, deals] : partners(g, id, f)) {
    r.json.push_back({{"partner", name_of(g, pid)}, {"deals", deals}});
    r.table.rows.push_back({name_of(g, pid), join(deals)});
  }
  if (r.json.empty()) r.note = "no partnerships of " + name_of(g, id);
  return r;
}

// --------------------------------------------------------------------- path

namespace {

// Bipartite vertices entity, deal, entity, ..., entity from `s` to `t` along
// BFS predecessors; empty when `t` is unreached.
std::vector<size_t> shortest_chain(const Bipartite& bp, size_t s, size_t t) {
  std::vector<size_t> dist, pred;
  bfs(bp, s, &dist, &pred);
  if (dist[t] == SIZE_MAX) return {};
  std::vector<size_t> chain;
  for (size_t x = t; x != s; x = pred[x]) chain.push_back(x);
  chain.push_back(s);
  std::reverse(chain.begin(), chain.end());
  return chain;
}

// The roles `e` has in `grp`, joined by "/" ("investor/partner").
std::string roles_in(const DealGroup& grp, const std::string& e) {
  std::vector<std::string> roles;
  for (const auto& p : grp.parties)
    if (p.entity == e) roles.push_back(p.role);
  return join(roles, "/");
}

// One step of a path: x --grp--> y.
void add_step(const DealGraph& g, int step, const std::string& x, const DealGroup& grp, const std::string& y,
              QueryResult* r) {
  const AmountFields a = amount_fields(grp.amount, grp.when);
  json row = {{"step", step},
              {"from", name_of(g, x)},
              {"from_role", roles_in(grp, x)},
              {"deal", grp.lead->id},
              {"type", to_string(grp.lead->type)},
              {"amount", amount_json(grp.amount)},
              {"to", name_of(g, y)},
              {"to_role", roles_in(grp, y)},
              {"status", status_json(grp.status)},
              {"group", grp.lead->group}};
  put_amount_extras(&row, a);
  r->json.push_back(row);
  r->table.rows.push_back({std::to_string(step), name_of(g, x) + " (" + roles_in(grp, x) + ")", grp.lead->id,
                           to_string(grp.lead->type), amount_cell(grp.amount),
                           name_of(g, y) + " (" + roles_in(grp, y) + ")", grp.status});
  r->data.rows.push_back(cells({std::to_string(step), name_of(g, x), roles_in(grp, x), grp.lead->id,
                                to_string(grp.lead->type)},
                               a, {name_of(g, y), roles_in(grp, y), grp.status, grp.lead->group}));
}

}  // namespace

Result<QueryResult> query_path(const DealGraph& g, const std::string& a, const std::string& b, const Filter& f) {
  auto va = resolve_entity(g, a);
  if (!va) return va.error();
  auto vb = resolve_entity(g, b);
  if (!vb) return vb.error();
  const std::string &from = g.graph()[*va].id, &to = g.graph()[*vb].id;
  auto groups = groups_for(g, f);
  Bipartite bp = bipartite(groups, /*with_products=*/false);
  QueryResult r;
  r.table = {{"step", "from", "deal", "type", "amount", "to", "status"}, {}, {true}};
  r.data = {columns({"step", "from", "from_role", "deal", "type"}, {"to", "to_role", "status", "group"}), {}, {}};
  auto s = bp.vertex_of.find(from), t = bp.vertex_of.find(to);
  std::vector<size_t> chain;  // entity, deal, entity, ..., entity
  if (from != to && s != bp.vertex_of.end() && t != bp.vertex_of.end()) chain = shortest_chain(bp, s->second, t->second);
  if (chain.empty()) {
    r.note = from == to ? "'" + a + "' and '" + b + "' are the same entity"
                        : "no chain of deals links " + name_of(g, from) + " and " + name_of(g, to);
    return r;
  }
  for (size_t i = 1; i + 1 < chain.size(); i += 2)
    add_step(g, static_cast<int>(i / 2 + 1), bp.entity[chain[i - 1]], groups[bp.group[chain[i]]],
             bp.entity[chain[i + 1]], &r);
  return r;
}

// ---------------------------------------------------------------------- top

namespace {

struct Score {
  size_t deals = 0;  // deal groups taken part in
  double usd = 0;    // sum of their USD figures
};
using Scored = std::pair<std::string, Score>;  // entity id, score

// Every known party of the query's groups, counted once per group.
std::vector<Scored> scores(const DealGraph& g, const Filter& f) {
  std::map<std::string, Score> score;
  for (const auto& grp : groups_for(g, f)) {
    std::set<std::string> seen;
    for (const auto& p : grp.parties) {
      if (!seen.insert(p.entity).second || !g.corpus().entities.count(p.entity)) continue;
      Score& s = score[p.entity];
      ++s.deals;
      if (auto usd = to_usd(grp.amount, grp.when, UsdRates::builtin())) s.usd += usd->usd;
    }
  }
  return {score.begin(), score.end()};
}

// Larger first by the chosen measure, then by the other; then name, then id,
// for a total order.
void rank(const DealGraph& g, TopBy by, std::vector<Scored>* rows) {
  auto key = [&](const Scored& r) {
    double a = by == TopBy::Deals ? -static_cast<double>(r.second.deals) : -r.second.usd;
    double b = by == TopBy::Deals ? -r.second.usd : -static_cast<double>(r.second.deals);
    return std::make_tuple(a, b, name_of(g, r.first), r.first);
  };
  std::sort(rows->begin(), rows->end(), [&](const auto& x, const auto& y) { return key(x) < key(y); });
}

std::string usd_cell(double usd) {
  return usd > 0 ? labels::short_money(Money{Amount{usd, std::nullopt, std::nullopt, Qualifier::Exact}, "USD", ""})
                 : "";
}

}  // namespace

Result<QueryResult> query_top(const DealGraph& g, TopBy by, size_t limit, const Filter& f) {
  std::vector<Scored> rows = scores(g, f);
  rank(g, by, &rows);
  if (rows.size() > limit) rows.resize(limit);
  QueryResult r;
  r.table = {{"rank", "name", "type", "deals", "amount (USD)"}, {}, {true, false, false, true, true}};
  r.data = {{"rank", "name", "entity", "type", "deals", "amount_usd"}, {}, {}};
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& [id, s] = rows[i];
    const Entity& e = g.corpus().entities.at(id);
    r.json.push_back({{"rank", i + 1},
                      {"name", e.name},
                      {"entity", id},
                      {"type", to_string(e.type)},
                      {"deals", s.deals},
                      {"amount_usd", s.usd}});
    r.table.rows.push_back(
        {std::to_string(i + 1), e.name, to_string(e.type), std::to_string(s.deals), usd_cell(s.usd)});
    r.data.rows.push_back({std::to_string(i + 1), e.name, id, to_string(e.type), std::to_string(s.deals),
                           labels::plain_number(s.usd)});
  }
  return r;
}

}  // namespace dealgraph
