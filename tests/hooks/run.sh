#!/usr/bin/env bash
# The repository's hooks run as their tools run them: the pre-commit hook through
# `pre-commit try-repo` in a scratch repository, and the GitHub Action's check step
# (scripts/github-action.sh, with the environment action.yml gives it) on a scratch change.
#
#   SUNTING_BIN=/path/to/sunting PYTHON=/venv/bin/python tests/hooks/run.sh
#
# PYTHON is a Python with tests/hooks/requirements.txt installed (pre-commit and PyYAML).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin_dir="$(cd "$(dirname "$SUNTING_BIN")" && pwd)"
python="${PYTHON:-python3}"
pre_commit="$(dirname "$python")/pre-commit"
export PATH="$bin_dir:$PATH"
passed=0 failed=0
check() { # check DESCRIPTION COMMAND...: the command must succeed
  if "${@:2}"; then passed=$((passed + 1)); echo "ok - $1"; else failed=$((failed + 1)); echo "not ok - $1"; fi
}
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/pre-commit-home" GIT_CONFIG_GLOBAL="$work/gitconfig"
git config --global user.email ci@example.invalid && git config --global user.name ci
git config --global init.defaultBranch main

# The hooks are read from a commit: try-repo clones the repository (uncommitted files are not in it).
repo="$work/hooks-repo"
git clone -q "$root" "$repo"
for f in .pre-commit-hooks.yaml action.yml scripts/github-action.sh; do
  mkdir -p "$repo/$(dirname "$f")" && cp "$root/$f" "$repo/$f"
done
git -C "$repo" add -A && git -C "$repo" commit -qm "hooks under test" --allow-empty

desk="$work/desk"
mkdir -p "$desk/sub" && cd "$desk" && git init -q
printf 'Warga datang ke balai desa pada pagi hari.\n' >bersih.md
printf 'Warga datang , lalu pergi.\n' >lama.md
printf 'x = 1\n' >kode.py
git add -A && git commit -qm base
base="$(git rev-parse HEAD)"

# pre-commit: sunting-system on staged articles.
printf 'Mereka datang datang ke balai.\n' >baru.md
printf 'Dia pergi !!\n' >sub/catatan.txt
git add -A
out="$("$pre_commit" try-repo "$repo" sunting-system --files baru.md sub/catatan.txt kode.py 2>&1)"; status=$?
check "pre-commit: the hook fails on articles with findings" test "$status" = 1
check "pre-commit: it names the finding in the concise format" grep -q "baru.md:1:8: warning typography/doubled-word" <<<"$out"
check "pre-commit: it checks the plain-text article" grep -q "sub/catatan.txt:1:" <<<"$out"
check "pre-commit: it leaves other files alone" bash -c '! grep -q kode.py <<<"$1"' _ "$out"
out="$("$pre_commit" try-repo "$repo" sunting-system --files bersih.md 2>&1)"; status=$?
check "pre-commit: a clean article passes ($status)" test "$status" = 0

