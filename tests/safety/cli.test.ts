// Hostile and broken input through the BUILT CLI (`node bin/tonelint.js`), with real files in
// temp directories: every bad input gets one clear line, the good files are still linted, and
// the process exits 0, 1 or 2 on its own: never a crash, a stack trace, a hang or executed code.
import { spawnSync } from 'node:child_process';
import { runWithDeadline, type Finished } from '../helpers/spawn.js';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Each case spawns the CLI, one at a time (no bursts of concurrent spawns on a 2-core machine); a
// cold spawn can take 2 s when the machine is busy, so the default 5 s is too tight.
vi.setConfig({ testTimeout: 60_000 });

const cli = fileURLToPath(new URL('../../bin/tonelint.js', import.meta.url));
const TRIGGER = 'It will be a bloodbath for jobs.\n';

type Run = Finished;

/** Runs the CLI; kills it after `seconds` (a hang is a failure, reported as such). */
function run(args: string[], cwd: string, seconds = 60): Promise<Run> {
  return runWithDeadline(process.execPath, [cli, '--no-color', ...args], seconds, { cwd, env: { ...process.env, NO_COLOR: '1' } });
}

/** Exited by itself with a documented code, and printed no stack trace. */
function expectCleanExit(result: Run): void {
  const context = `exit ${result.code} ${result.signal ?? ''}\nstderr:\n${result.stderr.slice(0, 2000)}`;
  expect(result.timedOut, `hung: ${context}`).toBe(false);
  expect(result.signal, context).toBeNull();
  expect([0, 1, 2], context).toContain(result.code);
  expect(result.stderr, context).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(result.stderr, context).not.toMatch(/RangeError|TypeError|heap out of memory|FATAL ERROR|internal error/i);
}

/** The stylish report names the good file and its finding. */
function expectLinted(result: Run, name: string): void {
  expect(result.stdout, result.stderr).toContain(name);
  expect(result.stdout).toContain('bloodbath');
}

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'tonelint-cli-safety-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function workspace(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'good.md'), TRIGGER);
  return dir;
}

describe('broken inputs get one clear line each, and the other files are still linted', () => {
  const cases: [string, (dir: string) => string, RegExp][] = [
    ['a binary file', (dir) => (writeFileSync(join(dir, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0x00])), 'image.md'), /image\.md: .*binary/],
    ['invalid UTF-8', (dir) => (writeFileSync(join(dir, 'latin1.md'), Buffer.from('caf\xe9 bloodbath\n', 'latin1')), 'latin1.md'), /latin1\.md: .*UTF-8/],
    ['a lone UTF-16 surrogate in a UTF-16 file', (dir) => (writeFileSync(join(dir, 'bad16.md'), Buffer.from([0xff, 0xfe, 0x3d, 0xd8, 0x41, 0x00])), 'bad16.md'), /bad16\.md: .*UTF-16/],
    ['a dangling symlink named explicitly (the file is gone by the time it is read)', (dir) => (symlinkSync(join(dir, 'deleted.md'), join(dir, 'gone.md')), 'gone.md'), /gone\.md: .*no such file/],
    ['a FIFO named explicitly (never opened for a blocking read)', (dir) => {
      mkfifo(join(dir, 'pipe.md'));
      return 'pipe.md';
    }, /pipe\.md: .*not a regular file/],
    ['a directory symlink loop', (dir) => {
      mkdirSync(join(dir, 'loop'));
      symlinkSync('..', join(dir, 'loop', 'up'));
      symlinkSync('self', join(dir, 'self'));
      return '.';
    }, /symbolic link loop/],
  ];
  it.each(cases)('%s', async (name, make, message) => {
    const dir = workspace(name.replace(/\W+/g, '-'));
    const input = make(dir);
    const result = await run([input, 'good.md'], dir, 30);
    expectCleanExit(result);
    expect(result.stderr).toMatch(message);
    // One line per problem: no multi-line dumps.
    for (const line of result.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^tonelint: (warning|error): /);
    expectLinted(result, 'good.md');
  });

  it('a file reached again through a link to another directory is linted once', async () => {
    const dir = workspace('linked-twice');
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'memo.md'), TRIGGER);
    mkdirSync(join(dir, 'mirror'));
    symlinkSync(join(dir, 'docs'), join(dir, 'mirror', 'docs-link'));
    const result = await run(['-f', 'json', '.'], dir, 30);
    expectCleanExit(result);
    const paths = (JSON.parse(result.stdout) as { filePath: string }[]).map((file) => file.filePath).filter((path) => path.endsWith('memo.md'));
    expect(paths).toHaveLength(1);
  });

  it('a FIFO found while walking a directory does not hang the walk', async () => {
    const dir = workspace('fifo-in-dir');
    mkfifo(join(dir, 'pipe.md'));
    const result = await run(['.'], dir, 30);
    expectCleanExit(result);
    expectLinted(result, 'good.md');
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 0],
    ['a file that is only a BOM', Buffer.from([0xef, 0xbb, 0xbf]), 0],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TRIGGER, 'utf16le')]), 1],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TRIGGER, 'utf16le').swap16()]), 1],
    ['CRLF line ends', Buffer.from(`Fine.\r\n\r\n${TRIGGER.replace('\n', '\r\n')}`), 1],
  ])('%s is linted as text', async (name, bytes, findings) => {
    const dir = workspace(name.replace(/\W+/g, '-'));
    writeFileSync(join(dir, 'input.md'), bytes);
    const result = await run(['-f', 'json', 'input.md'], dir, 30);
    expectCleanExit(result);
    const report = JSON.parse(result.stdout) as { filePath?: string; messages?: unknown[]; findings?: unknown[] }[] | Record<string, unknown>;
    const text = JSON.stringify(report);
    expect(text).toContain('input.md');
    expect((text.match(/"catastrophe"/g) ?? []).length >= findings).toBe(true);
    if (findings === 0) expect(text).not.toContain('"catastrophe"');
  });
});

