-- A bare Neovim with only this plugin on the runtimepath, for the headless tests:
--   nvim --headless -u editors/neovim/tests/minimal_init.lua -c "luafile editors/neovim/tests/test_sunting.lua"
local here = debug.getinfo(1, 'S').source:sub(2)
local plugin = vim.fn.fnamemodify(here, ':p:h:h')
vim.opt.runtimepath = { vim.env.VIMRUNTIME, plugin }
vim.opt.packpath = { vim.env.VIMRUNTIME }
vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'
vim.g.sunting_test_plugin_dir = plugin
vim.cmd('filetype on')
