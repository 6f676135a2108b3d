// dealgraph/extractor/values/currency_icu.h — internal: the world's currencies from ICU.
//
// The ISO 4217 codes, symbols and display names are not typed into the rule
// files: ICU carries them for every locale. At load the tagger turns ICU's
// data into one more rule file of `currency_iso_*` tables (docs/values.md,
// "Currencies from ICU"), read after rules/values/, so the news words of the
// rule files (달러, bn, C$ = CAD) win over ICU's where both name a key.
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace dealgraph::values::detail {

// The path the generated tables carry in error messages.
inline constexpr const char* kIcuCurrencyPath = "rules/values/(icu currencies)";

// One currency as ICU describes it in English and Korean.
struct IcuCurrency {
  std::string code;                  // "CAD"
  std::set<std::string> symbols;     // "CA$", "$" (symbols other than the code itself)
  std::string name_en, plural_en;    // "Canadian Dollar", "Canadian dollars"
  std::string name_ko;               // "캐나다 달러"
};

// Every current ISO 4217 currency ICU lists (common, not deprecated), by code.
const std::vector<IcuCurrency>& icu_currencies();

// The symbols ICU gives to more than one currency ("$", "¥", "£", "kr"), each
// with the codes that share it. The rule files say which one such a symbol
// means alone (docs/values.md); ICU's tables leave it out.
std::map<std::string, std::set<std::string>> icu_ambiguous_symbols();

// True for a symbol made only of ASCII letters, dots and spaces ("K", "Ft",
// "kr", "F CFA"): glued to a figure it is a word ("10K", "Q3"), so ICU's
// tables leave it out and only the rule files may give it a meaning.
bool letter_symbol(const std::string& s);

// The rule-file text of the generated tables:
//   currency_iso_code       CAD = CAD
//   currency_iso_symbol     CA$ = CAD        (unambiguous, not letters only)
//   currency_iso_name_en    Canadian Dollar = CAD, Canadian dollars = CAD
//   currency_iso_name_ko    캐나다 달러 = CAD, 캐나다달러 = CAD
//   currency_iso_country    Canadian = CAD, 캐나다 = CAD  (the name without its
//                           unit word: before a shared symbol or a bare unit
//                           word it decides the currency, "Canadian $20")
// A name ICU gives to two currencies is left out.
const std::string& icu_currency_rules();

}  // namespace dealgraph::values::detail
