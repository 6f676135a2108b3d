// The deal schema (core/schema.h): the built-in table and the load errors.
#include <catch2/catch.hpp>

#include "core/fold.h"
#include "core/resources.h"
#include "core/schema.h"

using namespace dealgraph;

namespace {
// The embedded files with rules/schema/schema.rules replaced by `text`.
Result<Schema> load_with(const std::string& text) {
  Resources res = Resources::embedded();
  res.put("rules/schema/schema.rules", text);
  return Schema::load(res);
}

std::string builtin_text() { return *Resources::embedded().find("rules/schema/schema.rules"); }

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}
}  // namespace

TEST_CASE("schema: the built-in table", "[schema]") {
  const Schema& s = Schema::builtin();
  CHECK(s.roles_of(DealType::Investment) == std::vector<std::string>{"investor", "investee"});
  CHECK(s.from_role(DealType::Lease) == "lessee");
  CHECK(s.to_role(DealType::Acquisition) == "target");
  CHECK(s.from_role(DealType::Partnership).empty());
  CHECK(s.is_ownership(DealType::Acquisition));
  CHECK_FALSE(s.is_ownership(DealType::Purchase));
  CHECK(s.provider_role(DealType::Manufacturing) == "manufacturer");
  CHECK(s.customer_role(DealType::Investment).empty());
  CHECK(s.allows(DealType::Manufacturing, "client"));
  CHECK_FALSE(s.allows(DealType::Investment, "buyer"));
  CHECK(s.is_from_role("sponsor"));
  CHECK_FALSE(s.is_from_role("partner"));
  CHECK(s.marker(EntityType::Product) == "CHIP");
  CHECK(s.value_marker(*value_kind_from("quantity")) == "QTY");
  // every role once, in the order of the deal table (the CSV columns)
  REQUIRE(s.roles().size() == 18);
  CHECK(s.roles().front() == "investor");
  CHECK(s.roles()[9] == "client");
  CHECK(s.roles().back() == "facility");
}

TEST_CASE("schema: a new role is one line", "[schema]") {
  auto s = load_with(replaced(builtin_text(), "investment = investor investee",
                              "investment = investor investee adviser"));
  REQUIRE(s);
  CHECK(s->allows(DealType::Investment, "adviser"));
  CHECK(s->roles()[2] == "adviser");  // in table order
}

TEST_CASE("schema: mistakes are errors with file and line", "[schema]") {
  SECTION("unknown deal type") {
    auto s = load_with(replaced(builtin_text(), "  facility = owner facility\n", "  facility = owner facility\n  loan = lender borrower\n"));
    REQUIRE_FALSE(s);
    CHECK(s.error().to_string().find("rules/schema/schema.rules:") == 0);
    CHECK(s.error().message.find("unknown deal type 'loan'") != std::string::npos);
  }
  SECTION("a type without roles") {
    auto s = load_with(replaced(builtin_text(), "  approval = regulator subject\n", ""));
    REQUIRE_FALSE(s);
    CHECK(s.error().message.find("approval has no line") != std::string::npos);
  }
  SECTION("a from role that is not the type's") {
    auto s = load_with(replaced(builtin_text(), "  lease = lessee\n", "  lease = buyer\n"));
    REQUIRE_FALSE(s);
    CHECK(s.error().message.find("'buyer' is not a role of lease") != std::string::npos);
    CHECK(s.error().fragment == "buyer");
  }
  SECTION("a value kind without a marker") {
    auto s = load_with(replaced(builtin_text(), "  percent = PCT\n", ""));
    REQUIRE_FALSE(s);
    CHECK(s.error().message.find("value kind percent has no marker") != std::string::npos);
  }
  SECTION("a missing table") {
    Resources res = Resources::embedded();
    res.put("rules/schema/schema.rules", "table deal_roles\n  investment = investor investee\nend\n");
    auto s = Schema::load(res);
    REQUIRE_FALSE(s);
    CHECK(s.error().to_string().find("from_role") != std::string::npos);
  }
}

TEST_CASE("fold: one form for every spelling of a name", "[fold]") {
  CHECK(fold_name("Nvidia Corp.") == fold_name("NVIDIA corp"));
  CHECK(fold_name("ＳＫ하이닉스") == fold_name("SK하이닉스"));
  CHECK(fold_name("Run:ai") == "runai");
  CHECK(fold_name("  ") == "");
  CHECK(fold_name("AT&T") == "att");
  CHECK(fold_name("삼성전자") != fold_name("삼성SDI"));
}
