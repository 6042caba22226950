#!/usr/bin/env bash
# Batch test of sunting.el with eglot. Needs emacs with eglot (Debian: emacs-nox elpa-eglot
# elpa-markdown-mode) and SUNTING_BIN (default: `sunting` on PATH).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
log="$(mktemp)"
status=0
timeout 180 emacs --batch -l "$here/test-sunting.el" >"$log" 2>&1 </dev/null || status=$?
# Emacs's own chatter (site-start, eglot's messages) first, the test's lines last.
grep -v '^Loading \|^$' "$log" || true
rm -f "$log"
exit "$status"
