// Applying non-overlapping text edits, idempotently.
import type { Fix } from './finding.js';

export interface FixResult {
  output: string;
  applied: number;
}

/**
 * The fixes that one pass applies, in offset order: any that overlaps one already taken is
 * skipped (ESLint's rule: the earlier edit wins; a second pass picks up the rest), and so is one
 * whose text already equals its replacement, so applying twice changes nothing new. The CLI and
 * the language server both apply exactly these.
 */
export function selectFixes(text: string, fixes: Iterable<Fix | undefined>): Fix[] {
  const sorted = [...fixes]
    .filter((fix): fix is Fix => fix !== undefined)
    .filter((fix) => fix.range[0] >= 0 && fix.range[0] <= fix.range[1] && fix.range[1] <= text.length)
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const selected: Fix[] = [];
  let cursor = 0;
  for (const fix of sorted) {
    if (fix.range[0] < cursor || text.slice(fix.range[0], fix.range[1]) === fix.text) continue;
    selected.push(fix);
    cursor = fix.range[1];
  }
  return selected;
}

export function applyFixes(text: string, fixes: Iterable<Fix | undefined>): FixResult {
  const selected = selectFixes(text, fixes);
  let output = '';
  let cursor = 0;
  for (const fix of selected) {
    output += text.slice(cursor, fix.range[0]) + fix.text;
    cursor = fix.range[1];
  }
  return { output: output + text.slice(cursor), applied: selected.length };
}
