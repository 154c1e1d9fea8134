// The harness on a tiny fixture set (tests/fixtures/eval) with a toy linter, so every expected
// number below is computed by hand from the fixture texts and the toy rules.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { computeView, lintAll, type LintRun } from '../../src/eval/evaluate.js';
import { readEvalData } from '../../src/eval/load.js';
import { buildReport, renderMarkdown, renderSummary } from '../../src/eval/report.js';

const fixtureDir = fileURLToPath(new URL('../fixtures/eval/', import.meta.url));

/** The toy linter: each phrase fires wherever it occurs. */
const toyRules: Record<string, Pick<Finding, 'ruleId' | 'category' | 'severity'>> = {
  polishing: { ruleId: 'threat', category: 'alarmist', severity: 'error' },
  seats: { ruleId: 'people-as-units', category: 'dehumanizing', severity: 'warning' },
  streamlining: { ruleId: 'euphemism', category: 'evasive', severity: 'warning' },
  middleware: { ruleId: 'people-as-parts', category: 'dehumanizing', severity: 'warning' },
  scary: { ruleId: 'panic', category: 'alarmist', severity: 'info' },
  beats: { ruleId: 'benchmark-first', category: 'framing', severity: 'warning' },
  benchmark: { ruleId: 'benchmark-nudge', category: 'framing', severity: 'info' },
};

async function toyLint(text: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const [phrase, rule] of Object.entries(toyRules)) {
    for (let start = text.indexOf(phrase); start !== -1; start = text.indexOf(phrase, start + 1)) {
      const end = start + phrase.length;
      findings.push({
        ...rule,
        message: `toy: ${phrase}`,
        start: { line: 1, column: start + 1, offset: start },
        end: { line: 1, column: end + 1, offset: end },
        actual: phrase,
        suggestions: [],
        url: '',
      });
    }
  }
  return findings;
}

async function toyRun(): Promise<LintRun> {
  const data = readEvalData(fixtureDir);
  return lintAll(data.items, data.neutral, toyLint);
}

describe('the fixture set', () => {
  it('reads ten items and one neutral file with its wc -w count', () => {
    const data = readEvalData(fixtureDir);
    expect(data.items).toHaveLength(10);
    expect(data.neutral).toEqual([expect.objectContaining({ name: 'ops-notes.txt', words: 20 })]);
  });
});

describe('computeView, warning and error findings', () => {
  it('scores flagged vs ok: 4 TP (m-01 m-02 m-03 m-08), 2 FP (m-07 m-10), 1 FN (m-04), 3 TN', async () => {
    const result = computeView(await toyRun(), 'warning+');
    expect(result.flagged).toMatchObject({ tp: 4, fp: 2, fn: 1, tn: 3 });
    expect(result.flagged.precision).toBeCloseTo(4 / 6, 10);
    expect(result.flagged.recall).toBeCloseTo(0.8, 10);
    expect(result.flagged.f1).toBeCloseTo(16 / 22, 10);
  });

  it('scores each label by the categories of its findings', async () => {
    const { labels } = computeView(await toyRun(), 'warning+');
    expect(labels.alarmist).toMatchObject({ tp: 1, fp: 0, fn: 0, precision: 1, recall: 1, support: 1, topLabelRecall: 1 });
    expect(labels.dehumanizing).toMatchObject({ tp: 2, fp: 1, fn: 0, recall: 1, support: 2 });
    expect(labels.dehumanizing.precision).toBeCloseTo(2 / 3, 10);
    expect(labels.evasive).toMatchObject({ tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5, topLabelRecall: 0.5 });
  });

  it('builds the confusion matrix from each item’s top finding, with framing-only items as other', async () => {
    const { confusion } = computeView(await toyRun(), 'warning+');
    expect(confusion.alarmist).toEqual({ alarmist: 1, dehumanizing: 0, evasive: 0, ok: 0, other: 0 });
    expect(confusion.dehumanizing).toEqual({ alarmist: 0, dehumanizing: 2, evasive: 0, ok: 0, other: 0 });
    expect(confusion.evasive).toEqual({ alarmist: 0, dehumanizing: 0, evasive: 1, ok: 1, other: 0 });
    expect(confusion.ok).toEqual({ alarmist: 0, dehumanizing: 1, evasive: 0, ok: 3, other: 1 });
  });

  it('breaks false positives down by ok category and lists each one', async () => {
    const result = computeView(await toyRun(), 'warning+');
    expect(result.okCategories).toEqual([
      { category: 'ai-user-benefit', items: 2, flagged: 1, rate: 0.5 },
      { category: 'hard-negative', items: 2, flagged: 1, rate: 0.5 },
      { category: 'honest-layoff', items: 1, flagged: 0, rate: 0 },
    ]);
    expect(result.falsePositives.map((row) => [row.id, row.ruleId, row.actual])).toEqual([
      ['m-07', 'people-as-units', 'seats'],
      ['m-10', 'benchmark-first', 'beats'],
    ]);
  });

  it('finds a gold span when any finding overlaps it: 4 of 6', async () => {
    const { spans } = computeView(await toyRun(), 'warning+');
    expect(spans).toMatchObject({ total: 6, found: 4 });
    expect(spans.byLabel).toEqual({ alarmist: { total: 1, found: 1 }, dehumanizing: { total: 3, found: 2 }, evasive: { total: 2, found: 1 } });
    expect(spans.missed).toEqual([
      { id: 'm-04', label: 'evasive', category: 'agentless-passive', span: 'positions were eliminated' },
      { id: 'm-08', label: 'dehumanizing', category: 'people-as-parts', span: 'into spare parts' },
    ]);
  });

  it('measures findings per 10,000 words on neutral prose and on the ok texts', async () => {
    const result = computeView(await toyRun(), 'warning+');
    expect(result.neutral.total).toEqual({ words: 20, findings: 1, per10k: 500 });
    expect(result.neutral.rows).toEqual([
      expect.objectContaining({ id: 'ops-notes.txt', ruleId: 'people-as-units', text: 'The redundant nodes take over, and we bought ten more seats.' }),
    ]);
    // ok texts: 7 + 17 + 10 + 11 + 9 words; findings on m-07 and m-10
    expect(result.okDensity.words).toBe(54);
    expect(result.okDensity.findings).toBe(2);
    expect(result.okDensity.per10k).toBeCloseTo((2 / 54) * 10_000, 6);
  });

  it('counts per-rule true and false positives', async () => {
    const { rules } = computeView(await toyRun(), 'warning+');
    expect(rules.find((rule) => rule.ruleId === 'people-as-units')).toMatchObject({ onSpan: 1, offSpan: 0, okItems: 1, neutral: 1, rewrites: 0 });
    expect(rules.find((rule) => rule.ruleId === 'benchmark-first')).toMatchObject({ onSpan: 0, okItems: 1 });
    expect(rules.find((rule) => rule.ruleId === 'panic')).toBeUndefined();
  });

  it('lists the missed item and checks the rewrites', async () => {
    const result = computeView(await toyRun(), 'warning+');
    expect(result.misses.map((miss) => [miss.id, miss.label, miss.category])).toEqual([['m-04', 'evasive', 'agentless-passive']]);
    expect(result.mislabeled).toEqual([]);
    expect(result.rewrites).toMatchObject({ total: 5, clean: 5, rate: 1, failures: [] });
  });

  it('marks the targets: precision, recall, evasive recall and neutral density fail here', async () => {
    const result = computeView(await toyRun(), 'warning+');
    const failing = result.targets.filter((target) => target.pass === false).map((target) => target.name);
    expect(failing).toEqual(['flagged-vs-ok precision', 'flagged-vs-ok recall', 'evasive recall', 'neutral findings per 10,000 words']);
  });
});

