// A lead_only rule reads its lead as one passage: once one lead sentence holds a `lead_topic`
// term, every lead sentence is asked, so a bullet of scores under an AI announcement's opening
// counts as what the text leads with, though it names no AI itself.
import { describe, expect, it } from 'vitest';
import { Engine, LEAD_CHARACTERS, type DocumentEvidence } from '../../src/core/engine.js';
import { tokenizeSentence, type Paragraph, type Sentence } from '../../src/core/match/tokens.js';
import { engineSettings } from '../../src/core/settings.js';
import { compile, rule } from './helpers.js';
import { lint } from '../../src/lint.js';
import { loadMemoHeads } from '../../src/node/scorer-model.js';
import { headProbabilities } from '../../src/core/scorer/model.js';
import { headReads } from '../../src/core/scorer/memo-evidence.js';
import { learnedGate } from '../../src/core/scorer/findings.js';
import { compileBuiltinRules } from '../../src/plugin/builtin.js';
import { learnedBlockGate, markdownParagraphs, type BlockGate } from '../../src/plugin/blocks.js';
import { parseMarkdown } from '../../src/plugin/processor.js';

const scoresRule = (leadOnly: boolean, leadTopic: string[] | undefined) =>
  rule(
    'scores-first',
    {
      scope: 'document',
      severity: 'warning',
      lead_only: leadOnly,
      ...(leadTopic ? { lead_topic: leadTopic } : {}),
      announce: ['never matches here'],
      requires: [{ id: 'user-value', says: 'says what users can do', any: ['users can now'] }],
      message: 'This announcement leads with scores and never {missing}.',
      suggestions: ['{actual}. Users can now do more'],
    },
    'framing',
  );

const has = (sentence: Sentence | undefined, word: string) => sentence?.tokens.some((token) => token.key === word) === true;

/** "score" announces; the heads' gate admits only sentences naming a "model". */
const evidence: DocumentEvidence = {
  announces: (_rule, sentence, _previous, wholeLead) => has(sentence, 'score') && (wholeLead === true || has(sentence, 'model')),
  meets: () => false,
};

/** Each string a paragraph of one sentence. The rule's lead_topic is "model" unless told otherwise. */
function announced(sentences: string[], { leadOnly = true, leadTopic = ['model'] as string[] | null, given = evidence } = {}): string[] {
  const engine = new Engine(compile(scoresRule(leadOnly, leadOnly ? (leadTopic ?? undefined) : undefined)), engineSettings({}));
  const paragraphs: Paragraph[] = [];
  let text = '';
  for (const sentence of sentences) {
    if (text.trim()) text += '\n\n';
    const start = text.length;
    text += sentence;
    paragraphs.push({ start, end: text.length, sentences: [tokenizeSentence(sentence, start)] });
  }
  return engine.lintDocument(text, paragraphs, given).documents.map((check) => text.slice(check.announcement.start, check.announcement.end));
}

describe('a lead read whole', () => {
  const opening = 'We have finished testing our new model.';
  const bullet = 'The score on noisy calls is 95.9 in every hundred.';

  it('asks about a lead sentence off the topic once another lead sentence is on it, before or after', () => {
    expect(announced([opening, bullet])).toEqual([bullet.slice(0, -1)]);
    expect(announced([bullet, opening])).toEqual([bullet.slice(0, -1)]);
  });

  it('does not when no sentence of the lead is on the topic', () => {
    expect(announced(['We have finished testing Vireo.', bullet])).toEqual([]);
  });

  it('reads no further than the lead, nor counts a topic sentence past it', () => {
    const filler = 'Some words about the weather that go on for a while. '.repeat(20).trim();
    expect(filler.length).toBeGreaterThan(LEAD_CHARACTERS);
    expect(announced([opening, filler, bullet])).toEqual([]);
    expect(announced([bullet, filler, opening])).toEqual([]);
  });

  it('is only for lead_only rules that name a lead_topic', () => {
    expect(announced([opening, bullet], { leadOnly: false })).toEqual([]);
    expect(announced([opening, bullet], { leadTopic: null })).toEqual([]);
    expect(announced([opening, bullet], { leadTopic: ['transcription'] })).toEqual([]);
  });

  it('is refused on a rule that is not lead_only', () => {
    expect(() => compile(rule('scores-first', { scope: 'document', severity: 'warning', lead_topic: ['model'], announce: ['x'], requires: [{ says: 's', any: ['y'] }], message: 'm {missing}', suggestions: ['s'] }, 'framing'))).toThrow(/lead_topic/);
  });
});

