#!/usr/bin/env bash
# The VS Code extension in a real VS Code: installs code-server, chromium and Playwright if
# missing (setup.sh, cached outside the repository), packages the extension into a .vsix, and
# runs test_code_server.py against a sunting binary. Screenshots and logs of a failed step go to
# $SUNTING_E2E_OUT (default: <cargo target dir>/vscode-e2e).
#
#   SUNTING_BIN=...   the sunting program to test (default: build the debug binary)
#   SUNTING_VSIX=...  test this .vsix instead of packaging one
#   extra arguments go to pytest (e.g. -k add_word)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
ext="$(dirname "$here")"
root="$(cd "$ext/../.." && pwd)"

if [ -z "${SUNTING_BIN:-}" ]; then
  # The binary `cargo test` builds (with the same features, so after `cargo test` nothing is rebuilt).
  (cd "$root" && cargo test --locked --no-run --quiet --test cli)
  target_dir="$(cd "$root" && cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
  SUNTING_BIN="$target_dir/debug/sunting"
fi
SUNTING_BIN="$(cd "$(dirname "$SUNTING_BIN")" && pwd)/$(basename "$SUNTING_BIN")"
if [ -z "${SUNTING_E2E_OUT:-}" ]; then
  SUNTING_E2E_OUT="${CARGO_TARGET_DIR:-$root/target}/vscode-e2e"
fi
mkdir -p "$SUNTING_E2E_OUT"
rm -f "$SUNTING_E2E_OUT"/*.png "$SUNTING_E2E_OUT"/*.log

cache="$("$here/setup.sh" | tail -1)"
code_server="$(ls -d "$cache"/code-server-*/node_modules/.bin/code-server | tail -1)"

if [ -z "${SUNTING_VSIX:-}" ]; then
  SUNTING_VSIX="$SUNTING_E2E_OUT/sunting.vsix"
  (
    cd "$ext"
    [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error
    npx --no-install @vscode/vsce package --out "$SUNTING_VSIX" </dev/null >/dev/null
  )
fi

echo "== VS Code e2e: $("$code_server" --version | head -1), $(/usr/bin/chromium --version 2>/dev/null), sunting $SUNTING_BIN"
cd "$here"
SUNTING_BIN="$SUNTING_BIN" SUNTING_VSIX="$SUNTING_VSIX" SUNTING_CODE_SERVER="$code_server" SUNTING_E2E_OUT="$SUNTING_E2E_OUT" \
  "$cache/venv/bin/python" -m pytest -p no:cacheprovider -v test_code_server.py "$@"
