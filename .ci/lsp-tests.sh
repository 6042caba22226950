#!/usr/bin/env bash
# The language server's end-to-end tests: pytest-lsp (VS Code, Neovim and Emacs capability
# sets) and a headless Neovim. Sets up what they need: a Python virtual environment with
# tests/lsp/requirements.txt under the build folder, and Debian's neovim if `nvim` is missing. Builds the binary.
# Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
VENV="${SUNTING_LSP_VENV:-$target_dir/ci/lsp-venv}"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install --quiet --disable-pip-version-check -r tests/lsp/requirements.txt

if ! command -v nvim >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get -o DPkg::Lock::Timeout=300 update -qq
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq neovim >/dev/null
  else
    sudo apt-get -o DPkg::Lock::Timeout=300 update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq neovim >/dev/null
  fi
fi

# The binary `cargo test` builds (with the same features, so after `cargo test` nothing is rebuilt).
cargo test --locked --no-run --quiet --test cli
export SUNTING_BIN="${SUNTING_BIN:-$target_dir/debug/sunting}"

echo "== pytest-lsp end-to-end tests ($SUNTING_BIN)"
(cd tests/lsp && "$VENV/bin/python" -m pytest -q)

echo "== headless Neovim ($(nvim --version | head -1))"
tests/nvim/run.sh
