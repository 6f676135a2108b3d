#!/usr/bin/env python3
"""Writes a benchmark corpus of about N MB from the bundled sample articles.

    bench/make_corpus.py --mb 100 --seed 1 --lang mixed > /tmp/corpus-100.txt

Each copy of a sample (data/samples/*.txt, the project's own articles) gets
other companies, figures and dates, so the corpus is not one brief repeated:
every organization named in the copy (any surface form in the dictionary) is
replaced, consistently within the copy, by another dictionary organization in
the same script (its name in Latin text, its Hangul alias in Hangul text);
every figure of three or more digits gets new digits; every year becomes one
of 2019-2027. One- and two-digit numbers (months, days, counts) stay as they
are, so dates stay valid.

The output depends only on the seed, the size, the language choice and the
bundled files: the same arguments give the same bytes.
"""
import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def organizations():
    """(name, hangul alias or None, every surface form) of each organization."""
    out = []
    for line in (ROOT / "data/dictionary/organizations.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("type\t"):
            continue
        cols = line.split("\t")
        if len(cols) < 3 or cols[0] != "Organization":
            continue
        aliases = [a for a in cols[2].split("|") if a and a != "-"]
        hangul = next((a for a in aliases if HANGUL.search(a)), None)
        out.append((cols[1], hangul, [cols[1]] + aliases))
    return out


def segment(text, name_re, form_to_org):
    """The text as a list of literal strings and ('org', id, hangul?) items."""
    segs, at = [], 0
    for m in name_re.finditer(text):
        s, e = m.span()
        before = text[s - 1] if s else " "
        after = text[e] if e < len(text) else " "
        form = m.group(0)
        hangul = bool(HANGUL.search(form))
        # a Latin name must not be part of a longer word ("AMDs" is not AMD)
        if not hangul and (before.isascii() and before.isalnum() or after.isascii() and after.isalnum()):
            continue
        segs.append(text[at:s])
        segs.append(("org", form_to_org[form], hangul))
        at = e
    segs.append(text[at:])
    return segs


DIGITS = re.compile(r"\d+")


def vary_figures(s, rng):
    def one(m):
        d = m.group(0)
        if len(d) == 4 and d[:2] in ("19", "20"):
            return str(rng.randint(2019, 2027))
        if len(d) <= 2:
            return d
        return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in d[1:])
    return DIGITS.sub(one, s)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=10, help="size in MB (10^6 bytes), default 10")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--lang", choices=["ko", "en", "mixed"], default="mixed")
    ap.add_argument("--out", default="-", help="output file (default: standard output)")
    a = ap.parse_args()

    orgs = organizations()
    with_hangul = [i for i, o in enumerate(orgs) if o[1]]
    form_to_org = {}
    for i, (_, _, forms) in enumerate(orgs):
        for f in forms:
            form_to_org.setdefault(f, i)
    forms = sorted(form_to_org, key=lambda f: (-len(f), f))
    name_re = re.compile("|".join(re.escape(f) for f in forms))

    samples = []
    for p in sorted((ROOT / "data/samples").glob("*.txt")):
        korean = "-ko-" in p.name
        if a.lang == "ko" and not korean or a.lang == "en" and korean:
            continue
        samples.append(segment(p.read_text(encoding="utf-8"), name_re, form_to_org))

    rng = random.Random(a.seed)
    target = int(a.mb * 1_000_000)
    out = sys.stdout.buffer if a.out == "-" else open(a.out, "wb")
    written = 0
    while written < target:
        segs = samples[rng.randrange(len(samples))]
        mapping = {}
        parts = []
        for s in segs:
            if isinstance(s, str):
                parts.append(vary_figures(s, rng))
                continue
            _, org, hangul = s
            new = mapping.setdefault(org, with_hangul[rng.randrange(len(with_hangul))])
            parts.append(orgs[new][1] if hangul else orgs[new][0])
        data = ("".join(parts).strip("\n") + "\n\n\n").encode("utf-8")
        out.write(data)
        written += len(data)
    out.flush()


if __name__ == "__main__":
    main()
