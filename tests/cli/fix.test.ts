// --fix and --fix-dry-run: safe fixes only, atomic writes that keep the file's shape.
import { chmodSync, readdirSync, readFileSync, statSync, symlinkSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixableSample, parseJson, project, ruleExample, tonelint } from './helpers.js';

const fixable = () => {
  if (!fixableSample) throw new Error('the rule pack has no safe fix yet');
  return fixableSample;
};
const unfixable = () => ruleExample((rule) => !rule.fix && rule.severity === 'error', 'error-level, not fixable');

// These need a built-in safe fix (a fix must keep the meaning in every context): if the pack ever
// has none, they fail with that reason instead of passing on nothing.
const hasFixableRule = fixableSample !== undefined;

describe('--fix without any safe fix to apply', () => {
  it('leaves the file byte-for-byte untouched (not even rewritten)', () => {
    const other = unfixable();
    const cwd = project({ 'memo.md': `\uFEFF${other.text}\r\n` });
    const mtime = statSync(join(cwd, 'memo.md')).mtimeMs;
    const result = tonelint(['memo.md', '--fix', '-f', 'json'], { cwd });
    expect(result.code).toBe(1);
    expect(parseJson(result)[0].messages.some((m) => m.ruleId === other.id)).toBe(true);
    expect(readFileSync(join(cwd, 'memo.md'), 'utf8')).toBe(`\uFEFF${other.text}\r\n`);
    expect(statSync(join(cwd, 'memo.md')).mtimeMs).toBe(mtime);
  });

  it('--stdin --fix echoes the input exactly, BOM and CRLF included, and exits by the findings', () => {
    const other = unfixable();
    const input = Buffer.from(`\uFEFF${other.text}\r\nSecond line.`);
    const result = tonelint(['--stdin', '--fix'], { cwd: project(), input });
    expect(result.stdoutBytes.equals(input)).toBe(true);
    expect(result.code).toBe(1);
  });

  it('--fix-dry-run prints nothing when there is nothing to fix', () => {
    const other = unfixable();
    const cwd = project({ 'memo.md': `${other.text}\n` });
    const result = tonelint(['memo.md', '--fix-dry-run'], { cwd });
    expect(result).toMatchObject({ code: 1, stdout: '' });
  });

  it('--fix and --fix-dry-run together are a usage error', () => {
    expect(tonelint(['x.md', '--fix', '--fix-dry-run'], { cwd: project({ 'x.md': 'x\n' }) }).code).toBe(2);
  });
});

// The pack has safe fixes ("cut 40 heads" -> "cut 40 people"): these tests must run, not skip
// quietly, if a rule change removes the last one.
describe('--fix (with a fix: true rule)', () => {
  it('has a safe fix in the rule pack to test with', () => {
    expect(hasFixableRule, 'no rule pattern has a safe fix: --fix has nothing to apply').toBe(true);
  });

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

  it('keeps a group-writable 0664 file 0664 under a 022 umask (a new file would get 0644)', () => {
    const fix = fixable();
    const cwd = project({ 'memo.md': `${fix.text}\n` });
    chmodSync(join(cwd, 'memo.md'), 0o664);
    // The CLI inherits this process's umask; set it, so the test does not depend on the shell's.
    const previous = process.umask(0o022);
    try {
      tonelint(['memo.md', '--fix'], { cwd });
    } finally {
      process.umask(previous);
    }
    expect(readFileSync(join(cwd, 'memo.md'), 'utf8')).not.toBe(`${fix.text}\n`);
    expect((statSync(join(cwd, 'memo.md')).mode & 0o7777).toString(8)).toBe('664');
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
});
