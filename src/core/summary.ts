// A document's verdict, for people who approve memos: does it announce job cuts, which of the
// three things such an announcement owes its readers are there (and on which line), is it an AI
// announcement led by benchmarks, and how many findings of each category. Pure.
import type { DocumentCheck } from './engine.js';
import { categories, type Category, type Finding } from './finding.js';
import type { LineIndex } from './position.js';

/** The document rules the summary reads (rules/evasive/missing-acknowledgment.yml, rules/framing/benchmark-led.yml). */
export const CUT_RULE = 'missing-acknowledgment';
export const BENCHMARK_RULE = 'benchmark-led';
export const memoElements = ['acknowledgment', 'decision-owner', 'support'] as const;
export type MemoElement = (typeof memoElements)[number];

export interface ElementReport {
  present: boolean;
  /** 1-based line of the first sentence that supplies it. */
  line?: number;
  /** In a Word document (no lines a reader can go to): the paragraph of that sentence. */
  paragraph?: number;
}

export interface DocumentSummary {
  /** A sentence announces that people will lose their jobs. */
  announcesCuts: boolean;
  /** The first announcing sentence. */
  announcement?: { line: number; text: string; paragraph?: number };
  /** For a cut announcement: each element and where it is. */
  elements?: Record<MemoElement, ElementReport>;
  /** An AI announcement whose lead is benchmark claims, with no word on what users can now do. */
  benchmarkLed: boolean;
  /** Findings by category (after inline directives). */
  counts: Record<Category, number>;
}

/** How many findings (or report messages) of each category; uncategorised ones are not counted. */
export function countByCategory(findings: Iterable<{ category: Category | null }>): Record<Category, number> {
  const counts = Object.fromEntries(categories.map((category) => [category, 0])) as Record<Category, number>;
  for (const finding of findings) if (finding.category) counts[finding.category] += 1;
  return counts;
}

export function summarizeDocument(text: string, lines: LineIndex, documents: readonly DocumentCheck[], findings: readonly Finding[]): DocumentSummary {
  const counts = countByCategory(findings);
  const cut = documents.find((check) => check.ruleId === CUT_RULE);
  const summary: DocumentSummary = {
    announcesCuts: cut !== undefined,
    benchmarkLed: findings.some((finding) => finding.ruleId === BENCHMARK_RULE),
    counts,
  };
  if (cut) {
    summary.announcement = { line: lines.pointAt(cut.announcement.start).line, text: text.slice(cut.announcement.start, cut.announcement.end) };
    summary.elements = Object.fromEntries(
      memoElements.map((element) => {
        const requirement = cut.requirements.find((each) => each.id === element);
        return [element, requirement?.met ? { present: true, line: lines.pointAt(requirement.met.start).line } : { present: false }];
      }),
    ) as Record<MemoElement, ElementReport>;
  }
  return summary;
}

/** "line 9", or "paragraph 4" in a Word document. */
export function where(place: { line?: number; paragraph?: number }): string {
  return place.paragraph !== undefined ? `paragraph ${place.paragraph}` : `line ${place.line}`;
}

const elementNames: Record<MemoElement, string> = { acknowledgment: 'acknowledgment', 'decision-owner': 'who decided', support: 'support' };

/** One line a person can read: "announces job cuts (line 9); missing: acknowledgment, who decided; has: support (line 25)". */
export function summaryLine(summary: DocumentSummary): string | undefined {
  const parts: string[] = [];
  if (summary.announcesCuts && summary.elements) {
    const missing = memoElements.filter((element) => !summary.elements![element].present).map((element) => elementNames[element]);
    const present = memoElements.filter((element) => summary.elements![element].present).map((element) => `${elementNames[element]} (${where(summary.elements![element])})`);
    parts.push(`announces job cuts (${where(summary.announcement!)})${missing.length ? `; missing: ${missing.join(', ')}` : ''}${present.length ? `; has: ${present.join(', ')}` : ''}`);
  }
  if (summary.benchmarkLed) parts.push('an AI announcement led by benchmarks, with no word on what users can now do');
  return parts.length > 0 ? parts.join('; ') : undefined;
}
