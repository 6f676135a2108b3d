#!/usr/bin/env python3
"""Reads every export of the hostile-names graph with its real parser and
checks that each hostile name came through as data (tests/test_hostile_names.cpp).

usage: check_names.py DIR   (DIR holds names.json, graph.json, graph.jsonld,
                             graph.graphml, diagram.svg, dot.svg, tables/)
Prints one line per problem; exit 0 when there is none.
"""
import csv
import json
import re
import sys
import xml.etree.ElementTree as ET

d = sys.argv[1]
names = json.load(open(f"{d}/names.json", encoding="utf-8"))
problems = []


def fail(fmt, msg):
    problems.append(f"{fmt}: {msg}")


# XML 1.0 cannot hold C0 controls other than tab, LF, CR: an exporter drops
# or replaces them, and the rest of the name must come through.
def xml_form(name):
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", name)


def no_script(fmt, root):
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1].lower()
        if tag == "script":
            fail(fmt, "a <script> element")
        for attr in el.attrib:
            if attr.rsplit("}", 1)[-1].lower().startswith("on"):
                fail(fmt, f"an event attribute {attr}")


# JSON: every name exactly.
g = json.load(open(f"{d}/graph.json", encoding="utf-8"))
got = {e["name"] for e in g["entities"]}
for n in names:
    if n not in got:
        fail("json", f"name missing or changed: {n!r}")

# JSON-LD: every name exactly; every @id an IRI (RFC 3987): no space,
# control, bidi formatting or IRI-delimiting character.
bad_iri = re.compile(r"[\x00-\x20<>\"{}|\\^`\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
ld = json.load(open(f"{d}/graph.jsonld", encoding="utf-8"))
ids = []


def walk(x):
    if isinstance(x, dict):
        for k, v in x.items():
            if k == "@id" and isinstance(v, str):
                ids.append(v)
            walk(v)
    elif isinstance(x, list):
        for v in x:
            walk(v)


walk(ld.get("@graph", ld))
for i in ids:
    if bad_iri.search(i):
        fail("jsonld", f"@id not an IRI: {i!r}")
ld_text = json.dumps(ld, ensure_ascii=False)
for n in names:
    if json.dumps(n, ensure_ascii=False) not in ld_text:
        fail("jsonld", f"name missing or changed: {n!r}")

# GraphML: well-formed; every name as the text of a data element.
root = ET.parse(f"{d}/graph.graphml").getroot()
texts = {el.text for el in root.iter() if el.text}
for n in names:
    if xml_form(n) not in texts:
        fail("graphml", f"name missing or changed: {n!r}")
no_script("graphml", root)

# SVG, ours (gvc) and the dot tool's from our DOT: well-formed, no script,
# every name's visible text present (a label line per \n of the name).
for fmt in ("diagram.svg", "dot.svg"):
    root = ET.parse(f"{d}/{fmt}").getroot()
    no_script(fmt, root)
    shown = "\n".join(el.text for el in root.iter() if el.text)
    for n in names:
        for line in xml_form(n).split("\n"):
            if line.strip() and line.strip() not in shown:
                fail(fmt, f"label missing or changed: {line!r} of {n!r}")

# CSV: RFC 4180 through the csv module; every name exactly (less C0
# controls), a formula prefix neutralized with a leading apostrophe.
with open(f"{d}/tables/entities.csv", encoding="utf-8-sig", newline="") as f:
    rows = list(csv.DictReader(f))
cells = {r["name"] for r in rows}
for n in names:
    n = xml_form(n)  # C0 controls are dropped, as RFC 4180's TEXTDATA has none
    want = "'" + n if n[:1] in "=+-@\t" else n
    if want not in cells:
        fail("csv", f"name missing or changed: {want!r}")

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
