#!/usr/bin/env python3
"""Recall and correction rank of `sunting check` on typos planted into copies of articles.

    bench/planted_typos.py CORPUS_DIR [--seed N] [--per-article K] [--sunting PATH] [--keep DIR]

Copies every `id-*.txt` / `en-*.txt` of CORPUS_DIR (read only) into a temporary folder, once per
kind of slip, and plants up to K typos per article in common words (wordfreq lists, Zipf >= 3,
the word itself, lower-cased, must be listed; the typo must not be):

  one-edit   one slip: two neighbours swapped, a letter dropped, doubled, or a neighbouring key
             typed for or beside it
  two-edit   two such slips at different places
  each in lower-case words (mid-sentence) and in capitalised common words (the first word of a
  sentence, or a word of a title or an institution's name mid-sentence; a capitalised word counts
  as common when the corpus writes it in lower case somewhere, so names are left out).

A typo is found when a spelling finding at warning or above covers it; its correction rank is the
place of the original word among the finding's fixes (1 = first). Prints, per kind, recall at
warning, any-severity recall, correct first and in the first five (of those found).
Needs the `wordfreq` Python package (a venv is fine: run this script with its python).
"""
import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

try:
    import wordfreq
except ImportError:
    sys.exit("needs the wordfreq package (pip install wordfreq)")

ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
POS = {c: (r, i) for r, row in enumerate(ROWS) for i, c in enumerate(row)}


def neighbours(c):
    if c not in POS:
        return "aeiou"
    r, i = POS[c]
    out = []
    for rr in (r - 1, r, r + 1):
        for ii in (i - 1, i, i + 1):
            if 0 <= rr < 3 and 0 <= ii < len(ROWS[rr]) and (rr, ii) != (r, i):
                out.append(ROWS[rr][ii])
    return "".join(out)


def slip(word, rng, avoid):
    """One random slip at a position not in `avoid`; returns (new word, position) or None."""
    n = len(word)
    for _ in range(20):
        kind = rng.choice(["swap", "drop", "double", "insert", "replace", "replace"])
        i = rng.randrange(n)
        if i in avoid:
            continue
        if kind == "swap" and i + 1 < n and word[i] != word[i + 1] and i + 1 not in avoid:
            return word[:i] + word[i + 1] + word[i] + word[i + 2:], i
        if kind == "drop" and n > 4:
            return word[:i] + word[i + 1:], i
        if kind == "double":
            return word[:i] + word[i] + word[i:], i
        if kind == "insert":
            return word[:i] + rng.choice(neighbours(word[i])) + word[i:], i
        if kind == "replace":
            return word[:i] + rng.choice(neighbours(word[i])) + word[i + 1:], i
    return None


def known(word, lang):
    return wordfreq.zipf_frequency(word, lang, wordlist="best") > 0


def typo(word, edits, lang, rng):
    lower = word.lower()
    for _ in range(30):
        out, avoid = lower, set()
        for _ in range(edits):
            r = slip(out, rng, avoid)
            if r is None:
                break
            out, i = r
            avoid |= {i - 1, i, i + 1}
        else:
            if out != lower and not known(out, lang) and len(out) >= 3:
                return out[0].upper() + out[1:] if word[0].isupper() else out
    return None


WORD = re.compile(r"[A-Za-z]+")


LOWER_SEEN = {}


def seen_lower(src_dir, lang):
    """The words written in lower case somewhere in the corpus's articles of `lang`: a
    capitalised word whose lower case is among them is a common word (a sentence's first word,
    a title, a word of an institution's name), not a name."""
    if lang not in LOWER_SEEN:
        words = set()
        for name in os.listdir(src_dir):
            if name.startswith(lang + "-") and name.endswith(".txt"):
                words |= {w for w in WORD.findall(open(os.path.join(src_dir, name), encoding="utf-8").read()) if w.islower()}
        LOWER_SEEN[lang] = words
    return LOWER_SEEN[lang]


def candidates(text, lang, capitalised, common=None):
    """(start, end, word) of common words to plant in: lower-case mid-sentence words, or
    capitalised ones (sentence-initial, or mid-sentence common words)."""
    out = []
    for m in WORD.finditer(text):
        w = m.group()
        if len(w) < 4 or (m.end() < len(text) and text[m.end()] in "-'’") or (m.start() > 0 and text[m.start() - 1] in "-'’@#/."):
            continue
        if capitalised != (w[0].isupper() and w[1:].islower()):
            continue
        if not capitalised and not w.islower():
            continue
        if capitalised and common is not None and w.lower() not in common:
            continue
        if wordfreq.zipf_frequency(w.lower(), lang, wordlist="best") < 3.0:
            continue
        out.append((m.start(), m.end(), w))
    return out


