// Human output in the vfile-reporter style: grouped by file, aligned columns, and the
// suggested rewrite on the line below each finding.
import type { FileReport, Formatter, ReportMessage } from './report.js';
import { plural, totals } from './report.js';
import { BENCHMARK_RULE, CUT_RULE, summaryLine } from '../../core/summary.js';
import { describeContext, describePlace } from '../../core/place.js';

const codes = { red: [31, 39], yellow: [33, 39], blue: [34, 39], dim: [2, 22], underline: [4, 24], green: [32, 39] } as const;
type Style = keyof typeof codes;

const marks = { error: '✖', warning: '⚠', info: 'ℹ' } as const;

export const formatStylish: Formatter = (reports, context) => {
  const paint = (style: Style, text: string) => (context.color ? `\u001b[${codes[style][0]}m${text}\u001b[${codes[style][1]}m` : text);
  const blocks: string[] = [];
  for (const report of reports) {
    if (report.messages.length > 0) blocks.push(formatFile(report, paint));
  }
  if (blocks.length === 0) return '';
  const sum = totals(reports);
  const parts = [
    sum.errorCount > 0 ? paint('red', `${marks.error} ${plural(sum.errorCount, 'error')}`) : '',
    sum.warningCount > 0 ? paint('yellow', `${marks.warning} ${plural(sum.warningCount, 'warning')}`) : '',
    sum.infoCount > 0 ? paint('blue', `${marks.info} ${sum.infoCount} info`) : '',
  ].filter(Boolean);
  let out = `${blocks.join('\n\n')}\n\n${parts.join('  ')}\n`;
  if (sum.fixableCount > 0) out += paint('dim', `${plural(sum.fixableCount, 'finding')} can be fixed with --fix (--fix-dry-run shows the diff).`) + '\n';
  return out;
};

function formatFile(report: FileReport, paint: (style: Style, text: string) => string): string {
  const rows = report.messages.map((message) => ({
    // A Word document has no lines: its findings are found by paragraph and the words around them.
    place: message.place ? describePlace(message.place) : `${message.start.line}:${message.start.column}-${message.end.line}:${message.end.column}`,
    severity: message.severity,
    message,
  }));
  const placeWidth = Math.max(...rows.map((row) => row.place.length));
  const severityWidth = Math.max(...rows.map((row) => row.severity.length));
  const indent = ' '.repeat(2 + placeWidth + 2 + severityWidth + 2);
  const lines = [paint('underline', report.displayPath)];
  for (const row of rows) {
    const severityStyle: Style = row.severity === 'error' ? 'red' : row.severity === 'warning' ? 'yellow' : 'blue';
    const label = [row.message.ruleId ?? '', row.message.category ?? ''].filter(Boolean).join('  ');
    lines.push(
      `  ${row.place.padEnd(placeWidth)}  ${paint(severityStyle, row.severity.padEnd(severityWidth))}  ${oneLine(row.message.message)}${label ? `  ${paint('dim', label)}` : ''}`,
    );
    if (row.message.place) lines.push(`${indent}${paint('dim', `near: ${describeContext(row.message.place)}`)}`);
    const rewrite = describeRewrite(row.message);
    if (rewrite) lines.push(`${indent}${paint('green', rewrite)}`);
  }
  // A memo-level finding gets a one-line verdict under the file: what the memo has and lacks.
  const memoLevel = report.messages.some((message) => message.ruleId === CUT_RULE || message.ruleId === BENCHMARK_RULE);
  const verdict = memoLevel && report.summary ? summaryLine(report.summary) : undefined;
  if (verdict) lines.push(`  ${paint('dim', `memo: ${verdict}`)}`);
  return lines.join('\n');
}

/** "fix: …" when --fix applies the first suggestion, else "try: …" with the choices. */
function describeRewrite(message: ReportMessage): string {
  if (message.fix) return `fix: “${oneLine(message.fix.text)}”`;
  if (message.suggestions.length === 0) return '';
  // The first choice only, to keep the report scannable; json, sarif and --explain carry all.
  const more = message.suggestions.length - 1;
  return `try: “${oneLine(message.suggestions[0])}”${more > 0 ? ` (+${more} more)` : ''}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
