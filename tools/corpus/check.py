#!/usr/bin/env python3
"""Validate data/triage/seed-corpus.csv and report counts and lexical variety."""
import csv, re, sys, os
from collections import Counter, defaultdict

CATS = ["roads", "street-lighting", "water-supply", "sewerage", "electricity", "gas-supply", "heating", "waste",
        "greenery", "public-transport", "housing", "social-assistance", "employment", "education", "healthcare",
        "land", "public-order", "documents", "other"]
LANGS = ["uz_lat", "uz_cyr", "rus", "eng"]
path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "data", "triage", "seed-corpus.csv")
raw = open(path, "rb").read()
assert not raw.startswith(b"\xef\xbb\xbf"), "BOM present"
rows = list(csv.reader(open(path, encoding="utf-8", newline="")))
assert rows[0] == ["text", "category", "language"], rows[0]
rows = rows[1:]
assert all(len(r) == 3 for r in rows)
assert all(r[1] in CATS for r in rows), {r[1] for r in rows} - set(CATS)
assert all(r[2] in LANGS for r in rows), {r[2] for r in rows} - set(LANGS)
texts = [r[0] for r in rows]
assert len(set(texts)) == len(texts), "exact duplicates"
cc, lc = Counter(r[1] for r in rows), Counter(r[2] for r in rows)
print("rows", len(rows))
print("per category", dict(cc))
print("per language", dict(lc))
assert len(rows) >= 3600 and min(cc.values()) >= 120 and min(lc.values()) >= 700

def toks(t):
    return re.findall(r"\w+", t.lower())
tri, tot = set(), 0
uni = set()
for t in texts:
    w = toks(t)
    uni.update(w)
    for i in range(len(w) - 2):
        tri.add(tuple(w[i:i + 3])); tot += 1
lens = sorted(len(toks(t)) for t in texts)
print(f"distinct words {len(uni)}; word 3-grams: {len(tri)} distinct / {tot} total = {len(tri)/tot:.3f}")
print(f"length in words: min {lens[0]}, median {lens[len(lens)//2]}, p90 {lens[int(len(lens)*.9)]}, max {lens[-1]}")
print("multi-line rows", sum("\n" in t for t in texts))
print("rows with both Cyrillic and Latin letters", sum(bool(re.search('[\u0400-\u04ff]', t)) and bool(re.search('[A-Za-z]{3}', t)) for t in texts))
# near duplicates: Jaccard of word sets >= 0.9 within category+language (ignoring digits)
groups = defaultdict(list)
for t, c, l in rows:
    groups[(c, l)].append(frozenset(w for w in toks(t) if not w.isdigit()))
near = 0
for g in groups.values():
    for i in range(len(g)):
        for j in range(i + 1, len(g)):
            a, b = g[i], g[j]
            if len(a & b) / max(1, len(a | b)) >= 0.9:
                near += 1
print("near-duplicate pairs (word-set Jaccard >= 0.9, same category and language):", near)
