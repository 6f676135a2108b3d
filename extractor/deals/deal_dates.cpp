// The sentence's dates, each classed by the words around it: which one is
// its deals' date and which their target (date_class, sentence_dates in
// deal_steps.h). The words are the tables'; this file knows only where to
// look for them.
#include <algorithm>

#include "extractor/deals/deal_steps.h"

namespace dealgraph {

namespace {

constexpr std::string_view kOpen = "\xE2\x9F\xA6";   // ⟦ starts a marker
constexpr std::string_view kClose = "\xE2\x9F\xA7";  // ⟧ ends one

bool ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Table words are written in lower case; a sentence may start with one ("Founded in 2019, ...").
std::string ascii_lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// Whether `word` stands in `text` as a whole word: an ASCII letter or digit
// at its edge may not touch another ("through" is not in "breakthrough").
// Hangul words need no edge: particles and endings follow them ("설립된").
bool has_word(std::string_view text, std::string_view word) {
  for (size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    const size_t end = at + word.size();
    const bool free_start = at == 0 || !ascii_alnum(word.front()) || !ascii_alnum(text[at - 1]);
    const bool free_end = end == text.size() || !ascii_alnum(word.back()) || !ascii_alnum(text[end]);
    if (free_start && free_end) return true;
  }
  return false;
}

// The strongest class a word of `words` in `text` gives (Plain when none).
DateClass class_of_words(std::string_view text, const rules::Table& words) {
  DateClass best = DateClass::Plain;
  for (const auto& [word, cls] : words.entries)
    if (has_word(text, word)) best = std::max(best, *date_class_from(cls));  // classes checked at load
  return best;
}

// The typed text within `window` bytes before slot `s`'s marker, from the
// end of the marker before it: words beyond a marker are about that one.
std::string_view text_before(const TypedSentence& t, int s, size_t window) {
  std::string_view before = std::string_view(t.text).substr(0, t.slots[s].typed_start);
  if (before.size() > window) before.remove_prefix(before.size() - window);
  if (size_t close = before.rfind(kClose); close != std::string_view::npos) before.remove_prefix(close + kClose.size());
  return before;
}

// Likewise after it, up to the next marker.
std::string_view text_after(const TypedSentence& t, int s, size_t window) {
  std::string_view after = std::string_view(t.text).substr(t.slots[s].typed_end, window);
  if (size_t open = after.find(kOpen); open != std::string_view::npos) after = after.substr(0, open);
  return after;
}

// Whether the date starts after `article_date`: a deal reported that day
// cannot have been made then. ISO strings compare as text; a partial date
// holding the day ("2025-10" for "2025-10-15") is its prefix and so not after.
bool starts_after(const DateValue& d, const std::optional<std::string>& article_date) {
  const std::string& start = d.value.empty() ? d.from : d.value;
  return article_date && !start.empty() && start > *article_date;
}

}  // namespace

DateClass date_class(const TypedSentence& t, int s, const std::vector<Value>& values, const DealTables& tables) {
  const Value& v = values[t.slots[s].index];
  DateClass cls = DateClass::Plain;
  if (const std::string* rel = tables.date_relation_class.find(std::get<DateValue>(v.data).relation))
    cls = *date_class_from(*rel);
  // The date's own text is on both sides: the tagger keeps some of the
  // words that qualify it ("late 2026", "2030년 완공 목표" is not one of them).
  const std::string before = ascii_lower(std::string(text_before(t, s, tables.settings.date_word_before)) + v.text);
  const std::string after = ascii_lower(v.text + std::string(text_after(t, s, tables.settings.date_word_after)));
  return std::max({cls, class_of_words(before, tables.date_word_before), class_of_words(after, tables.date_word_after)});
}

SentenceDates sentence_dates(const TypedSentence& t, const std::vector<Value>& values,
                             const std::optional<std::string>& article_date, const DealTables& tables) {
  SentenceDates out;
  std::optional<DateValue> plain;
  for (int s : t.slots_in(0, t.text.size(), false)) {
    const auto* d = std::get_if<DateValue>(&values[t.slots[s].index].data);
    if (!d) continue;
    switch (date_class(t, s, values, tables)) {
      case DateClass::Deal:
        if (!out.date) out.date = *d;
        break;
      case DateClass::Plain:
        // a plan's later date with no word saying what it is ("내년 하반기
        // 상장을 목표로"): not when the deal was made, and not surely its target
        if (!plain && !starts_after(*d, article_date)) plain = *d;
        break;
      case DateClass::Target:
        if (!out.target) out.target = *d;
        break;
      case DateClass::Founding:  // when the company began, not the deal
        break;
    }
  }
  // A stated signing or announcement wins over a date said in passing.
  if (!out.date) out.date = std::move(plain);
  return out;
}

}  // namespace dealgraph
