// Shared by the git-hook tests (pre-commit, lint-staged + husky, the plain hook script): temp git
// repositories under os.tmpdir() with an isolated git config, real child processes, and reports
// that show the tools' own output when an expectation fails.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const tonelintBin = join(repoRoot, 'bin', 'tonelint.js');
export const hookExamples = join(repoRoot, 'examples', 'hooks');
const isCI = process.env.CI === 'true';

/**
 * A memo that must block a commit (error-level dehumanizing language), its honest rewrite that
 * must pass, and a file name with spaces so every recipe is checked for quoting.
 */
export const memos = {
  bad: '# Support update\n\nWe will cut 40 heads from support, and the measurers are now obsolete.\n',
  good:
    '# Support update\n\nI decided to lay off 40 colleagues in support. Thank you for your work; ' +
    'everyone affected gets severance and job-search help.\n',
  /** An error-level threat with suggestions for a human but no safe fix. */
  noSafeFix: '# Rollout\n\nAutomation is coming for your jobs, whether you like it or not.\n',
};

/**
 * True when `command` runs. Missing locally: the caller skips. Missing with CI=true: throws, so
 * CI can never pass by skipping the tests that prove a commit is really blocked.
 */
export function requireTool(command: string, installHint: string, versionArgs: string[] = ['--version']): boolean {
  const probe = spawnSync(command, versionArgs, { stdio: 'ignore', timeout: 30_000 });
  const available = probe.error === undefined && probe.status === 0;
  if (!available && isCI) {
    throw new Error(`${command} is not installed, and CI=true requires the git-hook tests (${installHint})`);
  }
  return available;
}

function assertBuilt(): void {
  if (!existsSync(join(repoRoot, 'dist', 'cli', 'main.js'))) {
    throw new Error('dist/cli/main.js is missing: run `npm run build` before the git-hook tests');
  }
}

const tempRoots: string[] = [];

/** A fresh directory under os.tmpdir(); removed by `removeTempDirs`. */
export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `tonelint-${label}-`));
  tempRoots.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  // Kept for inspection when asked to: TONELINT_KEEP_TMP=1 npx vitest run tests/e2e/...
  if (process.env.TONELINT_KEEP_TMP === '1') return;
  for (const dir of tempRoots.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * The environment for every tool the tests start: the caller's, minus whatever would make a temp
 * repository depend on the machine or on the process that started vitest:
 * - git reads only a config written here (no ~/.gitconfig hooksPath, signing or templates);
 * - GIT_DIR and friends are dropped, in case the tests themselves run inside a git hook;
 * - the npm_* variables `npm test` exports (prefix, local_prefix, lifecycle) are dropped, so
 *   pre-commit's and the test projects' own npm runs see only their own project;
 * - so are the test runner's NODE_ENV and VITEST_* and forced colour settings: a user's shell
 *   has none of them.
 */
export function isolatedEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('npm_') || key === 'INIT_CWD') continue;
    if (key.startsWith('GIT_') || key === 'HUSKY' || key.startsWith('PRE_COMMIT')) continue;
    if (key === 'FORCE_COLOR' || key === 'NO_COLOR') continue;
    // vitest sets NODE_ENV=test, which switches lint-staged to its JSON test renderer.
    if (key === 'NODE_ENV' || key.startsWith('VITEST')) continue;
    env[key] = value;
  }
  const gitconfig = join(home, 'gitconfig');
  if (!existsSync(gitconfig)) {
    writeFileSync(
      gitconfig,
      [
        '[user]',
        '\tname = tonelint hook test',
        '\temail = hooks@tonelint.invalid',
        '[init]',
        '\tdefaultBranch = main',
        '[commit]',
        '\tgpgsign = false',
        '[advice]',
        '\tdetachedHead = false',
        // CI containers often check the repository out as another user; git then refuses to
        // read it unless the (here replaced) global config trusts it.
        '[safe]',
        `\tdirectory = ${repoRoot}`,
        '',
      ].join('\n'),
    );
  }
  env.GIT_CONFIG_GLOBAL = gitconfig;
  env.GIT_CONFIG_NOSYSTEM = '1';
  // npm (lint-staged's installs, pre-commit's node hook environments) takes packages from its cache
  // when it has them, as for any user who installed them before, instead of asking the registry
  // again about each of ~900 package documents on every install. A cold cache still downloads.
  env.npm_config_prefer_offline = 'true';
  return { ...env, ...extra };
}

export interface RunResult {
  command: string;
  cwd: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  /** stdout then stderr, for `toContain` checks that do not care which stream. */
  output: string;
}

/** Runs a real process to completion (no shell), killing its process group on timeout. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number; input?: string },
): Promise<RunResult> {
  return new Promise((resolvePromise) => {
    const stdin = options.input === undefined ? 'ignore' : 'pipe';
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: [stdin, 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
    if (child.stdin) {
      // A child that exits without reading its input is not an error of the test.
      child.stdin.on('error', () => {});
      child.stdin.end(options.input);
    }
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, options.timeoutMs);
    const finish = (code: number | null, signal: NodeJS.Signals | null, spawnError?: Error) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8') + (spawnError ? `\n[spawn error] ${spawnError.message}` : '');
      resolvePromise({
        command: [command, ...args].map(quoteForDisplay).join(' '),
        cwd: options.cwd,
        code,
        signal,
        timedOut,
        stdout,
        stderr,
        output: `${stdout}\n${stderr}`,
      });
    };
    child.on('error', (error) => finish(null, null, error));
    child.on('close', (code, signal) => finish(code, signal));
  });
}

/** The message attached to every expectation: the command, where it ran, and all it printed. */
export function report(result: RunResult): string {
  return [
    `$ ${result.command}`,
    `(in ${result.cwd}; exit ${result.code}${result.signal ? `, signal ${result.signal}` : ''}${result.timedOut ? ', TIMED OUT' : ''})`,
    '--- stdout ---',
    result.stdout.trimEnd(),
    '--- stderr ---',
    result.stderr.trimEnd(),
  ].join('\n');
}

