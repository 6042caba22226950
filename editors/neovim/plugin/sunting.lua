-- The commands, also for those who start the server through vim.lsp.enable('sunting') or
-- nvim-lspconfig without calling require('sunting').setup().
if vim.g.loaded_sunting then
  return
end
vim.g.loaded_sunting = true
require('sunting').create_commands()
