#!/usr/bin/env bash
# The check step of action.yml: `sunting check --format github` on the articles a change touches.
#
#   INPUT_FILES    space-separated git pathspecs (default "*.md *.markdown *.txt")
#   INPUT_ALL      "true": every tracked file matching them, not only the changed ones
#   INPUT_FAIL_ON  sunting's --fail-on (default warning)
#   INPUT_ARGS     more arguments for sunting check (split on spaces)
#   SUNTING_BASE   the commit the change is compared with (the pull request's base, or the commit
#                  before a push); empty or all zeros (a new branch): every matching file
#
# Exits as sunting does: 0 clean, 1 findings at or above INPUT_FAIL_ON, 2 an error.
set -euo pipefail
read -r -a patterns <<<"${INPUT_FILES:-*.md *.markdown *.txt}"
read -r -a extra <<<"${INPUT_ARGS:-}"
base="${SUNTING_BASE:-}"
list="$(mktemp)"
trap 'rm -f "$list"' EXIT
if [ "${INPUT_ALL:-false}" = "true" ] || [ -z "$base" ] || [ -z "${base//0/}" ] || ! git cat-file -e "$base^{commit}" 2>/dev/null; then
  git ls-files -z -- "${patterns[@]}" >"$list"
else
  # Added, copied, modified or renamed since the base; deleted files are not checked.
  git diff -z --name-only --diff-filter=ACMR "$base" HEAD -- "${patterns[@]}" >"$list"
fi
if [ ! -s "$list" ]; then
  echo "sunting: no article changed"
  exit 0
fi
mapfile -d '' -t articles <"$list"
echo "sunting: checking ${#articles[@]} article(s)"
exec sunting check --format github --fail-on "${INPUT_FAIL_ON:-warning}" "${extra[@]}" -- "${articles[@]}"
