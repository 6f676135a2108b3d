#include "export/export_csv.h"

#include <cctype>

#include "graph/deal_fields.h"
#include "graph/labels.h"

namespace dealgraph {

namespace {
// -12, 3.5: a spreadsheet reads these as numbers, never as formulas.
bool plain_number(const std::string& s) {
  size_t i = s.size() > 1 && s[0] == '-' ? 1 : 0, digits = 0, dots = 0;
  for (; i < s.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(s[i]))) ++digits;
    else if (s[i] == '.' && digits && !dots) ++dots;
    else return false;
  }
  return digits > 0 && s.back() != '.';
}
}  // namespace

std::optional<CsvSafe> csv_safe_from(const std::string& name) {
  if (name == "excel") return CsvSafe::Excel;
  if (name == "none") return CsvSafe::None;
  return std::nullopt;
}

std::string csv_text(std::string_view raw, CsvSafe safe) {
  std::string s = labels::printable(raw);
  // A leading = + - @ (or tab/CR, which some spreadsheets skip before one)
  // would make the cell a formula: the apostrophe makes it text. A plain
  // negative number is left alone.
  if (safe == CsvSafe::Excel && !s.empty() && std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos && !plain_number(s))
    s.insert(0, "'");
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

std::string csv_number(std::optional<double> v) { return v ? labels::plain_number(*v) : ""; }

std::string csv_line(const std::vector<std::string>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    out += cells[i];
  }
  return out + "\r\n";
}

