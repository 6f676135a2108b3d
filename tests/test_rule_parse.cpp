// The steps of RuleSet::from_files (core/rule_parse.h): lines and their
// comments, the line reader's entries and errors, the set's name checks, and
// the compiler.
#include <catch2/catch.hpp>

#include <re2/re2.h>

#include "core/error.h"
#include "core/rule_parse.h"
#include "core/rule_set.h"

using dealgraph::Error;
using dealgraph::Result;
using dealgraph::Status;
using namespace dealgraph::rules;

namespace {

parse::Line line(const std::string& text, int number = 1) { return parse::read_line(text, number); }

std::string read_error(const std::string& text) {
  parse::FileEntries read = parse::read_file("r/a.rules", text);
  return read.error ? read.error->to_string() : "";
}

std::string load_error(const std::vector<std::pair<std::string, std::string>>& files) {
  auto set = RuleSet::from_files(files);
  return set ? "" : set.error().to_string();
}

}  // namespace

// ------------------------------------------------------------ lines

TEST_CASE("a comment is cut the same way wherever it is", "[rules][parse]") {
  CHECK(line("# a comment").body.empty());
  CHECK(line("   # an indented comment").body.empty());
  CHECK(line("\t# after a tab").body.empty());
  CHECK(line("table currency   # a header").body == "table currency");
  CHECK(line("  달러 = USD  # a table entry").body == "달러 = USD");
  CHECK(line("  kind: money # an attribute").body == "kind: money");
  CHECK(line("  pattern: \\d+\t# a pattern").body == "pattern: \\d+");
  CHECK(line("piece n = \\d+ # a piece").body == "piece n = \\d+");
}

TEST_CASE("a '#' glued to text is text", "[rules][parse]") {
  CHECK(line("  C# = csharp").body == "C# = csharp");
  CHECK(line("  pattern: a#b \\#c").body == "pattern: a#b \\#c");
  CHECK(parse::strip_comment("x\\# y") == "x\\# y");
  CHECK(parse::strip_comment("x # y") == "x ");
}

TEST_CASE("a line keeps its text, number and indentation", "[rules][parse]") {
  parse::Line l = line("  kind: money # note\r", 7);
  CHECK(l.text == "  kind: money # note");
  CHECK(l.body == "kind: money");
  CHECK(l.number == 7);
  CHECK(l.indented);
  CHECK_FALSE(line("rule x").indented);
  CHECK(line("\trule x").indented);
  CHECK(parse::loose("  Foo \t BAR ") == "foo bar");
}

// ------------------------------------------------------------ headers

TEST_CASE("headers become entries", "[rules][parse]") {
  auto p = parse::read_header("f", line("piece number = \\d+ # digits", 3));
  REQUIRE(p);
  CHECK(p->kind == parse::Entry::Kind::Piece);
  CHECK(p->name == "number");
  CHECK(p->piece == "\\d+");
  CHECK(p->line == 3);
  CHECK(p->header == "piece number = \\d+");

  auto t = parse::read_header("f", line("table currency", 4));
  REQUIRE(t);
  CHECK(t->kind == parse::Entry::Kind::Table);
  CHECK(t->table.name == "currency");
  CHECK(t->table.file == "f");
  CHECK(t->table.line == 4);

  auto r = parse::read_header("f", line("rule money.ko", 5));
  REQUIRE(r);
  CHECK(r->kind == parse::Entry::Kind::Rule);
  CHECK(r->rule.rule.name == "money.ko");
  CHECK(r->rule.rule.line == 5);
}

TEST_CASE("a bad header names its column and fragment", "[rules][parse]") {
  auto err = [](const std::string& text) {
    auto e = parse::read_header("f", line(text, 2));
    return e ? "" : e.error().to_string();
  };
  CHECK(err("piece number \\d+") == "f:2:1: expected 'piece NAME = REGEX': piece number \\d+");
  CHECK(err("piece 1x = a") == "f:2:7: bad piece name: 1x");
  CHECK(err("piece = a") == "f:2:7: bad piece name");
  CHECK(err("table 9") == "f:2:7: expected 'table NAME': table 9");
  CHECK(err("table") == "f:2:7: expected 'table NAME': table");
  CHECK(err("rule") == "f:2:6: expected 'rule NAME': rule");
  CHECK(err("pattern: x") == "f:2:1: expected 'piece', 'table', 'rule', 'clause', 'frame' or an indented line: pattern: x");
}

// ------------------------------------------------------------ bodies

