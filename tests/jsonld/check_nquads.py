#!/usr/bin/env python3
"""SPARQL-style checks over the N-Quads jsonld.js made of a dealgraph JSON-LD
document. Usage: check_nquads.py DOC.jsonld DOC.nq
- schema.org terms use http://schema.org/ (schema.org's own context), never https;
- every listed company is a schema:Corporation and still a schema:Organization;
- every deal is a dg:Deal, its dg type and a schema.org Action; an InvestAction
  has an agent and an object, every agent/object/participant is a described node;
- a lower or upper bound is minValue/maxValue, never schema:value;
- no term is dropped: every key of every node of the document is a predicate
  of that node in the N-Quads.
Exit 0 when all hold, 1 listing what does not. No rdflib needed."""
import json
import re
import sys

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
S = "http://schema.org/"
DG = "https://dealgraph.dev/ns#"
TERM = re.compile(r'<([^>]*)>|(_:\S+)|"((?:[^"\\]|\\.)*)"(?:\^\^<([^>]*)>|@\S+)?')

doc = json.load(open(sys.argv[1], encoding="utf-8"))
quads = []
for line in open(sys.argv[2], encoding="utf-8"):
    terms = [m.group(1) or m.group(2) or m.group(3) for m in TERM.finditer(line)][:3]
    if len(terms) == 3:
        quads.append(tuple(terms))

by_subject = {}
for s, p, o in quads:
    by_subject.setdefault(s, {}).setdefault(p, []).append(o)

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def types(s):
    return set(by_subject.get(s, {}).get(RDF_TYPE, []))


ctx = doc["@context"]


def expand(term):
    """A key or type of the document as the IRI its context gives it."""
    v = ctx.get(term, term)
    if isinstance(v, dict):
        v = v["@id"]
    prefix, _, local = v.partition(":")
    if prefix in ctx and isinstance(ctx[prefix], str) and not v.startswith("http"):
        return ctx[prefix] + local
    return v


check(not any("https://schema.org/" in x for q in quads for x in q), "an https://schema.org/ IRI")
check(ctx.get("schema") == S, "schema prefix is http://schema.org/")

nodes = doc["@graph"]
deals = 0
for node in nodes:
    s = expand(node["@id"])
    check(s in by_subject, "node %s missing from the N-Quads" % s)
    # no term dropped: every key is a predicate of the node
    for key in node:
        if key.startswith("@"):
            continue
        check(expand(key) in by_subject.get(s, {}), "%s: key %s (%s) dropped" % (s, key, expand(key)))
    t = types(s)
    node_types = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
    for nt in node_types:
        check(expand(nt) in t, "%s: type %s dropped" % (s, nt))
    if "tickerSymbol" in node:
        check(S + "Corporation" in t and S + "Organization" in t, "%s has a ticker but is not Corporation+Organization" % s)
    if DG + "Deal" in t:
        deals += 1
        actions = [x for x in t if x.startswith(S) and x.endswith("Action")]
        check(len(actions) == 1, "%s: one schema.org Action type, got %s" % (s, actions))
        if S + "InvestAction" in t:
            check(by_subject[s].get(S + "agent") and by_subject[s].get(S + "object"), "%s: InvestAction agent/object" % s)
        for p in ("agent", "object", "participant"):
            for o in by_subject[s].get(S + p, []):
                check(S + "name" in by_subject.get(o, {}), "%s: %s %s is not a described node" % (s, p, o))
        for amount in by_subject[s].get(DG + "amount", []):
            a = by_subject.get(amount, {})
            q = a.get(DG + "qualifier", [""])[0]
            if q in ("at_least", "at_most", "range"):
                check(S + "value" not in a, "%s: a %s amount has schema:value" % (s, q))
                check((S + "minValue" in a) or (S + "maxValue" in a), "%s: a %s amount lacks its bound" % (s, q))
            if q == "at_least":
                check(S + "minValue" in a, "%s: at_least without minValue" % s)
            if q == "at_most":
                check(S + "maxValue" in a, "%s: at_most without maxValue" % s)
check(deals > 0, "no deals")

# "SELECT ?o WHERE { ?o a schema:Organization }" finds the organizations
orgs = [s for s in by_subject if S + "Organization" in types(s)]
check(len(orgs) == sum(1 for n in nodes if "Organization" in (n["@type"] if isinstance(n["@type"], list) else [n["@type"]])),
      "organizations found by type")

for f in failures:
    print("FAILED:", f)
print("checked %d nodes, %d deals, %d quads" % (len(nodes), deals, len(quads)))
sys.exit(1 if failures else 0)
