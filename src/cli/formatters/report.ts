// The per-file results every formatter takes, and the walk and counts they share. Formatters
// are pure: reports in, a string out; no I/O, no clock, no environment.
import type { DocumentSummary } from '../../core/summary.js';
import type { Category, Fix, Point, Severity } from '../../core/finding.js';
import type { Place } from '../../core/place.js';
import type { RuleInfo } from '../../lint.js';

/** A finding, or a CLI-level message such as an unused disable directive (`ruleId: null`). */
export interface ReportMessage {
  ruleId: string | null;
  category: Category | null;
  severity: Severity;
  message: string;
  start: Point;
  end: Point;
  suggestions: string[];
  fix?: Fix;
  url?: string;
  /** The learned scorer's confidence and cues, when it scored the sentence. */
  confidence?: number;
  cues?: string[];
  /** The suggestions are advice, not in-place rewrites (see Finding.advice). */
  advice?: boolean;
  /** Word documents: the paragraph (and table cell) and the words around the finding; start and end are then offsets into the document's prose. */
  place?: Place;
}

export interface FileReport {
  /** Absolute path, or `<stdin>` for unnamed standard input. */
  filePath: string;
  /** The path as shown to people and CI: relative to the working directory, `/`-separated. */
  displayPath: string;
  /** In position order. */
  messages: ReportMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  /** The document's verdict (absent for files that could not be linted). */
  summary?: DocumentSummary;
  /** The text the offsets point into, kept only for the formatters that show the document (html). */
  document?: { format: 'markdown' | 'text' | 'html' | 'word'; text: string };
}

export interface FormatContext {
  /** The working directory, absolute; SARIF's `%SRCROOT%`. */
  cwd: string;
  color: boolean;
  /** The rule table (SARIF `tool.driver.rules`). */
  rules: readonly RuleInfo[];
  version: string;
}

export type Formatter = (reports: readonly FileReport[], context: FormatContext) => string;

export const formatterNames = ['stylish', 'json', 'sarif', 'github', 'html'] as const;
export type FormatterName = (typeof formatterNames)[number];

/** The pseudo rule id unused disable directives are reported under where an id is required. */
export const unusedDirectiveRuleId = 'unused-disable-directive';

export function countSeverities(messages: readonly ReportMessage[]): Pick<FileReport, 'errorCount' | 'warningCount' | 'infoCount'> {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  for (const message of messages) {
    if (message.severity === 'error') errorCount++;
    else if (message.severity === 'warning') warningCount++;
    else infoCount++;
  }
  return { errorCount, warningCount, infoCount };
}

export function totals(reports: readonly FileReport[]): Pick<FileReport, 'errorCount' | 'warningCount' | 'infoCount'> & { fixableCount: number } {
  const sum = { errorCount: 0, warningCount: 0, infoCount: 0, fixableCount: 0 };
  for (const report of reports) {
    sum.errorCount += report.errorCount;
    sum.warningCount += report.warningCount;
    sum.infoCount += report.infoCount;
    sum.fixableCount += report.messages.filter((message) => message.fix).length;
  }
  return sum;
}

/** Every message of every report, in report order then position order. */
export function* eachMessage(reports: readonly FileReport[]): Generator<{ report: FileReport; message: ReportMessage }> {
  for (const report of reports) for (const message of report.messages) yield { report, message };
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
