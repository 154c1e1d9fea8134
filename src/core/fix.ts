// Applying non-overlapping text edits, idempotently.
import type { Fix } from './finding.js';

export interface FixResult {
  output: string;
  applied: number;
}

/**
 * Applies fixes in offset order, skipping any that overlaps one already taken (ESLint's rule:
 * the earlier edit wins; a second pass picks up the rest). Fixes whose text already equals the
 * replacement are not counted, so applying twice reports nothing new.
 */
export function applyFixes(text: string, fixes: Iterable<Fix | undefined>): FixResult {
  const sorted = [...fixes]
    .filter((fix): fix is Fix => fix !== undefined)
    .filter((fix) => fix.range[0] >= 0 && fix.range[0] <= fix.range[1] && fix.range[1] <= text.length)
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let cursor = 0;
  let applied = 0;
  for (const fix of sorted) {
    const [start, end] = fix.range;
    if (start < cursor) continue;
    if (text.slice(start, end) === fix.text) continue;
    output += text.slice(cursor, start) + fix.text;
    cursor = end;
    applied++;
  }
  return { output: output + text.slice(cursor), applied };
}
