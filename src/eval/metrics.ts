// The arithmetic of the evaluation: precision/recall/F1, the confusion matrix, span overlap and
// which findings count. Pure functions over plain values, unit-tested on hand-computed cases.
import type { Finding, Severity } from '../core/finding.js';
import { toneLabels, type Label, type ToneLabel } from './dataset.js';

export interface Scores {
  tp: number;
  fp: number;
  fn: number;
  /** null when nothing was predicted positive (0/0). */
  precision: number | null;
  /** null when there is nothing to find (0/0). */
  recall: number | null;
  /** null when precision or recall is undefined; 0 when both are 0. */
  f1: number | null;
}

export function scores(tp: number, fp: number, fn: number): Scores {
  const precision = tp + fp === 0 ? null : tp / (tp + fp);
  const recall = tp + fn === 0 ? null : tp / (tp + fn);
  const f1 =
    precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/**
 * Which findings an evaluation view counts.
 * - `warning+`: warning and error findings only (the targets; what `--quiet`-style users see).
 * - `all`: every finding of the tone categories (alarmist, dehumanizing, evasive), and framing or
 *   inclusive findings only at warning or error level: an `info` nudge about benchmark framing or
 *   wording is advice, not a claim that the text is alarmist, dehumanizing or evasive.
 */
export type View = 'warning+' | 'all';
export const views: readonly View[] = ['warning+', 'all'];

export function counts(finding: Pick<Finding, 'category' | 'severity'>, view: View): boolean {
  if (finding.severity !== 'info') return true;
  return view === 'all' && isToneLabel(finding.category);
}

export function isToneLabel(category: string): category is ToneLabel {
  return (toneLabels as readonly string[]).includes(category);
}

/** A predicted label: a tone label, `ok` (no counted finding), or `other` (only framing/inclusive findings). */
export type Predicted = Label | 'other';

const severityRank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/**
 * The predicted label of an item from its counted findings: the category of the highest-severity
 * tone finding, ties broken by the earliest start. Framing and inclusive findings carry no tone
 * label, so an item flagged only by them is `other`.
 */
export function predictedLabel(findings: readonly Pick<Finding, 'category' | 'severity' | 'start'>[]): Predicted {
  if (findings.length === 0) return 'ok';
  let best: Pick<Finding, 'category' | 'severity' | 'start'> | undefined;
  for (const finding of findings) {
    if (!isToneLabel(finding.category)) continue;
    if (
      !best ||
      severityRank[finding.severity] > severityRank[best.severity] ||
      (severityRank[finding.severity] === severityRank[best.severity] && finding.start.offset < best.start.offset)
    ) {
      best = finding;
    }
  }
  return best ? (best.category as ToneLabel) : 'other';
}

export type ConfusionMatrix = Record<Label, Record<Predicted, number>>;
export const predictedLabels: readonly Predicted[] = [...toneLabels, 'ok', 'other'];

/** Rows are gold labels, columns predicted labels. */
export function confusionMatrix(pairs: Iterable<{ gold: Label; predicted: Predicted }>): ConfusionMatrix {
  const matrix = {} as ConfusionMatrix;
  for (const gold of [...toneLabels, 'ok'] as Label[]) {
    matrix[gold] = { alarmist: 0, dehumanizing: 0, evasive: 0, ok: 0, other: 0 };
  }
  for (const { gold, predicted } of pairs) matrix[gold][predicted] += 1;
  return matrix;
}

/** A half-open character range [start, end) in UTF-16 code units. */
export type Range = readonly [number, number];

/** Where a gold span sits in its text: its first occurrence (the README: spans normally occur once). */
export function locateSpan(text: string, span: string): Range | undefined {
  const start = text.indexOf(span);
  return start === -1 ? undefined : [start, start + span.length];
}

/** True when the two ranges share at least one character. Touching ranges do not overlap. */
export function overlaps(a: Range, b: Range): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

export function findingRange(finding: Pick<Finding, 'start' | 'end'>): Range {
  return [finding.start.offset, finding.end.offset];
}

/** For each gold span, whether any of the ranges overlaps it. Spans missing from the text count as not found. */
export function spansFound(text: string, spans: readonly string[], ranges: readonly Range[]): boolean[] {
  return spans.map((span) => {
    const gold = locateSpan(text, span);
    return gold !== undefined && ranges.some((range) => overlaps(gold, range));
  });
}

/** Findings per 10,000 words; null for an empty corpus. */
export function per10kWords(findings: number, words: number): number | null {
  return words === 0 ? null : (findings / words) * 10_000;
}