/** node has no mkfifo; the coreutils one is everywhere the tests run. */
function mkfifo(path: string): void {
  if (spawnSync('mkfifo', [path]).status !== 0) throw new Error(`mkfifo ${path} failed`);
}

describe('large inputs: linted in bounded memory or refused above --max-file-size', () => {
  it('refuses a 50 MB Markdown file with one line naming --max-file-size, and lints the others', async () => {
    const dir = workspace('fifty-mb');
    // Written in chunks so the test process never holds the 50 MB.
    const fd = openSync(join(dir, 'huge.md'), 'w');
    const chunk = Buffer.from('The team reviewed the quarterly plan and agreed on next steps.\n\n'.repeat(16_384));
    for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) writeSync(fd, chunk);
    closeSync(fd);
    const result = await run(['huge.md', 'good.md'], dir, 120);
    expectCleanExit(result);
    expect(result.stderr).toMatch(/huge\.md: .*(\d+(\.\d+)? MB).*--max-file-size/);
    expectLinted(result, 'good.md');
    rmSync(join(dir, 'huge.md'));
  }, 180_000);

  // Found overflowing the stack in mdast-util-to-nlcst (`push(...nodes)` past ~120k nodes); fixed
  // by linting only the blocks that may match.
  it('lints a 5 MB single line of prose with findings in it (under the 10 MB default limit)', async () => {
    const dir = workspace('five-mb-line');
    const unit = `${'The team reviewed the quarterly plan and agreed on next steps. '.repeat(50)}It will be a bloodbath for jobs. `;
    const fd = openSync(join(dir, 'line.md'), 'w');
    const chunk = Buffer.from(unit.repeat(16));
    for (let written = 0; written < 5 * 1024 * 1024; written += chunk.length) writeSync(fd, chunk);
    writeSync(fd, '\n');
    closeSync(fd);
    const result = await run(['-f', 'json', 'line.md', 'good.md'], dir, 240);
    expectCleanExit(result);
    expect(result.code, result.stderr).not.toBe(2);
    expect(result.stdout).toContain('line.md');
    rmSync(join(dir, 'line.md'));
  }, 300_000);
});

describe('config that tries to escape', () => {
  it.each(['.tonelintrc.js', '.tonelintrc.cjs', '.tonelintrc.mjs', 'tonelint.config.js', 'tonelint.config.mjs'])(
    'never executes %s: the marker it would write stays absent, with a warning',
    async (name) => {
      const dir = workspace(`exec-${name}`);
      const marker = join(dir, 'EXECUTED');
      const code = name.endsWith('.cjs')
        ? `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'yes'); module.exports = { rules: {} };`
        : `import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify(marker)}, 'yes'); export default { rules: {} };`;
      writeFileSync(join(dir, name), code);
      const result = await run(['good.md'], dir, 30);
      expectCleanExit(result);
      expect(existsSync(marker)).toBe(false);
      expect(result.stderr).toMatch(new RegExp(`${name.replace(/\./g, '\\.')}: .*(never|not) (run|execut)`));
      expectLinted(result, 'good.md');
    },
  );

  it('does not execute a package.json "tonelint" entry that names a script', async () => {
    const dir = workspace('package-json');
    const marker = join(dir, 'EXECUTED');
    writeFileSync(join(dir, 'evil.js'), `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'yes');`);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', tonelint: './evil.js', scripts: { preinstall: 'node evil.js' } }));
    const result = await run(['good.md'], dir, 30);
    expect(result.timedOut).toBe(false);
    expect(existsSync(marker)).toBe(false);
    expect([0, 1, 2]).toContain(result.code);
  });

  it.each(['.tonelintrc.yml', '.tonelintrc.yaml'])('rejects a billion-laughs alias bomb in %s quickly: exit 2, one clear line', async (name) => {
    const dir = workspace(`bomb-${name}`);
    const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i <= 20; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    lines.push('allow: *a20', 'rules: {}');
    writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
    const result = await run(['good.md'], dir, 30);
    expectCleanExit(result);
    expect(result.code).toBe(2);
    const lines2 = result.stderr.split('\n').filter(Boolean);
    expect(lines2).toHaveLength(1);
    expect(lines2[0]).toMatch(new RegExp(`^tonelint: error: .*${name.replace(/\./g, '\\.')}: .*alias`));
  });

  it('rejects a deeply nested YAML config with one line, not a stack overflow', async () => {
    const dir = workspace('deep-yaml');
    writeFileSync(join(dir, '.tonelintrc.yml'), `allow: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    const result = await run(['good.md'], dir, 30);
    expectCleanExit(result);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('rejects a deeply nested JSON config with one line, not a stack overflow', async () => {
    const dir = workspace('deep-json');
    writeFileSync(join(dir, '.tonelintrc.json'), `{"allow": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const result = await run(['good.md'], dir, 30);
    expectCleanExit(result);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
