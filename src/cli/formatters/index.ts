// Formatter lookup; SARIF and HTML are loaded only when asked for, to keep the default start-up small.
import type { Formatter, FormatterName } from './report.js';

export async function loadFormatter(name: FormatterName): Promise<Formatter> {
  switch (name) {
    case 'stylish':
      return (await import('./stylish.js')).formatStylish;
    case 'json':
      return (await import('./json.js')).formatJson;
    case 'sarif':
      return (await import('./sarif.js')).formatSarif;
    case 'github':
      return (await import('./github.js')).formatGithub;
    case 'html':
      return (await import('./html.js')).formatHtml;
  }
}
