// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
import type { Formatter } from './report.js';
import { eachMessage } from './report.js';

const commands = { error: 'error', warning: 'warning', info: 'notice' } as const;

export const formatGithub: Formatter = (reports) => {
  let out = '';
  for (const { report, message } of eachMessage(reports)) {
    const title = message.ruleId ? `tonelint (${message.ruleId})` : 'tonelint';
    const properties = [
      `file=${escapeProperty(report.displayPath)}`,
      `line=${message.start.line}`,
      `col=${message.start.column}`,
      `endLine=${message.end.line}`,
      `endColumn=${message.end.column}`,
      `title=${escapeProperty(title)}`,
    ].join(',');
    const rewrite = message.fix ? `Fix: ${message.fix.text}` : message.suggestions.length > 0 ? `Try: ${message.suggestions.join(' / ')}` : '';
    out += `::${commands[message.severity]} ${properties}::${escapeData(rewrite ? `${message.message}\n${rewrite}` : message.message)}\n`;
  }
  return out;
};

/** The runner's own escaping for command data: %, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also escape the separators `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
