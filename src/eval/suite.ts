// `npm run eval`: every evaluation set, three ways (rules only, scorer only, both), one table.
// The development set also gets its full report (every false positive and miss). The blind sets
// (D and B) get aggregate numbers only: their items, misses and findings are never written to a
// tracked file, so nobody tunes on them. Writes eval/RESULTS.md and eval/scorer-pr-d.svg.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint, listRules, ruleIdsOfScope } from '../index.js';
import type { LintConfig } from '../core/config.js';
import { severityRank, type Finding } from '../core/finding.js';
import { toneLabels } from './dataset.js';
import { computeView, lintAll, type LintRun } from './evaluate.js';
import { readEvalData, readNeutral } from './load.js';
import { buildReport, renderMarkdown } from './report.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

interface EvalSet {
  name: string;
  /** Labelled items; a set without them measures neutral prose only. */
  items?: string;
  neutral: string;
  blind: boolean;
}

const sets: EvalSet[] = [
  { name: 'dev', items: 'eval/dev/dev.jsonl', neutral: 'eval/dev/neutral-dev', blind: false },
  { name: 'D (blind)', items: 'eval/blind-d/d.jsonl', neutral: 'eval/blind-d/neutral', blind: true },
  { name: 'B (blind)', items: 'eval/heldout/heldout-b.jsonl', neutral: 'eval/heldout/neutral', blind: true },
  { name: 'N (blind)', neutral: 'eval/blind-n', blind: true },
];

const scorerRuleIds = () => [...ruleIdsOfScope('scorer')];

export const modes: { name: string; config: () => LintConfig }[] = [
  { name: 'rules only', config: () => ({ scorer: { enabled: false } }) },
  {
    name: 'scorer only',
    config: () => ({ rules: Object.fromEntries([...ruleIdsOfScope('phrase'), ...ruleIdsOfScope('document')].map((id) => [id, 'off' as const])) }),
  },
  { name: 'rules + scorer', config: () => ({}) },
];

export interface SetResult {
  set: string;
  mode: string;
  items: number;
  flagged: number;
  precision: number | null;
  recall: number | null;
  labelRecall: Record<string, number | null>;
  hardNegativeFalsePositives: string;
  honestAboveInfo: string;
  neutralPer10k: number | null;
}

const fixed = (value: number | null) => (value === null ? 'n/a' : value.toFixed(2));

async function runSet(set: EvalSet, config: LintConfig): Promise<LintRun> {
  const data = set.items ? readEvalData(repoRoot, join(repoRoot, set.items), join(repoRoot, set.neutral)) : { items: [], neutral: readNeutral(join(repoRoot, set.neutral)) };
  return lintAll(data.items, data.neutral, async (text) => (await lint(text, { format: 'markdown', config })).findings);
}

export function summarise(set: string, mode: string, run: LintRun): SetResult {
  const view = computeView(run, 'warning+');
  const hard = view.okCategories.find((category) => category.category === 'hard-negative');
  const honest = run.items.filter(({ item }) => item.category === 'honest-layoff');
  const above = honest.filter(({ findings }) => findings.some((finding) => severityRank[finding.severity] > severityRank.info)).length;
  return {
    set,
    mode,
    items: run.items.length,
    flagged: run.items.filter(({ item }) => item.label !== 'ok').length,
    precision: view.flagged.precision,
    recall: view.flagged.recall,
    labelRecall: Object.fromEntries(toneLabels.map((label) => [label, view.labels[label].recall])),
    hardNegativeFalsePositives: hard ? `${hard.flagged} of ${hard.items}` : 'n/a',
    honestAboveInfo: `${above} of ${honest.length}`,
    neutralPer10k: view.neutral.total.per10k,
  };
}

/** Precision and recall of the scorer alone as its report threshold sweeps 0.05..0.95 (one threshold for every category). */
export function precisionRecallCurve(run: LintRun): { threshold: number; precision: number; recall: number }[] {
  const best = run.items.map(({ item, findings }) => ({ ok: item.label === 'ok', score: Math.max(0, ...findings.map((finding: Finding) => finding.confidence ?? 0)) }));
  const positives = best.filter((item) => !item.ok).length;
  const curve: { threshold: number; precision: number; recall: number }[] = [];
  for (let step = 5; step <= 95; step++) {
    const threshold = step / 100;
    const hits = best.filter((item) => item.score >= threshold);
    const right = hits.filter((item) => !item.ok).length;
    if (hits.length === 0) continue;
    curve.push({ threshold, precision: right / hits.length, recall: positives ? right / positives : 0 });
  }
  return curve;
}

