#!/usr/bin/env python3
"""A long article for measuring the editors (issue 17, item 3): about 280 KB of Indonesian news
(bench/gen_articles.py) with slips added until it has about 2,000 findings, about 400 of them
with a safe fix (a space before a comma), the rest misspellings (two letters swapped).

    python3 bench/editor_article.py > /tmp/article.md
    python3 bench/editor_article.py --bytes 280000 --commas 400 --slips 1500 --seed 17

Deterministic for a given seed. Only the Python standard library is needed.
"""
import argparse
import random
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bytes", type=int, default=280_000)
    ap.add_argument("--commas", type=int, default=400, help="spaces put before commas (safe fixes)")
    ap.add_argument("--slips", type=int, default=1500, help="words with two letters swapped")
    ap.add_argument("--seed", type=int, default=17)
    a = ap.parse_args()
    words = a.bytes // 7
    text = subprocess.run([sys.executable, str(HERE / "gen_articles.py"), "--lang", "id", "--words", str(words), "--seed", str(a.seed)],
                          check=True, capture_output=True, text=True).stdout
    text = text.encode()[: a.bytes].decode(errors="ignore")
    text = text[: text.rfind("\n\n") + 1]
    rng = random.Random(a.seed)
    body = text.index("\n\n", text.index("---", 3)) if text.startswith("---") else 0
    commas = [m.start() for m in re.finditer(r"\w, ", text) if m.start() > body]
    chosen = set(rng.sample(commas, min(a.commas, len(commas))))
    out = []
    for i, ch in enumerate(text):
        out.append(ch)
        if i in chosen:
            out.append(" ")
    text = "".join(out)
    # Swap two inner letters of lower-case words of seven letters or more.
    cands = [m for m in re.finditer(r"(?<![\w-])[a-z]{7,}(?![\w-])", text) if m.start() > body]
    picks = sorted(rng.sample(cands, min(a.slips, len(cands))), key=lambda m: m.start())
    out, at = [], 0
    for m in picks:
        w = m.group(0)
        i = rng.randrange(2, len(w) - 3)
        if w[i] == w[i + 1]:
            continue
        out.append(text[at:m.start()])
        out.append(w[:i] + w[i + 1] + w[i] + w[i + 2:])
        at = m.end()
    out.append(text[at:])
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
