// dealgraph/extractor/reader/sentences.h — where a sentence ends.
//
// The one owner of sentence cuts in dealgraph. The deal stage cuts
// paragraphs with split(); the value tagger cuts its input with
// value_chunks() (at the end of this header). Every stage that needs
// sentences asks this module rather than carry its own idea of an end.
//
//   auto splitter = SentenceSplitter::load(resources);   // once
//   for (Span s : splitter->split(text, paragraph)) ...   // per region
//
// A sentence ends at a mark (rules/reader/sentences.rules, table
// `sentence_end`: . ! ? 。) that is followed by a space, a line break, a
// closing quote (table `closing_quote`: " ”) or the end of the region:
//
//   "AMD closed the deal. The price was $4.9bn."  -> 2 sentences
//   "엔비디아가 투자했다. 규모는 50억 달러다."       -> 2 sentences
//   "He said \"we agree.\" Then he left."          -> 2; the quote stays with the first
//   "대만。한국"                                    -> 1; 。 glued to the next word
//
// A mark glued to the next character never ends one ("0.01", "6GW.The",
// "U.S.-based"). A mark whose value is `period` does not end a sentence
// after
//   - a word of the table `abbreviation` ("Inc.", "U.S.", "e.g."),
//   - a shortened month name of the shared table `month_en`
//     (rules/shared/months.rules): a key that begins a longer key of the
//     same month ("Jan", "Sept"; "May" is a whole name and does end one),
//   - one capital letter, an initial ("J. Smith").
// The word before a period starts after a space, a line break or '('.
// A line that ends with no mark is a sentence of its own (a title, a bullet:
// "Meta takes 49% of Scale AI for $14.3bn" + line break + "Non-voting stake
// ...") when it is shorter than `title_line_share` percent of the longest
// line of the region (table `sentence_settings`) and the next line does not
// start in lower case. Hard-wrapped prose has lines of near equal length, so
// a wrapped line never qualifies. With `title_line_wrap_test = 1` a longer
// line qualifies too when the next line's first word would have fitted on it:
// a wrapping editor would have put it there, so the break is the author's.
// And any line with no mark ends before a line that starts with a field
// label of at most `label_line_max` bytes ("Parties: …", "Value: …"): the
// fields of a record are sentences of their own.
// An ellipsis "..." followed by a space ends a sentence like a period.
//
// Each sentence runs from the first byte after the previous sentence's
// trailing spaces and line breaks to its mark and closing quotes; text after
// the last mark is one more sentence. Spans never leave the region, and
// every span is non-empty.
//
// Loading reads rules/shared then rules/reader; a missing table is an Error
// naming the folder, an empty `sentence_end` an Error at its file:line.
// Immutable after load; split() is const and thread-safe. A default-
// constructed splitter knows no marks: each region is one sentence.
#pragma once

#include <array>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/model.h"
#include "core/resources.h"
#include "core/rule_set.h"

namespace dealgraph {

class SentenceSplitter {
 public:
  // Reads rules/shared and rules/reader from `res`.
  static Result<SentenceSplitter> load(const Resources& res);
  // The tables the splitter reads (from_rules requires them all).
  static const std::vector<std::string>& tables();
  // Builds from a loaded rule set (tables sentence_end, closing_quote,
  // abbreviation, month_en); `folder` names the set in errors.
  static Result<SentenceSplitter> from_rules(const rules::RuleSet& set, const std::string& folder);

  // The sentences of `text` within `region`, in order. `region` must lie
  // inside `text` and start and end on character boundaries.
  std::vector<Span> split(std::string_view text, Span region) const;

  // Does a period after `word` leave the sentence open (an abbreviation,
  // a shortened month name, an initial)?
  bool keeps_open(std::string_view word) const;

 private:
  struct Mark {
    std::string text;
    bool period = false;  // checked against abbreviations and initials
  };
  // The mark that starts at `at`, or nullptr.
  const Mark* mark_at(std::string_view text, size_t at, size_t end) const;
  // Length of the closing quote that starts at `at` (0 when none).
  size_t quote_at(std::string_view text, size_t at, size_t end) const;
  // Does the mark ending at `after` end a sentence (something other than a
  // space, a line break or a quote glued to it keeps it inside a word)?
  bool free_after(std::string_view text, size_t after, size_t end) const;

  // Does the line from `line_start` to the line break at `nl` end a
  // sentence of its own (a title line; see above)?
  bool title_line_ends_at(std::string_view text, size_t nl, size_t line_start, size_t longest, Span region) const;

  struct Settings {
    size_t title_line_share = 0;      // percent; 0 in a default-constructed splitter: never
    size_t title_line_wrap_test = 0;  // 1: also a line whose break was no wrap (see above)
    size_t label_line_max = 0;        // bytes; 0: a field label never ends the line before
  };
  Settings settings_;
  std::vector<Mark> marks_;
  std::vector<std::string> quotes_;
  std::set<std::string, std::less<>> keep_open_;  // abbreviations and month shortenings
  std::array<bool, 256> first_byte_{};            // bytes a mark can start with
};

// The cuts of the value tagger, which must never fall inside a value: every
// line end, and a sentence end that no value can span — a period, ! or ?
// followed by a space, after a Hangul syllable ("...했다. 다음") or after a
// lower-case letter when a capital or Hangul follows ("...said. The"). A
// period after a digit or a capital is never a cut here ("2026. 02. 24" is
// one date, "U.S. Steel" one name), which is why the tagger does not use
// split(). A chunk that reaches kMaxValueChunk bytes is cut at its last space,
// an engine limit that keeps the tagger's work per chunk bounded. Empty
// chunks are left out. A pure function.
constexpr size_t kMaxValueChunk = 8192;
std::vector<Span> value_chunks(std::string_view text);

}  // namespace dealgraph
