// The learned scorer through the real CLI: its findings in the JSON report, its settings in a
// config file, and a damaged install (weights missing or corrupt) as one clear line and exit 2.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJson, project, repoRoot, tonelint } from './helpers.js';

// Every scorer finding is a sentence about people or AI; this one no phrase rule lists.
const memo = 'If your team cannot show me by spring why the assistant should not do your jobs, do not expect to keep them.\n';

/** A copy of the installed package (bin, dist, models, package.json) sharing node_modules. */
function installedCopy(): string {
  const root = project();
  for (const part of ['bin', 'dist', 'models', 'package.json']) cpSync(join(repoRoot, part), join(root, part), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'));
  return root;
}

function run(root: string, args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [join(root, 'bin', 'tonelint.js'), ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the scorer in the CLI', () => {
  it('reports its findings with a confidence and cues in JSON, and the summary counts them', () => {
    const cwd = project({ 'memo.md': memo });
    const [file] = parseJson(tonelint(['memo.md', '-f', 'json'], { cwd }));
    const scored = file.messages.filter((message) => String(message.ruleId).startsWith('scored-'));
    expect(scored.length).toBeGreaterThan(0);
    for (const message of scored) {
      expect(message).toMatchObject({ confidence: expect.any(Number), cues: expect.any(Array), advice: true });
      expect(file.summary.counts[message.category as keyof typeof file.summary.counts]).toBeGreaterThan(0);
    }
  });

  it('is turned off by scorer: { enabled: false } and follows configured thresholds', () => {
    const cwd = project({ 'memo.md': memo, '.tonelintrc.yml': 'scorer:\n  enabled: false\n', 'strict/memo.md': memo, 'strict/.tonelintrc.yml': 'scorer:\n  thresholds: { alarmist: 0.99, dehumanizing: 0.99, evasive: 0.99 }\n' });
    const [off, strict] = parseJson(tonelint(['memo.md', 'strict/memo.md', '-f', 'json'], { cwd }));
    expect(off.messages.filter((message) => String(message.ruleId).startsWith('scored-'))).toEqual([]);
    expect(strict.messages.every((message) => !String(message.ruleId).startsWith('scored-') || message.confidence! >= 0.99)).toBe(true);
  });

  it('rejects a bad scorer setting with the file and line, exit 2', () => {
    const cwd = project({ 'memo.md': memo, '.tonelintrc.yml': 'preset: recommended\nscorer:\n  thresholds:\n    alarmist: 1.5\n' });
    const result = tonelint(['memo.md'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\.tonelintrc\.yml:4: "scorer\.thresholds\.alarmist" must be a number between 0 and 1/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a damaged install', () => {
  it('with the memo heads missing: one clear line naming them, exit 2', () => {
    const root = installedCopy();
    rmSync(join(root, 'models', 'memo-heads.bin'));
    const cwd = join(root, 'work');
    mkdirSync(cwd);
    writeFileSync(join(cwd, 'memo.md'), memo);
    const result = run(root, ['memo.md'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/models\/memo-heads\.bin: the memo heads' weights file is missing/);
  });

  it.each([
    ['corrupt', (root: string) => writeFileSync(join(root, 'models', 'scorer.bin'), 'PK\u0003\u0004 this is not a model')],
    ['missing', (root: string) => rmSync(join(root, 'models', 'scorer.bin'))],
    ['swapped', (root: string) => cpSync(join(root, 'models', 'memo-heads.bin'), join(root, 'models', 'scorer.bin'))],
  ])('with %s weights: one clear line naming the file, exit 2, no stack trace', (kind, damage) => {
    const root = installedCopy();
    damage(root);
    const cwd = join(root, 'work');
    mkdirSync(cwd);
    writeFileSync(join(cwd, 'memo.md'), memo);
    const result = run(root, ['memo.md'], cwd);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    const says = { corrupt: 'is not usable', missing: 'is missing', swapped: 'holds the wrong kind of model' }[kind]!;
    expect(lines[0]).toMatch(new RegExp(`^tonelint: error: .*models/scorer\\.bin: the scorer's weights file ${says}`));
    // The rules alone still work when the scorer is turned off.
    writeFileSync(join(cwd, '.tonelintrc.yml'), 'scorer:\n  enabled: false\n');
    expect(run(root, ['memo.md'], cwd).stderr).toBe('');
    // --explain still explains the rule, and says why the model cannot be used.
    const explained = run(root, ['--explain', 'scored-alarmist'], cwd);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toMatch(/The learned scorer cannot be loaded/);
  });
});