describe('the lead is parsed whole when the memo heads are on', () => {
  const never: BlockGate = { mayMatch: () => false };

  it('lets through every block that starts within the lead, and only those', () => {
    const gate = learnedBlockGate(never, never);
    expect(gate.mayMatch('Dear colleagues,', 0)).toBe(true);
    expect(gate.mayMatch('Dear colleagues,', LEAD_CHARACTERS - 1)).toBe(true);
    expect(gate.mayMatch('Dear colleagues,', LEAD_CHARACTERS)).toBe(false);
    expect(gate.mayMatch('Dear colleagues,')).toBe(false);
    expect(learnedBlockGate({ mayMatch: () => true }, never).mayMatch('staff', LEAD_CHARACTERS)).toBe(true);
  });

  it('gives the engine the lead sentences of a Markdown memo that no rule or gate would parse', () => {
    const text = '# Notes\n\nDear colleagues,\n\n' + 'Plain words here. '.repeat(60) + '\n\nDear colleagues, again.';
    const parsed = (gate: BlockGate) => markdownParagraphs(parseMarkdown(text), text, gate).map((paragraph) => text.slice(paragraph.start, paragraph.end));
    // A block that starts in the lead is parsed whole; one that starts after it is not.
    expect(parsed(learnedBlockGate(never, never))).toEqual(['Notes', 'Dear colleagues,', 'Plain words here. '.repeat(60).trim()]);
    expect(parsed(never)).toEqual([]);
  });
});

describe('with the shipped memo heads', () => {
  const bullet = 'Transcription accuracy on noisy calls: 95.9%, up from 92.1%';
  const memo = (opening: string) => `Subject: Vireo-2 is ready\n\nDear colleagues,\n\n${opening}\n\n- ${bullet}\n\nVireo-2 becomes the default on all accounts from 3 March.`;

  it('reads the bullet as a benchmark lead that the gate alone would not admit (if not, choose another bullet)', () => {
    const heads = loadMemoHeads();
    const sentence = tokenizeSentence(bullet);
    expect(headProbabilities(heads, sentence.tokens)['benchmark-led/announce']).toBeGreaterThanOrEqual(heads.thresholds['benchmark-led/announce'].report);
    expect(headReads(learnedGate(compileBuiltinRules(), {})!, sentence)).toBe(false);
  });

  it('does not read a lead whose only topic is people and work (a school results update is no AI announcement)', async () => {
    const { findings } = await lint('# Summer results\n\nThank you to every teacher and every member of staff for a remarkable year.\n\n- GCSE pass rate in maths: 94.2%, up from 88.1%\n');
    expect(findings.filter((finding) => finding.ruleId === 'benchmark-led')).toEqual([]);
  });

  it('warns when the opening says it is an AI model, and not when nothing in the lead does', async () => {
    const onTopic = await lint(memo('We have finished testing Vireo-2, our new transcription model.'));
    expect(onTopic.findings.filter((finding) => finding.ruleId === 'benchmark-led').map((finding) => finding.actual)).toEqual([bullet]);
    const offTopic = await lint(memo('We have finished testing Vireo-2.'));
    expect(offTopic.findings.filter((finding) => finding.ruleId === 'benchmark-led')).toEqual([]);
  });
});
