// tests/corpus/check_values.h — what a value example means.
//
// Corpus lines (rules/values/*.corpus): "TEXT => {json}" passes only when
// exactly one value lies over the whole input (or over the expected "text")
// and every field the JSON gives is equal; "!TEXT" passes when no value of the
// corpus's kinds (@kinds, else the file name's) is found anywhere in it.
// Failures say "no parse", "partial match", "N ambiguous parses" or "wrong
// value", in the manner of Duckling.
//
// Rule examples ("example: in March → 2026-03 (ref 2026-02-24)") give a value
// (a number or a date), a range (a..b), then optionally a currency or unit and
// "(ref DATE)" or "(by)"; the whole text must be one value of the rule's kind
// with those fields.
#pragma once

#include <nlohmann/json.hpp>

#include <cmath>
#include <regex>
#include <string>
#include <vector>

#include "core/value_json.h"
#include "corpus/corpus_file.h"
#include "extractor/values/dates.h"
#include "extractor/values/tagger.h"

namespace corpus {

class ValueChecker {
 public:
  explicit ValueChecker(const dealgraph::values::Tagger& tagger) : tagger_(tagger) {}

  // "" when the corpus example passes, else what went wrong.
  std::string check(const Example& ex) const {
    if (ex.negative) return check_quiet(ex, kinds_of(ex));
    if (ex.expected.size() != 1) return "malformed: want 'TEXT => {json}' or '!TEXT'";
    nlohmann::json want;
    try {
      want = nlohmann::json::parse(ex.expected[0]);
    } catch (const std::exception& e) {
      return std::string("malformed JSON: ") + e.what();
    }
    std::string text = want.contains("text") ? want["text"].get<std::string>() : ex.input;
    return check_one(ex.input, text, want, ex.directive("ref", kDefaultRef), ex.directive("lang"));
  }

  // "" when a rule's `example:` line holds, else what went wrong. The text
  // may hold context ("in March", "24일(현지시간)"): exactly one value must be
  // found in it, made by the rule, with the fields given (numbers to the
  // precision written: "0.333" is a third).
  std::string check_rule_example(const Example& ex) const {
    if (ex.expected.size() != 1) return "malformed: want 'example: TEXT → VALUE'";
    auto spec = parse_spec(ex.expected[0]);
    if (!spec) return "malformed example value: " + ex.expected[0];
    std::vector<dealgraph::Value> vals = tag(ex.input, spec->ref, "");
    if (vals.size() != 1) return std::to_string(vals.size()) + " values, want one";
    nlohmann::json got = dealgraph::values::to_json(vals[0]);
    const nlohmann::json want = spec->json_for(dealgraph::kind_name(vals[0].data));
    for (const auto& [k, w] : want.items()) {
      bool ok = got.contains(k) && (w.is_number() && got[k].is_number()
                                        ? std::fabs(got[k].get<double>() - w.get<double>()) <= spec->tolerance(w.get<double>())
                                        : got[k] == w);
      if (!ok)
        return "wrong value: " + k + " is " + (got.contains(k) ? got[k].dump() : "missing") + ", want " + w.dump() + " in " + got.dump();
    }
    return vals[0].rule == ex.rule ? "" : "made by rule " + vals[0].rule + ", not " + ex.rule;
  }

 private:
  static constexpr const char* kDefaultRef = "2026-02-24";

  // "@kinds money date", else the file name's first word ("numbers" is number).
  static std::vector<std::string> kinds_of(const Example& ex) {
    std::vector<std::string> out;
    std::istringstream in(ex.directive("kinds"));
    for (std::string k; in >> k;) out.push_back(k);
    if (!out.empty()) return out;
    std::string base = ex.file.substr(ex.file.rfind('/') + 1);
    std::string kind = base.substr(0, base.find('.'));
    return {kind == "numbers" ? "number" : kind};
  }

  std::vector<dealgraph::Value> tag(const std::string& text, const std::string& ref, const std::string& lang) const {
    dealgraph::values::TagOptions opt;
    opt.lang = lang;
    return tagger_.tag(text, dealgraph::values::parse_iso_date(ref), opt);
  }

  std::string rule_of(const std::string& text, const std::string& ref) const {
    auto vals = tag(text, ref, "");
    return vals.size() == 1 ? vals[0].rule : "?";
  }

