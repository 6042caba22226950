-- How long Neovim spends handling sunting's publications after an edit, and a "fix all", on a
-- long article (issue 17, item 3). Run headless:
--
--   SUNTING_BIN=... ARTICLE=... nvim --headless --clean -u NONE -l? (0.7: -c 'luafile bench/editors/nvim_freeze.lua')
--
-- Prints one JSON line: the time spent in the publishDiagnostics handler per publication (ms)
-- after opening, after each of EDITS one-letter edits (a pause after each), and in the
-- workspace/applyEdit handler for "fix all", with the number of edits it was sent.
local bin = os.getenv('SUNTING_BIN') or 'sunting'
local article = assert(os.getenv('ARTICLE'), 'ARTICLE=path')
local edits = tonumber(os.getenv('EDITS') or '4')
local pause = tonumber(os.getenv('PAUSE_MS') or '2500')
local result = { open = {}, edits = {}, fix_all = {} }
local phase = 'open'
local function ms(t0) return (vim.loop.hrtime() - t0) / 1e6 end

local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, res, ctx, config)
  local t0 = vim.loop.hrtime()
  publish(err, res, ctx, config)
  -- Diagnostics are drawn on the next redraw; count that too.
  vim.cmd('redraw')
  local list = phase == 'open' and result.open or (phase == 'fix' and result.fix_all or result.edits[#result.edits])
  table.insert(list, { ms = ms(t0), n = #res.diagnostics, version = res.version })
end
local apply = vim.lsp.handlers['workspace/applyEdit']
vim.lsp.handlers['workspace/applyEdit'] = function(err, res, ctx, config)
  local t0 = vim.loop.hrtime()
  local r = apply(err, res, ctx, config)
  local n = 0
  for _, change in pairs(res.edit.changes or {}) do n = n + #change end
  for _, dc in ipairs(res.edit.documentChanges or {}) do n = n + #(dc.edits or {}) end
  result.apply_edit = { ms = ms(t0), edits = n }
  return r
end

vim.cmd('edit ' .. article)
vim.bo.filetype = 'markdown'
local buf = vim.api.nvim_get_current_buf()
local client = vim.lsp.start_client({ name = 'sunting', cmd = { bin, 'lsp' }, root_dir = vim.fn.fnamemodify(article, ':h'),
  init_options = { debounceMs = 150 } })
vim.lsp.buf_attach_client(buf, client)
vim.wait(30000, function() return #result.open > 0 end, 50)
vim.wait(1500, function() return false end, 50)
phase = 'edit'
local lines = vim.api.nvim_buf_line_count(buf)
local mid = math.floor(lines / 2)
while #(vim.api.nvim_buf_get_lines(buf, mid, mid + 1, false)[1] or '') < 40 do mid = mid + 1 end
for k = 1, edits do
  table.insert(result.edits, {})
  local line = vim.api.nvim_buf_get_lines(buf, mid, mid + 1, false)[1]
  -- In the middle of a word: a byte after a letter and before one.
  local col = math.floor(#line / 2)
  while not line:sub(col, col + 1):match('^%l%l$') do col = col + 1 end
  vim.api.nvim_buf_set_text(buf, mid, col, mid, col, { 'a' })
  vim.wait(pause, function() return false end, 20)
end
phase = 'fix'
local t0 = vim.loop.hrtime()
vim.lsp.buf_request_sync(buf, 'workspace/executeCommand', { command = 'sunting.fixAll', arguments = { { uri = vim.uri_from_bufnr(buf) } } }, 60000)
result.fix_all_command_ms = ms(t0)
vim.wait(pause, function() return false end, 20)
io.stdout:write(vim.fn.json_encode(result) .. '\n')
vim.lsp.stop_client(client, true)
vim.cmd('qall!')
