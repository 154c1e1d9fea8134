import { join } from 'node:path';
import { readJsonl } from './jsonl.js';

// Evaluation sets that must not be copied from (six words in a row).
// Training data may share nothing with the development set, held-out A and B, or blind set D.
export const evaluationSets = ['eval/dev/dev.jsonl', 'eval/heldout/heldout-a.jsonl', 'eval/heldout/heldout-b.jsonl', 'eval/blind-d/d.jsonl'];
// Rule files are held to the sets whose numbers are reported as measures: dev, B and D. (Earlier
// rounds of rule writing studied held-out A and tuning sets C1/C2 and borrowed some of their
// wording; those sets are reported as "inspected" for that reason.)
export const ruleGuardSets = ['eval/dev/dev.jsonl', 'eval/heldout/heldout-b.jsonl', 'eval/blind-d/d.jsonl'];

/** Every item's text and rewrite in the sets at `paths` (relative to `repo`), as the six-word guard reads them. */
export function textsAndRewrites(repo: string, paths: readonly string[]): { id: string; text: string }[] {
  return paths.flatMap((path) =>
    readJsonl<{ id: string; text: string; rewrite?: string }>(join(repo, path)).flatMap((item) => [
      { id: item.id, text: item.text },
      { id: `${item.id} rewrite`, text: item.rewrite ?? '' },
    ]),
  );
}
