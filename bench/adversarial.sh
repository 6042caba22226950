#!/usr/bin/env bash
# The inputs of the reliability report (issue 18) at eight times the size they were reported
# slow or fatal at, each checked once: time, peak memory and findings; then an ordinary noisy
# article at 2 MB and 8 MB, to compare growth. Targets: each adversarial input under 2 s and
# 200 MB; the 8 MB article at most 5x the time of the 2 MB one, peak memory at most 10x its size.
#
#   bench/adversarial.sh [SUNTING_BINARY]        (default: target/release/sunting)
#
# Needs python3 and GNU time (/usr/bin/time). Inputs go to a temporary folder, removed after.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-${CARGO_TARGET_DIR:-target}/release/sunting}"
[ -x "$bin" ] || { echo "no binary at $bin (cargo build --release first)" >&2; exit 2; }
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT

# name | size the report gave | python expression of the text, n the repetitions (8x the report's)
cases=(
  "D1 long lower-case word|7,676 letters|n=61408; t='a'*n + '\n'"
  "D1 long capitalised word|8,000 letters|n=64000; t='Polisi menangkap Ba' + 'ba'*(n//2) + ' kemarin.\n'"
  "D14 long name|7,000 letters|n=56000; t='Polisi menangkap Ba' + 'ba'*(n//2) + ' kemarin.\n'"
  "D2 straight quotes, one sentence|14 KB (2k)|n=16000; t='\"kata \"'*n + '\n'"
  "D2 curly quotes, one sentence|2k|n=16000; t='“kata ” '*n + '\n'"
  "D2 run-on prose with quotations|1k|n=8000; t=' '.join('“Kami sudah siap,” kata Budi, lalu' if i%3==0 else '“semua tim sudah bergerak ke lokasi” dan' for i in range(n)) + '.\n'"
  "D15 closed quotes, one paragraph|649 KB (20k)|n=160000; t='“Kami sudah siap sejak pagi.” '*n + '\n'"
  "D15 unclosed quotes, one paragraph|320 KB (40k)|n=320000; t='“kata '*n + '\n'"
  "D15 quotation reopened over paragraphs|1.2 MB (40k)|n=320000; t='Budi berkata, ' + '“Kami sudah siap sejak pagi.\n\n'*n + '“Selesai,” katanya.\n'"
  "D13 figures in one sentence|302 KB (19k)|n=152000; t='Sebanyak 42 korban, terdiri atas ' + ', '.join(f'{i%90+1} orang tewas' for i in range(n)) + '.\n'"
  "D13 figures with filler, one sentence|669 KB (10k)|n=80000; t='Pada Senin di Kabupaten Sleman, ' + ' serta '.join(f'sebanyak {i%50+2} orang tewas di Desa Sukamaju dan {i%70+3} rumah rusak berat' for i in range(n)) + ' menurut polisi.\n'"
  "D16 findings on one line|3.6 MB (32k)|n=256000; t='Polisi datang ke lokasi , kata dia . '*n + '\n'"
)

printf '%-40s %-14s %10s %8s %9s %9s\n' "input (8x the report's size)" "report's size" bytes seconds "peak MB" findings
for case in "${cases[@]}"; do
  IFS='|' read -r name reported expr <<<"$case"
  f="$dir/input.md"
  python3 -c "import sys; $expr; open(sys.argv[1], 'w').write(t)" "$f"
  read -r secs kb < <( { /usr/bin/time -f '%e %M' "$bin" check --format json --fail-on never "$f" >"$dir/out.json"; } 2>&1 | tail -1)
  found=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['summary']['diagnostics'])" "$dir/out.json" 2>/dev/null || echo '?')
  printf '%-40s %-14s %10s %8s %9s %9s\n' "$name" "$reported" "$(stat -c %s "$f")" "$secs" "$((kb / 1024))" "$found"
done

echo
echo "Ordinary noisy articles (bench/gen_articles.py, Indonesian), --format json:"
for mb in 2 8; do
  f="$dir/article-$mb.md"
  python3 bench/gen_articles.py --lang id --words $((mb * 150000)) --seed 7 >"$f" 2>/dev/null || python3 bench/gen_articles.py --lang id --words $((mb * 150000)) >"$f"
  read -r secs kb < <( { /usr/bin/time -f '%e %M' "$bin" check --format json --fail-on never "$f" >"$dir/out.json"; } 2>&1 | tail -1)
  found=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['summary']['diagnostics'])" "$dir/out.json" 2>/dev/null || echo '?')
  size=$(stat -c %s "$f")
  printf '%-40s %10s bytes %8s s %9s MB peak (%s x the file) %9s findings\n' "article ~${mb} MB" "$size" "$secs" "$((kb / 1024))" "$(python3 -c "print(round($kb*1024/$size, 1))")" "$found"
done
