#!/usr/bin/env python3
"""Scores every gold document with the built dealgraph and checks the floors.

usage: score_gold.py DEALGRAPH SOURCE_DIR

Gold documents: data/samples/*.gold.json (ours) and ../shared/corpus/*.gold.json
(when there). Each is extracted (`extract --format json`, `query investments
--format json`) and scored by ../shared/eval/score.py, the scorer outside tools
use; every metric named in tests/gold/floors.tsv must reach its floor. Without
../shared/eval/score.py (or $DEALGRAPH_SHARED_DIR/eval/score.py) nothing can be scored: the test says so and exits 77,
which CTest reports as skipped.
"""
import json, os, subprocess, sys, tempfile

SKIP = 77


def floors(path):
    """{(document, metric): floor} from 'document<TAB>metric<TAB>floor' lines."""
    out = {}
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            sys.exit(f"{path}:{n}: want document<TAB>metric<TAB>floor, got {line!r}")
        out[(parts[0], parts[1])] = float(parts[2])
    return out


def metric(scores, name):
    if name == "deal_amounts":
        a = scores["deal_amounts"]
        return a["correct"] / a["of"] if a["of"] else 1.0
    return scores[name]["f1"]


def score(binary, scorer, doc, gold, tmp):
    pred, inv = os.path.join(tmp, "pred.json"), os.path.join(tmp, "inv.json")
    with open(pred, "w") as f:
        subprocess.run([binary, "extract", doc, "--format", "json"], stdout=f, check=True)
    with open(inv, "w") as f:
        subprocess.run([binary, "query", "investments", "--format", "json", doc], stdout=f, check=True)
    out = subprocess.run([sys.executable, scorer, gold, pred, inv], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main():
    binary, src = sys.argv[1], sys.argv[2]
    # tests/skip.h: DEALGRAPH_SHARED_DIR points elsewhere (or at nothing, to see the skip)
    shared = os.environ.get("DEALGRAPH_SHARED_DIR") or os.path.join(src, "..", "shared")
    scorer = os.path.join(shared, "eval", "score.py")
    if not os.path.exists(scorer):
        print(f"SKIPPED: no scorer at {scorer}")
        return SKIP
    want = floors(os.path.join(src, "tests", "gold", "floors.tsv"))
    docs = {}
    for folder in (os.path.join(src, "data", "samples"), os.path.join(shared, "corpus")):
        if os.path.isdir(folder):
            for name in sorted(os.listdir(folder)):
                if name.endswith(".gold.json"):
                    docs[name[: -len(".gold.json")]] = os.path.join(folder, name)
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, gold in sorted(docs.items()):
            doc = gold[: -len(".gold.json")] + ".txt"
            scores = score(binary, scorer, doc, gold, tmp)
            shown = []
            for (d, m), floor in sorted(want.items()):
                if d != name:
                    continue
                got = metric(scores, m)
                ok = got + 1e-9 >= floor
                failed += not ok
                shown.append(f"{m} {got:.2f}{'' if ok else f' BELOW {floor:.2f}'}")
            print(f"{name}: " + "  ".join(shown))
    samples = os.path.join(src, "data", "samples")
    for d in sorted({d for d, _ in want} - set(docs)):
        if os.path.exists(os.path.join(samples, d + ".txt")):  # ours must be there; shared ones may not
            print(f"{d}: in floors.tsv but no gold file")
            failed += 1
    print(f"{len(want) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
