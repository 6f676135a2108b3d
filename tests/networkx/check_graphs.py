#!/usr/bin/env python3
"""Reads dealgraph's GraphML and GEXF of the test fixture with networkx and
checks that numbers are numbers, that amounts sum, and that deals carry
their time. Usage: check_graphs.py FILE.graphml FILE.gexf
Exit 0 when every check holds, 1 with the failures listed, 77 when networkx
cannot be imported (the caller reports the test skipped)."""
import sys

try:
    import networkx as nx
except ImportError:
    print("networkx not importable")
    sys.exit(77)

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


g = nx.read_graphml(sys.argv[1])
nodes = dict(g.nodes(data=True))
by_id = {d.get("id"): n for n, d in nodes.items()}

# typed keys: doubles and ints come back as Python numbers
d1 = nodes[by_id["D1"]]
check(isinstance(d1.get("amount"), float) and d1["amount"] == 2e9, "D1 amount is the float 2e9: %r" % d1.get("amount"))
check(isinstance(d1.get("amount_usd"), float), "D1 amount_usd is a float")
check(d1.get("date_start") == "2026-03-02", "D1 date_start")
nv = nodes[by_id["org:nvidia"]]
check(isinstance(nv.get("mentions"), int) and nv["mentions"] == 2, "NVIDIA mentions is the int 2")
check(isinstance(nv.get("deals"), int) and nv["deals"] == 2, "NVIDIA deals is the int 2")
check("amount" not in nodes[by_id["D2"]], "a deal without amount has no amount attribute")
d3 = nodes[by_id["D3"]]
check(d3.get("capacity_w") == 6e9, "D3 capacity_w is 6e9")

# company-to-company deal edges with amount and date: sums work
deal_edges = [(u, v, d) for u, v, d in g.edges(data=True) if d.get("relation") == "deal"]
check(len(deal_edges) >= 5, "deal edges between parties: %d" % len(deal_edges))
out_usd = sum(d.get("amount_usd", 0.0) for u, v, d in deal_edges if u == by_id["org:nvidia"])
check(out_usd == 2e9, "NVIDIA's outgoing deal edges sum to 2e9: %r" % out_usd)
check(all(isinstance(d.get("amount_usd", 0.0), float) for _, _, d in deal_edges), "edge amount_usd floats")
check(any(d.get("date") and d.get("status") for _, _, d in deal_edges), "deal edges carry date and status")
roles = [d for _, _, d in g.edges(data=True) if d.get("relation") == "investor"]
check(roles and roles[0].get("amount_usd") == 2e9 and roles[0].get("date") == "2026-03-02",
      "an investor edge carries the deal's amount_usd and date")
names = {d.get("label") for d in nodes.values()}
check("\"Q\" Labs \\ R&D <AI>\n큐랩스" in names, "the hostile name survives GraphML")

x = nx.read_gexf(sys.argv[2])
check(x.number_of_nodes() == 7, "GEXF nodes (the parties): %d" % x.number_of_nodes())
check(x.has_node("org:nvidia") and x.nodes["org:nvidia"].get("label") == "NVIDIA", "GEXF NVIDIA node")
check(x.nodes["org:nvidia"].get("amount_usd") == 2e9, "GEXF node amount_usd sums: %r" % x.nodes["org:nvidia"].get("amount_usd"))
check(x.nodes["org:nvidia"].get("start") == "2026-01-01", "GEXF node starts with its first deal: %r" % x.nodes["org:nvidia"].get("start"))
edges = list(x.edges(data=True))
check(len(edges) == len(deal_edges), "GEXF edges = GraphML deal edges")
inv = [d for u, v, d in edges if u == "org:nvidia" and v == "org:coherent"]
check(inv and inv[0].get("start") == "2026-03-02" and inv[0].get("end") == "2026-03-02", "investment edge interval")
check(inv and inv[0].get("amount_usd") == 2e9, "investment edge amount_usd")
acq = [d for u, v, d in edges if d.get("deal") == "D6"]
check(acq and acq[0].get("start") == "2026-01-01" and acq[0].get("end") == "2026-06-30", "span interval of D6")
check("\"Q\" Labs \\ R&D <AI>\n큐랩스" in {d.get("label") for _, d in x.nodes(data=True)}, "hostile name in GEXF")

for f in failures:
    print("FAILED:", f)
sys.exit(1 if failures else 0)
