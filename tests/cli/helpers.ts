// Runs the built CLI as a child process against real files in temporary directories.
import type { DocumentSummary } from '../../src/core/summary.js';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, vi } from 'vitest';

// Each test spawns the CLI a few times; on a loaded 2-core machine that can exceed 5 s.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const bin = join(repoRoot, 'bin', 'tonelint.js');

if (!existsSync(join(repoRoot, 'dist', 'cli', 'main.js'))) {
  throw new Error('dist/cli/main.js is missing: run `npm run build` before the CLI tests');
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
}

export function tonelint(args: string[], options: { cwd: string; input?: string | Buffer; env?: Record<string, string> }): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The test runner may force colour; the CLI must decide for itself from the (piped) stdout.
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  Object.assign(env, options.env);
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: options.cwd, input: options.input ?? '', env, timeout: 30_000 });
  return { code: result.status, stdout: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8'), stdoutBytes: result.stdout };
}

// Every directory project() makes is removed when the test file is done.
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory holding `files` (paths may contain `/`), removed after the test file. */
export function project(files: Record<string, string | Buffer> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'tonelint-cli-'));
  made.push(root);
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

export interface RuleInfo {
  id: string;
  category: string;
  severity: 'error' | 'warning' | 'info';
  fix: boolean;
  summary: string;
  examples: { flags: string[]; passes: string[] };
}

let rulesCache: RuleInfo[] | undefined;
export function rules(): RuleInfo[] {
  if (!rulesCache) {
    const result = tonelint(['--list-rules', '--format', 'json'], { cwd: repoRoot });
    if (result.code !== 0) throw new Error(`tonelint --list-rules failed: ${result.stderr}`);
    rulesCache = JSON.parse(result.stdout) as RuleInfo[];
  }
  return rulesCache;
}

/** A rule matching `predicate` and one sentence its own examples say it flags. */
const builtCore = (await import(pathToFileURL(join(repoRoot, 'dist', 'index.js')).href)) as typeof import('../../src/index.js');

/**
 * A flags example the built rules really fix. Fixes belong to patterns, so not every example of
 * a rule with a fix has one; undefined when the pack has no fix at all.
 */
export const fixableSample: { id: string; text: string } | undefined = await (async () => {
  for (const rule of builtCore.listRules().filter((each) => each.fix)) {
    for (const text of rule.examples.flags) {
      const { findings } = await builtCore.lint(text, { format: 'markdown' });
      if (findings.some((finding) => finding.ruleId === rule.id && finding.fix)) return { id: rule.id, text };
    }
  }
  return undefined;
})();

export function ruleExample(predicate: (rule: RuleInfo) => boolean, what: string): { id: string; text: string; rule: RuleInfo } {
  const rule = rules().find((each) => predicate(each) && each.scope !== 'scorer' && each.examples.flags.length > 0);
  if (!rule) throw new Error(`the rule pack has no ${what} rule yet`);
  return { id: rule.id, text: rule.examples.flags[0], rule };
}

/** Error-level example from the issue: dehumanizing, people counted as units. */
export const headsSentence = 'We will cut 40 heads from support.';
export const cleanSentence = 'The support team will keep its forty colleagues and learn the new tools together.';

export function parseJson(result: CliResult): JsonFileResult[] {
  try {
    return JSON.parse(result.stdout) as JsonFileResult[];
  } catch {
    throw new Error(`stdout is not JSON (exit ${result.code}):\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
}

export interface JsonMessage {
  ruleId: string | null;
  category: string | null;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  suggestions: string[];
  fix: { range: [number, number]; text: string } | null;
  confidence?: number;
  cues?: string[];
  advice?: boolean;
}

export interface JsonFileResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  summary: DocumentSummary;
}
