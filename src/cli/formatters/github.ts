// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
import type { Formatter } from './report.js';
import { eachMessage } from './report.js';
import { describeContext, describePlace } from '../../core/place.js';

const commands = { error: 'error', warning: 'warning', info: 'notice' } as const;

export const formatGithub: Formatter = (reports) => {
  let out = '';
  for (const { report, message } of eachMessage(reports)) {
    const title = message.ruleId ? `tonelint (${message.ruleId})` : 'tonelint';
    // A Word document has no lines to annotate: the annotation names the paragraph and the words instead.
    const lines = message.place
      ? []
      : [`line=${message.start.line}`, `col=${message.start.column}`, `endLine=${message.end.line}`, `endColumn=${message.end.column}`];
    const properties = [`file=${escapeProperty(report.displayPath)}`, ...lines, `title=${escapeProperty(title)}`].join(',');
    const rewrite = message.fix ? `Fix: ${message.fix.text}` : message.suggestions.length > 0 ? `Try: ${message.suggestions.join(' / ')}` : '';
    const where = message.place ? `${describePlace(message.place)}: ${describeContext(message.place)}\n` : '';
    out += `::${commands[message.severity]} ${properties}::${escapeData(`${where}${message.message}${rewrite ? `\n${rewrite}` : ''}`)}\n`;
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
