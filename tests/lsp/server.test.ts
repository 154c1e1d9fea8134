// The built language server over stdio, driven by a real JSON-RPC client.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyEdits, editsOf, positionAt, startClient, type CodeAction, type Client, type Diagnostic } from './harness.js';

const memo = 'We will cut 40 heads from support.';
const memoRule = 'people-as-units';
const neutral = 'We will thank the support team for a strong quarter.';

// Each test spawns a server that compiles the rule pack on first lint; allow for a loaded machine.
vi.setConfig({ testTimeout: 30_000 });

const builtCore = (await import(pathToFileURL(path.resolve('dist/index.js')).href)) as typeof import('../../src/index.js');
// A flags example the rules really fix (fixes belong to patterns, not to every example of a rule).
const fixableSample = await (async () => {
  for (const rule of builtCore.listRules().filter((each) => each.fix)) {
    for (const text of rule.examples.flags) {
      if ((await builtCore.lint(text)).findings.some((finding) => finding.ruleId === rule.id && finding.fix)) return { id: rule.id, text };
    }
  }
  return undefined;
})();

const clients: Client[] = [];
async function client(options?: Parameters<typeof startClient>[0]): Promise<Client> {
  const started = await startClient(options);
  clients.push(started);
  return started;
}
afterEach(async () => {
  for (const c of clients.splice(0)) {
    if (c.child.exitCode === null) c.child.kill();
  }
});

const byRule = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === memoRule);

/** The built core's own findings, to check the server's ranges against. */
async function coreFindings(text: string, format: 'markdown' | 'text' | 'html' = 'markdown') {
  const core = (await import(pathToFileURL(path.resolve('dist/index.js')).href)) as typeof import('../../src/index.js');
  return (await core.lint(text, { format })).findings;
}

