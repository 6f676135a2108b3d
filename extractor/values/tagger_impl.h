// dealgraph/extractor/values/tagger_impl.h — internal to extractor/values/.
//
// What the tagger's pieces share: the fixed vocabulary of group and attribute
// names (docs/values.md), a rule compiled against it (CompiledRule), and the
// Tagger's immutable state (Tagger::Impl). Users include tagger.h only.
//
// The work is split by job:
//   table_check.cpp    the rule files' tables: found by role, values checked
//   rule_compiler.cpp  one rule's groups and attributes checked and compiled
//   tagger_load.cpp    Tagger::load: tables, rules and the prefilter together
//   tagger_scan.cpp    matching: chunks, rule scans, word boundaries, winners
//   value_build.cpp    a Value's data from one match's captures
//   vocabulary.cpp     the names and small parsers the others share
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model.h"
#include "core/rule_filter.h"
#include "core/rule_set.h"
#include "extractor/values/number.h"
#include "extractor/values/tagger.h"

namespace dealgraph::values {

namespace detail {

using Files = std::vector<std::pair<std::string, std::string>>;  // (path, text)

// The value kinds in the order of core's ValueData alternatives, so that a
// Kind converts to the variant index (checked in vocabulary.cpp).
enum class Kind { Money, Power, Quantity, Percent, Date, Number };

// The kind a rule's `kind:` names, by core's kind_name; nullopt when none.
std::optional<Kind> kind_from(const std::string& name);
// "money, power, quantity, percent, date or number", for error messages.
std::string kind_list();
// core's name of `k` ("money").
const char* kind_text(Kind k);

// ------------------------------------------------------------ groups

// The named groups a pattern may use; each means something to some kinds.
enum G {
  g_num, g_num2, g_den, g_whole, g_qual, g_qual2,
  g_cur, g_cur2, g_sub, g_subcur, g_per,
  g_unit, g_unit2,
  g_y, g_yy, g_m, g_d, g_y2, g_m2, g_d2, g_wd, g_ord, g_rel, g_dir, g_part, g_q, g_half,
  g_n, g_n2, g_hol, g_season, g_relq, g_decade,
  g_lead, g_tail,
  kGroups
};

struct GroupSpec {
  const char* name;
  unsigned kinds;  // bit per Kind
};
extern const GroupSpec kGroupSpecs[kGroups];

// A group's index by its name in a pattern ("num"); -1 when unknown.
int group_index(const std::string& name);

// ------------------------------------------------------------ attributes

extern const std::set<std::string> kAttrs;      // every attribute a rule may carry
extern const std::set<std::string> kDirs;       // date_dir values and `dir:`
extern const std::set<std::string> kParts;      // date_part values and `part:`
extern const std::set<std::string> kRelations;  // date_relation values and `relation:`
extern const std::set<std::string> kQualifierNames;
extern const std::set<std::string> kDateUnits;  // date_unit values

std::optional<Qualifier> qualifier_from(const std::string& s);
// Which of two qualifiers says more (range > at_least/at_most > each > approx > exact).
int qualifier_rank(Qualifier q);

// ------------------------------------------------------------ small parsers

// The whole of `s` as a number.
bool parse_double(const std::string& s, double* out);
// A date_rel value: "y-1", "m+1", "d0", optionally followed by a part ("y0 end").
bool parse_rel(const std::string& s, char* unit, int* off, std::string* part);
// "MM-DD".
bool parse_mmdd(const std::string& s, int* m, int* d);
// "USD" or "USD 0.01": an ISO 4217 code with an optional positive factor.
bool currency_ok(const std::string& v);
// Rounds away binary noise (20.430000000000003 -> 20.43).
double clean(double v);
// v * f, dividing when f is 1/n so that 410 * 0.01 gives 4.1 exactly.
double scale_by(double v, double f);

// ------------------------------------------------------------ a compiled rule

struct CompiledRule {
  const rules::Rule* rule = nullptr;
  Kind kind = Kind::Number;
  int group[kGroups];  // capture index or -1
  int ncap = 0;
  std::string lang;    // "", "ko", "en"
  // attributes
  std::string currency;
  double currency_factor = 1;
  double scale = 1;
  std::string unit;
  std::optional<Qualifier> qualifier;
  std::string per, relation, dir, part;
  std::optional<double> min, max, value;
  bool alone = false;
  bool check_follow = true;  // after: follow (default) or word
  bool follow_any_end = false;  // after: word — also after a digit or Latin end
  int priority = 0;
  // the pattern is "(?P<num>...)" and nothing else: the group is the match,
  // so no submatch search is needed
  bool whole_num = false;

