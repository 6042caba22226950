#!/usr/bin/env bash
# Run every fuzz target for a bounded time and say how it went.
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]      (default: 60 s; check markdown rope_edits config)
#
# With a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`), the targets run under
# libFuzzer with AddressSanitizer (build in fuzz/target, corpora in fuzz/corpus/<target>, seeded
# from the fixture articles, the examples, the style files and tests/regressions; crashes in
# fuzz/artifacts/<target>/). Without them (`FUZZ_ENGINE=stable` forces it), the same target
# bodies run on stable Rust through tests/fuzz_smoke.rs with a seeded generator.
# A crashing input belongs in tests/regressions/<target>/, where `cargo test` replays it.
# Each input must finish within FUZZ_TIMEOUT seconds (default 5; a slow input is a failure, as a
# crash is: cost must stay in proportion to the text), and the check targets are also seeded with
# the inputs that once were slow or crashed, made by fuzz/gen_adversarial.py at the longest
# input allowed (FUZZ_MAX_LEN, default 65536 bytes).
# Exits non-zero if any target found a failure.
set -euo pipefail
cd "$(dirname "$0")/.."

secs="${1:-60}"
timeout_secs="${FUZZ_TIMEOUT:-5}"
max_len="${FUZZ_MAX_LEN:-65536}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(check markdown rope_edits config)

engine="${FUZZ_ENGINE:-}"
if [ -z "$engine" ]; then
  if rustup toolchain list 2>/dev/null | grep -q '^nightly' && cargo +nightly fuzz --version >/dev/null 2>&1; then
    engine=libfuzzer
  else
    engine=stable
  fi
fi

# Seed inputs: the check and markdown targets read their first byte as format and language
# (0x00: Markdown, detected language; 0x01: plain text; 0x83: plain text, Indonesian, fix until
# stable), the config target reads sunting.toml, a NUL, then the text of any file it names.
seed_corpus() {
  local target="$1" dir="fuzz/corpus/$1" f n=0
  mkdir -p "$dir"
  case "$target" in
    check|markdown)
      for f in tests/fixtures/*/*.md examples/*.md; do
        [ -f "$f" ] || continue
        n=$((n + 1))
        { printf '\x00'; cat "$f"; } >"$dir/seed-md-$n"
        { printf '\x01'; cat "$f"; } >"$dir/seed-txt-$n"
        { printf '\x83'; cat "$f"; } >"$dir/seed-fix-$n"
      done
      python3 fuzz/gen_adversarial.py "$dir" "$max_len" ;;
    config)
      printf 'language = "id"\nwords = ["kamus.txt"]\n[severity]\ntypography = "error"\n\x00kata\n' >"$dir/seed-words"
      for f in styles/*.toml; do
        [ -f "$f" ] || continue
        n=$((n + 1))
        { printf 'styles = ["gaya.toml"]\n\x00'; cat "$f"; } >"$dir/seed-style-$n"
      done ;;
    rope_edits)
      printf '\x00\x10abcdefghijklmnop\x41\x00\x03\x00\x05\x03abc' >"$dir/seed-1" ;;
  esac
  if [ -d "tests/regressions/$target" ]; then
    cp tests/regressions/"$target"/* "$dir"/ 2>/dev/null || true
  fi
}

status=0
if [ "$engine" = libfuzzer ]; then
  echo "== libFuzzer (cargo +nightly fuzz), ${secs}s per target: ${targets[*]}"
  # One build, then the binaries directly (cargo fuzz run would rebuild after any source change).
  cargo +nightly fuzz build -O
  host="$(rustc +nightly -vV | sed -n 's/^host: //p')"
  for t in "${targets[@]}"; do
    seed_corpus "$t"
    mkdir -p "fuzz/artifacts/$t"
    log="fuzz/artifacts/$t.log"
    set +e
    "fuzz/target/$host/release/$t" "fuzz/corpus/$t" -artifact_prefix="fuzz/artifacts/$t/" \
      -max_total_time="$secs" -print_final_stats=1 -rss_limit_mb=4096 -max_len="$max_len" -timeout="$timeout_secs" >"$log" 2>&1
    rc=$?
    set -e
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    if [ $rc -eq 0 ]; then
      echo "$t: ${runs:-?} executions in ${secs}s (${rate:-?}/s), $cov, no crash"
    else
      echo "$t: FAILED (exit $rc) after ${runs:-?} executions; see $log and fuzz/artifacts/$t/"
      grep -m1 -A3 -E 'panicked at|ERROR: libFuzzer|ERROR: AddressSanitizer|ALARM: working on the last Unit' "$log" || true
      status=1
    fi
  done
else
  echo "== stable harness (tests/fuzz_smoke.rs), ${secs}s per target: ${targets[*]}"
  filters=()
  for t in "${targets[@]}"; do filters+=("fuzz_$t"); done
  mkdir -p fuzz/artifacts fuzz/corpus/adversarial
  python3 fuzz/gen_adversarial.py fuzz/corpus/adversarial "$max_len"
  log=fuzz/artifacts/stable.log
  SUNTING_FUZZ_SEEDS=fuzz/corpus/adversarial SUNTING_FUZZ_TIMEOUT="$timeout_secs" SUNTING_FUZZ_SECS="$secs" cargo test --release --test fuzz_smoke -- --nocapture --test-threads=1 "${filters[@]}" >"$log" 2>&1 || status=1
  grep -oE 'fuzz [a-z_]+: [0-9]+ runs.*|panicked.*|fuzz target .* (failed|took [0-9.]+ s) on .*|test result.*' "$log" || true
fi
exit $status
