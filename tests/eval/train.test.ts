// The memo heads' training targets and threshold choice (scripts/train.mjs, which reads dist/):
// what a sentence teaches each head, and that an announce head never fires on neutral prose it
// was calibrated against.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script with no types
import { chooseCorroboration, chooseHeadThresholds, HEADS, headUnits } from '../../scripts/train.mjs';
import { decodeScorerModel, headProbabilities } from '../../src/core/scorer/model.js';
import { tokenizeSentence } from '../../src/core/match/tokens.js';
import { scorerSettings } from '../../src/core/scorer/findings.js';
import { compileBuiltinRules } from '../../src/plugin/builtin.js';
import { readMemoFile } from '../../src/eval/memos.js';

type Unit = { sentence: { start: number; end: number }; targets: Float32Array; weights: Float32Array };
const root = fileURLToPath(new URL('../../', import.meta.url));
const head = (name: string) => (HEADS as { name: string }[]).findIndex((entry) => entry.name === name);

const memo = {
  text: 'Team update\n\nWe will close the Leeds office and 40 roles will go. I am sorry: this is hard for everyone leaving. The people leaving have given years to this office.\n\nAna',
  announces_cuts: true,
  acknowledgment: true,
  decision_owner: false,
  support: false,
  benchmark_led: false,
  user_value: false,
  evidence: { announcement: 'We will close the Leeds office and 40 roles will go.', acknowledgment: 'I am sorry: this is hard for everyone leaving.' },
};

describe('headUnits', () => {
  const units = headUnits(memo) as Unit[];
  const sentenceWith = (words: string) => units.find((unit) => memo.text.slice(unit.sentence.start, unit.sentence.end).includes(words))!;
  const acknowledgment = head('missing-acknowledgment/acknowledgment');

  it('makes the quoted sentence a positive of its head', () => {
    const quoted = sentenceWith('I am sorry');
    expect([quoted.targets[acknowledgment], quoted.weights[acknowledgment]]).toEqual([1, 1]);
  });

  it('teaches nothing from the other sentences of a memo that has the element (it may say it twice)', () => {
    expect(sentenceWith('given years').weights[acknowledgment]).toBe(0);
  });

  it('makes every sentence a negative of a head whose element the memo lacks', () => {
    const support = head('missing-acknowledgment/support');
    for (const unit of units) expect([unit.targets[support], unit.weights[support]]).toEqual([0, 1]);
  });
});

describe('chooseHeadThresholds', () => {
  const model = decodeScorerModel(readFileSync(`${root}models/memo-heads.bin`));
  const gate = scorerSettings(compileBuiltinRules(), {}).gate;
  const announce = 'missing-acknowledgment/announce';
  const memos = readMemoFile(`${root}data/memos/m4.jsonl`);
  // A sentence the shipped announce head reads as a cut announcement, in prose "calibrated" as neutral.
  const cutSentence = 'We will reduce the regional support team from 120 to 85 people by the end of June this year.';

  it('keeps an announce threshold above every sentence of the neutral prose it is given', () => {
    // Whatever the shipped head makes of these sentences, the threshold must clear each of them
    // (a paragraph each, so no sentence is read with another as its context).
    const neutral = [cutSentence, 'We are closing the Leeds office in May and 40 roles will go.', 'The rota for June is in the shared drive.'];
    const threshold = chooseHeadThresholds(model, gate, memos, { neutralTexts: [`Notes from the week.\n\n${neutral.join('\n\n')}\n`] }).thresholds[announce].report;
    for (const sentence of neutral) {
      const { tokens } = tokenizeSentence(sentence);
      expect(threshold, sentence).toBeGreaterThan(headProbabilities(model, tokens)[announce]);
    }
  });

  it('reads neutral prose as the CLI reads a .txt file, not as Markdown', () => {
    // Indented four spaces, the sentence is a code block to Markdown, which would hide it; a .txt is linted as plain text.
    const threshold = chooseHeadThresholds(model, gate, memos, { neutralTexts: [`Notes from the week.\n\n    ${cutSentence}\n`] }).thresholds[announce].report;
    expect(threshold).toBeGreaterThan(headProbabilities(model, tokenizeSentence(cutSentence).tokens)[announce]);
  });

  it('lets one neutral document per budget of words read above it, and no more', () => {
    const documents = [cutSentence, 'The rota for June is in the shared drive.'].map((sentence) => `Notes from the week.\n\n${sentence}\n`);
    const cut = headProbabilities(model, tokenizeSentence(cutSentence).tokens)[announce];
    // A plain cut announcement reads above the highest threshold calibration would choose.
    expect(cut).toBeGreaterThan(0.95);
    const words = documents.join(' ').split(/\s+/).filter(Boolean).length;
    const none = chooseHeadThresholds(model, gate, memos, { neutralTexts: documents, wordsPerFalseAlarm: words + 1 }).thresholds[announce].report;
    const one = chooseHeadThresholds(model, gate, memos, { neutralTexts: documents, wordsPerFalseAlarm: words }).thresholds[announce].report;
    expect(none).toBeGreaterThan(cut);
    // With one false alarm allowed, the cut sentence no longer sets the floor; calibration does.
    expect(one).toBeLessThan(none);
    expect(one).toBeLessThanOrEqual(0.95);
  });
});

