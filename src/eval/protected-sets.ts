// The evaluation sets that training data and rule files must not copy from, and how the six-word
// guard (overlap.ts) reads them. One list for the tests (tests/data, tests/rules) and the data
// tool (scripts/check-data.mjs).
import { join } from 'node:path';
import { readJsonl } from './jsonl.js';
import { runIndex } from './overlap.js';

/** Training data may share nothing with the development set, held-out A and B, or blind set D. */
export const EVALUATION_SETS = ['eval/dev/dev.jsonl', 'eval/heldout/heldout-a.jsonl', 'eval/heldout/heldout-b.jsonl', 'eval/blind-d/d.jsonl'] as const;

/** Every item's text and rewrite in the JSON Lines sets at `paths` (relative to `repo`). */
export function textsAndRewrites(repo: string, paths: readonly string[]): { id: string; text: string }[] {
  return paths.flatMap((path) =>
    readJsonl<{ id: string; text: string; rewrite?: string }>(join(repo, path)).flatMap((item) => [
      { id: item.id, text: item.text },
      { id: `${item.id} rewrite`, text: item.rewrite ?? '' },
    ]),
  );
}

/** The six-word index of the evaluation sets under `repo`. */
export function protectedIndex(repo: string, paths: readonly string[] = EVALUATION_SETS): Map<string, string> {
  return runIndex(textsAndRewrites(repo, paths));
}