/** A small self-contained SVG line chart: recall on x, precision on y, the operating point marked. */
export function renderCurveSvg(curve: { threshold: number; precision: number; recall: number }[], point: { precision: number; recall: number } | undefined, title: string): string {
  const width = 480;
  const height = 360;
  const left = 56;
  const bottom = 48;
  const plotW = width - left - 20;
  const plotH = height - bottom - 40;
  const x = (recall: number) => left + recall * plotW;
  const y = (precision: number) => 40 + (1 - precision) * plotH;
  const path = curve.map((p, index) => `${index === 0 ? 'M' : 'L'}${x(p.recall).toFixed(1)},${y(p.precision).toFixed(1)}`).join(' ');
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${escape(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${width / 2}" y="22" text-anchor="middle" font-size="14">${escape(title)}</text>`,
    ...ticks.map((t) => `<line x1="${x(t)}" y1="${y(0)}" x2="${x(t)}" y2="${y(1)}" stroke="#ddd"/><text x="${x(t)}" y="${y(0) + 16}" text-anchor="middle">${t}</text>`),
    ...ticks.map((t) => `<line x1="${x(0)}" y1="${y(t)}" x2="${x(1)}" y2="${y(t)}" stroke="#ddd"/><text x="${x(0) - 8}" y="${y(t) + 4}" text-anchor="end">${t}</text>`),
    `<text x="${left + plotW / 2}" y="${height - 10}" text-anchor="middle">recall</text>`,
    `<text x="14" y="${40 + plotH / 2}" text-anchor="middle" transform="rotate(-90 14 ${40 + plotH / 2})">precision</text>`,
    `<path d="${path}" fill="none" stroke="#1f5fa8" stroke-width="2"/>`,
    point ? `<circle cx="${x(point.recall).toFixed(1)}" cy="${y(point.precision).toFixed(1)}" r="5" fill="#c0392b"/><text x="${(x(point.recall) + 8).toFixed(1)}" y="${(y(point.precision) - 8).toFixed(1)}">shipped thresholds</text>` : '',
    '</svg>',
    '',
  ].join('\n');
}

function table(results: SetResult[]): string[] {
  const lines = [
    '| set | mode | items (flagged) | precision | recall | alarmist / dehumanizing / evasive recall | hard-negative FPs | honest layoffs above info | neutral findings /10k words |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.set} | ${r.mode} | ${r.items} (${r.flagged}) | ${fixed(r.precision)} | ${fixed(r.recall)} | ${toneLabels.map((label) => fixed(r.labelRecall[label])).join(' / ')} | ${r.hardNegativeFalsePositives} | ${r.honestAboveInfo} | ${fixed(r.neutralPer10k)} |`,
    );
  }
  return lines;
}

async function main(): Promise<number> {
  const results: SetResult[] = [];
  let devReport = '';
  let curveSvg = '';
  for (const set of sets) {
    const source = set.items ?? set.neutral;
    if (!existsSync(join(repoRoot, source))) {
      process.stderr.write(`tonelint eval: ${source} is missing; skipped\n`);
      continue;
    }
    for (const mode of modes) {
      const config = mode.config();
      const run = await runSet(set, config);
      if (run.errors.length > 0) {
        process.stderr.write(`tonelint eval: the linter threw on ${run.errors.length} texts of ${set.name}: ${run.errors[0].where}: ${run.errors[0].message}\n`);
        return 1;
      }
      const result = summarise(set.name, mode.name, run);
      results.push(result);
      process.stderr.write(`${set.name.padEnd(10)} ${mode.name.padEnd(15)} precision ${fixed(result.precision)} recall ${fixed(result.recall)} neutral ${fixed(result.neutralPer10k)}/10k\n`);
      if (set.name === 'dev' && mode.name === 'rules + scorer') {
        devReport = renderMarkdown(
          buildReport(run, {
            command: 'npm run eval',
            date: new Date().toISOString().slice(0, 10),
            dataDir: 'eval/dev',
            format: 'markdown',
            preset: 'recommended (default), rules + scorer',
            ruleIds: listRules().map((rule) => rule.id),
            filters: {},
          }),
        ).replace(/^# .*\n/, '');
      }
      if (set.name.startsWith('D') && mode.name === 'scorer only') {
        // The curve needs every score, so it is drawn from a run with the lowest report threshold
        // (sentences under six words still need the strict one, as in use).
        const everything = await runSet(set, { ...config, scorer: { thresholds: { alarmist: 0.01, dehumanizing: 0.01, evasive: 0.01 } } });
        curveSvg = renderCurveSvg(precisionRecallCurve(everything), result.precision === null || result.recall === null ? undefined : { precision: result.precision, recall: result.recall }, 'Scorer alone on blind set D: precision vs recall');
      }
    }
  }
  if (curveSvg) writeFileSync(join(repoRoot, 'eval/scorer-pr-d.svg'), curveSvg);
  const scorerIds = scorerRuleIds().join(', ');
  const out = [
    '# tonelint evaluation',
    '',
    `Written by \`npm run eval\` on ${new Date().toISOString().slice(0, 10)}. Every set is linted three ways through the public \`lint()\` API (Markdown, default preset): the phrase and document rules alone (\`scorer: { enabled: false }\`), the learned scorer alone (${scorerIds}; every other rule off), and both (the default). An item counts as flagged when it has a warning or error finding.`,
    '',
    '- **dev**: the development set (`eval/dev/`); the rules were tuned on it and the scorer was trained on it, so its numbers are not a measure of new text.',
    '- **D (blind)**: `eval/blind-d/`, written before the scorer was trained by four writers who wrote no training data; never used to train, tune or choose thresholds. Only these aggregates are ever written down.',
    '- **B (blind)**: `eval/heldout/heldout-b.jsonl`, never inspected (see eval/heldout/README.md).',
    '- **N (blind)**: `eval/blind-n/`, workplace prose with no problem in it (memos, threads, reports, press releases), written by two writers who wrote no training data; it measures false positives per 10,000 words only.',
    '',
    ...table(results),
    '',
    '![Scorer alone on D: precision against recall as its threshold sweeps](scorer-pr-d.svg)',
    '',
    '# The development set in detail (rules + scorer)',
    devReport,
  ];
  writeFileSync(join(repoRoot, 'eval/RESULTS.md'), out.join('\n'));
  process.stderr.write('report written to eval/RESULTS.md and eval/scorer-pr-d.svg\n');
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = await main();
