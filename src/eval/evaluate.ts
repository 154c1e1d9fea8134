// Runs the linter over the data set (the lint function is passed in, so tests can hand it canned
// findings) and turns the findings into the report's numbers. No disk access.
import type { Finding, Severity } from '../core/finding.js';
import { countWords, toneLabels, type EvalItem, type Label, type NeutralDoc, type ToneLabel } from './dataset.js';
import {
  confusionMatrix,
  counts,
  findingRange,
  overlaps,
  locateSpan,
  per10kWords,
  predictedLabel,
  scores,
  spansFound,
  type ConfusionMatrix,
  type Predicted,
  type Range,
  type Scores,
  type View,
} from './metrics.js';

export type LintText = (text: string) => Promise<readonly Finding[]>;

export interface LintedItem {
  item: EvalItem;
  findings: readonly Finding[];
  rewriteFindings: readonly Finding[];
}

export interface LintedDoc {
  doc: NeutralDoc;
  findings: readonly Finding[];
}

export interface LintRun {
  items: LintedItem[];
  neutral: LintedDoc[];
  /** Texts the linter threw on: a bug to fix, reported rather than hidden. */
  errors: { where: string; message: string }[];
}

/** Lints every item, every rewrite and every neutral document once; views are computed from this. */
export async function lintAll(items: readonly EvalItem[], neutral: readonly NeutralDoc[], lint: LintText): Promise<LintRun> {
  const errors: LintRun['errors'] = [];
  const safely = async (where: string, text: string): Promise<readonly Finding[]> => {
    if (text === '') return [];
    try {
      return await lint(text);
    } catch (error) {
      errors.push({ where, message: error instanceof Error ? error.message : String(error) });
      return [];
    }
  };
  const linted: LintedItem[] = [];
  for (const item of items) {
    linted.push({
      item,
      findings: await safely(item.id, item.text),
      rewriteFindings: await safely(`${item.id} rewrite`, item.rewrite),
    });
  }
  const docs: LintedDoc[] = [];
  for (const doc of neutral) docs.push({ doc, findings: await safely(doc.name, doc.text) });
  return { items: linted, neutral: docs, errors };
}

/** One finding, as the report lists it. */
export interface FindingRow {
  id: string;
  category: string;
  ruleId: string;
  severity: Severity;
  actual: string;
  text: string;
}

export interface LabelScores extends Scores {
  support: number;
  /** Recall when only the item's predicted label (its top finding's category) counts. */
  topLabelRecall: number | null;
}

export interface RuleCounts {
  ruleId: string;
  category: string;
  /** Findings on flagged items that overlap a gold span. */
  onSpan: number;
  /** Findings on flagged items that overlap no gold span. */
  offSpan: number;
  /** Findings on ok items. */
  okItems: number;
  neutral: number;
  rewrites: number;
}

export interface Target {
  name: string;
  target: string;
  value: number | null;
  display: string;
  /** null when the number is undefined for this run (for example a filter left no ok items). */
  pass: boolean | null;
}

export interface ViewResult {
  view: View;
  flagged: Scores & { tn: number };
  labels: Record<ToneLabel, LabelScores>;
  confusion: ConfusionMatrix;
  okCategories: { category: string; items: number; flagged: number; rate: number }[];
  falsePositives: FindingRow[];
  spans: {
    total: number;
    found: number;
    recall: number | null;
    byLabel: Record<ToneLabel, { total: number; found: number }>;
    /** Gold spans no counted finding overlaps, in item order. */
    missed: { id: string; label: Label; category: string; span: string }[];
  };
  neutral: {
    files: { name: string; words: number; findings: number; per10k: number | null }[];
    total: { words: number; findings: number; per10k: number | null };
    rows: FindingRow[];
  };
  okDensity: { words: number; findings: number; per10k: number | null };
  rewrites: { total: number; clean: number; rate: number | null; failures: FindingRow[] };
  rules: RuleCounts[];
  misses: { id: string; label: Label; category: string; spans: string[]; text: string }[];
  mislabeled: { id: string; gold: Label; predicted: Predicted; ruleIds: string[] }[];
  targets: Target[];
}

function row(id: string, category: string, finding: Finding, text: string): FindingRow {
  return { id, category, ruleId: finding.ruleId, severity: finding.severity, actual: finding.actual, text };
}