TEST_CASE("table lines: key = value, or a key alone", "[rules][parse]") {
  Table t;
  t.name = "currency";
  REQUIRE(parse::read_table_line("f", line("  미 달러 = USD", 2), &t));
  REQUIRE(parse::read_table_line("f", line("  엔", 3), &t));
  REQUIRE(parse::read_table_line("f", line("  a=b", 4), &t));  // " = " separates, '=' alone does not
  REQUIRE(t.entries.size() == 3);
  CHECK(t.entries[0] == std::make_pair(std::string("미 달러"), std::string("USD")));
  CHECK(t.entries[1] == std::make_pair(std::string("엔"), std::string()));
  CHECK(t.entries[2].first == "a=b");
  CHECK(t.entry_lines == std::vector<int>{2, 3, 4});
  CHECK(t.line_of("엔") == 3);
  CHECK(*t.find_loose("미  달러") == "USD");

  Status dup = parse::read_table_line("f", line("  엔 = JPY", 5), &t);
  REQUIRE_FALSE(dup);
  CHECK(dup.error().to_string() == "f:5:1: duplicate key in table 'currency': 엔");
  // " = " is looked for in the trimmed line, so "= x" is a key alone.
  REQUIRE(parse::read_table_line("f", line("  = x", 6), &t));
  CHECK(t.entries.back().first == "= x");
}

TEST_CASE("rule attributes: key: value, the pattern with its column", "[rules][parse]") {
  parse::RawRule raw;
  raw.rule.name = "r";
  REQUIRE(parse::read_attribute("f", line("  pattern: a{n}b  # note", 2), &raw));
  REQUIRE(parse::read_attribute("f", line("  kind: money", 3), &raw));
  REQUIRE(parse::read_attribute("f", line("  note: a: b", 4), &raw));
  CHECK(raw.rule.pattern == "a{n}b");
  CHECK(raw.pattern_line == 2);
  CHECK(raw.pattern_col == 12);
  CHECK(raw.rule.attrs == std::map<std::string, std::string>{{"kind", "money"}, {"note", "a: b"}});

  Status second = parse::read_attribute("f", line("  pattern: x", 5), &raw);
  REQUIRE_FALSE(second);
  CHECK(second.error().to_string() == "f:5:1: second pattern in rule 'r': pattern: x");
  Status no_colon = parse::read_attribute("f", line("  kind money", 6), &raw);
  REQUIRE_FALSE(no_colon);
  CHECK(no_colon.error().to_string() == "f:6:1: expected 'key: value' under rule 'r': kind money");
}

// ------------------------------------------------------------ files

TEST_CASE("a file becomes entries in file order", "[rules][parse]") {
  parse::FileEntries read = parse::read_file("r/a.rules",
                                             "# a file\n"
                                             "piece n = \\d+\n"
                                             "table unit   # units\n"
                                             "  # a comment inside a table\n"
                                             "  kg = 1000  # grams\n"
                                             "\n"
                                             "  g\n"
                                             "end\n"
                                             "rule r.one\n"
                                             "  # a comment under a rule\n"
                                             "  pattern: {n}\\s*{unit}   # the pattern\n"
                                             "  kind: quantity  # kind\n"
                                             "rule r.two\r\n"
                                             "  pattern: x\r\n");
  REQUIRE_FALSE(read.error);
  REQUIRE(read.entries.size() == 4);
  CHECK(read.entries[0].name == "n");
  const Table& t = read.entries[1].table;
  CHECK(t.line == 3);
  REQUIRE(t.entries.size() == 2);
  CHECK(t.entries[0].second == "1000");
  CHECK(t.entry_lines == std::vector<int>{5, 7});
  const parse::RawRule& one = read.entries[2].rule;
  CHECK(one.rule.pattern == "{n}\\s*{unit}");
  CHECK(one.pattern_line == 11);
  CHECK(one.rule.attr("kind") == "quantity");
  CHECK(read.entries[3].rule.rule.pattern == "x");
  CHECK(read.entries[3].line == 13);
}

TEST_CASE("a file's first syntax error keeps the entries before it", "[rules][parse]") {
  parse::FileEntries read = parse::read_file("r/a.rules", "piece a = x\nrule r\n  pattern: a\nkind: money\n");
  REQUIRE(read.error);
  CHECK(read.error->to_string() ==
        "r/a.rules:4:1: expected 'piece', 'table', 'rule', 'clause', 'frame' or an indented line: kind: money");
  CHECK(read.entries.size() == 2);
}

