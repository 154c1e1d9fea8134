// Which processor a file gets: Markdown for .md/.markdown, HTML for .html/.htm, plain text for
// everything else (Word documents are read apart, see node/word.ts).
import { extname } from 'node:path';

export type DocumentFormat = 'markdown' | 'text' | 'html';

const markdownExtensions = new Set(['.md', '.markdown']);

const htmlExtensions = new Set(['.html', '.htm']);

export function formatForPath(path: string | undefined): DocumentFormat {
  const extension = path === undefined ? '' : extname(path).toLowerCase();
  return markdownExtensions.has(extension) ? 'markdown' : htmlExtensions.has(extension) ? 'html' : 'text';
}