/** Every number of the report for one view of which findings count. */
export function computeView(run: LintRun, view: View): ViewResult {
  const keep = (findings: readonly Finding[]) => findings.filter((finding) => counts(finding, view));
  const rules = new Map<string, RuleCounts>();
  const ruleCounts = (finding: Finding): RuleCounts => {
    let entry = rules.get(finding.ruleId);
    if (!entry) {
      entry = { ruleId: finding.ruleId, category: finding.category, onSpan: 0, offSpan: 0, okItems: 0, neutral: 0, rewrites: 0 };
      rules.set(finding.ruleId, entry);
    }
    return entry;
  };

  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const perLabel = Object.fromEntries(toneLabels.map((label) => [label, { tp: 0, fp: 0, fn: 0, top: 0, support: 0 }])) as Record<
    ToneLabel,
    { tp: number; fp: number; fn: number; top: number; support: number }
  >;
  const pairs: { gold: Label; predicted: Predicted }[] = [];
  const okCategories = new Map<string, { items: number; flagged: number }>();
  const falsePositives: FindingRow[] = [];
  const spanTotals = Object.fromEntries(toneLabels.map((label) => [label, { total: 0, found: 0 }])) as Record<
    ToneLabel,
    { total: number; found: number }
  >;
  const misses: ViewResult['misses'] = [];
  const missedSpans: ViewResult['spans']['missed'] = [];
  const mislabeled: ViewResult['mislabeled'] = [];
  const okDensity = { words: 0, findings: 0 };
  const rewrites = { total: 0, clean: 0, failures: [] as FindingRow[] };

  for (const { item, findings: all, rewriteFindings } of run.items) {
    const findings = keep(all);
    const flagged = findings.length > 0;
    const gold = item.label;
    const predicted = predictedLabel(findings);
    pairs.push({ gold, predicted });

    if (gold === 'ok') {
      if (flagged) fp += 1;
      else tn += 1;
      const category = okCategories.get(item.category) ?? { items: 0, flagged: 0 };
      category.items += 1;
      if (flagged) category.flagged += 1;
      okCategories.set(item.category, category);
      okDensity.words += countWords(item.text);
      okDensity.findings += findings.length;
      for (const finding of findings) {
        falsePositives.push(row(item.id, item.category, finding, item.text));
        ruleCounts(finding).okItems += 1;
      }
    } else {
      if (flagged) tp += 1;
      else {
        fn += 1;
        misses.push({ id: item.id, label: gold, category: item.category, spans: item.spans, text: item.text });
      }
      if (flagged && predicted !== gold) {
        mislabeled.push({ id: item.id, gold, predicted, ruleIds: [...new Set(findings.map((finding) => finding.ruleId))] });
      }
      const golds = item.spans.map((span) => locateSpan(item.text, span)).filter((range): range is Range => range !== undefined);
      for (const finding of findings) {
        const entry = ruleCounts(finding);
        if (golds.some((range) => overlaps(range, findingRange(finding)))) entry.onSpan += 1;
        else entry.offSpan += 1;
      }
      spanTotals[gold].total += item.spans.length;
      spansFound(item.text, item.spans, findings.map(findingRange)).forEach((found, index) => {
        if (found) spanTotals[gold].found += 1;
        else missedSpans.push({ id: item.id, label: gold, category: item.category, span: item.spans[index] });
      });

      rewrites.total += 1;
      const rewriteKept = keep(rewriteFindings);
      if (rewriteKept.length === 0) rewrites.clean += 1;
      for (const finding of rewriteKept) {
        rewrites.failures.push(row(item.id, item.category, finding, item.rewrite));
        ruleCounts(finding).rewrites += 1;
      }
    }

    const hitLabels = new Set(findings.map((finding) => finding.category));
    for (const label of toneLabels) {
      const entry = perLabel[label];
      if (gold === label) {
        entry.support += 1;
        if (hitLabels.has(label)) entry.tp += 1;
        else entry.fn += 1;
        if (predicted === label) entry.top += 1;
      } else if (hitLabels.has(label)) {
        entry.fp += 1;
      }
    }
  }

  const neutralFiles: ViewResult['neutral']['files'] = [];
  const neutralRows: FindingRow[] = [];
  for (const { doc, findings: all } of run.neutral) {
    const findings = keep(all);
    neutralFiles.push({ name: doc.name, words: doc.words, findings: findings.length, per10k: per10kWords(findings.length, doc.words) });
    for (const finding of findings) {
      neutralRows.push(row(doc.name, 'neutral', finding, lineAround(doc.text, finding.start.offset, finding.end.offset)));
      ruleCounts(finding).neutral += 1;
    }
  }
  const neutralWords = neutralFiles.reduce((sum, file) => sum + file.words, 0);
  const neutralFindings = neutralFiles.reduce((sum, file) => sum + file.findings, 0);

  const spanTotal = toneLabels.reduce((sum, label) => sum + spanTotals[label].total, 0);
  const spanFound = toneLabels.reduce((sum, label) => sum + spanTotals[label].found, 0);

  const result: Omit<ViewResult, 'targets'> = {
    view,
    flagged: { ...scores(tp, fp, fn), tn },
    labels: Object.fromEntries(
      toneLabels.map((label) => {
        const entry = perLabel[label];
        return [
          label,
          { ...scores(entry.tp, entry.fp, entry.fn), support: entry.support, topLabelRecall: entry.support === 0 ? null : entry.top / entry.support },
        ];
      }),
    ) as Record<ToneLabel, LabelScores>,
    confusion: confusionMatrix(pairs),
    okCategories: [...okCategories]
      .map(([category, entry]) => ({ category, ...entry, rate: entry.flagged / entry.items }))
      .sort((a, b) => b.items - a.items || a.category.localeCompare(b.category)),
    falsePositives,
    spans: { total: spanTotal, found: spanFound, recall: spanTotal === 0 ? null : spanFound / spanTotal, byLabel: spanTotals, missed: missedSpans },
    neutral: {
      files: neutralFiles,
      total: { words: neutralWords, findings: neutralFindings, per10k: per10kWords(neutralFindings, neutralWords) },
      rows: neutralRows,
    },
    okDensity: { ...okDensity, per10k: per10kWords(okDensity.findings, okDensity.words) },
    rewrites: { ...rewrites, rate: rewrites.total === 0 ? null : rewrites.clean / rewrites.total },
    rules: [...rules.values()].sort((a, b) => a.category.localeCompare(b.category) || a.ruleId.localeCompare(b.ruleId)),
    misses,
    mislabeled,
  };
  return { ...result, targets: targetsFor(result) };
}

