// `pre-commit try-repo` with the real pre-commit framework (Debian's /usr/bin/pre-commit): the
// hook repository is a clone of this repository at HEAD, which pre-commit installs itself
// (nodeenv, `npm install` with the TypeScript build, `npm pack`, `npm install -g`), so this
// proves what a user's `rev:` gets. try-repo on the clone rather than on this checkout: on a
// checkout with uncommitted changes, try-repo would test a snapshot of its tracked and staged
// changes (never its untracked files), which is neither HEAD nor the working tree.
// Skipped without pre-commit or git locally; fails under CI=true.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkMemoVerdicts,
  cleanupTimeoutMs,
  cloneHead,
  isolatedEnv,
  memos,
  preCommitInstallTimeoutMs,
  removeTempDirs,
  report,
  requireTool,
  run,
  tempDir,
  tempRepo,
  writeFiles,
} from './helpers/git.js';

const hasGit = requireTool('git', '.ci/run installs git');
const hasPreCommit = requireTool('pre-commit', '.ci/run installs pre-commit (Debian package)');

describe.skipIf(!(hasGit && hasPreCommit))('pre-commit try-repo <clone of this repository> tonelint --files memo.md', () => {
  let env: NodeJS.ProcessEnv;
  let hookRepo: { dir: string; sha: string };

  beforeAll(async () => {
    const home = tempDir('precommit-try-home');
    env = isolatedEnv(home, { PRE_COMMIT_HOME: join(home, 'pre-commit-cache') });
    await checkMemoVerdicts(env);
    hookRepo = await cloneHead(env);
    expect(existsSync(join(hookRepo.dir, '.pre-commit-hooks.yaml')), '.pre-commit-hooks.yaml must be committed').toBe(true);
  }, 120_000);

  afterAll(removeTempDirs, cleanupTimeoutMs);

  // try-repo installs the hook into a store of its own on every run (it ignores PRE_COMMIT_HOME),
  // so the two runs go side by side.
  const tryRepo = async (memo: string) => {
    const repo = await tempRepo('precommit-try', env);
    writeFiles(repo.dir, { 'memo.md': memo });
    await repo.git('add', 'memo.md');
    return run('pre-commit', ['try-repo', hookRepo.dir, 'tonelint', '--files', 'memo.md'], {
      cwd: repo.dir,
      env,
      timeoutMs: preCommitInstallTimeoutMs,
    });
  };

  it('fails on a memo with dehumanizing language, printing the report with its rewrites', async () => {
    const result = await tryRepo(memos.bad);
    expect(result.code, report(result)).toBe(1);
    expect(result.output, report(result)).toMatch(/tonelint\.+Failed/);
    expect(result.output, report(result)).toContain('- exit code: 1');
    expect(result.output, report(result)).toContain('memo.md');
    expect(result.output, report(result)).toContain('people-as-units');
    // Each finding comes with its rewrite: a safe fix or suggestions.
    expect(result.output, report(result)).toMatch(/(?:fix|try): “/);
  }, preCommitInstallTimeoutMs + 30_000);

  it('passes on the honest rewrite', async () => {
    const result = await tryRepo(memos.good);
    expect(result.code, report(result)).toBe(0);
    expect(result.output, report(result)).toMatch(/tonelint\.+Passed/);
  }, preCommitInstallTimeoutMs + 30_000);
});
