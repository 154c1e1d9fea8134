// Rules describe patterns; they are judged on text nobody here has seen. No rule file may share a
// run of six words with an item or rewrite of an evaluation set whose numbers measure it (the development set, held-out
// B, blind set D): a rule that remembers an item earns a score it would not get on new text.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runIndex, sharedRuns } from '../../src/eval/overlap.js';
import { ruleGuardSets as evaluationSets, textsAndRewrites } from '../helpers/eval-sets.js';
import { yamlFiles } from '../helpers/rule-files.js';

const repo = new URL('../../', import.meta.url).pathname;

const texts = textsAndRewrites(repo, evaluationSets);
const index = runIndex(texts);

describe('rule files', () => {
  it('are checked against every evaluation set', () => {
    expect(texts.length).toBeGreaterThan(1000);
  });
  it.each(yamlFiles(join(repo, 'rules')).map((file) => [relative(repo, file), file]))(
    '%s is written in its own words, not copied from an evaluation set',
    (_, file) => {
      expect(sharedRuns(readFileSync(file, 'utf8'), index), 'rewrite these examples from the pattern, with other words, numbers and settings').toEqual([]);
    },
  );
});