/** The single line of a long document around a finding, for listing neutral false positives. */
function lineAround(text: string, start: number, end: number): string {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  return text.slice(from, newline === -1 ? text.length : newline).trim();
}

const fixed = (value: number | null, digits = 2) => (value === null ? 'n/a' : value.toFixed(digits));

/** The targets of issue 5, checked against one view's numbers. */
export function targetsFor(result: Omit<ViewResult, 'targets'>): Target[] {
  const atLeast = (value: number | null, bound: number) => (value === null ? null : value >= bound);
  const atMost = (value: number | null, bound: number) => (value === null ? null : value <= bound);
  const okCategory = (name: string) => result.okCategories.find((entry) => entry.category === name);
  const hard = okCategory('hard-negative');
  const honest = okCategory('honest-layoff');
  const targets: Target[] = [
    {
      name: 'flagged-vs-ok precision',
      target: '>= 0.95',
      value: result.flagged.precision,
      display: `${fixed(result.flagged.precision)} (${result.flagged.tp}/${result.flagged.tp + result.flagged.fp})`,
      pass: atLeast(result.flagged.precision, 0.95),
    },
    {
      name: 'flagged-vs-ok recall',
      target: '>= 0.90',
      value: result.flagged.recall,
      display: `${fixed(result.flagged.recall)} (${result.flagged.tp}/${result.flagged.tp + result.flagged.fn})`,
      pass: atLeast(result.flagged.recall, 0.9),
    },
    ...toneLabels.map((label) => ({
      name: `${label} recall`,
      target: '>= 0.85',
      value: result.labels[label].recall,
      display: `${fixed(result.labels[label].recall)} (${result.labels[label].tp}/${result.labels[label].support})`,
      pass: atLeast(result.labels[label].recall, 0.85),
    })),
    {
      name: 'hard-negative false positives',
      target: '<= 2',
      value: hard ? hard.flagged : null,
      display: hard ? `${hard.flagged} of ${hard.items}` : 'n/a',
      pass: atMost(hard ? hard.flagged : null, 2),
    },
    {
      name: 'honest-layoff false positives',
      target: '0',
      value: honest ? honest.flagged : null,
      display: honest ? `${honest.flagged} of ${honest.items}` : 'n/a',
      pass: atMost(honest ? honest.flagged : null, 0),
    },
    {
      name: 'neutral findings per 10,000 words',
      target: '<= 1',
      value: result.neutral.total.per10k,
      display: `${fixed(result.neutral.total.per10k)} (${result.neutral.total.findings} in ${result.neutral.total.words} words)`,
      pass: atMost(result.neutral.total.per10k, 1),
    },
    {
      name: 'rewrites lint clean',
      target: '>= 97%',
      value: result.rewrites.rate,
      display:
        result.rewrites.rate === null ? 'n/a' : `${(result.rewrites.rate * 100).toFixed(1)}% (${result.rewrites.clean} of ${result.rewrites.total})`,
      pass: atLeast(result.rewrites.rate, 0.97),
    },
  ];
  return targets;
}
