// Real Neovim (0.7+, headless, built-in LSP client): diagnostics, hover, a quick fix, and the
// diagnostic gone. Skipped without nvim locally; fails under CI=true.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { assertBuilt } from '../lsp/harness.js';
import { describeRun, editorTimeoutMs, memoRule, repoRoot, requireEditor, runEditor } from './editors/run-editor.js';

const hasNvim = requireEditor('nvim');

describe.skipIf(!hasNvim)('Neovim', () => {
  it(`shows ${memoRule} on the example memo, applies a rewrite and clears the diagnostic`, async () => {
    assertBuilt();
    const script = path.join(repoRoot, 'tests/e2e/editors/nvim-quickfix.lua');
    const run = await runEditor('nvim', 'neovim/tonelint.lua', () => ['--headless', '--clean', '-c', `luafile ${script}`]);
    const report = describeRun('nvim', run);
    expect(run.code, report).toBe(0);
    expect(run.output, report).toMatch(new RegExp(`diagnostic ${memoRule} at 3:\\d+`));
    expect(run.output, report).toMatch(/code actions: Replace “[^”]+” with “/);
    expect(run.output, report).toContain('PASS: diagnostic received, hover shown, quick fix applied, diagnostic gone');
  }, editorTimeoutMs + 15_000);
});
