// `unless` on a document rule's requirement: terms that keep a sentence from meeting it, for the
// terms and the memo heads alike ("two vessels for redeployment" is no support for people).
import { describe, expect, it } from 'vitest';
import { Engine, type DocumentEvidence } from '../../src/core/engine.js';
import { tokenizeSentence, type Paragraph } from '../../src/core/match/tokens.js';
import { engineSettings } from '../../src/core/settings.js';
import { compile, rule } from './helpers.js';

const headsSilent: DocumentEvidence = { announces: () => false, meets: () => false };
/** Heads that find support in every sentence. */
const headsEager: DocumentEvidence = { announces: () => false, meets: (_rule, requirement) => requirement === 'support' };

function documentRule(support: Record<string, unknown>) {
  return rule(
    'cuts',
    {
      scope: 'document',
      severity: 'warning',
      announce: ['we will cut {number} roles'],
      requires: [{ id: 'support', says: 'states support', any: ['redeployment'], ...support }],
      message: 'This announcement never {missing}{present}.',
      suggestions: ['{actual}. Everyone affected gets severance'],
    },
    'evasive',
  );
}

/** Whether the support requirement is met in a text of one sentence per line. */
function supportMet(support: Record<string, unknown>, text: string, evidence = headsSilent): boolean {
  const engine = new Engine(compile(documentRule(support)), engineSettings({}));
  const paragraphs: Paragraph[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    paragraphs.push({ start: offset, end: offset + line.length, sentences: [tokenizeSentence(line, offset)] });
    offset += line.length + 1;
  }
  const [check] = engine.lintDocument(text, paragraphs, evidence).documents;
  return check.requirements.find((requirement) => requirement.id === 'support')?.met !== undefined;
}

describe('a requirement with unless', () => {
  const text = 'We will cut 40 roles in the port office.\nMerging the loops frees two vessels for redeployment.';

  it('is met by its terms where no unless term is in the sentence', () => {
    expect(supportMet({}, text)).toBe(true);
    expect(supportMet({ unless: ['aircraft'] }, text)).toBe(true);
  });

  it('is not met in a sentence holding an unless term', () => {
    expect(supportMet({ unless: ['vessel~'] }, text)).toBe(false);
  });

  it('still counts another sentence that meets it', () => {
    expect(supportMet({ unless: ['vessel~'] }, `${text}\nEveryone affected joins the redeployment pool.`)).toBe(true);
  });

  it('keeps the heads from meeting it in that sentence too', () => {
    const vessels = 'We will cut 40 roles at the vessel yard.\nTwo vessels move to the Baltic route.';
    expect(supportMet({ any: ['severance'] }, vessels, headsEager)).toBe(true);
    expect(supportMet({ any: ['severance'], unless: ['vessel~'] }, vessels, headsEager)).toBe(false);
  });
});
