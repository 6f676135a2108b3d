#include "extractor/entities/dictionary.h"

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

std::string fold_alias(const std::string& s) {
  std::string out;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == ' ' || c == '.' || c == ',' || c == '-' || c == '\'' || c == '\t') continue;
    out += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
  }
  return out;
}

Result<Dictionary> Dictionary::load(const Resources& res) {
  Dictionary d;
  std::map<std::string, std::pair<std::string, int>> where;  // folded name -> file, line
  std::vector<std::pair<int, std::string>> makers;           // entry -> maker name
  for (const auto& [path, text] : res.list("data/dictionary", ".tsv")) {
    int lineno = 0;
    bool header = false;
    for (const std::string& raw : split(text, '\n')) {
      ++lineno;
      std::string line = raw;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (trim(line).empty() || trim(line)[0] == '#') continue;
      std::vector<std::string> cols = split(line, '\t');
      if (!header) {
        for (size_t i = 0; i < 8; ++i)
          if (cols.size() != 8 || trim(cols[i]) != kColumns[i])
            return Error::at(path, lineno, 1,
                             "expected the header 'type<TAB>name<TAB>aliases<TAB>ticker<TAB>country<TAB>"
                             "wikidata<TAB>maker<TAB>flags'", line);
        header = true;
        continue;
      }
      if (cols.size() != 8)
        return Error::at(path, lineno, 1,
                         "expected 8 tab-separated columns, found " + std::to_string(cols.size()), line);
      for (auto& c : cols) {
        c = trim(c);
        if (c == "-") c.clear();
      }
      DictEntry e;
      auto type = entity_type_from(cols[0]);
      if (!type) return Error::at(path, lineno, 1, "unknown type '" + cols[0] + "'", line);
      e.type = *type;
      e.name = cols[1];
      if (e.name.empty()) return Error::at(path, lineno, 1, "empty name", line);
      for (auto& a : split(cols[2], '|'))
        if (!trim(a).empty() && trim(a) != e.name) e.aliases.push_back(trim(a));
      e.ticker = cols[3];
      e.country = cols[4];
      e.wikidata = cols[5];
      for (auto& f : split(cols[7], ','))
        if (!trim(f).empty()) e.flags.push_back(trim(f));
      e.file = path;
      e.line = lineno;
      e.id = entity_id(e.type, e.name);
      const int idx = static_cast<int>(d.entries_.size());
      if (d.by_id_.count(e.id))
        return Error::at(path, lineno, 1, "entity id '" + e.id + "' defined twice", line);
      std::vector<std::string> names = e.aliases;
      names.push_back(e.name);
      for (const auto& n : names) {
        std::string f = fold_alias(n);
        if (f.empty()) return Error::at(path, lineno, 1, "a name with no letters", n);
        auto it = d.by_folded_.find(f);
        if (it != d.by_folded_.end() && it->second != idx) {
          const auto& w = where[f];
          return Error::at(path, lineno, 1,
                           "name '" + n + "' already belongs to '" + d.entries_[it->second].name + "' (" +
                               w.first + ":" + std::to_string(w.second) + ")", line);
        }
        d.by_folded_[f] = idx;
        where[f] = {path, lineno};
      }
      if (!cols[6].empty()) makers.emplace_back(idx, cols[6]);
      d.by_id_[e.id] = idx;
      d.entries_.push_back(std::move(e));
    }
  }
  for (const auto& [idx, maker] : makers) {
    int m = d.find_name(maker);
    DictEntry& e = d.entries_[idx];
    if (m < 0) return Error::at(e.file, e.line, 1, "unknown maker '" + maker + "'", e.name);
    e.maker = d.entries_[m].id;
  }
  return d;
}

int Dictionary::find_id(const std::string& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? -1 : it->second;
}

int Dictionary::find_name(const std::string& name) const {
  auto it = by_folded_.find(fold_alias(name));
  return it == by_folded_.end() ? -1 : it->second;
}

}  // namespace dealgraph
