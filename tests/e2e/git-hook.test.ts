// The plain git hook recipe (examples/hooks/pre-commit, installed as .git/hooks/pre-commit) with
// real git: it lints only the staged Markdown and text files and really refuses the commit.
// Skipped without git locally; fails under CI=true.
import { chmodSync, copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkMemoVerdicts,
  cleanupTimeoutMs,
  commandLineBytes,
  hookExamples,
  isolatedEnv,
  manyHonestMemos,
  memos,
  removeTempDirs,
  report,
  requireTool,
  tempDir,
  tempRepo,
  tonelintBin,
  writeFiles,
} from './helpers/git.js';

const hasGit = requireTool('git', '.ci/run installs git');

describe.skipIf(!hasGit)('the plain .git/hooks/pre-commit recipe', () => {
  let env: NodeJS.ProcessEnv;
  let repo: Awaited<ReturnType<typeof tempRepo>>;

  beforeAll(async () => {
    const home = tempDir('git-hook-home');
    // `tonelint` on PATH the way `npm install -g` puts it there: a link to bin/tonelint.js.
    const binDir = join(home, 'bin');
    mkdirSync(binDir);
    symlinkSync(tonelintBin, join(binDir, 'tonelint'));
    env = isolatedEnv(home, { PATH: `${binDir}:${process.env.PATH ?? ''}` });

    await checkMemoVerdicts(env);

    repo = await tempRepo('git-hook', env);
    const hook = join(repo.dir, '.git', 'hooks', 'pre-commit');
    copyFileSync(join(hookExamples, 'pre-commit'), hook);
    chmodSync(hook, 0o755);
  }, 60_000);

  afterAll(removeTempDirs, cleanupTimeoutMs);

  it('refuses a commit that stages a memo with dehumanizing language', async () => {
    writeFiles(repo.dir, { 'memo.md': memos.bad });
    await repo.git('add', 'memo.md');
    const commit = await repo.commit('Announce the support changes');
    expect(commit.code, report(commit)).not.toBe(0);
    expect(commit.output, report(commit)).toContain('memo.md');
    expect(commit.output, report(commit)).toContain('commit refused');
    expect(await repo.head(), 'no commit may exist').toBe('');
  });

  it('commits the honest rewrite', async () => {
    writeFiles(repo.dir, { 'memo.md': memos.good });
    await repo.git('add', 'memo.md');
    const commit = await repo.commit('Announce the support changes');
    expect(commit.code, report(commit)).toBe(0);
    expect(await repo.committedFiles()).toEqual(['memo.md']);
  });

  it('reads only staged Markdown and text files: not unstaged ones, other types or deletions', async () => {
    writeFiles(repo.dir, {
      'drafts/unstaged.md': memos.bad, // in the working tree, never staged
      'notes.rst': memos.bad, // staged, but not a type the hook reads
      'changelog.txt': memos.good,
    });
    await repo.git('add', 'notes.rst', 'changelog.txt');
    await repo.git('rm', '--quiet', 'memo.md');
    const commit = await repo.commit('Move the memo to the wiki');
    expect(commit.code, report(commit)).toBe(0);
    expect(await repo.committedFiles()).toEqual(['changelog.txt', 'notes.rst']);
  });

  it('blocks a bad memo at the end of a staged list longer than one command line, with spaces in every path', async () => {
    const honest = manyHonestMemos(700);
    // Sorted last, so it lands in the last of the tonelint runs xargs starts.
    const badPath = 'team notes/zz q3 memo with spaces.md';
    const paths = [...Object.keys(honest), badPath];
    expect(commandLineBytes(paths), 'the list must overflow one xargs command line').toBeGreaterThan(131_072);
    writeFiles(repo.dir, { ...honest, [badPath]: memos.bad });
    await repo.git('add', 'team notes');
    const before = await repo.head();

    const refused = await repo.commit('Add the quarterly review notes');
    expect(refused.code, report(refused)).not.toBe(0);
    expect(refused.output, report(refused)).toContain('zz q3 memo with spaces.md');
    expect(await repo.head()).toBe(before);

    writeFileSync(join(repo.dir, badPath), memos.good);
    await repo.git('add', badPath);
    const accepted = await repo.commit('Add the quarterly review notes');
    expect(accepted.code, report(accepted)).toBe(0);
    expect(await repo.committedFiles()).toEqual(expect.arrayContaining([badPath, paths[0]]));
  }, 120_000);
});
