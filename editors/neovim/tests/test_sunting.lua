-- Headless test of the plugin against the real `sunting lsp`: setup() starts the server for
-- Markdown and text buffers with the root found by sunting.toml, diagnostics arrive with the
-- expected codes, :SuntingFixAll applies the safe fixes, :SuntingAddWord writes the word list,
-- a missing program is reported, and the nvim-lspconfig configurations load.
--
--   SUNTING_BIN=/path/to/sunting nvim --headless -u editors/neovim/tests/minimal_init.lua \
--     -c "luafile editors/neovim/tests/test_sunting.lua"
--
-- Prints TAP-like lines and "N passed, N failed"; exits 1 on any failure.

local bin = os.getenv('SUNTING_BIN') or 'sunting'
local plugin = vim.g.sunting_test_plugin_dir
local passed, failed = 0, 0

local function out(msg)
  io.stdout:write(msg .. '\n')
end

local function check(cond, what)
  if cond then
    passed = passed + 1
    out('ok - ' .. what)
  else
    failed = failed + 1
    out('not ok - ' .. what)
  end
  return cond
end

local function codes(bufnr)
  local list = {}
  local diags = vim.diagnostic.get(bufnr)
  table.sort(diags, function(a, b)
    if a.lnum ~= b.lnum then
      return a.lnum < b.lnum
    end
    return a.col < b.col
  end)
  for _, d in ipairs(diags) do
    table.insert(list, d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or '?')
  end
  return table.concat(list, ',')
end

local function copy_tree(from, to)
  vim.fn.mkdir(to, 'p')
  for _, name in ipairs(vim.fn.readdir(from)) do
    local src, dst = from .. '/' .. name, to .. '/' .. name
    if vim.fn.isdirectory(src) == 1 then
      copy_tree(src, dst)
    else
      vim.fn.writefile(vim.fn.readfile(src, 'b'), dst, 'b')
    end
  end
end

-- Capture vim.notify.
local notes = {}
vim.notify = function(msg, level)
  table.insert(notes, { msg = msg, level = level })
end

local ok, err = pcall(function()
  local v = vim.version()
  out(string.format('# Neovim %d.%d.%d, server %s', v.major, v.minor, v.patch, bin))
  local sunting = require('sunting')
  local root = vim.fn.resolve(vim.fn.tempname())
  copy_tree(plugin .. '/tests/fixtures/news', root)

  -- A missing program is said once, clearly, and nothing starts.
  check(sunting.setup({ cmd = { '/nonexistent/sunting', 'lsp' } }) == false, 'setup() returns false when the program is missing')
  check(#notes == 1 and notes[1].level == vim.log.levels.ERROR and notes[1].msg:find('cannot run', 1, true) ~= nil
    and notes[1].msg:find('#install', 1, true) ~= nil, 'and says so with the install instructions')
  check(vim.fn.exists(':SuntingFixAll') == 2, ':SuntingFixAll is defined')
  notes = {}

  local method = os.getenv('SUNTING_NVIM_METHOD') or 'auto'
  check(sunting.setup({
    cmd = { bin, 'lsp' },
    method = method,
    settings = { debounceMs = 0, enabledCategories = { 'typography' }, severity = {} },
  }) == true, 'setup() with the real server')

  out('# started with ' .. sunting.method())
  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/desk/berita.md'))
  local md = vim.api.nvim_get_current_buf()
  check(vim.bo[md].filetype == 'markdown', 'the article is markdown')
  check(vim.wait(20000, function() return #vim.diagnostic.get(md) >= 2 end, 20), 'diagnostics arrive')
  check(codes(md) == 'typography/space-before-punctuation,typography/doubled-punctuation', 'expected codes: ' .. codes(md))

  local clients = sunting.clients(md)
  check(#clients == 1, 'one sunting client on the buffer')
  check(clients[1] and clients[1].config.root_dir == root, 'the root is the folder with sunting.toml: '
    .. tostring(clients[1] and clients[1].config.root_dir))

  -- A text file under the same root shares the client.
  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/desk/catatan.txt'))
  local txt = vim.api.nvim_get_current_buf()
  check(vim.bo[txt].filetype == 'text', 'the note is text')
  check(vim.wait(20000, function() return #vim.diagnostic.get(txt) >= 1 end, 20), 'diagnostics for the text file')
  check(codes(txt):find('typography/space-before-punctuation', 1, true) ~= nil, 'text file codes: ' .. codes(txt))
  check(#sunting.clients() == 1, 'the same client serves both files')

  -- :SuntingFixAll applies the safe fixes.
  vim.cmd('buffer ' .. md)
  vim.cmd('SuntingFixAll')
  local want = 'Warga berteriak “Berhenti!” lalu pergi.'
  check(vim.wait(20000, function() return vim.api.nvim_buf_get_lines(md, 2, 3, false)[1] == want end, 20),
    ':SuntingFixAll fixed the line: ' .. tostring(vim.api.nvim_buf_get_lines(md, 2, 3, false)[1]))
  check(vim.wait(20000, function() return #vim.diagnostic.get(md) == 0 end, 20), 'and the findings are gone: ' .. codes(md))

  -- Nothing left to fix: said, not an error.
  local answered
  sunting.fix_all(md, function(result) answered = result end)
  check(vim.wait(10000, function() return answered ~= nil end, 20) and answered.applied == false, 'a second fix-all has nothing to do')

  -- :SuntingAddWord writes the project's word list.
  notes = {}
  vim.cmd('SuntingAddWord Zelensky')
  local list = root .. '/.sunting/kamus.txt'
  check(vim.wait(10000, function() return vim.loop.fs_stat(list) ~= nil end, 20), ':SuntingAddWord created ' .. list)
  check(vim.fn.readfile(list)[1] == 'Zelensky', 'with the word')
  check(vim.wait(5000, function() return #notes > 0 end, 20) and notes[1].msg:find("added 'Zelensky'", 1, true) ~= nil,
    'and said so: ' .. tostring(notes[1] and notes[1].msg))

  -- :SuntingRestart starts a fresh client for the open buffers.
  local old = sunting.clients(md)[1].id
  vim.cmd('SuntingRestart')
  check(vim.wait(20000, function()
    local c = sunting.clients(md)[1]
    return c ~= nil and c.id ~= old
  end, 20), ':SuntingRestart gives the buffer a new client')

  -- The configurations for nvim-lspconfig users.
  local cfg = dofile(plugin .. '/lsp/sunting.lua')
  check(cfg.cmd[1] == 'sunting' and vim.tbl_contains(cfg.filetypes, 'markdown') and cfg.root_markers[1] == 'sunting.toml',
    'lsp/sunting.lua (Neovim 0.11 / nvim-lspconfig 2) loads')
  package.loaded['lspconfig.configs'] = {}
  package.loaded['lspconfig.util'] = {
    root_pattern = function(...)
      local markers = { ... }
      return function() return table.concat(markers, ',') end
    end,
  }
  local legacy = sunting.register_lspconfig()
  check(legacy.default_config.root_dir() == 'sunting.toml,.git' and legacy.default_config.cmd[2] == 'lsp',
    'register_lspconfig() registers with older nvim-lspconfig')

  local c = sunting.config({ settings = { language = 'id', severity = {} } })
  check(c.init_options.language == 'id' and c.init_options.severity == nil and c.settings.sunting.language == 'id',
    'config(): settings go to init_options and section sunting, empty tables dropped')
end)

if not ok then
  check(false, 'no error: ' .. tostring(err))
end
out(string.format('%d passed, %d failed', passed, failed))
if failed > 0 then
  vim.cmd('cquit 1')
else
  vim.cmd('qall!')
end