# pre-commit: `sunting` and `sunting-fix`, the hooks pre-commit builds from source as it builds any
# `language: rust` hook (`cargo install --bins --root <its environment> --path .` in its clone of
# this repository, with the machine's cargo). CI points the build at a folder under its build
# directory (SUNTING_HOOK_CARGO_TARGET) at opt-level 0 to stay quick; the manifest, the build and
# the entries are what a newsroom repository gets. SUNTING_SKIP_RUST_HOOK=1 skips this leg.
if [ "${SUNTING_SKIP_RUST_HOOK:-0}" != 1 ]; then
  rust_hook() {
    env PATH="$clean_path" CARGO_TARGET_DIR="${SUNTING_HOOK_CARGO_TARGET:-$work/hook-target}" \
      CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_DEBUG=0 "$pre_commit" try-repo "$repo" "$@"
  }
  # The hook must not find the binary under test on PATH: it runs the one pre-commit built.
  clean_path="$(tr ':' '\n' <<<"$PATH" | grep -vxF "$bin_dir" | paste -sd: -)"
  out="$(rust_hook sunting --files baru.md kode.py 2>&1)"; status=$?
  check "pre-commit (rust): the hook built from source fails on findings (exit $status)" test "$status" = 1
  check "pre-commit (rust): it names the finding in the concise format" grep -q "baru.md:1:8: warning typography/doubled-word" <<<"$out" \
    || sed 's/^/#   /' <<<"$out" | tail -20
  printf 'Mereka pulang !!\n' >perbaiki.md && git add perbaiki.md
  out="$(rust_hook sunting-fix --files perbaiki.md 2>&1)"; status=$?
  check "pre-commit (rust): sunting-fix fails the commit when it changed an article (exit $status)" test "$status" = 1
  check "pre-commit (rust): sunting-fix applied the safe fix" grep -qx 'Mereka pulang!' perbaiki.md
  out="$(rust_hook sunting-fix --files perbaiki.md 2>&1)"; status=$?
  check "pre-commit (rust): nothing left to fix passes (exit $status)" test "$status" = 0
  git rm -qf perbaiki.md
fi
git commit -qm change --no-verify

# The Action's check step, as GitHub runs it: the action's env, in the checked-out repository.
action() { env INPUT_FILES="${INPUT_FILES:-*.md *.markdown *.txt}" INPUT_ALL="${INPUT_ALL:-false}" INPUT_FAIL_ON="${INPUT_FAIL_ON:-warning}" INPUT_ARGS="${INPUT_ARGS:-}" \
  SUNTING_BASE="$1" GITHUB_ACTION_PATH="$repo" bash "$repo/scripts/github-action.sh"; }
out="$(action "$base" 2>&1)"; status=$?
check "action: findings fail the step (exit $status)" test "$status" = 1
check "action: annotations for the changed articles" grep -q "::warning file=baru.md,line=1,col=8" <<<"$out"
check "action: the changed plain-text article too" grep -q "::warning file=sub/catatan.txt," <<<"$out"
check "action: an unchanged article is not checked" bash -c '! grep -q "file=lama.md" <<<"$1"' _ "$out"
out="$(INPUT_ALL=true action "$base" 2>&1)"
check "action: all: true checks every article" grep -q "file=lama.md" <<<"$out"
out="$(action 0000000000000000000000000000000000000000 2>&1)"
check "action: a new branch (no base) checks every article" grep -q "file=lama.md" <<<"$out"
out="$(INPUT_FILES="sub/*.txt" INPUT_FAIL_ON=never action "$base" 2>&1)"; status=$?
check "action: files and fail-on are honoured (exit $status)" bash -c '[ "$1" = 0 ] && grep -q "file=sub/catatan.txt" <<<"$2" && ! grep -q "file=baru.md" <<<"$2"' _ "$status" "$out"
out="$(INPUT_ARGS="--select figures" action "$base" 2>&1)"; status=$?
check "action: args reach sunting check (exit $status)" test "$status" = 0
out="$(action "$(git rev-parse HEAD)" 2>&1)"; status=$?
check "action: nothing changed is a pass with a message" bash -c '[ "$1" = 0 ] && grep -q "no article changed" <<<"$2"' _ "$status" "$out"
check "action.yml: its check step runs the script with the inputs it reads" "$python" - "$repo/action.yml" <<'PY'
import sys, yaml
action = yaml.safe_load(open(sys.argv[1]))
assert action["runs"]["using"] == "composite"
step = action["runs"]["steps"][-1]
assert "scripts/github-action.sh" in step["run"], step
script = open(sys.argv[1].replace("action.yml", "scripts/github-action.sh")).read()
for name in ("INPUT_FILES", "INPUT_ALL", "INPUT_FAIL_ON", "INPUT_ARGS", "SUNTING_BASE"):
    assert name in step["env"] and name in script, name
for name, value in action["inputs"].items():
    assert "description" in value and "default" in value, name
PY

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
