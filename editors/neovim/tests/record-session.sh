#!/usr/bin/env bash
# Records the terminal session README shows (editors/neovim/session.txt): Neovim with the plugin
# on examples/banjir-padang.md, its diagnostics, a diagnostic float, then :SuntingFixAll.
# Needs tmux, nvim and SUNTING_BIN.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
bin="${SUNTING_BIN:-sunting}"
work="$(mktemp -d)"
cp "$repo/examples/banjir-padang.md" "$work/"
touch "$work/sunting.toml"
cat >"$work/init.lua" <<LUA
dofile('$here/minimal_init.lua')
vim.opt.number = true
vim.opt.signcolumn = 'yes'
vim.opt.wrap = true
vim.opt.linebreak = true
vim.opt.laststatus = 2
vim.opt.ruler = false
require('sunting').setup({ cmd = { '$bin', 'lsp' } })
LUA
session=sunting-demo-$$
out="$here/../session.txt"
snap() {
  {
    echo "\$ $1"
    echo '```'
    tmux capture-pane -p -t "$session" | sed -e 's/[[:space:]]*$//'
    echo '```'
    echo
  } >>"$out"
}
: >"$out"
tmux new-session -d -s "$session" -x 110 -y 24 "cd '$work' && nvim -i NONE -n -u init.lua banjir-padang.md"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 4
snap "nvim banjir-padang.md   # diagnostics as virtual text, signs in the sign column"
tmux send-keys -t "$session" ':9' Enter
tmux send-keys -t "$session" ':lua vim.diagnostic.open_float()' Enter
sleep 1
snap ":9 then :lua vim.diagnostic.open_float()   # the findings on line 9"
tmux send-keys -t "$session" Escape ':SuntingFixAll' Enter
sleep 3
tmux send-keys -t "$session" 'gg'
sleep 1
snap ":SuntingFixAll   # the safe fixes applied; what needs a human stays"
tmux send-keys -t "$session" ':qa!' Enter
echo "recorded $out"
