-- Headless Neovim (0.7 or later) as a real client of `sunting lsp`: open an article, read
-- vim.diagnostic.get(), edit the buffer (Neovim sends the incremental change), apply a quick
-- fix through Neovim's own workspace-edit code, and see the findings go.
--
-- Run: SUNTING_BIN=target/debug/sunting nvim --headless -u NONE -c "luafile tests/nvim/test.lua"
-- Exits 0 when every check passed, 1 otherwise.

local bin = os.getenv("SUNTING_BIN") or "target/debug/sunting"
local failures = 0
local passed = 0

local function out(msg)
  io.stdout:write(msg .. "\n")
end

local function check(cond, what)
  if cond then
    passed = passed + 1
    out("ok - " .. what)
  else
    failures = failures + 1
    out("not ok - " .. what)
  end
end

local function finish()
  out(string.format("%d passed, %d failed", passed, failures))
  if failures > 0 then
    vim.cmd("cquit 1")
  else
    vim.cmd("qall!")
  end
end

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function codes(bufnr)
  local list = {}
  local diags = vim.diagnostic.get(bufnr)
  table.sort(diags, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    return a.col < b.col
  end)
  for _, d in ipairs(diags) do
    table.insert(list, code_of(d))
  end
  return table.concat(list, ",")
end

local ok, err = pcall(function()
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, "p")
  local path = dir .. "/berita.md"
  local lines = {
    "# Banjir 😀",
    "",
    "Warga 東京 berteriak “Berhenti !!” lalu pergi.",
  }
  vim.fn.writefile(lines, path)
  vim.cmd("edit " .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = "markdown"

  local client_id = vim.lsp.start_client({
    name = "sunting",
    cmd = { bin, "lsp" },
    root_dir = dir,
    init_options = { enabledCategories = { "typography" }, debounceMs = 0 },
  })
  check(client_id ~= nil, "the server starts")
  vim.lsp.buf_attach_client(bufnr, client_id)

  local got = vim.wait(15000, function()
    return #vim.diagnostic.get(bufnr) >= 2
  end, 20)
  check(got, "diagnostics arrive after open")
  check(codes(bufnr) == "typography/space-before-punctuation,typography/doubled-punctuation",
    "the expected codes: " .. codes(bufnr))

  local line = lines[3]
  local space_col = (string.find(line, " !!", 1, true)) - 1
  local first
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if code_of(d) == "typography/space-before-punctuation" then first = d end
  end
  check(first ~= nil and first.lnum == 2 and first.col == space_col,
    string.format("the range is right in Neovim's byte columns (want 2:%d, got %s:%s)", space_col,
      first and first.lnum, first and first.col))
  check(first ~= nil and first.source == "sunting", "the source is sunting")

  -- An edit in the buffer: Neovim computes and sends the incremental change itself.
  vim.api.nvim_buf_set_text(bufnr, 2, space_col, 2, space_col + 1, { "" })
  got = vim.wait(15000, function()
    return codes(bufnr) == "typography/doubled-punctuation"
  end, 20)
  check(got, "after deleting the space only the doubled mark remains: " .. codes(bufnr))

  -- A quick fix, applied by Neovim's own workspace-edit code.
  -- The protocol's diagnostic, as Neovim's own code-action request builds it.
  local d = vim.diagnostic.get(bufnr)[1]
  local lsp_diag
  if d ~= nil and vim.lsp.diagnostic.get_line_diagnostics then
    lsp_diag = vim.lsp.diagnostic.get_line_diagnostics(bufnr, d.lnum)[1]
  elseif d ~= nil then
    lsp_diag = d.user_data and d.user_data.lsp
  end
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = lsp_diag and lsp_diag.range or { start = { line = 2, character = 0 }, ["end"] = { line = 2, character = 0 } },
    context = { diagnostics = { lsp_diag } },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 10000) or {}
  local preferred
  for _, r in pairs(responses) do
    for _, action in ipairs(r.result or {}) do
      if action.isPreferred then preferred = action end
    end
  end
  check(preferred ~= nil, "a preferred quick fix is offered")
  if preferred then
    vim.lsp.util.apply_workspace_edit(preferred.edit, "utf-16")
  end
  got = vim.wait(15000, function()
    return #vim.diagnostic.get(bufnr) == 0
  end, 20)
  check(got, "after the quick fix nothing is left: " .. codes(bufnr))
  local text = vim.api.nvim_buf_get_lines(bufnr, 2, 3, false)[1]
  check(text == "Warga 東京 berteriak “Berhenti!” lalu pergi.", "the buffer reads right: " .. text)

  -- Hover explains the rule.
  vim.api.nvim_buf_set_lines(bufnr, 2, 3, false, { "Lagi ,, dan lagi." })
  got = vim.wait(15000, function()
    return #vim.diagnostic.get(bufnr) > 0
  end, 20)
  local hover = vim.lsp.buf_request_sync(bufnr, "textDocument/hover",
    { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = 2, character = 5 } }, 10000) or {}
  local hover_text = ""
  for _, r in pairs(hover) do
    if r.result and r.result.contents then hover_text = r.result.contents.value or "" end
  end
  check(string.find(hover_text, "typography/", 1, true) ~= nil, "hover names the rule")

  -- A buffer without a filetype (Neovim without filetype detection sends languageId ""):
  -- the server reads it by its extension (issue 17, item 7).
  local note = dir .. "/catatan.txt"
  vim.fn.writefile({ "Warga berteriak Berhenti !! lalu pergi." }, note)
  vim.cmd("edit " .. note)
  local note_buf = vim.api.nvim_get_current_buf()
  vim.bo[note_buf].filetype = ""
  vim.lsp.buf_attach_client(note_buf, client_id)
  got = vim.wait(15000, function()
    return string.find(codes(note_buf), "typography/doubled-punctuation", 1, true) ~= nil
  end, 20)
  check(got, "a buffer without a filetype is checked by its extension: " .. codes(note_buf))

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
end)

if not ok then
  failures = failures + 1
  out("not ok - the script failed: " .. tostring(err))
end
finish()
