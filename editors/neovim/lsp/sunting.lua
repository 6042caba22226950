-- sunting for Neovim 0.11+ (vim.lsp.enable('sunting')) and nvim-lspconfig 2.0+, which read
-- lsp/<name>.lua from the runtimepath. Override any field with vim.lsp.config('sunting', {...}),
-- e.g. settings = { sunting = { language = 'id' } }.
return {
  cmd = { 'sunting', 'lsp' },
  filetypes = { 'markdown', 'text' },
  root_markers = { 'sunting.toml', '.git' },
  settings = { sunting = vim.empty_dict() },
}
