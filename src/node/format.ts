// Which processor a file gets: Markdown for .md/.markdown, plain text for everything else.
import { extname } from 'node:path';

export type DocumentFormat = 'markdown' | 'text';

const markdownExtensions = new Set(['.md', '.markdown']);

export function formatForPath(path: string | undefined): DocumentFormat {
  return path !== undefined && markdownExtensions.has(extname(path).toLowerCase()) ? 'markdown' : 'text';
}
