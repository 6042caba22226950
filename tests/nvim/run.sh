#!/usr/bin/env bash
# The headless Neovim test. Needs `nvim` (Debian's neovim package) and a built binary.
set -euo pipefail
cd "$(dirname "$0")/../.."
export SUNTING_BIN="${SUNTING_BIN:-$PWD/target/debug/sunting}"
log="$(mktemp)"
status=0
timeout 120 nvim --headless -u NONE -i NONE -n -c "luafile tests/nvim/test.lua" >"$log" 2>&1 || status=$?
cat "$log"
rm -f "$log"
exit "$status"
