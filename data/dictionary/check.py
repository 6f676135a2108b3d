#!/usr/bin/env python3
"""Consistency checker for the dealgraph entity dictionary.

Usage:  python3 data/dictionary/check.py [-v] [DIR]

Loads organizations.tsv, government.tsv, people.tsv, chips.tsv and places.tsv
from DIR
(default: the folder this script lives in) and reports:
  - a missing or wrong header, wrong column count, empty name, unknown type
  - malformed ticker / country / wikidata / flags values
  - a `maker` that is not the name of an Organization row (Chip/Product rows)
  - a `maker` set on a row that is not Chip/Product
  - duplicate names/aliases across ALL rows of all files, compared
    case-insensitively after removing spaces and the punctuation . , - '
    (the loader's fold_alias), and two rows that get the same entity id
    (type prefix + slug of the name, the loader's entity_id)
  - (warnings) very short Latin aliases
  - (info, with -v) forms that repeat another form of the same row after
    normalisation, e.g. NVIDIA|Nvidia (harmless)
  - per-file and per-type row counts

Exit status is 1 when an error was found, 0 otherwise (warnings do not fail).
"""
import os
import re
import sys
from collections import Counter, defaultdict

FILES = ["organizations.tsv", "government.tsv", "people.tsv", "chips.tsv", "places.tsv"]
HEADER = ["type", "name", "aliases", "ticker", "country", "wikidata", "maker", "flags"]
TYPES = {"Organization", "GovernmentBody", "Person", "Chip", "Product",
         "Facility", "Fund", "Place"}
FLAGS = {"country", "cloud", "neocloud", "lab", "investor", "vendor", "foundry", "ems", "region"}
# Minimum row counts per file (type -> count) that the brief asks for.
MINIMUMS = {
    "organizations.tsv": ("Organization", 420),
    "government.tsv": ("GovernmentBody", 45),
    "people.tsv": ("Person", 70),
    "chips.tsv": (None, 220),
    "places.tsv": ("Place", 200),
}
# Short forms that are allowed although they are two characters or fewer
# after normalisation (well-known all-caps names and single CJK country marks).
SHORT_OK = {"hp", "lg", "kt", "ms", "eu", "us", "uk", "美", "中", "日", "韓"}

TICKER_RE = re.compile(r"^[A-Z]{2,8}:[A-Z0-9.]{1,10}$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")


def norm(s):
    """Key used for duplicate detection, as the C++ loader's fold_alias():
    lower-cased, without spaces, tabs and . , - '"""
    return re.sub(r"[\s.,\-']+", "", s).casefold()


TYPE_PREFIX = {"Organization": "org", "GovernmentBody": "gov", "Person": "person",
               "Chip": "chip", "Product": "product", "Facility": "facility",
               "Fund": "fund", "Place": "place"}


def entity_id(typ, name):
    """As the C++ loader's entity_id(): 'org:nvidia', 'chip:gb200-nvl72'."""
    slug, dash = "", False
    for ch in name:
        if ord(ch) >= 0x80 or (ch.isascii() and ch.isalnum()):
            if dash and slug:
                slug += "-"
            dash = False
            slug += ch.lower() if ch.isascii() else ch
        else:
            dash = True
    return TYPE_PREFIX.get(typ, "org") + ":" + slug


