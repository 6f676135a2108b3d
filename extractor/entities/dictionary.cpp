#include "extractor/entities/dictionary.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

namespace dealgraph {

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (true) {
    size_t n = s.find(sep, pos);
    out.push_back(s.substr(pos, n == std::string::npos ? std::string::npos : n - pos));
    if (n == std::string::npos) break;
    pos = n + 1;
  }
  return out;
}

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

const char* type_prefix(EntityType t) {
  switch (t) {
    case EntityType::Organization: return "org";
    case EntityType::GovernmentBody: return "gov";
    case EntityType::Person: return "person";
    case EntityType::Chip: return "chip";
    case EntityType::Product: return "product";
    case EntityType::Facility: return "facility";
    case EntityType::Fund: return "fund";
    case EntityType::Place: return "place";
  }
  return "org";
}

const char* const kColumns[] = {"type", "name", "aliases", "ticker", "country", "wikidata", "maker", "flags"};
constexpr size_t kColumnCount = 8;

// The flags the stages read (README.md says what each means).
const char* const kFlags[] = {"country", "cloud", "neocloud", "lab", "investor", "vendor", "foundry", "ems", "region"};

// Where one row comes from, for its errors.
struct RowAt {
  const std::string& file;
  int line;
  const std::string& text;
  Error error(const std::string& message, const std::string& fragment = {}) const {
    return Error::at(file, line, 1, message, fragment.empty() ? text : fragment);
  }
};

Status check_header(const RowAt& at, const std::vector<std::string>& cols) {
  for (size_t i = 0; i < kColumnCount; ++i)
    if (cols.size() != kColumnCount || trim(cols[i]) != kColumns[i])
      return at.error("expected the header 'type<TAB>name<TAB>aliases<TAB>ticker<TAB>country<TAB>"
                      "wikidata<TAB>maker<TAB>flags'");
  return {};
}

// Eight cells, none empty ('-' is the empty value), none padded.
Status check_cells(const RowAt& at, const std::vector<std::string>& cols) {
  if (cols.size() != kColumnCount)
    return at.error("expected 8 tab-separated columns, found " + std::to_string(cols.size()));
  for (const auto& c : cols) {
    if (c.empty()) return at.error("empty cell (write '-')");
    if (c != trim(c)) return at.error("a cell has leading or trailing white space", c);
  }
  return {};
}

// Ticker, country and Wikidata id, when given, in their one written form.
Status check_codes(const RowAt& at, const DictEntry& e) {
  static const RE2 kTicker("[A-Z]{2,8}:[A-Z0-9.]{1,10}");
  static const RE2 kCountry("[A-Z]{2}");
  static const RE2 kWikidata("Q[1-9][0-9]*");
  if (!e.ticker.empty() && !RE2::FullMatch(e.ticker, kTicker))
    return at.error("malformed ticker (expected EXCHANGE:SYMBOL)", e.ticker);
  if (!e.country.empty() && !RE2::FullMatch(e.country, kCountry))
    return at.error("malformed country (expected an ISO 3166-1 alpha-2 code)", e.country);
  if (!e.wikidata.empty() && !RE2::FullMatch(e.wikidata, kWikidata))
    return at.error("malformed wikidata id (expected Q and digits)", e.wikidata);
  return {};
}

Status check_flags(const RowAt& at, const DictEntry& e) {
  for (const auto& f : e.flags) {
    if (std::find(std::begin(kFlags), std::end(kFlags), f) == std::end(kFlags))
      return at.error("unknown flag '" + f + "'", f);
    if (f == "country" && e.type != EntityType::GovernmentBody)
      return at.error("flag 'country' on a " + std::string(to_string(e.type)) + " row", f);
  }
  return {};
}

// The '|'-separated alias cell; the name itself repeated is dropped.
Status read_aliases(const RowAt& at, const std::string& cell, DictEntry* e) {
  if (cell.empty()) return {};
  for (const auto& a : split(cell, '|')) {
    if (a.empty() || a != trim(a)) return at.error("empty or padded alias", cell);
    if (a == "-") return at.error("'-' inside an alias list", cell);
    if (a != e->name) e->aliases.push_back(a);
  }
  return {};
}

