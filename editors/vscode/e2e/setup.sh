#!/usr/bin/env bash
# Installs what the VS Code end-to-end test (e2e/test_code_server.py) needs, once:
#   - Debian's chromium (the browser Playwright drives; no browser download), ripgrep (VS Code's
#     search binary, which code-server's npm package would otherwise download) and libkrb5-dev
#     (for code-server's native `kerberos` module), with apt-get;
#   - code-server (the real VS Code workbench, served to the browser) with npm, into a cache
#     folder outside the repository, so a rerun costs nothing;
#   - Playwright for Python in a venv beside it.
# Prints the cache folder on its last line. Safe to rerun: what is there is kept.
#
#   SUNTING_CODE_SERVER_DIR=...  the cache folder (default: the build folder's ci/code-server)
set -euo pipefail

CODE_SERVER_VERSION=4.100.3 # the last release for Node 20 (VS Code 1.100.3)
PLAYWRIGHT_VERSION=1.65.3
if [ -z "${SUNTING_CODE_SERVER_DIR:-}" ]; then
  SUNTING_CODE_SERVER_DIR="$(cd "$(dirname "$0")/../../.." && cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/ci/code-server"
fi
cache="$SUNTING_CODE_SERVER_DIR"
mkdir -p "$cache"
cache="$(cd "$cache" && pwd)"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v make >/dev/null 2>&1 || missing+=(make)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
# Fonts, so screenshots of a failure are readable.
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  echo "e2e setup: apt-get install ${missing[*]}" >&2
  as_root apt-get -o DPkg::Lock::Timeout=300 update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cs="$cache/code-server-$CODE_SERVER_VERSION"
if [ ! -f "$cs/.installed" ]; then
  echo "e2e setup: installing code-server $CODE_SERVER_VERSION into $cs" >&2
  rm -rf "$cs"
  mkdir -p "$cs"
  (
    cd "$cs"
    echo '{"name":"sunting-code-server","private":true}' >package.json
    # --ignore-scripts: its install script would download things; the steps are done below.
    npm install --no-audit --no-fund --loglevel=error --ignore-scripts "code-server@$CODE_SERVER_VERSION"
    pkg="$cs/node_modules/code-server"
    export npm_config_yes=true
    # code-server's own native module (password hashing), built here rather than downloaded.
    npm rebuild --loglevel=error argon2 --build-from-source
    cd "$pkg/lib/vscode"
    npm install --no-audit --no-fund --loglevel=error --omit=dev --ignore-scripts
    # @vscode/ripgrep's install script downloads rg: use Debian's.
    mkdir -p node_modules/@vscode/ripgrep/bin
    cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
    # The native modules; node-pty's install script runs `npx node-gyp` (npm_config_yes above
    # lets npx fetch it without asking).
    npm rebuild --loglevel=error
    # code-server's own install step (links, the built-in extensions' dependencies), as npm
    # would run it; as root npm wants unsafe-perm for it.
    cd "$pkg"
    npm_config_user_agent="npm/$(npm --version) node/$(node --version) linux x64" npm_config_unsafe_perm=true bash ./postinstall.sh
  ) >&2
  "$cs/node_modules/.bin/code-server" --config /dev/null --version >&2
  touch "$cs/.installed"
fi

venv="$cache/venv"
if [ ! -f "$venv/.installed-$PLAYWRIGHT_VERSION" ]; then
  echo "e2e setup: installing playwright $PLAYWRIGHT_VERSION and pytest into $venv" >&2
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "playwright==$PLAYWRIGHT_VERSION" "pytest>=7,<9" >&2
  touch "$venv/.installed-$PLAYWRIGHT_VERSION"
fi

echo "$cache"