def main(argv):
    verbose = "-v" in argv[1:]
    args = [a for a in argv[1:] if a != "-v"]
    base = args[0] if args else os.path.dirname(os.path.abspath(__file__))
    errors = []
    warnings = []
    infos = []  # printed only with -v: harmless repeats inside one row
    rows = []  # (file, lineno, fields)

    for fn in FILES:
        path = os.path.join(base, fn)
        if not os.path.exists(path):
            errors.append(f"{fn}: file missing")
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if text.startswith("\ufeff"):
            errors.append(f"{fn}: starts with a byte-order mark")
        seen_header = False
        for i, raw in enumerate(text.split("\n"), 1):
            line = raw.rstrip("\r")
            if raw.endswith("\r"):
                errors.append(f"{fn}:{i}: CRLF line ending")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if not seen_header:
                seen_header = True
                if cols != HEADER:
                    errors.append(f"{fn}:{i}: first non-comment line is not the header")
                continue
            if len(cols) != len(HEADER):
                errors.append(f"{fn}:{i}: {len(cols)} columns, expected {len(HEADER)}: {line[:80]!r}")
                continue
            if any(c != c.strip() for c in cols):
                errors.append(f"{fn}:{i}: a cell has leading/trailing whitespace")
            if any(c == "" for c in cols):
                errors.append(f"{fn}:{i}: empty cell (use '-')")
            rows.append((fn, i, dict(zip(HEADER, cols))))
        if not seen_header:
            errors.append(f"{fn}: no header line")

    org_names = {r["name"] for _, _, r in rows if r["type"] == "Organization"}
    owners = defaultdict(list)  # normalised form -> [(file, line, name, form)]
    ids = {}  # entity id -> (file, line)
    counts = Counter()
    type_counts = defaultdict(Counter)

    for fn, i, r in rows:
        where = f"{fn}:{i}"
        typ, name = r["type"], r["name"]
        counts[fn] += 1
        type_counts[fn][typ] += 1
        if typ not in TYPES:
            errors.append(f"{where}: unknown type {typ!r}")
        if name in ("", "-"):
            errors.append(f"{where}: empty name")
            continue
        eid = entity_id(typ, name)
        if eid in ids:
            errors.append(f"{where}: entity id {eid!r} already defined at {ids[eid][0]}:{ids[eid][1]}")
        ids[eid] = (fn, i)
        if "|" in name:
            errors.append(f"{where}: '|' in name {name!r}")
        if r["ticker"] != "-" and not TICKER_RE.match(r["ticker"]):
            errors.append(f"{where}: malformed ticker {r['ticker']!r}")
        if r["country"] != "-" and not COUNTRY_RE.match(r["country"]):
            errors.append(f"{where}: malformed country {r['country']!r}")
        if r["wikidata"] != "-" and not QID_RE.match(r["wikidata"]):
            errors.append(f"{where}: malformed wikidata id {r['wikidata']!r}")
        if r["flags"] != "-":
            for fl in r["flags"].split(","):
                if fl not in FLAGS:
                    errors.append(f"{where}: unknown flag {fl!r}")
            if "country" in r["flags"].split(",") and typ != "GovernmentBody":
                errors.append(f"{where}: flag 'country' on a {typ} row")
        maker = r["maker"]
        if maker != "-":
            if typ not in ("Chip", "Product"):
                errors.append(f"{where}: maker set on a {typ} row")
            elif maker not in org_names:
                errors.append(f"{where}: maker {maker!r} is not the name of an Organization row")

        aliases = [] if r["aliases"] == "-" else r["aliases"].split("|")
        forms = [name] + aliases
        row_keys = {}
        for idx, form in enumerate(forms):
            is_alias = idx > 0
            if form == "" or form != form.strip():
                errors.append(f"{where}: empty or padded alias in {r['aliases']!r}")
                continue
            if form == "-" and is_alias:
                errors.append(f"{where}: '-' used inside an alias list")
                continue
            key = norm(form)
            if not key:
                errors.append(f"{where}: alias {form!r} is empty after normalisation")
                continue
            if key in row_keys:
                infos.append(f"{where}: {form!r} repeats {row_keys[key]!r} in the same row")
                continue
            row_keys[key] = form
            owners[key].append((fn, i, name, form))
            if is_alias and key.isascii() and len(key) <= 2 and key not in SHORT_OK:
                warnings.append(f"{where}: very short alias {form!r}")

    for key, lst in sorted(owners.items()):
        if len(lst) > 1:
            desc = "; ".join(f"{fn}:{i} {name!r} via {form!r}" for fn, i, name, form in lst)
            errors.append(f"duplicate surface form {key!r}: {desc}")

    for e in errors:
        print("ERROR  " + e)
    for w in warnings:
        print("warn   " + w)
    if verbose:
        for n in infos:
            print("info   " + n)

    print()
    print("row counts:")
    total = 0
    for fn in FILES:
        detail = ", ".join(f"{t} {n}" for t, n in sorted(type_counts[fn].items()))
        print(f"  {fn:<20} {counts[fn]:>5}   ({detail})")
        total += counts[fn]
        want_type, want = MINIMUMS[fn]
        have = counts[fn] if want_type is None else type_counts[fn][want_type]
        if have < want:
            print(f"  note: {fn} has {have} {want_type or 'rows'}, target is at least {want}")
    print(f"  {'total':<20} {total:>5}   surface forms: {sum(len(v) for v in owners.values())}")
    print()
    print(f"{len(errors)} error(s), {len(warnings)} warning(s), {len(infos)} info")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