describe('initialize', () => {
  it('offers incremental sync, quick fixes, fix-all, hover and utf-16 positions by default', async () => {
    const c = await client();
    const caps = c.initializeResult.capabilities as Record<string, any>;
    expect(caps.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(caps.codeActionProvider.codeActionKinds).toEqual(['quickfix', 'source.fixAll.tonelint']);
    expect(caps.hoverProvider).toBe(true);
    expect(caps.positionEncoding).toBe('utf-16');
  });

  it('speaks utf-8 when the client prefers it', async () => {
    const c = await client({ capabilities: { general: { positionEncodings: ['utf-8', 'utf-16'] } } });
    expect(c.initializeResult.capabilities.positionEncoding).toBe('utf-8');
  });
});

describe('diagnostics', () => {
  it('publishes a finding on open with severity, rule code, docs link and source', async () => {
    const c = await client();
    const uri = 'file:///memo.md';
    await c.open(uri, `# Support update\n\n${memo}\n`);
    const published = await c.diagnostics(uri);
    expect(published.version).toBe(1);
    const [diagnostic] = byRule(published.diagnostics);
    expect(diagnostic).toBeDefined();
    expect(diagnostic.source).toBe('tonelint');
    expect(diagnostic.codeDescription?.href).toMatch(new RegExp(`^https?://.+${memoRule}`));
    const [finding] = (await coreFindings(`# Support update\n\n${memo}\n`)).filter((f) => f.ruleId === memoRule);
    // LSP DiagnosticSeverity: Error 1, Warning 2, Information 3.
    expect(diagnostic.severity).toBe({ error: 1, warning: 2, info: 3 }[finding.severity]);
    expect(diagnostic.range.start).toEqual({ line: 2, character: finding.start.offset - '# Support update\n\n'.length });
    expect(diagnostic.message).toBe(finding.message);
  });

  it('lints plaintext too, and ignores other languages', async () => {
    const c = await client();
    await c.open('file:///notes.ts', `// ${memo}`, 'typescript');
    await c.open('file:///notes.txt', memo, 'plaintext');
    const published = await c.diagnostics('file:///notes.txt');
    expect(byRule(published.diagnostics)).toHaveLength(1);
    expect(await c.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///notes.ts' }, position: { line: 0, character: 8 } })).toBeNull();
    expect(c.published.filter((p) => p.uri === 'file:///notes.ts')).toEqual([]);
  });

  it('lints HTML as its prose, with ranges in the HTML source, and skips scripts', async () => {
    const c = await client();
    const uri = 'file:///email.html';
    const text = `<!doctype html>\n<html><body>\n<p>Team, <b>${memo}</b></p>\n<script>const draft = "${memo}";</script>\n</body></html>\n`;
    await c.open(uri, text, 'html');
    const diagnostics = byRule((await c.diagnostics(uri)).diagnostics);
    const findings = (await coreFindings(text, 'html')).filter((f) => f.ruleId === memoRule);
    expect(findings).toHaveLength(1);
    expect(diagnostics.map((d) => d.range)).toEqual([
      { start: { line: 2, character: findings[0].start.column - 1 }, end: { line: 2, character: findings[0].end.column - 1 } },
    ]);
    expect(text.split('\n')[2].slice(diagnostics[0].range.start.character, diagnostics[0].range.end.character)).toBe('40 heads');
  });

  it('after rapid out-of-order-prone edits publishes only ever-newer versions, the final one last', async () => {
    const c = await client({ initializationOptions: { tonelint: { debounceMs: 20 } } });
    const uri = 'file:///rapid.md';
    let text = `${neutral}\n`;
    await c.open(uri, text);
    await c.diagnostics(uri, (p) => p.version === 1);
    const texts = new Map<number, string>([[1, text]]);
    // Twenty incremental edits in one burst: the phrase appears, vanishes, and finally appears.
    for (let version = 2; version <= 21; version++) {
      const insert = version % 3 === 0 || version === 21 ? ` ${memo}` : '';
      const line = text.split('\n')[0];
      const edit = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: line.length } }, text: `${neutral}${insert}` };
      text = applyEdits(text, [{ range: edit.range, newText: edit.text }]);
      texts.set(version, text);
      void c.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [edit] });
    }
    const final = await c.diagnostics(uri, (p) => p.version === 21);
    expect(byRule(final.diagnostics)).toHaveLength(1);
    // A hover round trip plus more than a debounce period: anything still queued has arrived.
    await c.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const versions = c.published.filter((p) => p.uri === uri).map((p) => p.version ?? -1);
    expect(versions.at(-1)).toBe(21);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    for (const p of c.published.filter((q) => q.uri === uri)) {
      const expected = (await coreFindings(texts.get(p.version!)!)).length;
      expect(p.diagnostics).toHaveLength(expected);
    }
  });

  it('gives utf-16 ranges after emoji, and utf-8 byte ranges when negotiated', async () => {
    const text = `🎉🎉 Team update 👋: ${memo}\n`;
    const [finding] = (await coreFindings(text)).filter((f) => f.ruleId === memoRule);
    const utf16 = await client();
    await utf16.open('file:///emoji.md', text);
    const [d16] = byRule((await utf16.diagnostics('file:///emoji.md')).diagnostics);
    expect(d16.range).toEqual({ start: positionAt(text, finding.start.offset), end: positionAt(text, finding.end.offset) });
    expect(d16.range.start.character).toBe(finding.start.offset);

    const utf8 = await client({ capabilities: { general: { positionEncodings: ['utf-8'] } } });
    await utf8.open('file:///emoji.md', text);
    const [d8] = byRule((await utf8.diagnostics('file:///emoji.md')).diagnostics);
    expect(d8.range.start.character).toBe(Buffer.byteLength(text.slice(0, finding.start.offset)));
    expect(d8.range.end.character).toBe(Buffer.byteLength(text.slice(0, finding.end.offset)));
    // An incremental edit in utf-8 columns after the emoji lands where the client meant it.
    const at = Buffer.byteLength('🎉🎉 Team update 👋: ');
    await utf8.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: 'file:///emoji.md', version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: at }, end: { line: 0, character: at } }, text: 'Today ' }],
    });
    const after = byRule((await utf8.diagnostics('file:///emoji.md', (p) => p.version === 2)).diagnostics);
    expect(after[0].range.start.character).toBe(d8.range.start.character + 'Today '.length);
  });

  it('clears diagnostics when a document closes, even mid-lint, and keeps serving', async () => {
    const c = await client();
    await c.open('file:///closing.md', memo);
    await c.connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///closing.md' } });
    const cleared = await c.diagnostics('file:///closing.md', (p) => p.diagnostics.length === 0);
    expect(cleared.diagnostics).toEqual([]);
    await c.open('file:///after.md', memo);
    expect(byRule((await c.diagnostics('file:///after.md')).diagnostics)).toHaveLength(1);
    expect(c.published.filter((p) => p.uri === 'file:///closing.md').at(-1)?.diagnostics).toEqual([]);
  });
});

