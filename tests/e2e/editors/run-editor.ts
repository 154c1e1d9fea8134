// Runs a real editor headless on a copy of the example memo, with a hard timeout, and returns
// everything it printed so a failure shows the editor's own account of what went wrong.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const exampleMemo = path.join(repoRoot, 'examples/editors/memo.md');
/** The finding the example memo must produce ("We will cut 40 heads from support."). */
export const memoRule = 'people-as-units';
export const editorTimeoutMs = 120_000;

/** Whether `command probeArgs` succeeds here: the editor and what the test needs from it. */
export function editorAvailable(command: string, probeArgs: string[]): boolean {
  const probe = spawnSync(command, probeArgs, { stdio: 'ignore', timeout: 30_000 });
  return probe.status === 0;
}

/** Skipped locally without the editor, but CI must prove the editors every run. */
export function requireEditor(command: string, probeArgs: string[] = ['--version']): boolean {
  const available = editorAvailable(command, probeArgs);
  if (!available && process.env.CI === 'true') {
    throw new Error(`${command} ${probeArgs.join(' ')} failed (not installed?), and CI=true requires the real-editor tests (.ci/run installs neovim emacs-nox elpa-eglot)`);
  }
  return available;
}

export interface EditorRun {
  code: number | null;
  timedOut: boolean;
  output: string;
  /** The memo as the editor left it on disk (unchanged unless the editor saved). */
  memoAfter: string;
}

/**
 * Runs `command` with the README's example config for it (`config`, under examples/editors/),
 * finding `tonelint-language-server` on PATH as an installed package would provide it.
 */
export async function runEditor(command: string, config: string, args: (memo: string) => string[]): Promise<EditorRun> {
  const dir = mkdtempSync(path.join(tmpdir(), `tonelint-${path.basename(command)}-`));
  const memo = path.join(dir, 'memo.md');
  copyFileSync(exampleMemo, memo);
  const binDir = path.join(dir, 'bin');
  mkdirSync(binDir);
  symlinkSync(path.join(repoRoot, 'bin/tonelint-language-server.js'), path.join(binDir, 'tonelint-language-server'));
  try {
    const child = spawn(command, args(memo), {
      cwd: dir,
      env: {
        ...process.env,
        PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`,
        TONELINT_CONFIG: path.join(repoRoot, 'examples/editors', config),
        TONELINT_MEMO: memo,
        TONELINT_RULE: memoRule,
        HOME: dir,
        XDG_CONFIG_HOME: path.join(dir, 'config'),
        XDG_DATA_HOME: path.join(dir, 'data'),
        XDG_STATE_HOME: path.join(dir, 'state'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, editorTimeoutMs);
    const code = await new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
    clearTimeout(timer);
    return { code, timedOut, output, memoAfter: readFileSync(memo, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The assertion message: the editor's whole output, so CI logs show what it saw. */
export function describeRun(command: string, run: EditorRun): string {
  const why = run.timedOut ? `timed out after ${editorTimeoutMs / 1000} s` : `exited with ${run.code}`;
  return `${command} ${why}; its output:\n${run.output}`;
}
