// The built-in rules/deals tables, loaded once, for the tests of the deal
// stage's steps (test_deals_steps.cpp, test_deals_dates.cpp).
#pragma once

#include <catch2/catch.hpp>

#include "core/resources.h"
#include "core/schema.h"
#include "extractor/deals/deal_tables.h"

namespace dealgraph::testing {

inline const DealTables& builtin_deal_tables() {
  static const DealTables t = [] {
    Resources res = Resources::embedded();
    auto set = rules::RuleSet::load(res, "rules/deals");
    REQUIRE(set);
    auto schema = Schema::load(res);
    REQUIRE(schema);
    auto loaded = DealTables::load(*set, *schema);
    REQUIRE(loaded);
    return *loaded;
  }();
  return t;
}

}  // namespace dealgraph::testing
