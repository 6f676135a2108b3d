# Checks on `dealgraph extract --format json` (docs/json.md): every check is a
# boolean, and the program's output is the list of the checks that fail, by
# name ([] when all hold). Run: jq -f extract.jq graph.json
def iso: type == "string" and test("^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$");
def num_or_absent(k): (has(k) | not) or (.[k] | type == "number") or (.[k] == null);
def money: type == "object" and num_or_absent("value") and num_or_absent("min") and num_or_absent("max")
           and (.currency | type == "string" and test("^[A-Z]{3}$"));
def datevalue: type == "object" and ((has("value") | not) or (.value | iso))
               and ((has("from") | not) or (.from | iso)) and ((has("to") | not) or (.to | iso));
def statuses: ["signed", "planned", "reported", "negotiating", "failed"];
[
  {name: "format is dealgraph/1", ok: ((.format == "dealgraph/1"))},
  {name: "there are deals", ok: ((.deals | length > 0))},
  {name: "deal ids are content ids D+12 hex", ok: (all(.deals[]; .id | test("^D[0-9a-f]{12}(-[0-9]+)?$")))},
  {name: "deal ids are unique", ok: (([.deals[].id] | length) == ([.deals[].id] | unique | length))},
  {name: "every deal has a group G+12 hex", ok: (all(.deals[]; .group | type == "string" and test("^G[0-9a-f]{12}(-[0-9]+)?$")))},
  {name: "article ids are content ids A+12 hex", ok: (all(.articles[]; .id | test("^A[0-9a-f]{12}(-[0-9]+)?$")))},
  {name: "every deal's article exists", ok: (([.articles[].id] as $a | all(.deals[]; .article as $x | $a | index($x) != null)))},
  {name: "amounts are Money with numbers", ok: (all(.deals[]; (has("amount") | not) or .amount == null or (.amount | money)))},
  {name: "some amount is a JSON number", ok: (any(.deals[]; .amount.value? | type == "number"))},
  {name: "deal dates are ISO", ok: (all(.deals[]; (has("date") | not) or .date == null or (.date | datevalue)))},
  {name: "target dates are ISO", ok: (all(.deals[]; (has("target_date") | not) or (.target_date | datevalue)))},
  {name: "article dates are ISO days", ok: (all(.articles[]; (.date == null) or (.date | type == "string" and test("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))))},
  {name: "status, when stated, is a known one", ok: (all(.deals[]; (has("status") | not) or (.status as $s | statuses | index($s) != null)))},
  {name: "some deal states its status", ok: (any(.deals[]; has("status")))},
  {name: "evidence offsets are whole numbers", ok: (all(.deals[]; .evidence | (.start | type == "number" and floor == .) and (.end | type == "number" and . >= 0) and (.text | type == "string")))},
  {name: "parties name known entities", ok: (([.entities[].id] as $e | all(.deals[].parties[]; .entity as $x | $e | index($x) != null)))}
] | map(select(.ok != true) | .name)
