// `npm run eval` end to end on the fixture set: the built script with the real linter. Scores are
// not asserted (they depend on the rule packs); the shape of the output and the options are.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { lintAll } from '../../src/eval/evaluate.js';
import { readEvalData } from '../../src/eval/load.js';
import { buildReport } from '../../src/eval/report.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtureDir = join(root, 'tests/fixtures/eval');
const script = join(root, 'dist/eval/run.js');
const scratch = mkdtempSync(join(tmpdir(), 'tonelint-eval-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the harness with the real linter', () => {
  it('lints every item, rewrite and neutral file without errors, and its counts add up', async () => {
    const data = readEvalData(fixtureDir);
    const run = await lintAll(data.items, data.neutral, async (text) => (await lint(text, { format: 'markdown' })).findings);
    expect(run.errors).toEqual([]);
    const report = buildReport(run, { command: 'test', date: '2026-01-01', dataDir: 'fixture', format: 'markdown', preset: 'recommended', ruleIds: [], filters: {} });
    for (const view of report.views) {
      const { tp, fp, fn, tn } = view.flagged;
      expect(tp + fn).toBe(5);
      expect(fp + tn).toBe(5);
      const matrixTotal = Object.values(view.confusion).reduce((sum, row) => sum + Object.values(row).reduce((a, b) => a + b, 0), 0);
      expect(matrixTotal).toBe(10);
      expect(view.misses).toHaveLength(fn);
    }
  });
});

describe('dist/eval/run.js', () => {
  it('is built (npm test builds it; run `npm run build` before vitest alone)', () => {
    expect(existsSync(script)).toBe(true);
  });
  it('prints JSON and writes the Markdown report where --out says', () => {
    const out = join(scratch, 'RESULTS.md');
    const stdout = execFileSync(process.execPath, [script, '--data', fixtureDir, '--json', '--out', out], { encoding: 'utf8' });
    const report = JSON.parse(stdout);
    expect(report.items.total).toBe(10);
    expect(report.views.map((view: { view: string }) => view.view)).toEqual(['warning+', 'all']);
    expect(report.info.command).toContain('--json');
    const markdown = readFileSync(out, 'utf8');
    expect(markdown).toMatch(/^# tonelint evaluation on the development set/);
    expect(markdown).toContain('format `markdown`');
  });

  it('filters by label and category, and does not write a report for a filtered run', () => {
    const result = spawnSync(process.execPath, [script, '--data', fixtureDir, '--label', 'ok', '--category', 'hard-negative', '--json'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).items.byLabel).toEqual({ alarmist: 0, dehumanizing: 0, evasive: 0, ok: 2 });
    expect(result.stderr).toBe('');
    expect(existsSync(join(fixtureDir, 'RESULTS.md'))).toBe(false);
  });

  it('prints only the summary with --quiet', () => {
    const result = spawnSync(process.execPath, [script, '--data', fixtureDir, '--quiet', '--out', join(scratch, 'quiet.md')], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain('###');
    expect(result.stdout).toContain('flagged-vs-ok precision');
  });

  it('exits 2 with a clear message for an unknown label or a missing data directory', () => {
    const label = spawnSync(process.execPath, [script, '--data', fixtureDir, '--label', 'rude'], { encoding: 'utf8' });
    expect(label.status).toBe(2);
    expect(label.stderr).toContain('--label must be one of alarmist, dehumanizing, evasive, ok');
    const missing = spawnSync(process.execPath, [script, '--data', join(scratch, 'nowhere')], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read the data');
  });
});

describe('node dist/eval/memos.js FILE: one writer\'s memos measured on their own', () => {
  it('prints one table for the file, with every kind and the element report', () => {
    const two = readFileSync(join(root, 'data/memos/m1.jsonl'), 'utf8').split('\n').slice(0, 2).join('\n');
    const file = join(scratch, 'writer.jsonl');
    writeFileSync(file, `${two}\n`);
    const out = execFileSync(process.execPath, [join(root, 'dist/eval/memos.js'), file], { encoding: 'utf8' });
    expect(out).toContain(`### ${file}: 2 memos`);
    for (const row of ['cut-missing: judged right', 'cut-honest: judged right', 'benchmark-led: judged right', '(memo, element) pairs reported right']) expect(out).toContain(`| ${row} |`);
  });
});

