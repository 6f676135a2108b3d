#!/usr/bin/env python3
"""CTest: scripts/distributed on a LocalCluster equals one `extract` of the same documents.

    check_distributed.py BUILD/dealgraph SOURCE_DIR

Makes a small JSONL corpus from data/samples (each sample a document, some cut into
paragraphs, some with a date or URL of their own), runs scripts/distributed (a scheduler
and 2 workers, 4 partitions), and compares its output byte for byte with
`dealgraph extract --input jsonl --format json` of the same corpus. Exits 77 (skipped)
with a message when Dask cannot be imported.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile


def corpus(source_dir):
    docs = []
    for i, path in enumerate(sorted(glob.glob(os.path.join(source_dir, "data", "samples", "*.txt")))):
        name = os.path.basename(path)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if i % 3 == 2:  # a file as paragraphs, each a document of its own
            parts = [p for p in text.split("\n\n") if p.strip()]
            docs += [{"id": "%s#%d" % (name, k), "text": p} for k, p in enumerate(parts)]
            continue
        doc = {"id": name, "text": text}
        if i % 2:
            doc["date"] = "2026-03-%02d" % (i + 1)
        if i == 1:
            doc["url"] = "https://example.com/doc/%d" % i
        docs.append(doc)
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)


def main(binary, source_dir):
    try:
        import dask.distributed  # noqa: F401
    except ImportError as e:
        debian = "/usr/bin/python3"  # python3-dask's interpreter, when another python3 runs this
        if os.path.realpath(sys.executable) != os.path.realpath(debian) and os.access(debian, os.X_OK):
            os.execv(debian, [debian, os.path.abspath(__file__), binary, source_dir])
        print("SKIPPED: Dask is not importable (%s); apt-get install python3-dask python3-distributed" % e)
        return 77
    with tempfile.TemporaryDirectory(prefix="dealgraph-dask-") as tmp:
        path = os.path.join(tmp, "corpus.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write(corpus(source_dir))
        single = subprocess.run([binary, "extract", "--input", "jsonl", "--format", "json", path],
                                stdout=subprocess.PIPE, check=True).stdout
        out = os.path.join(tmp, "graph.json")
        rc = subprocess.run([sys.executable, os.path.join(source_dir, "scripts", "distributed"),
                             "--dealgraph", binary, "--partitions", "4", "--out", out, path]).returncode
        if rc != 0:
            print("FAILED: scripts/distributed exited %d" % rc)
            return 1
        with open(out, "rb") as f:
            distributed = f.read()
        graph = json.loads(distributed)
        if distributed != single:
            print("FAILED: the distributed graph differs from one extract (%d vs %d bytes)"
                  % (len(distributed), len(single)))
            return 1
        print("ok: %d articles, %d deals, %d bytes, equal to one extract"
              % (len(graph["articles"]), len(graph["deals"]), len(distributed)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