namespace {

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string capitalized(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// The five tables of one View. deals.csv has one column per role of the
// schema (Schema::roles(), table order), so its header does not depend on
// the data; a role the schema does not know goes to other_parties.
struct Tables {
  const Corpus& c;
  const View& v;
  const Schema& schema;
  CsvSafe safe;
  std::map<std::string, const Article*> articles;

  std::string csv_text(std::string_view s) const { return dealgraph::csv_text(s, safe); }

  std::string name_of(const std::string& id) const {
    auto it = c.entities.find(id);
    return it == c.entities.end() ? id : it->second.name;
  }

  std::string entities() const {
    std::string out = csv_line({"id:ID(Entity)", ":LABEL", "name", "type", "aliases:string[]", "ticker",
                                "wikidata", "country", "maker", "source", "mentions:int"});
    for (const auto& id : v.entities) {
      const Entity& e = c.entities.at(id);
      out += csv_line({csv_text(id), csv_text(std::string("Entity;") + to_string(e.type)),
                       csv_text(e.name), csv_text(to_string(e.type)), csv_text(join(e.aliases, ";")),
                       csv_text(e.ticker), csv_text(e.wikidata), csv_text(e.country), csv_text(e.maker),
                       csv_text(e.source), std::to_string(e.mentions.size())});
    }
    return out;
  }

  std::string articles_csv() const {
    std::string out = csv_line({"id:ID(Article)", ":LABEL", "headline", "date", "url", "source"});
    for (const auto& a : c.articles) {
      if (!v.articles.count(a.id)) continue;
      out += csv_line({csv_text(a.id), "Article", csv_text(a.headline), csv_text(a.date.value_or("")),
                       csv_text(a.url.value_or("")), csv_text(a.source)});
    }
    return out;
  }

  std::string deals() const {
    std::vector<std::string> head = {"id:ID(Deal)", ":LABEL", "type", "date", "date_grain", "date_start:date",
                                     "date_end:date", "target_date", "status", "amount:double", "currency",
                                     "amount_qualifier", "amount_min:double", "amount_max:double",
                                     "amount_usd:double", "usd_rate_year:int", "amount_label",
                                     "capacity_gw:double"};
    for (const std::string& r : schema.roles()) head.push_back(r);
    for (const char* h : {"other_parties", "products", "article", "article_url", "headline", "evidence",
                          "rule", "same_as", "conflicts", "group", "group_status", "group_amount_usd:double"})
      head.push_back(h);
    std::string out = csv_line(head);
    for (const auto& grp : v.groups)
      for (const Deal* d : grp.members) out += deal_row(*d, grp);
    return out;
  }

  std::string deal_row(const Deal& d, const DealGroup& grp) const {
    std::vector<std::string> row = deal_cells(d);
    for (const std::string& r : schema.roles()) row.push_back(csv_text(join(names_in_role(d, r), "; ")));
    for (const std::string& cell : link_cells(d)) row.push_back(csv_text(cell));
    for (const std::string& cell : group_cells(grp)) row.push_back(cell);
    return csv_line(row);
  }

  // group_status, group_amount_usd: the deal's as every query counts it
  // (graph/groups.h: the latest report's status, the first stated figure at
  // the rate of the group's date), repeated on each of its reports so that
  // SQL can count a deal once per party (docs/outputs.md, SQLite recipe).
  std::vector<std::string> group_cells(const DealGroup& grp) const {
    return {csv_text(grp.status), csv_number(amount_fields(grp.amount, grp.when).usd)};
  }

  // id ... capacity_gw: the deal's own fields, already CSV cells.
  std::vector<std::string> deal_cells(const Deal& d) const {
    auto art = articles.find(d.article);
    const std::string article_date = art != articles.end() && art->second->date ? *art->second->date : "";
    const DateFields when = date_fields(d.date, article_date);
    const AmountFields a = amount_fields(d.amount, when.date);
    std::optional<double> gw;
    if (d.capacity && d.capacity->amount.value) gw = *d.capacity->amount.value / 1e9;
    return {csv_text(d.id), csv_text("Deal;" + capitalized(to_string(d.type))), csv_text(to_string(d.type)),
            csv_text(when.date), csv_text(when.grain), csv_text(when.start), csv_text(when.end),
            csv_text(target_when(d)), csv_text(d.status), csv_number(a.value), csv_text(a.currency),
            csv_text(a.qualifier), csv_number(a.min), csv_number(a.max), csv_number(a.usd),
            a.rate_year ? std::to_string(a.rate_year) : "", csv_text(a.label), csv_number(gw)};
  }

  // Names of the kept parties in `role`, in party order.
  std::vector<std::string> names_in_role(const Deal& d, const std::string& role) const {
    std::vector<std::string> names;
    for (const auto& p : d.parties)
      if (p.role == role && v.entities.count(p.entity)) names.push_back(name_of(p.entity));
    return names;
  }

  // other_parties ... group, as text (not yet CSV cells).
  std::vector<std::string> link_cells(const Deal& d) const {
    std::vector<std::string> other, products;
    for (const auto& p : d.parties)
      if (!schema.is_role(p.role) && v.entities.count(p.entity)) other.push_back(p.role + ": " + name_of(p.entity));
    for (const auto& p : d.products)
      if (v.entities.count(p)) products.push_back(name_of(p));
    auto art = articles.find(d.article);
    const Article* ar = art == articles.end() ? nullptr : art->second;
    return {join(other, "; "), join(products, "; "), d.article, ar && ar->url ? *ar->url : std::string(),
            ar ? ar->headline : std::string(), d.evidence.text, d.rule, join(d.same_as, "; "),
            join(d.conflicts, "; "), d.group};
  }

  std::string deal_parties() const {
    std::string out = csv_line({":START_ID(Deal)", ":END_ID(Entity)", ":TYPE", "role", "name"});
    for (const auto& grp : v.groups)
      for (const Deal* d : grp.members) {
        for (const auto& p : d->parties)
          if (v.entities.count(p.entity))
            out += csv_line({csv_text(d->id), csv_text(p.entity), csv_text(upper(p.role)), csv_text(p.role),
                             csv_text(name_of(p.entity))});
        for (const auto& p : d->products)
          if (v.entities.count(p))
            out += csv_line({csv_text(d->id), csv_text(p), "PRODUCT", "product", csv_text(name_of(p))});
      }
    return out;
  }

  // A person's role at an organization (Neo4j relationships, person to org);
  // both must be kept and the article shown.
  std::string roles() const {
    std::string out = csv_line({":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "title", "person", "org",
                                "article", "evidence", "rule"});
    for (const auto& r : c.roles) {
      if (!v.entities.count(r.person) || !v.entities.count(r.org) || !v.articles.count(r.article)) continue;
      out += csv_line({csv_text(r.person), csv_text(r.org), "ROLE_AT", csv_text(r.title), csv_text(name_of(r.person)),
                       csv_text(name_of(r.org)), csv_text(r.article), csv_text(r.evidence.text), csv_text(r.rule)});
    }
    return out;
  }

  std::string mentions() const {
    std::string out = csv_line({":START_ID(Entity)", ":END_ID(Article)", ":TYPE", "start:long", "end:long",
                                "text", "rule"});
    for (const auto& id : v.entities)
      for (const auto& m : c.entities.at(id).mentions) {
        if (!v.articles.count(m.article)) continue;
        out += csv_line({csv_text(id), csv_text(m.article), "MENTIONED_IN", std::to_string(m.span.start),
                         std::to_string(m.span.end), csv_text(m.text), csv_text(m.rule)});
      }
    return out;
  }
};

}  // namespace

std::map<std::string, std::string> to_csv_tables(const DealGraph& g, const View& v, const CsvOptions& opt) {
  Tables t{g.corpus(), v, g.schema(), opt.safe, {}};
  for (const auto& a : g.corpus().articles) t.articles.emplace(a.id, &a);
  std::map<std::string, std::string> files = {{"entities.csv", t.entities()},
                                              {"articles.csv", t.articles_csv()},
                                              {"deals.csv", t.deals()},
                                              {"deal_parties.csv", t.deal_parties()},
                                              {"mentions.csv", t.mentions()}};
  // roles.csv only when the text states a role, so exports of documents
  // without one keep their five tables (docs/json.md, "Roles")
  if (!g.corpus().roles.empty()) files.emplace("roles.csv", t.roles());
  if (opt.bom)
    for (auto& [name, text] : files) text.insert(0, "\xEF\xBB\xBF");
  return files;
}

}  // namespace dealgraph
