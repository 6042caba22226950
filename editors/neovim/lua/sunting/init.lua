-- sunting for Neovim: starts `sunting lsp` for Markdown and text files.
--
--   require('sunting').setup({ settings = { language = 'id' } })
--
-- Neovim 0.11+: vim.lsp.config + vim.lsp.enable. Neovim 0.8-0.10: vim.lsp.start from a FileType
-- autocommand. Neovim 0.7: vim.lsp.start_client + vim.lsp.buf_attach_client, one client per
-- project root. The root is the nearest folder with `sunting.toml` or `.git` (else the file's
-- folder). Commands: :SuntingFixAll, :SuntingAddWord [word], :SuntingRestart.

local M = {}

M.name = 'sunting'
M.install_url = 'https://github.com/sunting-news/sunting#install'

M.defaults = {
  -- The server: `sunting lsp`. Give a full path if `sunting` is not on PATH.
  cmd = { 'sunting', 'lsp' },
  filetypes = { 'markdown', 'text' },
  root_markers = { 'sunting.toml', '.git' },
  -- The server's settings (section `sunting`), e.g.
  -- { language = 'id', severity = { typography = 'error' }, enabledCategories = { 'typography' },
  --   words = { 'kamus.txt' }, dictionary = '.sunting/kamus.txt', debounceMs = 150 }
  settings = {},
  on_attach = nil,
  capabilities = nil,
  -- How to start the server: 'auto' picks by version; 'config' (vim.lsp.config/enable, 0.11+),
  -- 'start' (vim.lsp.start, 0.8+) or 'start_client' (any version) force one.
  method = 'auto',
}

M.options = vim.deepcopy(M.defaults)

local has = function(feature)
  return vim.fn.has(feature) == 1
end

local function notify(msg, level)
  vim.notify('sunting: ' .. msg, level or vim.log.levels.INFO)
end

-- Empty Lua tables become JSON arrays; the server wants objects or nothing.
local function clean(value)
  if type(value) ~= 'table' then
    return value
  end
  local out = {}
  for k, v in pairs(value) do
    local c = clean(v)
    if not (type(c) == 'table' and next(c) == nil) then
      out[k] = c
    end
  end
  return out
end

--- The server's settings as sent (empty tables dropped); nil when there are none.
function M.server_settings(settings)
  local s = clean(settings or M.options.settings or {})
  if next(s) == nil then
    return nil
  end
  return s
end

--- A configuration table in the shape of vim.lsp.config / vim.lsp.start (and nvim-lspconfig).
function M.config(opts)
  local o = vim.tbl_deep_extend('force', M.defaults, opts or {})
  local settings = M.server_settings(o.settings)
  return {
    name = M.name,
    cmd = o.cmd,
    filetypes = o.filetypes,
    root_markers = o.root_markers,
    init_options = settings,
    settings = settings and { sunting = settings } or nil,
    on_attach = o.on_attach,
    capabilities = o.capabilities,
  }
end

--- The API setup() starts the server with (see the `method` option).
function M.method(opts)
  local m = (opts or M.options).method or 'auto'
  if m ~= 'auto' then
    return m
  end
  if type(vim.lsp.config) == 'table' and vim.lsp.enable then
    return 'config'
  end
  if vim.lsp.start then
    return 'start'
  end
  return 'start_client'
end

local function exists(path)
  return vim.loop.fs_stat(path) ~= nil
end

--- The project root for a buffer: the nearest folder, upward from the file's, holding one of
--- the root markers; else the file's folder (else the current directory).
function M.root_dir(bufnr, markers)
  markers = markers or M.options.root_markers
  local name = vim.api.nvim_buf_get_name(bufnr or 0)
  local dir
  if name == '' then
    dir = vim.loop.cwd()
  else
    dir = vim.fn.fnamemodify(name, ':p:h')
  end
  local current = dir
  while current and current ~= '' do
    for _, marker in ipairs(markers) do
      if exists(current .. '/' .. marker) then
        return current
      end
    end
    local parent = vim.fn.fnamemodify(current, ':h')
    if parent == current then
      break
    end
    current = parent
  end
  return dir
end

local function executable(cmd)
  return type(cmd) == 'table' and cmd[1] ~= nil and vim.fn.executable(cmd[1]) == 1
end

local warned_missing = false
local function missing(cmd)
  if warned_missing then
    return
  end
  warned_missing = true
  notify(
    string.format(
      'cannot run %s: install sunting (cargo install, see %s) or set cmd in require("sunting").setup({ cmd = { "/path/to/sunting", "lsp" } })',
      vim.inspect(cmd and cmd[1]),
      M.install_url
    ),
    vim.log.levels.ERROR
  )
end

--- The sunting clients attached to a buffer (all sunting clients when bufnr is nil).
function M.clients(bufnr)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = bufnr, name = M.name })
  end
  local out = {}
  local all = bufnr and vim.lsp.buf_get_clients(bufnr) or vim.lsp.get_active_clients()
  for _, c in pairs(all) do
    if c.name == M.name then
      table.insert(out, c)
    end
  end
  return out
end

-- Client methods are called with `:` from 0.11 on (`.` is deprecated there) and `.` before.
local function stop(client)
  if has('nvim-0.11') then
    return client:stop()
  end
  return client.stop()
end

local function is_stopped(client)
  if has('nvim-0.11') then
    return client:is_stopped()
  end
  return client.is_stopped()
end

local function request(client, method, params, handler, bufnr)
  if has('nvim-0.11') then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

-- Neovim 0.7: one client per root, started by hand.
local clients_by_root = {}

