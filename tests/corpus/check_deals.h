// tests/corpus/check_deals.h — what a deal example means.
//
// An example is a sentence (or "[headline] " one) extracted as a one-article
// brief dated by @ref, under the headline of a one-shot "@headline TEXT" (the
// article's focus, for rules with `implicit`) or a neutral one; " ¶ " in it
// is a line break (a record's fields, a list's items); the indented lines under it are the complete set of
// deals it must give, or "none":
//   TYPE role=Name[,Name...] [role=...] [amount=VALUE:CUR | amount=MIN..MAX:CUR]
//        [capacity=WATTS] [products=Chip[,Chip]] [status=WORD] [date=ISO | date=FROM..TO]
// A value runs up to the next " key=" (names may hold spaces). Type and every
// role are always compared; every other field the line gives is compared too.
// "@gap REASON" marks a known miss: the example must still fail, so the line
// goes when the rules learn it.
#pragma once

#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/fold.h"
#include "core/model.h"
#include "corpus/corpus_file.h"
#include "extractor/pipeline.h"

namespace corpus {

class DealChecker {
 public:
  explicit DealChecker(const dealgraph::Pipeline& p) : pipeline_(p) {}

  // "" when the sentence gives exactly the expected deals, else the first difference.
  std::string check(const Example& ex) const {
    dealgraph::Corpus c;
    dealgraph::Status st = pipeline_.add_file("corpus", brief_for(ex), &c);
    if (!st) return "extract failed: " + st.error().to_string();
    if (ex.negative || ex.expected.empty()) {
      if (c.deals.empty()) return "";
      return "fired on a must-not-fire sentence: " + std::string(to_string(c.deals[0].type)) + " [" +
             c.deals[0].rule + "]";
    }
    std::vector<bool> used(c.deals.size(), false);
    for (const auto& line : ex.expected) {
      std::string why = match_one(parse(line), c, &used);
      if (!why.empty()) return why;
    }
    for (size_t i = 0; i < c.deals.size(); ++i)
      if (!used[i]) return std::string("extra ") + to_string(c.deals[i].type) + " [" + c.deals[i].rule + "]";
    return "";
  }

 private:
  struct Expected {
    std::string type;
    std::map<std::string, std::vector<std::string>> roles;
    std::map<std::string, std::string> fields;  // amount, capacity, products, status, date
  };

  static bool is_field(const std::string& key) {
    static const std::set<std::string> kFields = {"amount", "capacity", "products", "status", "date"};
    return kFields.count(key) > 0;
  }

  static std::vector<std::string> split(const std::string& s, char c) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    for (std::string part; std::getline(ss, part, c);) out.push_back(part);
    return out;
  }

  // "investment investor=NVIDIA investee=Intel amount=5e9:USD"
  static Expected parse(const std::string& line) {
    Expected e;
    size_t sp = line.find(' ');
    e.type = line.substr(0, sp);
    std::string rest = sp == std::string::npos ? "" : line.substr(sp + 1);
    std::vector<std::pair<size_t, std::string>> keys;  // where each " key=" starts
    for (size_t i = 0; i < rest.size(); ++i) {
      if (i != 0 && rest[i - 1] != ' ') continue;
      size_t eq = rest.find('=', i);
      if (eq == std::string::npos) break;
      std::string key = rest.substr(i, eq - i);
      if (!key.empty() && key.find(' ') == std::string::npos) keys.emplace_back(i, key);
    }
    for (size_t k = 0; k < keys.size(); ++k) {
      size_t from = keys[k].first + keys[k].second.size() + 1;
      size_t to = k + 1 < keys.size() ? keys[k + 1].first - 1 : rest.size();
      std::string value = rest.substr(from, to - from);
      if (is_field(keys[k].second)) e.fields[keys[k].second] = value;
      else e.roles[keys[k].second] = split(value, ',');
    }
    return e;
  }

  // " ¶ " in an example is a line break: records and items span lines.
  static std::string lines_of(std::string text) {
    for (size_t at; (at = text.find(" ¶ ")) != std::string::npos;) text.replace(at, 4, "\n");
    // " ¶ ¶ ": two breaks, a blank line (two records of a tracker)
    for (size_t at; (at = text.find("\n¶ ")) != std::string::npos;) text.replace(at, 4, "\n\n");
    return text;
  }