TEST_CASE("file errors name file, line, column and fragment", "[rules][parse]") {
  CHECK(read_error("table t\n  a\n") == "r/a.rules:1:1: table 't' has no 'end'");
  CHECK(read_error("table t\n  a\n  a = b\nend\n") == "r/a.rules:3:1: duplicate key in table 't': a");
  CHECK(read_error("rule r\n  nope\n") == "r/a.rules:2:1: expected 'key: value' under rule 'r': nope");
  CHECK(read_error("  pattern: x\n") ==
        "r/a.rules:1:1: expected 'piece', 'table', 'rule', 'clause', 'frame' or an indented line: pattern: x");
  CHECK(read_error("") == "");
  CHECK(read_error("# only a comment") == "");
}

// ------------------------------------------------------------ the set

TEST_CASE("names are unique across a set's files", "[rules][parse]") {
  CHECK(load_error({{"a", "piece x = 1\n"}, {"b", "table x\nend\n"}}) ==
        "b:1:7: duplicate piece or table name 'x': table x");
  CHECK(load_error({{"a", "table x\nend\npiece x = 1  # again\n"}}) ==
        "a:3:7: duplicate piece or table name 'x': piece x = 1");
  CHECK(load_error({{"a", "rule r\n  pattern: a\n"}, {"b", "\nrule r\n  pattern: b\n"}}) ==
        "b:2:6: duplicate rule name 'r' (first at a:1): rule r");
  // A duplicate is found at its line, before a later syntax error.
  CHECK(load_error({{"a", "piece x = 1\npiece x = 2\nbad\n"}}) == "a:2:7: duplicate piece or table name 'x': piece x = 2");
}

TEST_CASE("tables are listed in file order", "[rules][parse]") {
  auto set = RuleSet::from_files({{"a", "table zeta\n  z\nend\ntable alpha\n  a = 1\nend\n"}, {"b", "table mid\nend\n"}});
  REQUIRE(set);
  CHECK(set->table_names() == std::vector<std::string>{"zeta", "alpha", "mid"});
  CHECK(set->table("alpha")->line_of("a") == 5);
  CHECK(set->table("alpha")->line_of("nope") == 4);
}

// ------------------------------------------------------------ compiler

TEST_CASE("the compiler expands and compiles a rule", "[rules][parse]") {
  auto set = RuleSet::from_files({{"a", "piece n = \\d+\ntable cur\n  $\n  US$\nend\n"}});
  REQUIRE(set);
  parse::RawRule raw;
  raw.rule.name = "r";
  raw.rule.file = "a";
  raw.rule.line = 9;
  raw.rule.pattern = "{cur}{n}";
  raw.rule.attrs["case"] = "insensitive";
  raw.pattern_line = 10;
  raw.pattern_col = 12;
  auto rule = parse::compile_rule(*set, raw, {});
  REQUIRE(rule);
  CHECK(rule->expanded == "(?:US\\$|\\$)(?:\\d+)");
  REQUIRE(rule->re.get() != nullptr);
  CHECK(RE2::FullMatch("us$12", *rule->re));

  raw.rule.pattern = "({n}";
  auto bad = parse::compile_rule(*set, raw, {});
  REQUIRE_FALSE(bad);
  // RE2's message already ends with the fragment; the Error shows it again.
  CHECK(bad.error().to_string() == "a:10:12: rule r: missing ): ((?:\\d+): ((?:\\d+)");
  raw.rule.pattern = "x{nope}";
  CHECK(parse::compile_rule(*set, raw, {}).error().to_string() == "a:10:13: unknown piece 'nope': {nope}");
  raw.rule.pattern.clear();
  CHECK(parse::compile_rule(*set, raw, {}).error().to_string() == "a:9:1: rule 'r' has no pattern");
}

TEST_CASE("the compiler checks pieces no rule uses", "[rules][parse]") {
  auto set = RuleSet::from_files({{"a", "piece n = \\d+\n"}});
  REQUIRE(set);
  CHECK(parse::check_piece(*set, "n", "\\d+", "a", 1));
  Status st = parse::check_piece(*set, "b", "[a-", "a", 2);
  REQUIRE_FALSE(st);
  CHECK(st.error().to_string() == "a:2:1: piece b: missing ]: [a-: [a-");
  CHECK(load_error({{"a", "piece b = x(\n"}}) == "a:1:1: piece b: missing ): x(: x(");
}