  std::string check_quiet(const Example& ex, const std::vector<std::string>& kinds) const {
    for (const auto& v : tag(ex.input, ex.directive("ref", kDefaultRef), ex.directive("lang")))
      if (std::find(kinds.begin(), kinds.end(), dealgraph::kind_name(v.data)) != kinds.end())
        return "unexpected value: " + dealgraph::values::to_json(v).dump();
    return "";
  }

  static bool same(const nlohmann::json& got, const nlohmann::json& want) {
    if (want.is_number() && got.is_number()) {
      double a = got.get<double>(), b = want.get<double>();
      return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b));
    }
    return got == want;
  }

  std::string check_one(const std::string& input, const std::string& span_text, const nlohmann::json& want,
                        const std::string& ref, const std::string& lang) const {
    if (!dealgraph::values::parse_iso_date(ref)) return "bad @ref " + ref;
    size_t s = input.find(span_text);
    if (s == std::string::npos) return "the expected text is not in the input";
    size_t e = s + span_text.size();
    std::vector<dealgraph::Value> vals = tag(input, ref, lang);
    std::vector<const dealgraph::Value*> over;
    for (const auto& v : vals)
      if (v.span.start < e && s < v.span.end) over.push_back(&v);
    if (over.empty()) return "no parse";
    if (over.size() > 1) {
      std::string m = std::to_string(over.size()) + " ambiguous parses:";
      for (const auto* v : over) m += " [" + v->text + "] " + dealgraph::kind_name(v->data);
      return m;
    }
    const dealgraph::Value& v = *over[0];
    nlohmann::json got = dealgraph::values::to_json(v);
    if (v.span.start != s || v.span.end != e) return "partial match: [" + v.text + "] " + got.dump();
    for (const auto& [k, w] : want.items()) {
      if (k == "text") continue;
      if (!got.contains(k) || !same(got[k], w))
        return "wrong value: " + k + " is " + (got.contains(k) ? got[k].dump() : "missing") + ", want " + w.dump() +
               " in " + got.dump();
    }
    return "";
  }

  // What an `example:` line expects: "2e9 USD", "2026-07..2026-09",
  // "2027 (by)", "2026-03 (ref 2026-02-24)", "1.6e8 shares".
  struct Spec {
    std::string lo, hi, unit, relation, ref = kDefaultRef;
    // The fields as the value's JSON has them: a date's bounds are from/to
    // strings, a number's min/max numbers; three capitals are a currency.
    nlohmann::json json_for(const std::string& kind) const {
      const bool date = kind == "date";
      auto v = [&](const std::string& s) { return date ? nlohmann::json(s) : nlohmann::json(std::stod(s)); };
      nlohmann::json j = nlohmann::json::object();
      if (hi.empty()) {
        j["value"] = v(lo);
      } else {
        j[date ? "from" : "min"] = v(lo);
        j[date ? "to" : "max"] = v(hi);
      }
      if (!unit.empty()) {
        bool code = unit.size() == 3 && std::all_of(unit.begin(), unit.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        j[code ? "currency" : "unit"] = unit;
      }
      if (!relation.empty()) j["relation"] = relation;
      return j;
    }
    // Half a unit of the last digit written in the bounds ("0.333": 0.0005).
    double tolerance(double want) const {
      size_t decimals = 0;
      for (const std::string& s : {lo, hi})
        if (size_t dot = s.find('.'); dot != std::string::npos && s.find('e') == std::string::npos)
          decimals = std::max(decimals, s.size() - dot - 1);
      return std::max(0.5 * std::pow(10.0, -static_cast<double>(decimals)) * (decimals ? 1 : 0),
                      1e-9 * std::max(1.0, std::fabs(want)));
    }
  };

  static std::optional<Spec> parse_spec(const std::string& spec) {
    static const std::regex kSpec(
        R"(^\s*(\S+?)(?:\.\.(\S+))?(?:\s+([^\s(]+))?(?:\s+\(ref ([0-9-]+)\))?(?:\s+\((by|from|since)\))?\s*$)");
    std::smatch m;
    if (!std::regex_match(spec, m, kSpec)) return std::nullopt;
    Spec s;
    s.lo = m[1];
    s.hi = m[2];
    s.unit = m[3];
    if (m[4].matched) s.ref = m[4];
    s.relation = m[5];
    return s;
  }

  const dealgraph::values::Tagger& tagger_;
};

}  // namespace corpus
