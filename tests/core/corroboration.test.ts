// A doubtful learned announcement counts only when another sentence of the same document reads
// surely as one of the rule's requirements: a memo that apologises to the people leaving or lists
// their severance is itself evidence that its oblique sentence is a cut.
import { describe, expect, it } from 'vitest';
import { Engine, type DocumentEvidence } from '../../src/core/engine.js';
import { tokenizeSentence, type Paragraph, type Sentence } from '../../src/core/match/tokens.js';
import { engineSettings } from '../../src/core/settings.js';
import { compile, rule } from './helpers.js';
import { lint } from '../../src/lint.js';
import { loadMemoHeads } from '../../src/node/scorer-model.js';
import { headProbabilities } from '../../src/core/scorer/model.js';

const cutsRule = (extra: Record<string, unknown> = {}) =>
  rule(
    'cuts',
    {
      scope: 'document',
      severity: 'warning',
      announce: ['we will cut {number} roles'],
      requires: [
        { id: 'support', says: 'states support', any: ['severance'], unless: ['vessels'] },
        { id: 'acknowledgment', says: 'acknowledges the people', any: ['sorry'] },
      ],
      message: 'This announcement never {missing}{present}.',
      suggestions: ['{actual}. Everyone affected gets severance'],
      ...extra,
    },
    'evasive',
  );

const has = (sentence: Sentence | undefined, word: string) => sentence?.tokens.some((token) => token.key === word) === true;

/**
 * Evidence keyed on words: "doubtful" (0.6) and "likely" (0.7) mark doubtful announcements, "sure"
 * a sure one; "thanks" corroborates as acknowledgment, "redeployment" as support, and "both" as
 * either; "context" in the previous sentence makes the next sentence corroborate.
 */
const evidence: DocumentEvidence = {
  announces: (_rule, sentence) => has(sentence, 'sure'),
  meets: () => false,
  doubtfulAnnouncement: (_rule, sentence) => (has(sentence, 'likely') ? 0.7 : has(sentence, 'doubtful') ? 0.6 : 0),
  corroborates: (_rule, requirement, sentence, previous) =>
    has(sentence, 'both') || has(previous, 'context') || (requirement === 'acknowledgment' ? has(sentence, 'thanks') : has(sentence, 'redeployment')),
};

/** Each string a paragraph; sentences within it split on ". ". */
function announced(paragraphTexts: string[], given: DocumentEvidence = evidence, extra: Record<string, unknown> = {}): string[] {
  const engine = new Engine(compile(cutsRule(extra)), engineSettings({}));
  const paragraphs: Paragraph[] = [];
  let text = '';
  for (const paragraphText of paragraphTexts) {
    if (text) text += '\n\n';
    const start = text.length;
    const sentences: Sentence[] = [];
    let at = start;
    for (const part of paragraphText.split(/(?<=[.?]) /)) {
      text += (at > start ? ' ' : '') + part;
      at = text.length - part.length;
      sentences.push(tokenizeSentence(part, at));
      at = text.length;
    }
    paragraphs.push({ start, end: text.length, sentences });
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

  it('does not count alone, nor confirm itself', () => {
    expect(announced([doubtful, 'The car park reopens on Monday.'])).toEqual([]);
    expect(announced(['The doubtful planning roles conclude, with our thanks to all of them.'])).toEqual([]);
    // Another sentence does, even when the announcing one also reads as an element.
    expect(announced(['The doubtful planning roles conclude, with our thanks to all of them.', thanks])).toHaveLength(1);
  });

  it('is not corroborated by a question, which asks for an element and gives none', () => {
    expect(announced([doubtful, 'Where are the thanks for the planning team?'])).toEqual([]);
  });

  it("is not corroborated by a sentence the requirement's unless rules out", () => {
    expect(announced([doubtful, 'Two vessels go for redeployment in March.'])).toEqual([]);
    expect(announced([doubtful, 'Everyone leaving is offered redeployment in March.'])).toHaveLength(1);
    // Ruled out for support, the sentence may still read as another requirement.
    expect(announced([doubtful, 'Two vessels go for redeployment, both in March.'])).toHaveLength(1);
  });

  it('reads a corroborating sentence with the sentence before it, as the heads do', () => {
    expect(announced([doubtful, 'Some context first. The team will hear more on Monday.'])).toHaveLength(1);
    expect(announced([doubtful, 'The team will hear more on Monday. Some context after.'])).toEqual([]);
  });

  it('is the strongest doubtful reading, not the first', () => {
    expect(announced([doubtful, 'The likely line about the desk roles ending.', thanks])).toEqual(['The likely line about the desk roles ending']);
  });

  it('is vetoed by learned_unless like a sure reading', () => {
    expect(announced([doubtful, thanks], evidence, { learned_unless: ['planning'] })).toEqual([]);
  });

  it('gives way to a sure announcement, wherever it is', () => {
    expect(announced([doubtful, thanks, 'The sure line about the planning roles.'])).toEqual(['The sure line about the planning roles']);
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
  const oblique = 'The Tamworth planning desk will be run by our logistics partner from 1 September, and the coordinator team there is disbanded at the end of August.';
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
    expect(summary.announcement?.text).toContain('the coordinator team there is disbanded');
    expect(summary.elements?.acknowledgment.present).toBe(true);
    expect(findings.filter((finding) => finding.ruleId === 'missing-acknowledgment')).toHaveLength(1);
  });

  it('leaves the same memo alone without it', async () => {
    const { summary, findings } = await lint(memo());
    expect(summary.announcesCuts).toBe(false);
    expect(findings.filter((finding) => finding.ruleId === 'missing-acknowledgment')).toEqual([]);
  });
});