--- Start (or reuse) the server for a buffer.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if vim.bo[bufnr].buftype ~= '' then
    return nil
  end
  local cfg = M.config(M.options)
  if not executable(cfg.cmd) then
    missing(cfg.cmd)
    return nil
  end
  cfg.root_dir = M.root_dir(bufnr, cfg.root_markers)
  cfg.root_markers = nil
  cfg.filetypes = nil
  if cfg.settings == nil then
    cfg.settings = vim.empty_dict()
  end
  if vim.lsp.start and M.method() ~= 'start_client' then
    return vim.lsp.start(cfg, { bufnr = bufnr })
  end
  -- Neovim 0.7.
  cfg.workspace_folders = { { uri = vim.uri_from_fname(cfg.root_dir), name = cfg.root_dir } }
  local id = clients_by_root[cfg.root_dir]
  local client = id and vim.lsp.get_client_by_id(id)
  if not client or is_stopped(client) then
    id = vim.lsp.start_client(cfg)
    if not id then
      notify('the language server did not start: ' .. table.concat(cfg.cmd, ' '), vim.log.levels.ERROR)
      return nil
    end
    clients_by_root[cfg.root_dir] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

--- Apply every safe fix in the buffer (the server's `sunting.fixAll`, which sends the edit back
--- as workspace/applyEdit). `done(result)` is called when the server answered.
function M.fix_all(bufnr, done)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local client = M.clients(bufnr)[1]
  if not client then
    notify('no sunting server for this buffer', vim.log.levels.WARN)
    return false
  end
  local params = { command = 'sunting.fixAll', arguments = { { uri = vim.uri_from_bufnr(bufnr) } } }
  request(client, 'workspace/executeCommand', params, function(err, result)
    if err then
      notify('fixing failed: ' .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
    elseif result and result.applied == false then
      notify('no safe fixes to apply')
    end
    if done then
      done(result, err)
    end
  end, bufnr)
  return true
end

--- Append a word (default: the one under the cursor) to the project's word list.
function M.add_word(word, bufnr, done)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if word == nil or word == '' then
    word = vim.fn.expand('<cword>')
  end
  word = vim.trim(word or '')
  if word == '' or word:find('%s') then
    notify('give one word, without spaces', vim.log.levels.WARN)
    return false
  end
  local client = M.clients(bufnr)[1]
  if not client then
    notify('no sunting server for this buffer', vim.log.levels.WARN)
    return false
  end
  local params = { command = 'sunting.addToDictionary', arguments = { { word = word, uri = vim.uri_from_bufnr(bufnr) } } }
  request(client, 'workspace/executeCommand', params, function(err, result)
    if err then
      notify('cannot add ' .. word .. ': ' .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
    elseif result then
      notify(string.format(result.added and "added '%s' to %s" or "'%s' is already in %s", word, result.path or 'the word list'))
    end
    if done then
      done(result, err)
    end
  end, bufnr)
  return true
end

local function checked_buffers()
  local wanted = {}
  for _, ft in ipairs(M.options.filetypes) do
    wanted[ft] = true
  end
  local out = {}
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(b) and wanted[vim.bo[b].filetype] then
      table.insert(out, b)
    end
  end
  return out
end

--- Stop the servers and start them again for the open buffers.
function M.restart()
  local stopped = M.clients()
  for _, c in ipairs(stopped) do
    stop(c)
  end
  vim.wait(3000, function()
    for _, c in ipairs(stopped) do
      if not is_stopped(c) then
        return false
      end
    end
    return true
  end, 20)
  clients_by_root = {}
  for _, b in ipairs(checked_buffers()) do
    M.attach(b)
  end
end

function M.create_commands()
  vim.api.nvim_create_user_command('SuntingFixAll', function()
    M.fix_all(0)
  end, { desc = 'sunting: apply every safe fix in this buffer' })
  vim.api.nvim_create_user_command('SuntingAddWord', function(a)
    M.add_word(a.args, 0)
  end, { nargs = '?', desc = "sunting: add a word (default: the one under the cursor) to the project's word list" })
  vim.api.nvim_create_user_command('SuntingRestart', function()
    M.restart()
  end, { desc = 'sunting: restart the language server' })
end

--- Set up: remember the options, define the commands and start the server for the file types.
--- Returns false when the program cannot be run (after saying so once).
function M.setup(opts)
  M.options = vim.tbl_deep_extend('force', vim.deepcopy(M.defaults), opts or {})
  warned_missing = false
  M.create_commands()
  local cfg = M.config(M.options)
  if not executable(cfg.cmd) then
    missing(cfg.cmd)
    return false
  end
  if M.method() == 'config' then
    -- Neovim 0.11+: the built-in configuration (root_markers finds the root).
    cfg.root_dir = nil
    vim.lsp.config(M.name, cfg)
    vim.lsp.enable(M.name)
    return true
  end
  local group = vim.api.nvim_create_augroup('sunting', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = M.options.filetypes,
    callback = function(args)
      M.attach(args.buf)
    end,
    desc = 'sunting: start the language server',
  })
  for _, b in ipairs(checked_buffers()) do
    M.attach(b)
  end
  return true
end

--- For nvim-lspconfig before its 2.0 (`require('lspconfig').sunting.setup({})`): register the
--- server with it. nvim-lspconfig 2.0+ and Neovim 0.11 read lsp/sunting.lua instead.
function M.register_lspconfig()
  local configs = require('lspconfig.configs')
  if configs.sunting then
    return configs.sunting
  end
  local util = require('lspconfig.util')
  configs.sunting = {
    default_config = {
      cmd = M.defaults.cmd,
      filetypes = M.defaults.filetypes,
      root_dir = util.root_pattern(unpack(M.defaults.root_markers)),
      single_file_support = true,
      settings = { sunting = vim.empty_dict() },
    },
    docs = {
      description = 'sunting: copyediting checks for Indonesian and English news articles. ' .. M.install_url,
    },
  }
  return configs.sunting
end

return M
