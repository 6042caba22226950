#!/usr/bin/env bash
# The pre-commit hook and the GitHub Action, run as their tools run them (tests/hooks/run.sh).
# The Rust-built hook compiles into the build folder's ci/pre-commit-rust (kept between runs).
# Sets up a Python virtual environment with tests/hooks/requirements.txt under the build folder.
set -euo pipefail
cd "$(dirname "$0")/.."
# The binary `cargo test` builds (with the same features, so after `cargo test` nothing is rebuilt).
cargo test --locked --no-run --quiet --test cli
target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
venv="$target_dir/ci/hooks-venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r tests/hooks/requirements.txt
echo "== hooks: pre-commit try-repo and the GitHub Action's check step"
SUNTING_HOOK_CARGO_TARGET="$target_dir/ci/pre-commit-rust" SUNTING_BIN="${SUNTING_BIN:-$target_dir/debug/sunting}" PYTHON="$venv/bin/python" tests/hooks/run.sh
