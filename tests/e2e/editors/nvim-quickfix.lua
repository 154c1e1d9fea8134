-- Headless Neovim (0.7+) as a writer uses it, with the README's config
-- (examples/editors/neovim/tonelint.lua: vim.lsp.start_client on FileType): open a memo, wait
-- for tonelint's diagnostics, hover the finding, pick the first rewrite from the code action
-- menu, and see the finding go. Inputs (environment): TONELINT_CONFIG (the example config),
-- TONELINT_MEMO (file to edit), TONELINT_RULE (rule id expected on the memo); PATH must find
-- tonelint-language-server. Exits 0 on success, 1 with a reason on stderr.
local config = assert(os.getenv('TONELINT_CONFIG'), 'TONELINT_CONFIG not set')
local memo = assert(os.getenv('TONELINT_MEMO'), 'TONELINT_MEMO not set')
local rule = assert(os.getenv('TONELINT_RULE'), 'TONELINT_RULE not set')

local function say(message)
  io.stderr:write('[nvim] ' .. message .. '\n')
end

local function finish(ok, message)
  say((ok and 'PASS: ' or 'FAIL: ') .. message)
  for _, client in pairs(vim.lsp.get_active_clients()) do
    client.stop()
  end
  vim.wait(2000, function() return #vim.lsp.get_active_clients() == 0 end, 50)
  vim.cmd(ok and 'qall!' or 'cquit 1')
end

local function rule_diagnostics()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if d.code == rule and d.source == 'tonelint' then table.insert(found, d) end
  end
  return found
end

local ok, err = pcall(function()
  vim.lsp.handlers['window/showMessage'] = function(_, result) say('server says: ' .. result.message) end
  dofile(config)
  vim.cmd('edit ' .. vim.fn.fnameescape(memo))
  if vim.bo.filetype ~= 'markdown' then return finish(false, 'filetype is ' .. vim.bo.filetype) end
  if not vim.wait(30000, function() return #vim.lsp.buf_get_clients(0) > 0 end, 50) then
    return finish(false, 'the example config attached no client to the memo')
  end

  if not vim.wait(30000, function() return #rule_diagnostics() > 0 end, 50) then
    local all = {}
    for _, d in ipairs(vim.diagnostic.get(0)) do table.insert(all, tostring(d.code)) end
    return finish(false, 'no ' .. rule .. ' diagnostic within 30 s (got: ' .. table.concat(all, ', ') .. ')')
  end
  local diagnostic = rule_diagnostics()[1]
  say(string.format('diagnostic %s at %d:%d: %s', diagnostic.code, diagnostic.lnum + 1, diagnostic.col + 1, diagnostic.message))
  vim.api.nvim_win_set_cursor(0, { diagnostic.lnum + 1, diagnostic.col })

  local hovers = vim.lsp.buf_request_sync(0, 'textDocument/hover', vim.lsp.util.make_position_params(), 30000)
  local hover_text = ''
  for _, response in pairs(hovers or {}) do
    if response.result and response.result.contents then hover_text = hover_text .. (response.result.contents.value or '') end
  end
  if not hover_text:find(rule, 1, true) then return finish(false, 'hover does not explain the rule: ' .. hover_text) end
  say('hover: ' .. hover_text:gsub('\n.*', '') .. ' ...')

  -- The writer opens the code action menu and picks the first rewrite.
  local chosen
  vim.ui.select = function(items, opts, on_choice)
    local titles = {}
    for _, item in ipairs(items) do
      local title = opts.format_item and opts.format_item(item) or item[2].title
      table.insert(titles, title)
      if not chosen and title:find('^Replace') then chosen = item end
    end
    say('code actions: ' .. table.concat(titles, ' | '))
    on_choice(chosen)
  end
  vim.lsp.buf.code_action()
  if not vim.wait(30000, function() return chosen ~= nil end, 50) then
    return finish(false, 'no "Replace ..." code action offered')
  end
  -- Long rewrites are shortened in the title with an ellipsis; compare the part shown.
  local rewrite = chosen[2].title:match('with “(.*)”$')
  if rewrite then rewrite = rewrite:gsub('…$', '') end
  if not vim.wait(30000, function()
    local line = vim.api.nvim_buf_get_lines(0, diagnostic.lnum, diagnostic.lnum + 1, false)[1] or ''
    return rewrite ~= nil and line:find(rewrite, 1, true) ~= nil
  end, 50) then
    return finish(false, 'the buffer does not show the rewrite: ' .. vim.api.nvim_buf_get_lines(0, diagnostic.lnum, diagnostic.lnum + 1, false)[1])
  end
  say('applied: ' .. vim.api.nvim_buf_get_lines(0, diagnostic.lnum, diagnostic.lnum + 1, false)[1])

  if not vim.wait(30000, function() return #rule_diagnostics() == 0 end, 50) then
    return finish(false, 'the ' .. rule .. ' diagnostic is still there after the fix')
  end
  finish(true, 'diagnostic received, hover shown, quick fix applied, diagnostic gone')
end)
if not ok then finish(false, 'error: ' .. tostring(err)) end