describe('code actions', () => {
  async function actionsAt(c: Client, uri: string, diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> {
    return c.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], ...(only ? { only } : {}) },
    });
  }

  it('offers each rewrite as a quick fix whose edit clears the diagnostic', async () => {
    const c = await client();
    const uri = 'file:///fix.md';
    const text = `Ünïcode 🎉 note: ${memo}\n`;
    await c.open(uri, text);
    const [diagnostic] = byRule((await c.diagnostics(uri)).diagnostics);
    const actions = await actionsAt(c, uri, diagnostic);
    // Actions for this diagnostic: the memo-level finding on the same sentence has its own.
    const rewrites = actions.filter((a) => a.kind === 'quickfix' && a.title.startsWith('Replace') && a.diagnostics?.some((d) => d.code === memoRule));
    expect(rewrites.length).toBeGreaterThan(0);
    const [finding] = (await coreFindings(text)).filter((f) => f.ruleId === memoRule);
    expect(rewrites.map((a) => a.title)).toEqual(finding.suggestions.map((s) => expect.stringContaining(`“${s.length > 60 ? s.slice(0, 57) : s}`)));
    const fixed = applyEdits(text, editsOf(rewrites[0], uri));
    expect(fixed).toBe(text.slice(0, finding.start.offset) + finding.suggestions[0] + text.slice(finding.end.offset));
    await c.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    expect(byRule((await c.diagnostics(uri, (p) => p.version === 2)).diagnostics)).toEqual([]);
  });

  it('disables the rule for the line with a directive above it, and the finding goes', async () => {
    const c = await client();
    const uri = 'file:///disable-line.md';
    const text = `# Update\n\n${memo}\n\nAnother line: ${memo}\n`;
    await c.open(uri, text);
    const diagnostics = byRule((await c.diagnostics(uri)).diagnostics);
    expect(diagnostics).toHaveLength(2);
    const action = (await actionsAt(c, uri, diagnostics[0])).find((a) => a.title === `Disable ${memoRule} for this line`)!;
    const disabled = applyEdits(text, editsOf(action, uri));
    expect(disabled).toBe(`# Update\n\n<!-- tonelint-disable-next-line ${memoRule} -->\n${memo}\n\nAnother line: ${memo}\n`);
    await c.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: disabled }] });
    const left = byRule((await c.diagnostics(uri, (p) => p.version === 2)).diagnostics);
    expect(left.map((d) => d.range.start.line)).toEqual([5]);
  });

  it('disables the rule for the line in HTML with an HTML comment, and the finding goes', async () => {
    const c = await client();
    const uri = 'file:///disable-line.html';
    const text = `<html><body>\n<p>${memo}</p>\n<p>Later: ${memo}</p>\n</body></html>\n`;
    await c.open(uri, text, 'html');
    const diagnostics = byRule((await c.diagnostics(uri)).diagnostics);
    expect(diagnostics.map((d) => d.range.start.line)).toEqual([1, 2]);
    const action = (await actionsAt(c, uri, diagnostics[0])).find((a) => a.title === `Disable ${memoRule} for this line`)!;
    const disabled = applyEdits(text, editsOf(action, uri));
    expect(disabled).toBe(`<html><body>\n<!-- tonelint-disable-next-line ${memoRule} -->\n<p>${memo}</p>\n<p>Later: ${memo}</p>\n</body></html>\n`);
    await c.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: disabled }] });
    expect(byRule((await c.diagnostics(uri, (p) => p.version === 2)).diagnostics).map((d) => d.range.start.line)).toEqual([3]);
  });

  it('disables the rule for the file, in plain text with a # comment', async () => {
    const c = await client();
    const uri = 'file:///disable-file.txt';
    const text = `${memo}\n\n${memo}\n`;
    await c.open(uri, text, 'plaintext');
    const [first] = byRule((await c.diagnostics(uri)).diagnostics);
    const action = (await actionsAt(c, uri, first)).find((a) => a.title === `Disable ${memoRule} for this file`)!;
    const disabled = applyEdits(text, editsOf(action, uri));
    expect(disabled).toBe(`# tonelint-disable ${memoRule}\n${text}`);
    await c.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: disabled }] });
    expect(byRule((await c.diagnostics(uri, (p) => p.version === 2)).diagnostics)).toEqual([]);
  });

  // Needs a rule with `fix: true`; fixAllEdits itself is specified in convert.test.ts.
  it('offers the safe fixes as source.fixAll.tonelint when asked only for that', async () => {
    expect(fixableSample, 'the rule pack has no safe fix to offer').toBeDefined();
    const core = (await import(pathToFileURL(path.resolve('dist/index.js')).href)) as typeof import('../../src/index.js');
    const fixable = fixableSample;
    const text = `${fixable!.text}\n`;
    const c = await client();
    const uri = 'file:///fix-all.md';
    await c.open(uri, text);
    const published = await c.diagnostics(uri);
    const target = published.diagnostics.find((d) => d.code === fixable!.id)!;
    const actions = await actionsAt(c, uri, target, ['source.fixAll']);
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.tonelint']);
    const fixed = applyEdits(text, editsOf(actions[0], uri));
    expect(fixed).toBe(core.applyFixes(text, (await coreFindings(text)).map((f) => f.fix)).output);
  });

  it('answers for a range the client sends past the end of a line with non-ASCII text', async () => {
    const c = await client();
    const uri = 'file:///wide.md';
    const text = `Ça 👋 ${memo}`;
    await c.open(uri, text);
    await c.diagnostics(uri);
    const actions: CodeAction[] = await c.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 500 } },
      context: { diagnostics: [] },
    });
    const replace = actions.find((a) => a.title.startsWith('Replace') && a.diagnostics?.some((d) => d.code === memoRule))!;
    const [finding] = (await coreFindings(text)).filter((f) => f.ruleId === memoRule);
    expect(applyEdits(text, editsOf(replace, uri))).toBe(text.slice(0, finding.start.offset) + finding.suggestions[0] + text.slice(finding.end.offset));
  });
});

