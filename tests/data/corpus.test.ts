// The training corpus as a specification: its schema, its size and spread of writers, its
// distance from every evaluation set, and that the shipped model was trained on what is here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeScorerModel } from '../../src/core/scorer/model.js';
import { sharedRuns } from '../../src/eval/overlap.js';
import { protectedIndex } from '../../src/eval/protected-sets.js';
import { shippedScorerPath } from '../../src/node/scorer-model.js';
import { readJsonl } from '../helpers/jsonl.js';

const repo = new URL('../../', import.meta.url).pathname;
const corpusDir = join(repo, 'data/corpus');
const keys = ['id', 'text', 'label', 'spans', 'category', 'rewrite', 'note'];
const categories: Record<string, string[]> = {
  alarmist: ['threat', 'catastrophe', 'ultimatum', 'inevitability', 'panic'],
  dehumanizing: ['people-as-costs', 'people-as-units', 'people-as-parts', 'obsolete-people', 'replaced-by-ai', 'labeling'],
  evasive: ['euphemism', 'agentless-passive', 'ai-as-agent', 'minimizing'],
  ok: ['hard-negative', 'honest-layoff', 'ai-user-benefit', 'constructive-change', 'neutral-workforce', 'mention-not-use', 'workplace'],
};

interface Item {
  id: string;
  text: string;
  label: string;
  spans: string[];
  category: string;
  rewrite: string;
  note: string;
}

/** The six-word index of the evaluation sets, built once for the two tests that read it. */
let evaluationIndex: Map<string, string> | undefined;
const evaluationRuns = () => (evaluationIndex ??= protectedIndex(repo));

const files = readdirSync(corpusDir).filter((name) => name.endsWith('.jsonl')).sort();
const items: { file: string; item: Item; keys: string[] }[] = files.flatMap((file) =>
  readJsonl<Item>(join(corpusDir, file)).map((item) => ({ file, item, keys: Object.keys(item) })),
);

describe('the training corpus', () => {
  it('has at least 8,000 items by at least 8 writers, about half ok', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    expect(items.length).toBeGreaterThanOrEqual(8000);
    const ok = items.filter(({ item }) => item.label === 'ok').length / items.length;
    expect(ok).toBeGreaterThan(0.4);
    expect(ok).toBeLessThan(0.6);
    // w1-w10 wrote ~900 items each; later writers, briefed for a gap, ~400, and from w46 on 180
    // (about 140-160 after the six-word guard): more writers, each narrower. A file far below
    // that is a truncated one.
    for (const file of files) expect(items.filter((entry) => entry.file === file).length, file).toBeGreaterThanOrEqual(120);
  });

  it('follows the schema: labels, categories, spans that are substrings, rewrites for flagged items', () => {
    const problems: string[] = [];
    const ids = new Set<string>();
    for (const { file, item, keys: found } of items) {
      const where = `${file} ${item.id}`;
      if (found.join() !== keys.join()) problems.push(`${where}: keys ${found.join()}`);
      if (ids.has(item.id)) problems.push(`${where}: duplicate id`);
      ids.add(item.id);
      if (!categories[item.label]?.includes(item.category)) problems.push(`${where}: ${item.label}/${item.category}`);
      if (item.spans.some((span) => !span || !item.text.includes(span))) problems.push(`${where}: a span is not in the text`);
      if ((item.label === 'ok') !== (item.spans.length === 0 && item.rewrite === '')) problems.push(`${where}: ok items, and only they, have no spans and no rewrite`);
    }
    expect(problems).toEqual([]);
  });

  it('covers every category of every label', () => {
    for (const [label, names] of Object.entries(categories)) {
      for (const name of names.filter((category) => category !== 'workplace')) {
        expect(items.filter(({ item }) => item.label === label && item.category === name).length, `${label}/${name}`).toBeGreaterThan(40);
      }
    }
  });

  it('shares no run of six words with any evaluation set', () => {
    const index = evaluationRuns();
    const copied = items.flatMap(({ item }) => [...sharedRuns(item.text, index), ...sharedRuns(item.rewrite, index)].map((run) => `${item.id} ~ ${run}`));
    expect(copied).toEqual([]);
  });

  it('comes with neutral prose nobody here wrote, for training and for calibration', () => {
    for (const part of ['train', 'calibration']) {
      const dir = join(repo, 'data/neutral', part);
      const words = readdirSync(dir).reduce((sum, name) => sum + readFileSync(join(dir, name), 'utf8').split(/\s+/).length, 0);
      expect(words, part).toBeGreaterThan(10_000);
    }
  });

  it('comes with workplace prose written for the project, which shares no run of six words with any evaluation set', () => {
    const index = evaluationRuns();
    const copied: string[] = [];
    for (const part of ['train', 'calibration']) {
      const dir = join(repo, 'data/neutral/workplace', part);
      const files = readdirSync(dir);
      const words = files.reduce((sum, name) => sum + readFileSync(join(dir, name), 'utf8').split(/\s+/).length, 0);
      expect(words, part).toBeGreaterThan(20_000);
      for (const name of files) copied.push(...sharedRuns(readFileSync(join(dir, name), 'utf8'), index).map((run) => `${part}/${name} ~ ${run}`));
    }
    expect(copied).toEqual([]);
  });
});

describe('the shipped model', () => {
  const model = decodeScorerModel(readFileSync(shippedScorerPath));

  it('was trained on the corpus as it is now (run `npm run train` after changing data/)', () => {
    const calibrationWriters = model.about.calibrationWriters as string[];
    const calibration = items.filter(({ file }) => calibrationWriters.includes(file.replace(/\.jsonl$/, ''))).length;
    expect(calibration).toBeGreaterThan(500);
    expect(model.about.calibrationItems).toBe(calibration);
    const corpusTraining = items.length - calibration;
    expect(model.about.trainingItems as number).toBeGreaterThanOrEqual(corpusTraining);
  });

  it('is at most 8 MB and carries rewrites for every category', () => {
    expect(readFileSync(shippedScorerPath).length).toBeLessThanOrEqual(8 * 1024 * 1024);
    for (const category of ['alarmist', 'dehumanizing', 'evasive']) {
      expect(model.examples().filter((example) => example.category === category).length, category).toBeGreaterThan(100);
    }
  });
});