def plant(src_dir, dst_dir, edits, capitalised, per_article, rng):
    planted = {}
    for name in sorted(os.listdir(src_dir)):
        if not name.endswith(".txt") or name[:3] not in ("id-", "en-"):
            continue
        lang = name[:2]
        text = open(os.path.join(src_dir, name), encoding="utf-8").read()
        cands = candidates(text, lang, capitalised, seen_lower(src_dir, lang) if capitalised else None)
        rng.shuffle(cands)
        chosen = []
        for c in cands:
            if len(chosen) >= per_article:
                break
            if any(abs(c[0] - o[0]) < 200 for o in chosen):
                continue
            t = typo(c[2], edits, lang, rng)
            if t:
                chosen.append((c[0], c[1], c[2], t))
        chosen.sort()
        out, shift, marks = [], 0, []
        last = 0
        for s, e, w, t in chosen:
            out.append(text[last:s])
            start = len("".join(out).encode("utf-8"))
            out.append(t)
            ctx = (text[max(0, s - 30):s] + "[" + t + "]" + text[e:e + 30]).replace("\n", " ")
            marks.append((start, start + len(t.encode("utf-8")), w, t, lang, ctx))
            last = e
        out.append(text[last:])
        open(os.path.join(dst_dir, name), "w", encoding="utf-8").write("".join(out))
        planted[name] = marks
    return planted


def run(sunting, folder):
    p = subprocess.run([sunting, "check", "--format", "json", folder], capture_output=True, text=True)
    data = json.loads(p.stdout)
    out = {}
    for f in data["files"]:
        out[os.path.basename(f["path"])] = f["diagnostics"]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-article", type=int, default=3)
    ap.add_argument("--sunting", default=os.environ.get("SUNTING", "target/release/sunting"))
    ap.add_argument("--show", action="store_true", help="list the typos missed or mis-corrected")
    ap.add_argument("--context", action="store_true", help="with --show, the text around each miss")
    args = ap.parse_args()
    rank_sev = {"hint": 0, "info": 1, "warning": 2, "error": 3}
    print(f"{'kind':28} {'n':>4} {'warn':>6} {'any':>6} {'first':>6} {'top5':>6}")
    for lang_filter in ("id", "en"):
        for edits in (1, 2):
            for capitalised in (False, True):
                rng = random.Random(args.seed * 1000 + edits * 10 + capitalised)
                tmp = tempfile.mkdtemp(prefix="sunting-typos-")
                try:
                    planted = plant(args.corpus, tmp, edits, capitalised, args.per_article, rng)
                    planted = {k: v for k, v in planted.items() if k.startswith(lang_filter)}
                    for k in os.listdir(tmp):
                        if not k.startswith(lang_filter):
                            os.remove(os.path.join(tmp, k))
                    found = run(args.sunting, tmp)
                finally:
                    shutil.rmtree(tmp)
                n = warn = anysev = first = top5 = 0
                misses = []
                for name, marks in planted.items():
                    diags = [d for d in found.get(name, []) if d["code"].startswith("spelling/")]
                    for s, e, w, t, lang, ctx in marks:
                        n += 1
                        hit = [d for d in diags if d["span"]["start"] <= s and d["span"]["end"] >= e]
                        if not hit:
                            misses.append(f"  miss {t} ({w})" + (f"   …{ctx}…" if args.context else ""))
                            continue
                        d = max(hit, key=lambda d: rank_sev[d["severity"]])
                        anysev += 1
                        if rank_sev[d["severity"]] >= 2:
                            warn += 1
                        else:
                            misses.append(f"  {d['severity']} {t} ({w})")
                        fixes = [x["edits"][0]["new_text"].lower() for x in d["fixes"] if x["edits"]]
                        if fixes[:1] == [w.lower()]:
                            first += 1
                        elif args.show:
                            misses.append(f"  rank {t} ({w}): {fixes[:5]}")
                        if w.lower() in fixes[:5]:
                            top5 += 1
                kind = f"{lang_filter} {edits}-edit {'capitalised' if capitalised else 'lower'}"
                f = lambda a, b: f"{a / b:.2f}" if b else "-"
                print(f"{kind:28} {n:>4} {f(warn, n):>6} {f(anysev, n):>6} {f(first, anysev):>6} {f(top5, anysev):>6}")
                if args.show:
                    print("\n".join(misses))


if __name__ == "__main__":
    main()
