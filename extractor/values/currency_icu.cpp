// The world's currencies from ICU (currency_icu.h): codes from
// ucurr_openISOCurrencies, symbols and names from ucurr_getName and
// ucurr_getPluralName for the locales the rules read (en, ko), turned into
// rule-file tables once per process.
#include "extractor/values/currency_icu.h"

#include <unicode/ucurr.h>
#include <unicode/uenum.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>

#include <cctype>
#include <memory>

namespace dealgraph::values::detail {

namespace {

std::string utf8(const UChar* s, int32_t len) {
  std::string out;
  icu::UnicodeString(s, len).toUTF8String(out);
  return out;
}

// ucurr_getName for one code, locale and style; "" when ICU has none.
std::string display(const UChar* code, const char* locale, UCurrNameStyle style) {
  UErrorCode st = U_ZERO_ERROR;
  UBool choice = false;
  int32_t len = 0;
  const UChar* s = ucurr_getName(code, locale, style, &choice, &len, &st);
  return U_SUCCESS(st) && s ? utf8(s, len) : std::string();
}

std::string plural(const UChar* code, const char* locale) {
  UErrorCode st = U_ZERO_ERROR;
  UBool choice = false;
  int32_t len = 0;
  const UChar* s = ucurr_getPluralName(code, locale, &choice, "other", &len, &st);
  return U_SUCCESS(st) && s ? utf8(s, len) : std::string();
}

IcuCurrency describe(const char* code) {
  UChar uc[4] = {0, 0, 0, 0};
  u_charsToUChars(code, uc, 3);
  IcuCurrency c;
  c.code = code;
  for (const char* loc : {"en", "ko"})
    for (UCurrNameStyle style : {UCURR_SYMBOL_NAME, UCURR_NARROW_SYMBOL_NAME}) {
      std::string s = display(uc, loc, style);
      if (!s.empty() && s != c.code) c.symbols.insert(s);
    }
  c.name_en = display(uc, "en", UCURR_LONG_NAME);
  c.plural_en = plural(uc, "en");
  c.name_ko = display(uc, "ko", UCURR_LONG_NAME);
  return c;
}

// ASCII lower case, white space removed: how the tagger's word tables compare keys.
std::string squeezed(const std::string& s) {
  std::string out;
  for (unsigned char ch : s)
    if (!std::isspace(ch)) out += static_cast<char>(std::tolower(ch));
  return out;
}

// A key the rule-file format can hold as written, that names a currency
// rather than an era ("Sierra Leonean Leone (1964—2022)") or echoes the code.
bool usable_name(const std::string& name, const std::string& code) {
  return !name.empty() && name != code && name.find('(') == std::string::npos &&
         name.find('#') == std::string::npos && name.find('=') == std::string::npos;
}

std::string glued(const std::string& s) {
  std::string out;
  for (char ch : s)
    if (ch != ' ') out += ch;
  return out;
}

// The name without its last word ("Canadian Dollar" -> "Canadian"); "" for one word.
std::string qualifier_of(const std::string& name) {
  size_t sp = name.rfind(' ');
  return sp == std::string::npos ? std::string() : name.substr(0, sp);
}

// A table of keys to codes: a key two currencies claim is left out.
class TableText {
 public:
  void add(const std::string& key, const std::string& code) {
    if (key.empty()) return;
    const std::string k = squeezed(key);
    auto [it, fresh] = code_.emplace(k, code);
    if (!fresh && it->second != code) it->second.clear();  // claimed twice: ambiguous
    if (written_.insert(key).second) keys_.emplace_back(key, k);
  }
  std::string text(const std::string& name) const {
    std::string out = "table " + name + "\n";
    for (const auto& [key, k] : keys_) {
      const std::string& code = code_.at(k);
      if (!code.empty()) out += "  " + key + " = " + code + "\n";
    }
    return out + "end\n\n";
  }

 private:
  std::map<std::string, std::string> code_;                // squeezed key -> code ("" when ambiguous)
  std::vector<std::pair<std::string, std::string>> keys_;  // (key as written, squeezed), first seen order
  std::set<std::string> written_;
};

}  // namespace

const std::vector<IcuCurrency>& icu_currencies() {
  static const std::vector<IcuCurrency> all = [] {
    std::vector<IcuCurrency> out;
    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<UEnumeration, void (*)(UEnumeration*)> e(
        ucurr_openISOCurrencies(UCURR_COMMON | UCURR_NON_DEPRECATED, &st), uenum_close);
    if (U_FAILURE(st) || !e) return out;
    while (const char* code = uenum_next(e.get(), nullptr, &st)) {
      if (U_FAILURE(st)) break;
      out.push_back(describe(code));
    }
    return out;
  }();
  return all;
}

std::map<std::string, std::set<std::string>> icu_ambiguous_symbols() {
  std::map<std::string, std::set<std::string>> by_symbol;
  for (const auto& c : icu_currencies())
    for (const auto& s : c.symbols) by_symbol[s].insert(c.code);
  std::map<std::string, std::set<std::string>> out;
  for (auto& [s, codes] : by_symbol)
    if (codes.size() > 1) out.emplace(s, std::move(codes));
  return out;
}

bool letter_symbol(const std::string& s) {
  for (unsigned char ch : s)
    if (!std::isalpha(ch) && ch != '.' && ch != ' ') return false;
  return true;
}

const std::string& icu_currency_rules() {
  static const std::string text = [] {
    const auto ambiguous = icu_ambiguous_symbols();
    TableText code, symbol, name_en, name_ko, country;
    for (const auto& c : icu_currencies()) {
      code.add(c.code, c.code);
      for (const auto& name : {c.name_en, c.plural_en})
        if (usable_name(name, c.code)) name_en.add(name, c.code);
      if (usable_name(c.name_ko, c.code)) {
        name_ko.add(c.name_ko, c.code);
        name_ko.add(glued(c.name_ko), c.code);  // news writes 캐나다달러 too
      }
      for (const auto& s : c.symbols)
        if (!ambiguous.count(s) && !letter_symbol(s)) symbol.add(s, c.code);
      // "Canadian", "캐나다": a country word before a shared symbol or a bare
      // unit word decides ("Canadian $20", "15 mln Canadian dlrs")
      for (const auto& name : {c.name_en, c.name_ko})
        if (usable_name(name, c.code)) country.add(qualifier_of(name), c.code);
    }
    return "# Generated at load from ICU's currency data (extractor/values/currency_icu.h).\n\n" +
           code.text("currency_iso_code") + symbol.text("currency_iso_symbol") +
           name_en.text("currency_iso_name_en") + name_ko.text("currency_iso_name_ko") +
           country.text("currency_iso_country");
  }();
  return text;
}

}  // namespace dealgraph::values::detail
