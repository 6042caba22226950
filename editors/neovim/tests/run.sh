#!/usr/bin/env bash
# Run the plugin's headless test. Needs `nvim` (or SUNTING_NVIM=/path/to/nvim) and SUNTING_BIN (default: `sunting` on PATH).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
log="$(mktemp)"
status=0
timeout 180 "${SUNTING_NVIM:-nvim}" --headless -i NONE -n -u "$here/minimal_init.lua" -c "luafile $here/test_sunting.lua" >"$log" 2>&1 || status=$?
cat "$log"
rm -f "$log"
exit "$status"
