#!/usr/bin/env python3
"""Recall and false alarms of the translation rules on planted changes.

Takes faithful English/Indonesian article pairs (JSON Lines, {"en": ..., "id": ...}; by default
bench/translation_pairs.jsonl, written for this project), checks each translation against its
source in both directions (en -> id and id -> en) with `sunting check --source`, then plants one
change at a time in the translation and checks again:

  number-changed   a figure's last digit changed            expects translation/figure
  number-removed   a figure replaced by "several"/"sejumlah" expects translation/figure
  negation-dropped a negation word removed                  expects translation/negation
  sentence-dropped a sentence removed                       expects translation/dropped
  name-changed     a letter inside a name the source also    expects translation/name
                   writes changed (a neighbouring key)

A plant is found when its rule reports more findings than on the unchanged pair. False alarms are
the translation findings on the unchanged pairs.

    python3 bench/translation_qa.py --bin target/release/sunting [--pairs FILE] [--show]
"""
import argparse
import json
import os
import re
import subprocess
import tempfile
from collections import Counter, defaultdict

NEG = {
    "id": r"\b(tidak|tak|belum|bukan|tanpa|jangan)\s+",
    "en": r"\b(not|never|without|cannot)\s+|n't\b",
}
SEVERAL = {"id": "sejumlah", "en": "several"}
MAGNITUDE = r"(\s+(juta|miliar|triliun|ribu|million|billion|trillion|thousand))?"
NUMBER = r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])"


def check(binary, source, translation, src_ext=".md"):
    with tempfile.TemporaryDirectory() as d:
        s = os.path.join(d, "source" + src_ext)
        t = os.path.join(d, "translation.md")
        open(s, "w").write(source)
        open(t, "w").write(translation)
        out = subprocess.run([binary, "check", "--format", "json", "--select", "translation", "--source", s, t], capture_output=True, text=True).stdout
    report = json.loads(out)
    found = []
    for f in report["files"]:
        for d in f["diagnostics"]:
            if d["code"].startswith("translation/"):
                found.append((d["code"], d["message"]))
    return found


def sentences(text):
    """Sentence spans: split after . ! ? followed by a space or newline and a capital."""
    spans, start = [], 0
    for m in re.finditer(r"[.!?](?=\s+[A-Z\"“])|[.!?]$", text):
        spans.append((start, m.end()))
        start = m.end()
        while start < len(text) and text[start] in " \n":
            start += 1
    return spans


KEYS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]


def neighbour(c):
    """The key to the right of `c` (or left, at a row's end), same case."""
    for row in KEYS:
        i = row.find(c.lower())
        if i >= 0:
            n = row[i + 1] if i + 1 < len(row) else row[i - 1]
            return n.upper() if c.isupper() else n
    return c


def plants(text, lang, source=""):
    """(kind, changed text) for every change planted in `text`."""
    out = []
    # Names: capitalised words of six letters or more that the source writes too, one letter in
    # the middle typed with the next key (each name once).
    seen = set()
    for m in re.finditer(r"\b[A-Z][a-z]{5,}\b", text):
        name = m.group(0)
        if name in seen or not re.search(r"\b" + name + r"\b", source):
            continue
        seen.add(name)
        i = len(name) // 2
        changed = name[:i] + neighbour(name[i]) + name[i + 1:]
        out.append(("name-changed", text[: m.start()] + changed + text[m.end():]))
    for m in re.finditer(NUMBER, text):
        digits = m.group(0)
        last = digits[-1]
        changed = digits[:-1] + str((int(last) + 3) % 10)
        out.append(("number-changed", text[: m.start()] + changed + text[m.end():]))
        rest = re.match(MAGNITUDE, text[m.end():])
        end = m.end() + (rest.end() if rest else 0)
        out.append(("number-removed", text[: m.start()] + SEVERAL[lang] + text[end:]))
    for m in re.finditer(NEG[lang], text, flags=re.IGNORECASE):
        out.append(("negation-dropped", text[: m.start()] + text[m.end():]))
    spans = sentences(text)
    for a, b in spans:
        if len(text[a:b].split()) >= 4:
            rest = text[b:].lstrip(" ")
            out.append(("sentence-dropped", text[:a] + rest))
    return out


EXPECT = {
    "number-changed": "translation/figure",
    "number-removed": "translation/figure",
    "negation-dropped": "translation/negation",
    "sentence-dropped": "translation/dropped",
    "name-changed": "translation/name",
}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--pairs", default=os.path.join(here, "translation_pairs.jsonl"))
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    pairs = [json.loads(l) for l in open(args.pairs) if l.strip()]
    found, total = Counter(), Counter()
    false_alarms, unchanged, clean = [], 0, 0
    side = Counter()
    for n, p in enumerate(pairs):
        for src, tgt in (("en", "id"), ("id", "en")):
            base = check(args.bin, p[src], p[tgt])
            unchanged += 1
            clean += not base
            false_alarms += [(n, src, tgt, f) for f in base]
            base_codes = Counter(c for c, _ in base)
            for kind, text in plants(p[tgt], tgt, p[src]):
                got = check(args.bin, p[src], text)
                codes = Counter(c for c, _ in got)
                code = EXPECT[kind]
                total[kind, src] += 1
                if codes[code] > base_codes[code]:
                    found[kind, src] += 1
                elif args.show:
                    print(f"MISSED {kind} pair {n} {src}->{tgt}: {got}")
                for c in codes:
                    if c != code and codes[c] > base_codes[c]:
                        side[kind, c] += 1
    print(f"pairs: {len(pairs)} ({unchanged} translations checked, both directions)")
    print(f"{'kind':18} {'en->id':>14} {'id->en':>14} {'both':>14}")
    for kind in EXPECT:
        row = []
        for src in ("en", "id", None):
            t = total[kind, src] if src else total[kind, "en"] + total[kind, "id"]
            f = found[kind, src] if src else found[kind, "en"] + found[kind, "id"]
            row.append(f"{f}/{t} {f / t if t else 0:.2f}")
        print(f"{kind:18} {row[0]:>14} {row[1]:>14} {row[2]:>14}")
    print(f"unchanged translations with no finding: {clean}/{unchanged} ({clean / unchanged:.2f}); false alarms: {len(false_alarms)}")
    planted = sum(found.values())
    print(f"precision (planted changes found / (found + false alarms on the unchanged pairs)): {planted / (planted + len(false_alarms)) if planted else 0:.3f}")
    if side:
        print("other findings on planted changes:", dict(side))
    if args.show:
        for fa in false_alarms:
            print("FALSE ALARM", fa)


if __name__ == "__main__":
    main()
