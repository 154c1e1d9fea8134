// Six words in a row shared between two texts: the test for "copied from an evaluation set".
// Rule files, training data and examples must share no such run with the evaluation sets, so
// that no score is earned by remembering an item. Pure; the test and the data tools call it.

export const RUN_LENGTH = 6;

function words(text: string): string[] {
  return text.toLowerCase().replace(/[\u2018\u2019]/g, "'").match(/[a-z0-9']+/g) ?? [];
}

/** Every run of RUN_LENGTH consecutive words of `text`, as space-joined strings. */
export function wordRuns(text: string, length = RUN_LENGTH): Set<string> {
  const list = words(text);
  const found = new Set<string>();
  for (let index = 0; index + length <= list.length; index++) found.add(list.slice(index, index + length).join(' '));
  return found;
}

/** An index from run to the id of the first protected text that has it. */
export function runIndex(texts: Iterable<{ id: string; text: string }>): Map<string, string> {
  const index = new Map<string, string>();
  for (const { id, text } of texts) for (const run of wordRuns(text)) if (!index.has(run)) index.set(run, id);
  return index;
}

/** The runs of `text` found in the index, as `id: "run"` strings (empty when none). */
export function sharedRuns(text: string, index: Map<string, string>): string[] {
  return [...wordRuns(text)].filter((run) => index.has(run)).map((run) => `${index.get(run)}: "${run}"`);
}
