// The evaluation data set as values: parsing and checking dev.jsonl lines, counting words the way
// `wc -w` does. No disk access here, so tests can feed it strings.

export const toneLabels = ['alarmist', 'dehumanizing', 'evasive'] as const;
export type ToneLabel = (typeof toneLabels)[number];
export type Label = ToneLabel | 'ok';
export const labels: readonly Label[] = [...toneLabels, 'ok'];

export interface EvalItem {
  id: string;
  text: string;
  label: Label;
  /** Exact substrings of `text`: the minimal offending phrases (empty for `ok`). */
  spans: string[];
  category: string;
  /** One value-focused rewrite of the whole text (empty for `ok`). */
  rewrite: string;
  note: string;
}

/** A file of ordinary prose with no workforce content: every finding on it is a false positive. */
export interface NeutralDoc {
  name: string;
  text: string;
  words: number;
}

export class DatasetError extends Error {
  readonly code = 'DatasetInvalid';
}

/** Parses dev.jsonl, one item a line, and checks the schema the README's validation snippet checks. */
export function parseItems(jsonl: string, source = 'dev.jsonl'): EvalItem[] {
  const items: EvalItem[] = [];
  const seen = new Set<string>();
  jsonl.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${source}:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new DatasetError(`${where}: not JSON (${(error as Error).message})`);
    }
    const item = checkItem(value, where);
    if (seen.has(item.id)) throw new DatasetError(`${where}: duplicate id "${item.id}"`);
    seen.add(item.id);
    items.push(item);
  });
  return items;
}

function checkItem(value: unknown, where: string): EvalItem {
  if (typeof value !== 'object' || value === null) throw new DatasetError(`${where}: not an object`);
  const row = value as Record<string, unknown>;
  for (const key of ['id', 'text', 'label', 'category', 'rewrite', 'note']) {
    if (typeof row[key] !== 'string') throw new DatasetError(`${where}: "${key}" must be a string`);
  }
  if (!Array.isArray(row.spans) || !row.spans.every((span) => typeof span === 'string' && span !== '')) {
    throw new DatasetError(`${where}: "spans" must be a list of non-empty strings`);
  }
  const item = row as unknown as EvalItem;
  if (!labels.includes(item.label)) throw new DatasetError(`${where}: unknown label "${item.label}"`);
  for (const span of item.spans) {
    if (!item.text.includes(span)) throw new DatasetError(`${where}: span "${span}" is not in the text`);
  }
  if ((item.label === 'ok') !== (item.spans.length === 0 && item.rewrite === '')) {
    throw new DatasetError(`${where}: ok items, and only they, have no spans and no rewrite`);
  }
  return {
    id: item.id,
    text: item.text,
    label: item.label,
    spans: item.spans,
    category: item.category,
    rewrite: item.rewrite,
    note: item.note,
  };
}

/** Words as `wc -w` counts them: runs of non-whitespace. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}