Result<DictEntry> read_entry(const RowAt& at, std::vector<std::string> cols, std::string* maker) {
  for (auto& c : cols)
    if (c == "-") c.clear();
  DictEntry e;
  auto type = entity_type_from(cols[0]);
  if (!type) return at.error("unknown type '" + cols[0] + "'");
  e.type = *type;
  e.name = cols[1];
  if (e.name.empty()) return at.error("empty name");
  if (e.name.find('|') != std::string::npos) return at.error("'|' in a name", e.name);
  if (Status st = read_aliases(at, cols[2], &e); !st) return st.error();
  e.ticker = cols[3];
  e.country = cols[4];
  e.wikidata = cols[5];
  for (auto& f : split(cols[7], ','))
    if (!trim(f).empty()) e.flags.push_back(trim(f));
  if (Status st = check_codes(at, e); !st) return st.error();
  if (Status st = check_flags(at, e); !st) return st.error();
  if (!cols[6].empty() && e.type != EntityType::Chip && e.type != EntityType::Product)
    return at.error("maker set on a " + std::string(to_string(e.type)) + " row", cols[6]);
  *maker = cols[6];
  e.file = at.file;
  e.line = at.line;
  e.id = entity_id(e.type, e.name);
  return e;
}

}  // namespace

bool DictEntry::has_flag(const std::string& f) const {
  return std::find(flags.begin(), flags.end(), f) != flags.end();
}

std::string entity_id(EntityType type, const std::string& name) {
  std::string slug;
  bool dash = false;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c >= 0x80) {  // keep non-ASCII letters (Hangul names) as they are
      if (dash && !slug.empty()) slug += '-';
      dash = false;
      slug += static_cast<char>(c);
    } else if (std::isalnum(c)) {
      if (dash && !slug.empty()) slug += '-';
      dash = false;
      slug += static_cast<char>(std::tolower(c));
    } else {
      dash = true;
    }
  }
  return std::string(type_prefix(type)) + ":" + slug;
}

// Indexes the entry's id and every name; a name that folds like another
// row's is an Error naming both rows.
Status Dictionary::add_entry(DictEntry e, const std::string& line) {
  const int idx = static_cast<int>(entries_.size());
  if (by_id_.count(e.id))
    return Error::at(e.file, e.line, 1, "entity id '" + e.id + "' defined twice", line);
  std::vector<std::string> names = e.aliases;
  names.push_back(e.name);
  for (const auto& n : names) {
    std::string f = fold_name(n);
    if (f.empty()) return Error::at(e.file, e.line, 1, "a name with no letters", n);
    auto it = by_folded_.find(f);
    if (it != by_folded_.end() && it->second != idx) {
      const DictEntry& other = entries_[it->second];
      return Error::at(e.file, e.line, 1,
                       "name '" + n + "' already belongs to '" + other.name + "' (" + other.file + ":" +
                           std::to_string(other.line) + ")",
                       line);
    }
    by_folded_[f] = idx;
  }
  by_id_[e.id] = idx;
  entries_.push_back(std::move(e));
  return {};
}

Status Dictionary::add_file(const std::string& path, const std::string& text,
                            std::vector<std::pair<int, std::string>>* makers) {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) return Error::at(path, 1, 1, "starts with a byte-order mark");
  int lineno = 0;
  bool header = false;
  for (const std::string& line : split(text, '\n')) {
    ++lineno;
    const RowAt at{path, lineno, line};
    if (!line.empty() && line.back() == '\r') return at.error("CRLF line ending (write LF)");
    if (trim(line).empty() || trim(line)[0] == '#') continue;
    std::vector<std::string> cols = split(line, '\t');
    if (!header) {
      if (Status st = check_header(at, cols); !st) return st;
      header = true;
      continue;
    }
    if (Status st = check_cells(at, cols); !st) return st;
    std::string maker;
    auto e = read_entry(at, std::move(cols), &maker);
    if (!e) return e.error();
    if (!maker.empty()) makers->emplace_back(static_cast<int>(entries_.size()), maker);
    if (Status st = add_entry(std::move(*e), line); !st) return st;
  }
  return {};
}

// A chip's maker is the name of an Organization row.
Status Dictionary::resolve_makers(const std::vector<std::pair<int, std::string>>& makers) {
  for (const auto& [idx, maker] : makers) {
    int m = find_name(maker);
    DictEntry& e = entries_[idx];
    if (m < 0) return Error::at(e.file, e.line, 1, "unknown maker '" + maker + "'", e.name);
    if (entries_[m].type != EntityType::Organization)
      return Error::at(e.file, e.line, 1, "maker '" + maker + "' is not an Organization", e.name);
    e.maker = entries_[m].id;
  }
  return {};
}

Result<Dictionary> Dictionary::load(const Resources& res) {
  Dictionary d;
  std::vector<std::pair<int, std::string>> makers;  // entry -> maker name
  for (const auto& [path, text] : res.list("data/dictionary", ".tsv"))
    if (Status st = d.add_file(path, text, &makers); !st) return st.error();
  if (Status st = d.resolve_makers(makers); !st) return st.error();
  return d;
}

int Dictionary::find_id(const std::string& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? -1 : it->second;
}

int Dictionary::find_name(const std::string& name) const {
  auto it = by_folded_.find(fold_name(name));
  return it == by_folded_.end() ? -1 : it->second;
}

}  // namespace dealgraph
