// Reads the evaluation data from disk: dev.jsonl and neutral-dev/*.txt under one directory, or
// an items file and a neutral-prose folder named separately.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countWords, parseItems, type EvalItem, type NeutralDoc } from './dataset.js';

export interface EvalData {
  items: EvalItem[];
  neutral: NeutralDoc[];
}

/** `itemsPath` and `neutralPath` override the development set's layout (e.g. for a held-out set). */
export function readEvalData(dataDir: string, itemsPath?: string, neutralPath?: string): EvalData {
  const devPath = itemsPath ?? join(dataDir, 'dev.jsonl');
  const items = parseItems(readFileSync(devPath, 'utf8'), devPath);
  const neutral = readNeutral(neutralPath ?? join(dataDir, 'neutral-dev'));
  return { items, neutral };
}

/** The `.txt` files of a neutral-prose folder, in name order, with their word counts. */
export function readNeutral(neutralDir: string): EvalData['neutral'] {
  return readdirSync(neutralDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(neutralDir, name), 'utf8');
      return { name, text, words: countWords(text) };
    });
}
