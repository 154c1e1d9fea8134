-- tonelint with nvim-lspconfig (https://github.com/neovim/nvim-lspconfig).
-- lspconfig has no built-in entry for tonelint yet, so register one, then set it up.
local lspconfig = require('lspconfig')
local configs = require('lspconfig.configs')

if not configs.tonelint then
  configs.tonelint = {
    default_config = {
      cmd = { 'tonelint-language-server', '--stdio' },
      filetypes = { 'markdown', 'text' },
      root_dir = lspconfig.util.root_pattern('.tonelintrc.json', '.tonelintrc.yml', '.tonelintrc.yaml', 'package.json', '.git'),
      single_file_support = true,
      settings = {
        -- The `tonelint` section: debounceMs and LintConfig keys (preset, rules, categories, allow).
        tonelint = {},
      },
    },
    docs = { description = 'tonelint: flags alarmist, dehumanizing and evasive language about AI and jobs.' },
  }
end

lspconfig.tonelint.setup({
  -- Neovim's text filetype sends languageId "text"; tonelint lints "markdown" and "plaintext".
  get_language_id = function(_, filetype)
    return filetype == 'text' and 'plaintext' or filetype
  end,
  on_attach = function(_, bufnr)
    vim.keymap.set('n', 'K', vim.lsp.buf.hover, { buffer = bufnr })
    vim.keymap.set('n', '<leader>ca', vim.lsp.buf.code_action, { buffer = bufnr })
  end,
})
