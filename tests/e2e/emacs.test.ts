// Real Emacs (batch, Debian's elpa-eglot): diagnostics through Flymake, hover, a quick fix from
// eglot-code-actions, and the diagnostic gone. Skipped without emacs locally; fails under CI=true.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { assertBuilt } from '../lsp/harness.js';
import { describeRun, editorTimeoutMs, memoRule, repoRoot, requireEditor, runEditor } from './editors/run-editor.js';

// Emacs and eglot (Debian's elpa-eglot, or Emacs 29+ where it is built in).
const hasEmacs = requireEditor('emacs', [
  '--batch',
  '-Q',
  '--eval',
  `(progn (require 'package) (add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa") (package-initialize) (require 'eglot))`,
]);

describe.skipIf(!hasEmacs)('Emacs with eglot', () => {
  it(`shows ${memoRule} on the example memo, applies a rewrite and clears the diagnostic`, async () => {
    assertBuilt();
    const script = path.join(repoRoot, 'tests/e2e/editors/emacs-quickfix.el');
    const run = await runEditor('emacs', 'emacs/tonelint-eglot.el', () => ['--batch', '-Q', '-l', script]);
    const report = describeRun('emacs', run);
    expect(run.code, report).toBe(0);
    expect(run.output, report).toContain(`diagnostic at line 3: tonelint [${memoRule}]`);
    expect(run.output, report).toMatch(/code actions: Replace “[^”]+” with “/);
    expect(run.output, report).toContain('PASS: diagnostic received, hover shown, quick fix applied, diagnostic gone');
  }, editorTimeoutMs + 15_000);
});