  static std::string brief_for(const Example& ex) {
    const std::string ref = ex.directive("ref", "2026-03-01");
    std::string date = ref.substr(0, 4) + ". " + ref.substr(5, 2) + ". " + ref.substr(8, 2);
    if (ex.headline) return ex.input + "\n" + date + "\n\nContent\n\n-\n";
    return ex.directive("headline", "Corpus example") + "\n" + date + "\n\nContent\n\n" + lines_of(ex.input) + "\n";
  }

  // Marks the first unused deal equal to `e`; else says how the closest differed.
  static std::string match_one(const Expected& e, const dealgraph::Corpus& c, std::vector<bool>* used) {
    std::string best = "missing";
    for (size_t i = 0; i < c.deals.size(); ++i) {
      if ((*used)[i]) continue;
      std::string why = compare(c.deals[i], c, e);
      if (why.empty()) {
        (*used)[i] = true;
        return "";
      }
      if (why != "type" && why.rfind("role", 0) != 0) best = why + " [" + c.deals[i].rule + "]";
    }
    return e.type + ": " + best;
  }

  static bool close(double a, double b) { return std::abs(a - b) <= 1e-3 * std::max(std::abs(a), std::abs(b)) + 1e-9; }

  static bool same_names(std::vector<std::string> got, const std::vector<std::string>& want) {
    if (got.size() != want.size()) return false;
    std::multiset<std::string> a, b;
    for (const auto& g : got) a.insert(dealgraph::fold_name(g));
    for (const auto& w : want) b.insert(dealgraph::fold_name(w));
    return a == b;
  }

  static std::string compare_roles(const dealgraph::Deal& d, const dealgraph::Corpus& c, const Expected& e) {
    std::map<std::string, std::vector<std::string>> got;
    for (const auto& p : d.parties) got[p.role].push_back(c.entities.at(p.entity).name);
    for (const auto& [role, names] : e.roles) {
      if (!same_names(got[role], names)) return "role " + role;
      got.erase(role);
    }
    for (const auto& [role, names] : got)
      if (!names.empty()) return "extra role " + role;
    return "";
  }

  static std::string compare_amount(const dealgraph::Deal& d, const std::string& want) {
    if (!d.amount) return "no amount";
    size_t colon = want.find(':');
    std::string num = want.substr(0, colon), cur = colon == std::string::npos ? "" : want.substr(colon + 1);
    if (d.amount->currency != cur) return "amount currency " + d.amount->currency;
    const dealgraph::Amount& a = d.amount->amount;
    if (size_t dots = num.find(".."); dots != std::string::npos) {
      double lo = std::stod(num.substr(0, dots)), hi = std::stod(num.substr(dots + 2));
      bool ok = (a.min && a.max && close(*a.min, lo) && close(*a.max, hi)) || (a.value && *a.value >= lo && *a.value <= hi);
      return ok ? "" : "amount range";
    }
    return a.value && close(*a.value, std::stod(num)) ? "" : "amount value";
  }

  static std::string compare_date(const dealgraph::Deal& d, const std::string& want) {
    if (!d.date) return "no date";
    std::string got = d.date->value.empty() ? d.date->from + ".." + d.date->to : d.date->value;
    return got == want ? "" : "date " + got + " (want " + want + ")";
  }

  static std::string compare_products(const dealgraph::Deal& d, const dealgraph::Corpus& c, const std::string& want) {
    std::vector<std::string> got;
    for (const auto& p : d.products) got.push_back(c.entities.at(p).name);
    if (same_names(got, split(want, ','))) return "";
    std::string g;
    for (const auto& n : got) g += (g.empty() ? "" : ",") + n;
    return "products " + (g.empty() ? "-" : g) + " (want " + want + ")";
  }

  static std::string compare_fields(const dealgraph::Deal& d, const dealgraph::Corpus& c, const Expected& e) {
    for (const auto& [key, want] : e.fields) {
      std::string why;
      if (key == "amount") why = compare_amount(d, want);
      else if (key == "status") why = d.status == want ? "" : "status " + d.status + " (want " + want + ")";
      else if (key == "capacity")
        why = d.capacity && d.capacity->amount.value && close(*d.capacity->amount.value, std::stod(want)) ? "" : "capacity";
      else if (key == "products") why = compare_products(d, c, want);
      else if (key == "date") why = compare_date(d, want);
      if (!why.empty()) return why;
    }
    return "";
  }

  static std::string compare(const dealgraph::Deal& d, const dealgraph::Corpus& c, const Expected& e) {
    if (to_string(d.type) != e.type) return "type";
    if (std::string why = compare_roles(d, c, e); !why.empty()) return why;
    return compare_fields(d, c, e);
  }

  const dealgraph::Pipeline& pipeline_;
};

}  // namespace corpus
