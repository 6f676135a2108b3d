# Checks on `dealgraph query deals --status all --format json` (docs/queries.md):
# the names of the checks that fail ([] when all hold).
def iso_day: type == "string" and test("^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$");
def iso: type == "string" and test("^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$");
[
  {name: "an array of rows", ok: ((type == "array" and length > 0))},
  {name: "every row has a status string", ok: (all(.[]; has("status") and (.status | type == "string")))},
  {name: "status is a known one or empty", ok: (all(.[]; .status as $s | ["signed", "planned", "reported", "negotiating", "failed", ""] | index($s) != null))},
  {name: "date is ISO or null", ok: (all(.[]; .date == null or (.date | iso)))},
  {name: "date_grain is day/month/year/span or null", ok: (all(.[]; .date_grain as $g | [null, "day", "month", "year", "span"] | index($g) != null))},
  {name: "date_grain is null exactly when date is", ok: (all(.[]; (.date == null) == (.date_grain == null)))},
  {name: "date_start is an ISO day or null", ok: (all(.[]; .date_start == null or (.date_start | iso_day)))},
  {name: "date_end is an ISO day or null", ok: (all(.[]; .date_end == null or (.date_end | iso_day)))},
  {name: "date_start <= date_end", ok: (all(.[]; .date_start == null or .date_end == null or .date_start <= .date_end))},
  {name: "day grain: start = end = date", ok: (all(.[] | select(.date_grain == "day"); .date_start == .date and .date_end == .date))},
  {name: "amount_usd is a number or null", ok: (all(.[]; .amount_usd == null or (.amount_usd | type == "number")))},
  {name: "amount_usd is there when the amount is in dollars", ok: (all(.[] | select(.amount.currency? == "USD" and (.amount.value? | type == "number") and .amount.per? == null); .amount_usd == .amount.value))},
  {name: "some amount_usd is a number", ok: (any(.[]; .amount_usd | type == "number"))},
  {name: "amount_label is a string or null", ok: (all(.[]; .amount_label == null or (.amount_label | type == "string")))},
  {name: "every row names its group", ok: (all(.[]; .group | type == "string" and test("^G[0-9a-f]{12}(-[0-9]+)?$")))},
  {name: "deals lists report ids", ok: (all(.[]; .deals | type == "array" and length > 0 and all(.[]; test("^D[0-9a-f]{12}"))))}
] | map(select(.ok != true) | .name)
