// --fix and --fix-dry-run: safe fixes only, atomic writes that keep the file's shape.
import { chmodSync, readdirSync, readFileSync, statSync, symlinkSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJson, project, ruleExample, tonelint } from './helpers.js';

const fixable = () => ruleExample((rule) => rule.fix, 'fixable (fix: true)');
const unfixable = () => ruleExample((rule) => !rule.fix && rule.severity === 'error', 'error-level, not fixable');

describe('--fix', () => {
  it('applies the safe fix in place, keeps unfixable findings, and a second run changes nothing', () => {
    const fix = fixable();
    const other = unfixable();
    const cwd = project({ 'memo.md': `${fix.text}\n\n${other.text}\n` });
    const before = readFileSync(join(cwd, 'memo.md'), 'utf8');
    const first = tonelint(['memo.md', '--fix', '-f', 'json'], { cwd });
    const after = readFileSync(join(cwd, 'memo.md'), 'utf8');
    expect(after).not.toBe(before);
    expect(after).toContain(other.text);
    const remaining = parseJson(first)[0].messages;
    expect(remaining.some((m) => m.ruleId === fix.id && m.fix)).toBe(false);
    expect(remaining.some((m) => m.ruleId === other.id)).toBe(true);
    expect(first.code).toBe(1);
    const mtime = statSync(join(cwd, 'memo.md')).mtimeMs;
    tonelint(['memo.md', '--fix'], { cwd });
    expect(readFileSync(join(cwd, 'memo.md'), 'utf8')).toBe(after);
    expect(statSync(join(cwd, 'memo.md')).mtimeMs).toBe(mtime);
    expect(readdirSync(cwd).filter((name) => name.includes('.tmp'))).toEqual([]);
  });

  it('keeps CRLF line endings, the BOM, a missing final newline and the permission bits', () => {
    const fix = fixable();
    const cwd = project({ 'memo.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`Line one.\r\n${fix.text}\r\nLast line`)]) });
    chmodSync(join(cwd, 'memo.txt'), 0o640);
    tonelint(['memo.txt', '--fix'], { cwd });
    const bytes = readFileSync(join(cwd, 'memo.txt'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).not.toContain(fix.text);
    expect(text.startsWith('Line one.\r\n')).toBe(true);
    expect(text.endsWith('\r\nLast line')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(statSync(join(cwd, 'memo.txt')).mode & 0o777).toBe(0o640);
  });

  it('writes through a symlink, leaving the link a link', () => {
    const fix = fixable();
    const cwd = project({ 'real/memo.md': `${fix.text}\n` });
    symlinkSync('real/memo.md', join(cwd, 'link.md'));
    tonelint(['link.md', '--fix'], { cwd });
    expect(lstatSync(join(cwd, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(cwd, 'real/memo.md'), 'utf8')).not.toBe(`${fix.text}\n`);
  });

  it('--fix-dry-run prints a unified diff and writes nothing', () => {
    const fix = fixable();
    const cwd = project({ 'docs/memo.md': `# Memo\n\n${fix.text}\n` });
    const result = tonelint(['docs/memo.md', '--fix-dry-run'], { cwd });
    expect(result.stdout).toMatch(/^--- a\/docs\/memo\.md\n\+\+\+ b\/docs\/memo\.md\n@@ -1,3 \+1,3 @@\n/);
    expect(result.stdout).toContain(`-${fix.text}`);
    expect(readFileSync(join(cwd, 'docs/memo.md'), 'utf8')).toBe(`# Memo\n\n${fix.text}\n`);
  });

  it('with --stdin, --fix writes the fixed text to stdout', () => {
    const fix = fixable();
    const cwd = project();
    const result = tonelint(['--stdin', '--fix', '--stdin-filename', 'memo.md'], { cwd, input: `${fix.text}\n` });
    expect(result.stdout).not.toBe(`${fix.text}\n`);
    expect(result.stdout.endsWith('\n')).toBe(true);
    const again = tonelint(['--stdin', '--fix', '--stdin-filename', 'memo.md'], { cwd, input: result.stdout });
    expect(again.stdout).toBe(result.stdout);
    const clean = tonelint(['--stdin', '--fix'], { cwd, input: 'Nothing to fix here.\n' });
    expect(clean).toMatchObject({ code: 0, stdout: 'Nothing to fix here.\n' });
  });

  it('--fix and --fix-dry-run together are a usage error', () => {
    expect(tonelint(['x.md', '--fix', '--fix-dry-run'], { cwd: project({ 'x.md': 'x\n' }) }).code).toBe(2);
  });
});
