// `learned_unless`: terms that keep the memo heads' reading of a sentence as a cut announcement
// from counting, so what a rule's patterns know is no cut does not come back through the heads.
import { describe, expect, it } from 'vitest';
import { Engine, type DocumentEvidence } from '../../src/core/engine.js';
import { tokenizeSentence } from '../../src/core/match/tokens.js';
import type { Paragraph } from '../../src/core/match/tokens.js';
import { engineSettings } from '../../src/core/settings.js';
import { compile, rule } from './helpers.js';

/** Evidence that reads every sentence as announcing and meets no requirement: the heads at their most eager. */
const eager: DocumentEvidence = { announces: () => true, meets: () => false };

function documentRule(extra: Record<string, unknown>) {
  return rule(
    'cuts',
    {
      scope: 'document',
      severity: 'warning',
      announce: ['we will cut {number} roles'],
      requires: [{ id: 'support', says: 'states support', any: ['severance'] }],
      message: 'This announcement never {missing}{present}.',
      suggestions: ['{actual}. Everyone affected gets severance'],
      ...extra,
    },
    'evasive',
  );
}

function announcement(extra: Record<string, unknown>, sentence: string) {
  const engine = new Engine(compile(documentRule(extra)), engineSettings({}));
  const parsed = tokenizeSentence(sentence, 0);
  const paragraphs: Paragraph[] = [{ start: 0, end: sentence.length, sentences: [parsed] }];
  return engine.lintDocument(sentence, paragraphs, eager).documents.map((check) => sentence.slice(check.announcement.start, check.announcement.end));
}

describe('learned_unless', () => {
  const secondment = 'The two posts end when the secondment finishes in March.';

  it('lets the heads announce where no pattern does', () => {
    expect(announcement({}, secondment)).toEqual(['The two posts end when the secondment finishes in March']);
  });

  it('vetoes the heads where one of its terms is in the sentence', () => {
    expect(announcement({ learned_unless: ['secondment~'] }, secondment)).toEqual([]);
    expect(announcement({ learned_unless: ['sabbatical'] }, secondment)).toHaveLength(1);
  });

  it('never vetoes a pattern', () => {
    // The heads are vetoed here, so the announcement can only have come from the pattern.
    expect(announcement({ learned_unless: ['secondment~'] }, 'We will cut 40 roles after the secondment review.')).toEqual(['We will cut 40 roles after the secondment review']);
  });
});