  bool has(G g) const { return group[g] >= 0; }
};

// The text of group `g` in one match, or nullopt when the rule has no such
// group or it did not take part.
inline std::optional<std::string_view> group_text(const CompiledRule& r, const re2::StringPiece* caps, G g) {
  if (r.group[g] < 0 || caps[r.group[g]].data() == nullptr) return std::nullopt;
  return std::string_view(caps[r.group[g]].data(), caps[r.group[g]].size());
}

// ------------------------------------------------------------ matching steps

// The chunks `text` is tagged in come from value_chunks()
// (extractor/reader/sentences.h), the owner of every sentence cut.

// [s, e) without the white space at either end.
Span trim_blank(std::string_view text, size_t s, size_t e);

// True when `p` lies inside a web address (a run of non-space characters
// holding "://" or starting with "www."): the figures in a URL are no values.
bool in_url(std::string_view text, size_t p);
bool in_digit_chain(std::string_view text, size_t s, size_t e);

// True when [s, e) overlaps a value of `won` from index `first` on.
bool overlaps_any(const std::vector<Value>& won, size_t first, size_t s, size_t e);

}  // namespace detail

// ------------------------------------------------------------ the state

struct Tagger::Impl {
  using CompiledRule = detail::CompiledRule;

  rules::RuleSet set;
  NumberParser numbers;
  WordTable currency, qualifier, per, power_unit, quantity_unit, follow, code_word, code_name, person_title;
  WordTable month, weekday, ordinal, date_rel, date_dir, date_part, date_half, date_unit, holiday, season,
      date_relation;
  std::vector<CompiledRule> rules;
  std::shared_ptr<const rules::RuleFilter> prefilter;  // index = rule index
  size_t max_caps = 1;

  struct Candidate {
    size_t start, end;  // the span
    size_t ms, me;      // the regex match it came from
    int priority;
    size_t rule;
  };

  // Reusable buffers of one tag() call.
  struct Scratch {
    std::vector<int> hits;
    std::vector<bool> may;  // the prefilter's flag per rule
    std::vector<re2::StringPiece> caps;
    std::vector<Candidate> cands;
  };

  // ---- matching (tagger_scan.cpp)
  bool left_ok(std::string_view text, size_t s) const;
  bool right_ok(std::string_view text, size_t e, const CompiledRule& r) const;
  bool before_title(std::string_view text, size_t s, size_t e) const;
  void scan(const CompiledRule& r, size_t idx, std::string_view text, size_t cs, size_t ce,
            std::vector<re2::StringPiece>& caps, std::vector<Candidate>* out) const;
  bool span_ok(const CompiledRule& r, std::string_view text, size_t ms, size_t me, const re2::StringPiece* caps,
               bool groups, size_t* s, size_t* e) const;
  bool shrink(const RE2& re, std::string_view text, size_t ms, size_t* me, std::vector<re2::StringPiece>& caps,
              int n) const;
  // The rules that may match a chunk, in rule order (all when the prefilter
  // cannot tell); false when none can.
  bool rules_for_chunk(std::string_view chunk, std::vector<int>* hits, std::vector<bool>* may) const;
  // A candidate's value, trying shorter readings of its rule when the longest
  // cannot be built or now overlaps a winner; nullopt when none works.
  // `won` holds the winners so far, from index `first` on.
  std::optional<Value> settle(const Candidate& c, std::string_view text, const std::optional<CivilDate>& ref,
                              std::vector<re2::StringPiece>& caps, const std::vector<Value>& won,
                              size_t first) const;
  // One chunk (a sentence or a line): the rules the prefilter lets through,
  // then the longest candidates that do not overlap, appended in order.
  void tag_chunk(std::string_view text, size_t cs, size_t ce, bool whole, const std::optional<CivilDate>& ref,
                 const TagOptions& opt, Scratch& scratch, std::vector<Value>* out) const;

  // ---- building values (value_build.cpp)
  std::optional<ValueData> build(const CompiledRule& r, const re2::StringPiece* caps,
                                 const std::optional<CivilDate>& ref) const;
  std::optional<Amount> amount(const CompiledRule& r, const re2::StringPiece* caps, double factor) const;
  std::optional<ValueData> build_money(const CompiledRule& r, const re2::StringPiece* caps) const;
  std::optional<ValueData> build_power(const CompiledRule& r, const re2::StringPiece* caps) const;
  std::optional<ValueData> build_quantity(const CompiledRule& r, const re2::StringPiece* caps) const;
  std::optional<ValueData> build_date(const CompiledRule& r, const re2::StringPiece* caps,
                                      const std::optional<CivilDate>& ref) const;
};

}  // namespace dealgraph::values