describe('computeView, info included', () => {
  it('counts the info-level panic finding: alarmist gains a false positive, a rewrite fails', async () => {
    const result = computeView(await toyRun(), 'all');
    expect(result.labels.alarmist).toMatchObject({ tp: 1, fp: 1, precision: 0.5 });
    expect(result.rewrites).toMatchObject({ total: 5, clean: 4 });
    expect(result.rewrites.failures.map((row) => [row.id, row.ruleId])).toEqual([['m-01', 'panic']]);
    // the panic finding sits outside m-08's gold spans
    expect(result.rules.find((rule) => rule.ruleId === 'panic')).toMatchObject({ onSpan: 0, offSpan: 1, rewrites: 1 });
    // framing info findings never count
    expect(result.flagged).toMatchObject({ tp: 4, fp: 2, fn: 1, tn: 3 });
  });
});

describe('lintAll', () => {
  it('reports a text the linter throws on instead of stopping', async () => {
    const data = readEvalData(fixtureDir);
    const run = await lintAll(data.items.slice(0, 2), [], async (text) => {
      if (text.includes('depot')) throw new Error('boom');
      return [];
    });
    expect(run.errors).toEqual([
      { where: 'm-02', message: 'boom' },
      { where: 'm-02 rewrite', message: 'boom' },
    ]);
  });
});

describe('the report', () => {
  it('renders every section the issue asks for, with the command and date', async () => {
    const report = buildReport(await toyRun(), {
      command: 'npm run eval',
      date: '2026-01-02',
      dataDir: 'tests/fixtures/eval',
      format: 'markdown',
      preset: 'recommended',
      ruleIds: ['threat'],
      filters: {},
    });
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('- Command: `npm run eval`');
    expect(markdown).toContain('- Date: 2026-01-02');
    expect(markdown).toContain('| flagged-vs-ok recall | >= 0.90 | 0.80 (4/5) | ❌ fail |');
    expect(markdown).toContain('| honest-layoff false positives | 0 | 0 of 1 | ✅ pass |');
    for (const heading of [
      'Confusion matrix',
      'False positives on ok items, by category',
      'Span recall',
      'Findings per 10,000 words',
      'Rewrites check',
      'Per rule',
      'Missed items (false negatives), by label and category',
    ]) {
      expect(markdown).toContain(`### ${heading}`);
    }
    expect(markdown).toContain('| **ok** | 0 | 1 | 0 | 3 | 1 |');
    expect(markdown).toContain('| m-04 | `positions were eliminated` | Forty positions were eliminated overnight. |');
    expect(renderSummary(report)).toMatch(/FAIL {2}flagged-vs-ok recall +0\.80/);
  });
});
