// Linting many files in worker threads (src/cli/lint-pool.ts): the same report, stderr, exit
// code and fixed files as one thread, and a pool only where there is enough text to pay for it.
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintInPool, lintThreads, poolMinBytes, poolMinCores, poolMinFiles, type LintTask, type LintTaskResult } from '../../src/cli/lint-pool.js';
import { cleanSentence, fixableSample, headsSentence, project, tonelint } from './helpers.js';

/** What a run of `files` files with enough text gets by default on this machine. */
const pooled = (files: number) => (availableParallelism() < poolMinCores ? 1 : Math.min(availableParallelism(), files));

describe('lintThreads', () => {
  it('keeps small runs in one thread', () => {
    expect(lintThreads(poolMinFiles - 1, 10 * poolMinBytes, {})).toBe(1);
    expect(lintThreads(200, poolMinBytes - 1, {})).toBe(1);
  });

  it('uses a thread per core, never more than there are files, for enough text on enough cores', () => {
    expect(lintThreads(200, poolMinBytes, {})).toBe(pooled(200));
    expect(lintThreads(poolMinFiles, poolMinBytes, {})).toBe(pooled(poolMinFiles));
  });

  it('follows TONELINT_WORKERS, capped by the number of files, and ignores a value that is not a count', () => {
    expect(lintThreads(200, 0, { TONELINT_WORKERS: '3' })).toBe(3);
    expect(lintThreads(2, 0, { TONELINT_WORKERS: '8' })).toBe(2);
    expect(lintThreads(200, 10 * poolMinBytes, { TONELINT_WORKERS: '1' })).toBe(1);
    expect(lintThreads(2, 0, { TONELINT_WORKERS: 'many' })).toBe(1);
    expect(lintThreads(2, 0, { TONELINT_WORKERS: '0' })).toBe(1);
  });
});

/** Six files: findings of both severities, a clean one, a binary one (a warning on stderr) and a fix. */
function tree(): Record<string, string | Buffer> {
  return {
    'a.md': `# Memo\n\n${headsSentence}\n`,
    'b.md': `${cleanSentence}\n`,
    'c.bin.md': Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]),
    'd/e.md': `${cleanSentence}\n\n${headsSentence}\n`,
    'd/f.txt': `${fixableSample?.text ?? headsSentence}\n`,
    'g.md': `${fixableSample?.text ?? cleanSentence}\n\n${headsSentence}\n`,
  };
}

describe('a run in several threads', () => {
  it('prints the same report and stderr and exits the same as one thread', () => {
    const cwd = project(tree());
    const one = tonelint(['.', '-f', 'json'], { cwd, env: { TONELINT_WORKERS: '1' } });
    const three = tonelint(['.', '-f', 'json'], { cwd, env: { TONELINT_WORKERS: '3' } });
    expect(one.code).toBe(1);
    expect(one.stderr).toMatch(/c\.bin\.md/);
    expect(JSON.parse(one.stdout)).toHaveLength(5);
    expect(three.stdout).toBe(one.stdout);
    expect(three.stderr).toBe(one.stderr);
    expect(three.code).toBe(one.code);
  });

  it('--fix writes the same files as one thread', () => {
    const files = tree();
    const cwds = ['1', '3'].map((workers) => {
      const cwd = project(files);
      const result = tonelint(['.', '--fix', '-f', 'json'], { cwd, env: { TONELINT_WORKERS: workers } });
      return { cwd, result };
    });
    const report = ({ cwd, result }: (typeof cwds)[number]) => result.stdout.split(cwd).join('<dir>');
    expect(report(cwds[1])).toBe(report(cwds[0]));
    expect(cwds[1].result.code).toBe(cwds[0].result.code);
    for (const name of ['a.md', 'd/f.txt', 'g.md']) {
      expect(readFileSync(join(cwds[1].cwd, name), 'utf8'), name).toBe(readFileSync(join(cwds[0].cwd, name), 'utf8'));
    }
    if (fixableSample) expect(readFileSync(join(cwds[0].cwd, 'g.md'), 'utf8')).not.toBe(files['g.md']);
  });

  it('starts a pool by itself only for several files with enough text on enough cores', () => {
    const paragraph = `${cleanSentence} `.repeat(40);
    const big = `${paragraph}\n\n`.repeat(Math.ceil(poolMinBytes / poolMinFiles / paragraph.length) + 1);
    const bigTree = Object.fromEntries(Array.from({ length: poolMinFiles }, (_, index) => [`big-${index}.md`, index === 0 ? `${headsSentence}\n\n${big}` : big]));
    const large = tonelint(['.', '--debug', '-f', 'json'], { cwd: project(bigTree) });
    expect(large.code).toBe(1);
    expect(large.stderr).toContain(`linting ${poolMinFiles} files in ${pooled(poolMinFiles)} thread`);
    const small = tonelint(['.', '--debug', '-f', 'json'], { cwd: project(tree()) });
    expect(small.stderr).toContain('linting 6 files in 1 thread');
  });
});

describe('lintInPool', () => {
  const task = (path: string): LintTask => ({ file: { path, explicit: true }, config: {}, options: {} as LintTask['options'], cwd: '/' });
  const here = async (lintTask: LintTask): Promise<LintTaskResult> => ({ outcome: {}, problems: { entries: [{ line: `here: ${lintTask.file.path}` }], failed: false } });
  const crashingWorker = new URL('../fixtures/cli/crashing-worker.mjs', import.meta.url);

  it('reports the file a dead worker was linting and lints the files queued behind it elsewhere', async () => {
    const paths = ['a.md', 'b-crash.md', 'c.md', 'd.md', 'e.md', 'f.md'];
    const results = await lintInPool(paths.map(task), 2, here, crashingWorker);
    const lines = results.map((result) => result.problems.entries.map((entry) => entry.line).join());
    expect(lines).toHaveLength(paths.length);
    const crashed = paths.indexOf('b-crash.md');
    expect(results[crashed].problems.failed).toBe(true);
    expect(lines[crashed]).toMatch(/internal error while linting b-crash\.md: the lint thread exited \(3\)/);
    paths.forEach((path, index) => {
      if (index !== crashed) expect(lines[index]).toMatch(new RegExp(`^(here|worker): ${path.replace('.', '\\.')}$`));
    });
  });

  it('keeps task order whichever thread answers first', async () => {
    const paths = Array.from({ length: 12 }, (_, index) => `file-${index}.md`);
    const results = await lintInPool(paths.map(task), 3, here, crashingWorker);
    expect(results.map((result) => result.problems.entries[0].line.replace(/^(here|worker): /, ''))).toEqual(paths);
    expect(results.some((result) => result.problems.entries[0].line.startsWith('worker: '))).toBe(true);
  });
});
