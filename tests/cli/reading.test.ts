// Files that are not plain UTF-8 text, or not files at all: each is one clear line on stderr
// and the other files are still linted.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJson, project, ruleExample, tonelint } from './helpers.js';

const errorExample = () => ruleExample((rule) => rule.severity === 'error', 'error-level');

function lintBeside(name: string, content: string | Buffer) {
  const { id, text } = errorExample();
  const cwd = project({ [name]: content, 'good.md': `${text}\n` });
  const result = tonelint([name, 'good.md', '-f', 'json'], { cwd });
  const files = parseJson(result);
  expect(files.map((file) => file.filePath)).toContain(join(cwd, 'good.md'));
  expect(files.find((file) => file.filePath === join(cwd, 'good.md'))!.messages.map((m) => m.ruleId)).toContain(id);
  return { result, files, cwd };
}

describe('reading files', () => {
  it('a binary file named on the command line is an error (exit 2); the other files are still linted', () => {
    const { result, files } = lintBeside('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('tonelint: error: image.txt: looks binary (contains NUL bytes); skipped');
    expect(files).toHaveLength(1);
  });

  it('invalid UTF-8 named on the command line is an error (exit 2)', () => {
    const { result } = lintBeside('latin1.txt', Buffer.from('Caf\xe9 notes\n', 'latin1'));
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('tonelint: error: latin1.txt: is not valid UTF-8 text; skipped (convert it to UTF-8)');
  });

  it('found by walking a directory, binary and non-UTF-8 files are skipped with a warning', () => {
    const { id, text } = errorExample();
    const cwd = project({ 'docs/image.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]), 'docs/latin1.md': Buffer.from('Caf\xe9 notes\n', 'latin1'), 'docs/good.md': `${text}\n` });
    const result = tonelint(['docs', '-f', 'json'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n').sort()).toEqual([
      'tonelint: warning: docs/image.md: looks binary (contains NUL bytes); skipped',
      'tonelint: warning: docs/latin1.md: is not valid UTF-8 text; skipped (convert it to UTF-8)',
    ]);
    expect(parseJson(result).flatMap((file) => file.messages.map((m) => m.ruleId))).toContain(id);
  });

  it('decodes UTF-16 with a BOM and finds the same things', () => {
    const { id, text } = errorExample();
    const cwd = project({ 'utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${text}\n`, 'utf16le')]) });
    const result = tonelint(['utf16.txt', '-f', 'json'], { cwd });
    expect(result.stderr).toBe('');
    expect(parseJson(result)[0].messages.map((m) => m.ruleId)).toContain(id);
  });

  it('strips a UTF-8 BOM so columns start at 1', () => {
    const { id, text } = errorExample();
    const plain = project({ 'a.md': `${text}\n` });
    const bom = project({ 'a.md': `\uFEFF${text}\n` });
    const column = (cwd: string) => parseJson(tonelint(['a.md', '-f', 'json'], { cwd }))[0].messages.find((m) => m.ruleId === id)!.column;
    expect(column(bom)).toBe(column(plain));
  });

  it('lints an empty file as clean', () => {
    const { result, files, cwd } = lintBeside('empty.md', '');
    expect(result.stderr).toBe('');
    expect(files.find((file) => file.filePath === join(cwd, 'empty.md'))!.messages).toEqual([]);
  });

  it('refuses files over --max-file-size with a warning naming the limit', () => {
    const { text } = errorExample();
    const cwd = project({ 'big.md': `${text}\n`.repeat(100), 'small.md': `${text}\n` });
    const result = tonelint(['big.md', 'small.md', '--max-file-size', '1KB', '-f', 'json'], { cwd });
    expect(result.stderr).toMatch(/^tonelint: warning: big\.md: is [\d.]+ KB, over the 1 KB limit \(--max-file-size\); skipped$/m);
    expect(parseJson(result).map((file) => file.filePath)).toEqual([join(cwd, 'small.md')]);
    expect(tonelint(['small.md', '--max-file-size', 'huge'], { cwd }).code).toBe(2);
  });

  it('skips a FIFO without hanging', () => {
    const { text } = errorExample();
    const cwd = project({ 'good.md': `${text}\n` });
    execFileSync('mkfifo', [join(cwd, 'pipe.md')]);
    const result = tonelint(['pipe.md', 'good.md', '-f', 'json'], { cwd });
    expect(result.stderr).toMatch(/warning: pipe\.md: is not a regular file/);
    expect(parseJson(result)).toHaveLength(1);
  });

  // /proc/self/mem is a regular file that fails to read with EIO, even for root (Linux only).
  it.skipIf(!existsSync('/proc/self/mem'))('an unreadable file is an error (exit 2) naming it; the rest are linted', () => {
    const { text } = errorExample();
    const cwd = project({ 'good.md': `${text}\n` });
    const result = tonelint(['/proc/self/mem', 'good.md', '-f', 'json'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(/^tonelint: error: \/proc\/self\/mem: cannot be read: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(parseJson(result)).toHaveLength(1);
  });

  // Root reads everything: skipped there, where the EIO case above covers the error path.
  it.skipIf(process.getuid?.() === 0)('a file without read permission is an error naming it', () => {
    const { text } = errorExample();
    const cwd = project({ 'secret.md': `${text}\n` });
    execFileSync('chmod', ['000', join(cwd, 'secret.md')]);
    const result = tonelint(['secret.md'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('tonelint: error: secret.md: permission denied');
  });
});
