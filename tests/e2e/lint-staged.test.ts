// lint-staged + husky 9, installed from npm into a temp repository together with tonelint packed
// from this checkout, with the recipes from examples/hooks: a real `git commit` of a memo with
// dehumanizing language is refused, its honest rewrite is committed. lint-staged hands tonelint
// absolute paths, and lints what is staged, not what is in the working tree.
// Skipped without git or npm locally; fails under CI=true.
import { copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkMemoVerdicts,
  cleanupTimeoutMs,
  hookExamples,
  isolatedEnv,
  memos,
  removeTempDirs,
  repoRoot,
  report,
  requireTool,
  run,
  tempDir,
  tempRepo,
  writeFiles,
} from './helpers/git.js';

const hasGit = requireTool('git', '.ci/run installs git');
const hasNpm = requireTool('npm', 'npm comes with Node 20');

/** Pinned: lint-staged 16 is the newest line that runs on Node 20 (>= 20.17). */
const lintStaged = 'lint-staged@16.4.0';
const husky = 'husky@9.1.7';
const npmTimeoutMs = 5 * 60_000;

describe.skipIf(!(hasGit && hasNpm))('lint-staged + husky 9', () => {
  let env: NodeJS.ProcessEnv;
  let repo: Awaited<ReturnType<typeof tempRepo>>;

  beforeAll(async () => {
    const home = tempDir('lint-staged-home');
    env = isolatedEnv(home);
    await checkMemoVerdicts(env);

    // tonelint as users get it: the package tarball (the built dist/, rules and bin).
    const packDir = tempDir('lint-staged-pack');
    const pack = await run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packDir], {
      cwd: repoRoot,
      env,
      timeoutMs: 120_000,
    });
    expect(pack.code, report(pack)).toBe(0);
    const tarballs = readdirSync(packDir).filter((name) => name.endsWith('.tgz'));
    expect(tarballs, report(pack)).toHaveLength(1);

    repo = await tempRepo('lint-staged', env);
    writeFiles(repo.dir, {
      'package.json': `${JSON.stringify({ name: 'team-memos', private: true, scripts: { prepare: 'husky' } }, null, 2)}\n`,
      '.gitignore': 'node_modules/\n',
    });
    const install = await run(
      'npm',
      ['install', '--save-dev', '--no-audit', '--no-fund', '--no-progress', lintStaged, husky, join(packDir, tarballs[0])],
      { cwd: repo.dir, env, timeoutMs: npmTimeoutMs },
    );
    expect(install.code, report(install)).toBe(0);
    // `husky` (run by "prepare" on install, and again here to be explicit) points git at .husky/_.
    const huskyInstall = await run('npx', ['--no-install', 'husky'], { cwd: repo.dir, env, timeoutMs: 60_000 });
    expect(huskyInstall.code, report(huskyInstall)).toBe(0);
    expect((await repo.git('config', 'core.hooksPath')).trim()).toBe('.husky/_');

    // The recipes from examples/hooks, as a user copies them.
    copyFileSync(join(hookExamples, 'husky', 'pre-commit'), join(repo.dir, '.husky', 'pre-commit'));
    copyFileSync(join(hookExamples, '.lintstagedrc.json'), join(repo.dir, '.lintstagedrc.json'));
    await repo.git('add', 'package.json', 'package-lock.json', '.gitignore', '.husky/pre-commit', '.lintstagedrc.json');
    const setup = await repo.commit('Check tone with lint-staged before every commit');
    expect(setup.code, report(setup)).toBe(0);
  }, npmTimeoutMs + 180_000);

  afterAll(removeTempDirs, cleanupTimeoutMs);

  it('refuses the commit of a staged memo with dehumanizing language (a path with spaces)', async () => {
    const before = await repo.head();
    writeFiles(repo.dir, { 'team notes/q3 memo.md': memos.bad });
    await repo.git('add', 'team notes/q3 memo.md');
    const commit = await repo.commit('Announce the support changes');
    expect(commit.code, report(commit)).not.toBe(0);
    expect(commit.output, report(commit)).toContain('tonelint');
    expect(commit.output, report(commit)).toContain('q3 memo.md');
    expect(commit.output, report(commit)).toContain('people-as-units');
    expect(await repo.head(), 'the commit must not exist').toBe(before);
  }, 120_000);

  it('commits the honest rewrite', async () => {
    const before = await repo.head();
    writeFiles(repo.dir, { 'team notes/q3 memo.md': memos.good });
    await repo.git('add', 'team notes/q3 memo.md');
    const commit = await repo.commit('Announce the support changes');
    expect(commit.code, report(commit)).toBe(0);
    expect(await repo.head()).not.toBe(before);
    expect(await repo.committedFiles()).toContain('team notes/q3 memo.md');
  }, 120_000);

  it('lints the staged content: a bad staged memo is refused even when the working tree copy is honest', async () => {
    const before = await repo.head();
    writeFiles(repo.dir, { 'update.md': memos.bad });
    await repo.git('add', 'update.md');
    writeFiles(repo.dir, { 'update.md': memos.good }); // edited after staging, not staged
    const commit = await repo.commit('Post the update');
    expect(commit.code, report(commit)).not.toBe(0);
    expect(commit.output, report(commit)).toContain('update.md');
    expect(await repo.head()).toBe(before);
    // lint-staged put the unstaged edit back.
    expect(readFileSync(join(repo.dir, 'update.md'), 'utf8')).toBe(memos.good);
    await repo.git('add', 'update.md');
    const accepted = await repo.commit('Post the update');
    expect(accepted.code, report(accepted)).toBe(0);
  }, 180_000);

  it('lets files of other types through', async () => {
    writeFiles(repo.dir, { 'notes.rst': memos.bad });
    await repo.git('add', 'notes.rst');
    const commit = await repo.commit('Add notes');
    expect(commit.code, report(commit)).toBe(0);
    expect(existsSync(join(repo.dir, 'notes.rst'))).toBe(true);
    expect(await repo.committedFiles()).toContain('notes.rst');
  }, 120_000);
});