describe('chooseCorroboration', () => {
  // Per document, the highest probability of [announce, acknowledgment, decision-owner, support].
  const cut = (announce: number, element: number) => ({ memo: { announces_cuts: true }, best: [announce, element, 0, 0] });
  const none = (announce: number, element: number) => ({ memo: { announces_cuts: false }, best: [announce, 0, 0, element] });
  const choose = (documents: ReturnType<typeof cut>[], neutral: number[][] = [], allowed = 0) => {
    const rightAlone = documents.filter(({ memo, best }) => best[0] >= 0.9 === memo.announces_cuts).length;
    return chooseCorroboration(documents.map((d) => d.best), neutral, documents.map((d) => d.memo), 0, [1, 2, 3], 0.9, rightAlone, allowed, 'announces_cuts');
  };

  it('lowers the announce threshold where an element corroborates, to the middle of what does best', () => {
    const chosen = choose([cut(0.95, 0), cut(0.7, 0.9), cut(0.6, 0.8), none(0.4, 0.9), none(0.8, 0.2)]);
    // Lower thresholds 0.50-0.60 take both doubtful cuts, and not the memo that announces nothing
    // (its 0.2 is no element, its 0.4 below any lower threshold): the middle is 0.55. There,
    // element thresholds 0.50-0.80 corroborate both: the middle is 0.65.
    expect(chosen.right).toBe(5);
    expect(chosen.threshold.report).toBeCloseTo(0.55, 5);
    expect(chosen.threshold.element).toBeCloseTo(0.65, 5);
  });

  it('chooses nothing when it judges no more memos right', () => {
    expect(choose([cut(0.95, 0), cut(0.7, 0), none(0.4, 0.9)])).toBeUndefined();
    // Corroborating the cut would also announce the memo that has none: no gain.
    expect(choose([cut(0.7, 0.9), none(0.7, 0.9)])).toBeUndefined();
  });

  it('keeps the neutral budget, sure and corroborated announcements together', () => {
    const memos = [cut(0.7, 0.9)];
    const neutral = [[0.75, 0, 0, 0.95]];
    // The neutral document reads like the cut: allowed no false alarm, only a threshold above 0.75 or an element above 0.95 would do.
    expect(choose(memos, neutral, 0)).toBeUndefined();
    expect(choose(memos, neutral, 1)?.right).toBe(1);
    // A neutral document that the sure threshold already announces uses the budget up.
    expect(choose(memos, [[0.95, 0, 0, 0], ...neutral], 1)).toBeUndefined();
  });
});
