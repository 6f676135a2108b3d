// dealgraph/extractor/values/tagger.h — finds and normalizes values in text.
//
// USAGE
//
//   #include "extractor/values/tagger.h"
//
//   auto t = values::Tagger::load(Resources::embedded());
//   if (!t) { std::cerr << t.error().to_string() << "\n"; return 1; }
//   auto ref = values::parse_iso_date("2026-02-24");
//   for (const Value& v : t->tag("약 1,000억 달러를 올해 말까지", ref)) ...
//     // money 1e11 USD approx [0,19); date 2026-12 by [20,35)
//
//   t->number("1억 6,000만");   // Amount{value = 1.6e8}
//
// WHAT IT FINDS
//
// Money, power, quantities, percentages, plain numbers and dates, in Korean
// and English, as typed Values (core/model.h). The tagger knows no word of
// any language: every word is in rules/values/*.rules (and the shared tables
// of rules/shared/), in the rule format of core/rule_set.h. The engine reads
// the rules' named groups and attributes with a fixed vocabulary documented
// in docs/values.md; a rule that uses a name outside it fails at load.
//
// ERRORS
//
// load() checks every rule and table once: a bad one comes back as an Error
// naming file:line:col and the offending fragment ("냥 = gold"). Nothing
// throws; tag() cannot fail.
//
// OWNERSHIP AND THREAD-SAFETY
//
// A Tagger holds its compiled rules behind a shared pointer: copies are cheap
// and share them. It is immutable after load(); tag() and number() are const
// and safe to call from many threads at once.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/model.h"
#include "core/resources.h"

namespace dealgraph::values {

// A reference date: relative expressions ("지난해", "next year", "15일")
// resolve against it.
struct CivilDate {
  int year = 0, month = 0, day = 0;
};

// "YYYY-MM-DD" (a real calendar date) or nullopt.
std::optional<CivilDate> parse_iso_date(std::string_view s);
// "YYYY-MM-DD".
std::string format_iso_date(const CivilDate& d);

struct TagOptions {
  // "" uses every rule; "ko" or "en" skips the rules of files named for the
  // other language ("money.en.rules" is English; "money.rules" is shared).
  std::string lang;
};

class Tagger {
 public:
  // Compiles rules/values/*.rules (after rules/shared/*.rules) from `res`
  // once; an Error names file:line:col.
  static Result<Tagger> load(const Resources& res);
  // Same, from explicit (path, text) files in the order given; for tests and tools.
  static Result<Tagger> from_files(const std::vector<std::pair<std::string, std::string>>& files);

  // Every value found in `text`: non-overlapping (longest, then most
  // specific wins), sorted by start, spans relative to `text`, `rule` set,
  // `article` left empty. `ref` resolves relative dates; without it,
  // relative dates are not reported. `text` must be valid UTF-8 (callers
  // check; see utf8::find_invalid). A value never spans a line break or a
  // sentence end.
  std::vector<Value> tag(std::string_view text, const std::optional<CivilDate>& ref) const;
  std::vector<Value> tag(std::string_view text, const std::optional<CivilDate>& ref,
                         const TagOptions& opt) const;

  // Reads a number in digits and/or words with the rules' number tables
  // ("1억 6,000만" = 1.6e8, "two billion", "일점이삼"); a vague one ("수십억")
  // comes back as min/max. nullopt when the text is not one number.
  std::optional<Amount> number(std::string_view text) const;

  // Number of compiled rules (for diagnostics).
  size_t rule_count() const;

  // The compiled state (extractor/values/tagger_impl.h); opaque to users.
  struct Impl;

 private:
  explicit Tagger(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  // With `defer_compile`, each rule compiles when first run (the built-in
  // files, which tests compile: rules::LoadOptions::defer_compile).
  static Result<Tagger> from_files(const std::vector<std::pair<std::string, std::string>>& files, bool defer_compile);
  std::shared_ptr<const Impl> impl_;
};

}  // namespace dealgraph::values
