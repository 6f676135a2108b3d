// dealgraph/core/model.h — what extraction produces.
//
// Plain data: articles, typed values, entities with their mentions, and deals
// (n-ary relations between entities). Offsets are byte offsets into the UTF-8
// text of one input file after decoding (docs/json.md, "Offsets"). Every extracted
// fact records the rule that produced it.
//
// A Document is the result for one input file; a Corpus merges several.
// Thread-safety: plain values.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace dealgraph {

struct Span {
  size_t start = 0;
  size_t end = 0;  // exclusive
  size_t size() const { return end - start; }
  bool operator==(const Span& o) const { return start == o.start && end == o.end; }
  bool operator<(const Span& o) const {
    return start != o.start ? start < o.start : end < o.end;
  }
};

// ---------------------------------------------------------------- articles

struct Article {
  std::string id;        // content id (graph/ids.h); "A1", "A2"... until linked
  std::string source;    // the input file as given on the command line
  std::string headline;  // the title line ("" when the text has none)
  std::optional<std::string> date;  // ISO YYYY-MM-DD
  std::optional<std::string> url;   // without surrounding < >
  Span span;             // the whole article in the file
  Span headline_span;    // the headline line (empty when none)
  std::vector<Span> paragraphs;  // body paragraphs, in order
};

// ------------------------------------------------------------------ values

enum class Qualifier { Exact, Approx, AtLeast, AtMost, Range, Each };
const char* to_string(Qualifier q);

// A number with its bounds: value for exact/approx/at_least/at_most/each,
// min/max for ranges and vague amounts ("수십억": 1e9..1e10).
struct Amount {
  std::optional<double> value;
  std::optional<double> min;
  std::optional<double> max;
  Qualifier qualifier = Qualifier::Exact;
};

struct Money {
  Amount amount;
  std::string currency;  // ISO 4217
  std::string per;       // "" or what the price is per ("share")
};
struct Power {
  Amount amount;  // watts
};
struct Quantity {
  Amount amount;
  std::string unit;  // "shares", "chips", "units", "tokens/s", ...
};
struct Percent {
  Amount amount;  // 10 for 10 %
};
struct DateValue {
  std::string value;  // "YYYY", "YYYY-MM" or "YYYY-MM-DD"; empty for a pure span
  std::string from;   // span start, same forms; may be empty
  std::string to;     // span end; may be empty
  std::string relation;  // "" | "by" | "from" | "since"
};
struct Number {
  Amount amount;
};

using ValueData = std::variant<Money, Power, Quantity, Percent, DateValue, Number>;
// The one owner of value kind names, in the order of ValueData's alternatives.
const char* kind_name(const ValueData& v);  // "money", "power", ...
const char* kind_name(size_t index);        // by alternative index; "" past the end
std::optional<size_t> value_kind_from(const std::string& s);  // "money" -> 0

struct Value {
  ValueData data;
  Span span;          // in the file (or in the tagged text for `tag`)
  std::string text;   // the matched text
  std::string rule;   // the rule that produced it, e.g. "money.ko.unit"
  std::string article;  // article id ("" for `tag`)
};

// ---------------------------------------------------------------- entities

enum class EntityType { Organization, GovernmentBody, Person, Chip, Product, Facility, Fund, Place };
const char* to_string(EntityType t);
std::optional<EntityType> entity_type_from(const std::string& s);
std::vector<EntityType> all_entity_types();

struct Mention {
  std::string article;
  Span span;          // the name itself, particles excluded
  std::string text;
  std::string rule;   // "dictionary", or the discovery rule's name
  // What the words around it say the mention is, "" when nothing: "filing", a
  // regulator a company files with ("said in a filing with the SEC"), which
  // the deal stage never makes a party (docs/entities.md).
  std::string context;
};

struct Entity {
  std::string id;     // "org:nvidia", derived from the canonical name
  EntityType type = EntityType::Organization;
  std::string name;   // canonical display name
  std::vector<std::string> aliases;  // known and seen surface forms, sorted, without name
  std::vector<Mention> mentions;     // in document order
  std::string source = "dictionary"; // "dictionary" or "rule"
  std::string ticker, wikidata, country;
  std::string maker;  // entity id of the maker (chips and products)
  std::string part_of;  // a division's owner: "the memory division of Toshiba" -> Toshiba's id
  std::vector<std::string> flags;
};

// ------------------------------------------------------------------- deals

enum class DealType { Investment, Acquisition, Purchase, Lease, Partnership, Contract,
                      Manufacturing, Approval, Fund, Facility };
const char* to_string(DealType t);
std::optional<DealType> deal_type_from(const std::string& s);
std::vector<DealType> all_deal_types();
// The statuses a deal may have (Deal::status), furthest along first: signed,
// planned, reported, negotiating, failed. "" is a deal whose sentence states none.
const std::vector<std::string>& deal_statuses();

struct Party {
  std::string entity;  // entity id
  std::string role;    // "investor", "investee", ...
  bool operator<(const Party& o) const {
    return role != o.role ? role < o.role : entity < o.entity;
  }
  bool operator==(const Party& o) const { return role == o.role && entity == o.entity; }
};

struct Evidence {
  Span span;
  std::string text;
};

struct Deal {
  std::string id;     // content id (graph/ids.h): type, parties, date
  std::string group;  // the same deal's reports share it (graph/link.h)
  DealType type = DealType::Investment;
  std::string article;
  std::vector<Party> parties;   // sorted
  std::optional<Money> amount;
  std::optional<Power> capacity;
  std::vector<std::string> products;  // entity ids
  std::optional<DateValue> date;         // when it was made or announced (else the article's date)
  std::optional<DateValue> target_date;  // a build-out target, deadline or delivery start
  std::string status;  // "" | signed | planned | reported | negotiating | failed
  Evidence evidence;
  std::string rule;
  // Links within the group, linear in its size (graph/link.h): the first
  // report lists the others and each other lists the first; conflicts the
  // same around the first report that states a figure.
  std::vector<std::string> conflicts;  // deal ids with a different figure for the same deal
  std::vector<std::string> same_as;    // deal ids reporting the same deal elsewhere
};

// ------------------------------------------------------------------- roles

// A person's role at an organization, as an article says it: "Sanjay
// Mehrotra, Micron's chief executive" -> person Sanjay Mehrotra, org Micron
// Technology, title "chief executive". One per place the text says it.
struct Role {
  std::string person;   // entity id
  std::string org;      // entity id
  std::string title;    // as written: "chief executive", "회장"
  std::string article;
  Evidence evidence;    // the words that say it
  std::string rule;
};

// --------------------------------------------------------------- documents

// Everything extracted from a set of input files, merged: one entity per
// canonical id, deals and values per article.
struct Corpus {
  std::vector<Article> articles;
  std::map<std::string, Entity> entities;  // by id
  std::vector<Deal> deals;
  std::vector<Value> values;
  std::vector<Role> roles;  // in article order, then text order
};

}  // namespace dealgraph
