// A doubtful learned announcement counts only when another sentence of the same document reads
// surely as one of the rule's requirements: a memo that thanks the people leaving or lists their
// severance is itself evidence that its oblique sentence is a cut.
import { describe, expect, it } from 'vitest';
import { Engine, type DocumentEvidence } from '../../src/core/engine.js';
import { tokenizeSentence, type Paragraph } from '../../src/core/match/tokens.js';
import { engineSettings } from '../../src/core/settings.js';
import { compile, rule } from './helpers.js';
import { lint } from '../../src/lint.js';
import { loadMemoHeads } from '../../src/node/scorer-model.js';
import { headProbabilities } from '../../src/core/scorer/model.js';

const cutsRule = rule(
  'cuts',
  {
    scope: 'document',
    severity: 'warning',
    announce: ['we will cut {number} roles'],
    requires: [
      { id: 'support', says: 'states support', any: ['severance'] },
      { id: 'acknowledgment', says: 'acknowledges the people', any: ['sorry'] },
    ],
    message: 'This announcement never {missing}{present}.',
    suggestions: ['{actual}. Everyone affected gets severance'],
  },
  'evasive',
);

/** Evidence keyed on words: "doubtful" marks a doubtful announcement, "sure" a sure one, "thanks" a corroborating sentence. */
const evidence: DocumentEvidence = {
  announces: (_rule, sentence) => sentence.tokens.some((token) => token.text === 'sure'),
  meets: () => false,
  announcesIfCorroborated: (_rule, sentence) => sentence.tokens.some((token) => token.text === 'doubtful' || token.text === 'sure'),
  corroborates: (_rule, sentence) => sentence.tokens.some((token) => token.text === 'thanks'),
};

/** Each sentence its own paragraph, as a memo's lines are. */
function announced(sentences: string[], given: DocumentEvidence = evidence): string[] {
  const engine = new Engine(compile(cutsRule), engineSettings({}));
  const paragraphs: Paragraph[] = [];
  let text = '';
  for (const sentence of sentences) {
    if (text) text += '\n\n';
    const start = text.length;
    text += sentence;
    paragraphs.push({ start, end: text.length, sentences: [tokenizeSentence(sentence, start)] });
  }
  return engine.lintDocument(text, paragraphs, given).documents.map((check) => text.slice(check.announcement.start, check.announcement.end));
}

describe('a corroborated announcement', () => {
  const doubtful = 'The doubtful line about the planning roles concluding.';
  const thanks = 'Our thanks go to everyone in planning for their work.';

  it('counts when another sentence of the document corroborates it, before or after', () => {
    expect(announced([doubtful, thanks])).toEqual(['The doubtful line about the planning roles concluding']);
    expect(announced([thanks, doubtful])).toEqual(['The doubtful line about the planning roles concluding']);
  });

  it('does not count alone', () => {
    expect(announced([doubtful, 'The car park reopens on Monday.'])).toEqual([]);
  });

  it('is not corroborated by a question, which asks for an element and gives none', () => {
    expect(announced([doubtful, 'Where are the thanks for the planning team?'])).toEqual([]);
  });

  it('gives way to a sure announcement, wherever it is', () => {
    const sure = 'The sure line about the planning roles.';
    expect(announced([doubtful, thanks, sure])).toEqual(['The sure line about the planning roles']);
  });

  it('gives way to a pattern', () => {
    expect(announced([doubtful, thanks, 'We will cut 40 roles in planning.'])).toEqual(['We will cut 40 roles in planning']);
  });

  it('is not asked of evidence that has no corroborated reading', () => {
    const plain: DocumentEvidence = { announces: evidence.announces, meets: evidence.meets };
    expect(announced([doubtful, thanks], plain)).toEqual([]);
  });
});

describe('with the shipped memo heads', () => {
  const oblique = 'Rota coordination at the Tamworth depot will be run by our logistics partner from 1 September, and our coordinator team there finishes on 31 August.';
  const apology = 'I am truly sorry for what this means for the coordinators and their families.';
  const memo = (...paragraphs: string[]) => ['# Planning desk', oblique, ...paragraphs, 'Drivers will see no change in how rotas reach them.', 'Marta Keane'].join('\n\n');

  it('reads the oblique sentence as a doubtful announcement that no pattern makes (if not, choose another sentence)', async () => {
    const heads = loadMemoHeads();
    const threshold = heads.thresholds['missing-acknowledgment/announce'];
    const probability = headProbabilities(heads, tokenizeSentence(oblique).tokens)['missing-acknowledgment/announce'];
    expect(probability).toBeLessThan(threshold.report);
    expect(probability).toBeGreaterThanOrEqual(threshold.corroborated!.report);
    expect((await lint(memo(apology), { config: { scorer: { enabled: false } } })).summary.announcesCuts).toBe(false);
  });

  it('announces the cut when the memo also apologises to the people leaving, and says what is still missing', async () => {
    const { summary, findings } = await lint(memo(apology));
    expect(summary.announcesCuts).toBe(true);
    expect(summary.announcement?.text).toContain('our coordinator team there finishes on 31 August');
    expect(summary.elements?.acknowledgment.present).toBe(true);
    expect(findings.filter((finding) => finding.ruleId === 'missing-acknowledgment')).toHaveLength(1);
  });

  it('leaves the same memo alone without it', async () => {
    const { summary, findings } = await lint(memo());
    expect(summary.announcesCuts).toBe(false);
    expect(findings.filter((finding) => finding.ruleId === 'missing-acknowledgment')).toEqual([]);
  });
});
