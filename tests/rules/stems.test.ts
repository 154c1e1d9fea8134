// `word~` gives the inflections of a whole word (close~: close, closes, closed, closing). Written
// on a stem (clos~, relocat~, redundan~) it silently matches only the odd forms the endings make
// of it ("closed", never "close" or "closure"), so a veto or a cue that looks right never fires.
// The training corpus is the dictionary: a stem that is no word there while a word built on it
// is (relocat~ beside "relocation") is a bug; list the words instead.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inflections } from '../../src/core/match/inflect.js';
import { readJsonl } from '../helpers/jsonl.js';
import { yamlFiles } from '../helpers/rule-files.js';

const repo = new URL('../../', import.meta.url).pathname;
/** Endings that make a different word of a stem: relocat-ion, clos-e, redundan-cy, vacanc-y. */
const ENDINGS = ['e', 'es', 'y', 'ies', 'ion', 'ions', 'ation', 'ations', 'ance', 'ancy', 'ancies', 'ant', 'ary', 'ment', 'ments', 'ity', 'ities', 'ic', 'ible', 'able', 'al'];
/** Whole words the corpus happens not to contain in their base form. */
const WORDS = new Set(['disrupt', 'reassess', 'refurbish', 'rumor']);

function corpusWords(): Set<string> {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const word of text.toLowerCase().match(/[a-z][a-z'-]*/g) ?? []) words.add(word);
  };
  for (const dir of ['data/corpus', 'data/memos']) {
    for (const name of readdirSync(join(repo, dir)).filter((file) => file.endsWith('.jsonl'))) {
      for (const item of readJsonl<{ text: string; rewrite?: string }>(join(repo, dir, name))) {
        add(item.text);
        add(item.rewrite ?? '');
      }
    }
  }
  return words;
}

describe('inflected terms in rule files', () => {
  it('are whole words, not stems', () => {
    const words = corpusWords();
    const stems: string[] = [];
    for (const file of yamlFiles(join(repo, 'rules'))) {
      const text = readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => !line.trimStart().startsWith('#'))
        .join('\n');
      for (const match of text.matchAll(/(?<![\w-])([a-z][a-z'-]*)~/g)) {
        const stem = match[1];
        if (words.has(stem) || WORDS.has(stem)) continue;
        const forms = new Set(inflections(stem));
        const built = ENDINGS.map((ending) => stem + ending).filter((word) => words.has(word) && !forms.has(word));
        if (built.length > 0) stems.push(`${file.slice(repo.length)}: ${stem}~ (the corpus has ${built.join(', ')})`);
      }
    }
    expect(stems).toEqual([]);
  });
});
