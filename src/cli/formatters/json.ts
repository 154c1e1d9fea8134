// ESLint-shaped JSON: one object per file, severities as the strings error/warning/info.
import type { Formatter } from './report.js';

export const formatJson: Formatter = (reports) => {
  const files = reports.map((report) => ({
    filePath: report.filePath,
    messages: report.messages.map((message) => ({
      ruleId: message.ruleId,
      category: message.category,
      severity: message.severity,
      message: message.message,
      line: message.start.line,
      column: message.start.column,
      endLine: message.end.line,
      endColumn: message.end.column,
      suggestions: message.suggestions,
      fix: message.fix ? { range: message.fix.range, text: message.fix.text } : null,
      // The learned scorer's judgement, when it scored the sentence (scored-* rules, or merged into a rule's finding).
      ...(message.confidence !== undefined ? { confidence: message.confidence } : {}),
      ...(message.cues !== undefined ? { cues: message.cues } : {}),
      // The suggestions are advice about the whole sentence, not text to put in place of the span.
      ...(message.advice ? { advice: true } : {}),
      // Word documents: line and column count in the prose tonelint read; the place is what a person finds in Word.
      ...(message.place ? { place: message.place } : {}),
    })),
    errorCount: report.errorCount,
    warningCount: report.warningCount,
    infoCount: report.infoCount,
    ...(report.summary ? { summary: report.summary } : {}),
  }));
  return `${JSON.stringify(files)}\n`;
};