function quoteForDisplay(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`;
}

/** Writes `files` (paths may contain `/` and spaces) under `root`. */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

/** A git runner bound to one repository and environment; throws with git's output on failure. */
export function gitIn(cwd: string, env: NodeJS.ProcessEnv) {
  const git = async (...args: string[]): Promise<string> => {
    const result = await run('git', args, { cwd, env, timeoutMs: 60_000 });
    if (result.code !== 0) throw new Error(`git failed\n${report(result)}`);
    return result.stdout;
  };
  /** `git commit` that may be refused by a hook: returns the result instead of throwing. */
  const commit = (message: string, timeoutMs = 120_000): Promise<RunResult> =>
    run('git', ['commit', '-m', message], { cwd, env, timeoutMs });
  const head = async (): Promise<string> => (await git('rev-parse', '--verify', '--quiet', 'HEAD').catch(() => '')).trim();
  /** Paths committed in HEAD (empty list before the first commit). */
  const committedFiles = async (): Promise<string[]> =>
    (await head()) === '' ? [] : (await git('ls-tree', '-r', '-z', '--name-only', 'HEAD')).split('\0').filter(Boolean);
  return { git, commit, head, committedFiles };
}

/** `git init` in a new temp directory; returns the directory and its git helpers. */
export async function tempRepo(label: string, env: NodeJS.ProcessEnv) {
  const dir = tempDir(label);
  const helpers = gitIn(dir, env);
  await helpers.git('init', '--quiet');
  return { dir, ...helpers };
}

/**
 * A clone of this repository at HEAD in a temp directory: what pre-commit installs is the
 * committed tree (no dist/, no uncommitted files), exactly as a user's `rev:` would pin it.
 */
export async function cloneHead(env: NodeJS.ProcessEnv): Promise<{ dir: string; sha: string }> {
  const sha = (await gitIn(repoRoot, env).git('rev-parse', 'HEAD')).trim();
  const dir = join(tempDir('hook-repo'), 'tonelint');
  await gitIn(tmpdir(), env).git('clone', '--quiet', '--no-hardlinks', repoRoot, dir);
  await gitIn(dir, env).git('checkout', '--quiet', '--detach', sha);
  return { dir, sha };
}

/** Runs the working tree's built CLI, to check a fixture's verdict before blaming a hook. */
function lintDirectly(cwd: string, files: string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  return run(process.execPath, [tonelintBin, '--no-color', ...files], { cwd, env, timeoutMs: 60_000 });
}

/** Bytes a file list takes on a command line (each path plus its separator). */
export function commandLineBytes(paths: readonly string[]): number {
  return paths.reduce((sum, path) => sum + Buffer.byteLength(path) + 1, 0);
}

/**
 * `count` honest memos at long paths with spaces: together longer than one command line of
 * xargs, pre-commit or lint-staged (128 KiB), so the tool must split them into several runs.
 */
export function manyHonestMemos(count: number): Record<string, string> {
  const folder = 'team notes/quarterly reviews of the support rollout, one memo per team and week';
  const files: Record<string, string> = {};
  for (let index = 0; index < count; index += 1) {
    const name = `${String(index).padStart(4, '0')} notes from the weekly review of how the assistant changes our support work, written by the team for the team.md`;
    files[`${folder}/${name}`] = memos.good;
  }
  return files;
}

/**
 * Fails early, with the CLI's own output, when the fixtures no longer mean what the hook tests
 * assume (the bad memo has error-level findings, the rewrite has none): otherwise a rule change
 * would read as a broken hook.
 */
export async function checkMemoVerdicts(env: NodeJS.ProcessEnv): Promise<void> {
  assertBuilt();
  const fixtures = tempDir('hook-fixtures');
  writeFiles(fixtures, { 'bad.md': memos.bad, 'good.md': memos.good });
  const bad = await lintDirectly(fixtures, ['bad.md'], env);
  if (bad.code !== 1) throw new Error(`the bad memo must have error-level findings (exit 1)\n${report(bad)}`);
  const good = await lintDirectly(fixtures, ['good.md'], env);
  if (good.code !== 0) throw new Error(`the honest rewrite must pass (exit 0)\n${report(good)}`);
}

/** pre-commit builds a node environment per hook repository: nodeenv, npm install (with the
 * TypeScript build), npm pack, npm install -g. A minute alone; more beside other installs. */
export const preCommitInstallTimeoutMs = 5 * 60_000;

/** Removing a pre-commit cache (a node environment with node_modules) takes a while. */
export const cleanupTimeoutMs = 120_000;

/** What `tonelint --fix` makes of `text` (the CLI prints the fixed text with --stdin). */
export async function fixedByCli(text: string, env: NodeJS.ProcessEnv): Promise<string> {
  const result = await run(process.execPath, [tonelintBin, '--stdin', '--fix', '--stdin-filename', 'memo.md'], {
    cwd: tmpdir(),
    env,
    timeoutMs: 60_000,
    input: text,
  });
  if (result.code !== 0 && result.code !== 1) throw new Error(`tonelint --stdin --fix failed\n${report(result)}`);
  return result.stdout;
}
