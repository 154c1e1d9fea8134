-- tonelint in Neovim's built-in LSP client (Neovim 0.7+), no plugins needed.
-- Copy to ~/.config/nvim/lua/tonelint.lua and add `require('tonelint')` to init.lua.
-- Needs `tonelint-language-server` on PATH (npm install -g tonelint) or in the project's
-- node_modules/.bin.
local clients = {} -- one server per project root, shared by its markdown and text buffers

local function on_attach(_, bufnr)
  -- K explains the rule under the cursor; <leader>ca lists rewrites and "Disable ..." actions.
  vim.keymap.set('n', 'K', vim.lsp.buf.hover, { buffer = bufnr })
  vim.keymap.set('n', '<leader>ca', vim.lsp.buf.code_action, { buffer = bufnr })
end

local function start_tonelint(args)
  local root = vim.fn.getcwd()
  local local_bin = root .. '/node_modules/.bin/tonelint-language-server'
  local cmd = vim.fn.executable(local_bin) == 1 and local_bin or 'tonelint-language-server'
  local client_id = clients[root]
  if not client_id or not vim.lsp.get_client_by_id(client_id) then
    client_id = vim.lsp.start_client({
      name = 'tonelint',
      cmd = { cmd, '--stdio' },
      root_dir = root,
      -- Neovim names plain text "text"; tonelint lints the LSP ids "markdown" and "plaintext".
      get_language_id = function(_, filetype) return filetype == 'text' and 'plaintext' or filetype end,
      -- Optional settings (the `tonelint` section); project .tonelintrc.* files win over them.
      init_options = { tonelint = { debounceMs = 150 } },
      on_attach = on_attach,
    })
    clients[root] = client_id
  end
  if client_id then vim.lsp.buf_attach_client(args.buf, client_id) end
end

vim.api.nvim_create_autocmd('FileType', { pattern = { 'markdown', 'text' }, callback = start_tonelint })