describe('hover', () => {
  it('explains the rule in Markdown: summary, rationale and rewrites', async () => {
    const core = (await import(pathToFileURL(path.resolve('dist/index.js')).href)) as typeof import('../../src/index.js');
    const rule = core.getRule(memoRule)!;
    const c = await client({ capabilities: { textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } } } });
    await c.open('file:///hover.md', memo);
    const [diagnostic] = byRule((await c.diagnostics('file:///hover.md')).diagnostics);
    const hover: { contents: { kind: string; value: string }; range: unknown } = await c.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: 'file:///hover.md' },
      position: diagnostic.range.start,
    });
    expect(hover.contents.kind).toBe('markdown');
    expect(hover.contents.value).toContain(rule.summary.trim());
    expect(hover.contents.value).toContain(rule.rationale.trim());
    expect(hover.contents.value).toMatch(/Rewrites:\n\n- /);
    expect(hover.range).toEqual(diagnostic.range);
    await c.open('file:///quiet.md', `${memo}\n\nThe cafeteria opens at nine.\n`);
    await c.diagnostics('file:///quiet.md');
    expect(await c.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///quiet.md' }, position: { line: 2, character: 4 } })).toBeNull();
  });
});

describe('configuration', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses the project config file and reloads it on didChangeWatchedFiles', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tonelint-lsp-'));
    const configFile = path.join(dir, '.tonelintrc.json');
    writeFileSync(configFile, JSON.stringify({ rules: { [memoRule]: 'off' } }));
    const uri = pathToFileURL(path.join(dir, 'memo.md')).href;
    const c = await client({ rootUri: pathToFileURL(dir).href });
    await c.open(uri, memo);
    expect(byRule((await c.diagnostics(uri)).diagnostics)).toEqual([]);
    writeFileSync(configFile, JSON.stringify({ rules: { [memoRule]: 'error' } }));
    await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configFile).href, type: 2 }] });
    const reloaded = byRule((await c.diagnostics(uri, (p) => byRule(p.diagnostics).length > 0)).diagnostics);
    expect(reloaded[0].severity).toBe(1);
  });

  it('reports an invalid config once and lints with the defaults', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tonelint-lsp-'));
    writeFileSync(path.join(dir, '.tonelintrc.json'), '{ "rules": { "people-as-units": "loud" } }');
    const uri = pathToFileURL(path.join(dir, 'memo.md')).href;
    const c = await client({ initializationOptions: { tonelint: { debounceMs: 0 } } });
    await c.open(uri, memo);
    expect(byRule((await c.diagnostics(uri)).diagnostics)).toHaveLength(1);
    for (let version = 2; version <= 4; version++) {
      await c.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: `${memo}${' '.repeat(version)}` }] });
      await c.diagnostics(uri, (p) => p.version === version);
    }
    expect(c.messages.filter((m) => m.type === 1)).toHaveLength(1);
    expect(c.messages[0].message).toContain('.tonelintrc.json');
  });

  it('takes rule severities from the tonelint settings section', async () => {
    const c = await client();
    await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: { tonelint: { rules: { [memoRule]: 'info' } } } });
    await c.open('file:///settings.md', memo);
    const [diagnostic] = byRule((await c.diagnostics('file:///settings.md', (p) => byRule(p.diagnostics)[0]?.severity === 3)).diagnostics);
    expect(diagnostic.severity).toBe(3);
  });
});

describe('robustness', () => {
  it('survives malformed JSON, unknown methods and bad params, then shuts down cleanly', async () => {
    const c = await client();
    const garbage = '{"jsonrpc":"2.0","id":99,"method":';
    c.child.stdin.write(`Content-Length: ${Buffer.byteLength(garbage)}\r\n\r\n${garbage}`);
    await expect(c.connection.sendRequest('tonelint/noSuchMethod', {})).rejects.toMatchObject({ code: -32601 });
    await c.connection.sendNotification('tonelint/noSuchNotification', {});
    await c.open('file:///alive.md', memo);
    expect(await c.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///alive.md' } })).toBeNull();
    expect(await c.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: 'file:///alive.md' } })).toEqual([]);
    expect(await c.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///never-opened.md' }, position: { line: 0, character: 0 } })).toBeNull();
    expect(byRule((await c.diagnostics('file:///alive.md')).diagnostics)).toHaveLength(1);
    expect(await c.close()).toBe(0);
  });

  it('exits with 1 on exit without shutdown, as LSP asks', async () => {
    const c = await client();
    const exited = new Promise<number | null>((resolve) => c.child.once('exit', resolve));
    await c.connection.sendNotification('exit');
    expect(await exited).toBe(1);
  });
});
