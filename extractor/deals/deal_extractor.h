// dealgraph/extractor/deals/deal_extractor.h — typed deals from typed sentences.
//
// Each sentence is rewritten once into a "typed sentence": every entity
// mention becomes a marker ⟦E3:ORG⟧ (ORG, GOV, PER, CHIP, FAC, FUND)
// and every value a marker ⟦V2:MONEY⟧ (MONEY, POWER, DATE, QTY, PCT, NUM),
// with the text between them — Korean particles included — kept as it is.
// Deal rules (rules/deals/*.rules) are RE2 patterns over that string whose
// named groups are roles: (?P<investor>{PARTY}){SUBJ}…(?P<investee>{ORGS}){DAT}…투자.
// A role group that spans several markers ("A와 B에") yields one party each;
// for every type but partnership, several parties in one role split the
// match into one deal per combination. Anaphors (양사, the company) become
// markers of the article's focus entities before the rules run.
//
// What a rule's attributes mean:
//   type:      the deal type (required)
//   scope:     any (default) | headline | body
//   status:    a fixed status; otherwise words from the status table decide
//   implicit:  a role that, when the rule leaves it empty, gets the article's focus
//   maker_role: a role that, when empty, gets the maker of the deal's product
//   direction: symmetric — the wording ("A와 B가 계약") does not say who
//              supplies whom: a product's maker, or a party with the type's
//              provider flag (rules/deals: provider_flag), goes to the provider side
//   attach:    amount — not a deal: the rule's (?P<amount>) is the size of the
//              article's first deal that has none ("계약 규모가 140억 달러")
//   subsumable: yes — a partnership named by a generic word, dropped when the
//              same parties have a more specific deal in the article
// Amounts, capacities, products and dates attach by position (docs/deals.md).
//
// Usage:
//   auto deals = DealExtractor::load(res);        // Error at file:line on a bad rule or table
//   if (!deals) return deals.error();
//   std::vector<Deal> found = deals->extract(text, article, mentions, values, lookup);
//
// Loading reads rules/deals/*.rules (after rules/shared/) and the deal schema
// (rules/schema/, core/schema.h) from `res`, so a --rules overlay counts for
// both. Every rule's groups are checked against the schema then: a group is a
// role of the rule's type, or one of table group_kind (amount, product).
//
// Ownership: a DealExtractor owns its compiled rules and tables; copies share
// them. Immutable after load; extract() is const and thread-safe.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/model.h"
#include "core/resources.h"
#include "core/rule_set.h"
#include "extractor/deals/deal_types.h"
#include "extractor/reader/sentences.h"

namespace dealgraph {

struct FoundMention;  // extractor/entities: an entity mention found in the text
struct DealTables;
namespace rules {
class RuleFilter;
}

class DealExtractor {
 public:
  static Result<DealExtractor> load(const Resources& res);

  // Deals of one article (ids left empty). `mentions` and `values` are the
  // article's, sorted, with spans into `text`. With `trace`, every sentence
  // and its typed form are appended to it (--explain).
  std::vector<Deal> extract(std::string_view text, const Article& article,
                            const std::vector<FoundMention>& mentions, const std::vector<Value>& values,
                            const EntityLookup& lookup, std::vector<SentenceTrace>* trace = nullptr) const;

  // Sentence spans of a region, by the one splitter (extractor/reader/sentences.h).
  std::vector<Span> sentences(std::string_view text, Span region) const;

 private:
  rules::RuleSet rules_;
  SentenceSplitter splitter_;  // rules/reader/sentences.rules
  std::shared_ptr<const DealTables> tables_;  // every table the steps read, checked at load
  // One pass per typed sentence: the literals each rule's matches must hold
  // say which rules can match at all, and only those run. Null when the set
  // did not compile (every rule then runs).
  std::shared_ptr<const rules::RuleFilter> filter_;
};

}  // namespace dealgraph
