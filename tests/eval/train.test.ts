// The memo heads' training targets and threshold choice (scripts/train.mjs, which reads dist/):
// what a sentence teaches each head, and that an announce head never fires on neutral prose it
// was calibrated against.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script with no types
import { announcedByPatterns, chooseCorroboration, chooseHeadThresholds, HEADS, headUnits } from '../../scripts/train.mjs';
import { decodeScorerModel, headProbabilities } from '../../src/core/scorer/model.js';
import { tokenizeSentence } from '../../src/core/match/tokens.js';
import { scorerSettings } from '../../src/core/scorer/findings.js';
import { compileBuiltinRules } from '../../src/plugin/builtin.js';
import { readMemoFile } from '../../src/eval/memos.js';
import { TermSet } from '../../src/core/match/term-set.js';
import { compile, rule } from '../core/helpers.js';

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

describe('chooseHeadThresholds, a lead_only head', () => {
  const model = decodeScorerModel(readFileSync(`${root}models/memo-heads.bin`));
  const gate = scorerSettings(compileBuiltinRules(), {}).gate;
  const benchmark = 'benchmark-led/announce';
  // Both calibration writers, as npm run train: on m4 alone the threshold lands above the bullet anyway.
  const memos = [...readMemoFile(`${root}data/memos/m4.jsonl`), ...readMemoFile(`${root}data/memos/m15.jsonl`)];
  // A results line the gate alone does not admit (it names no AI), which the head reads as a benchmark lead.
  const bullet = 'Transcription accuracy on noisy calls: 95.9%, up from 92.1%';
  const reading = headProbabilities(model, tokenizeSentence(bullet).tokens)[benchmark];
  const threshold = (neutral: string) => chooseHeadThresholds(model, gate, memos, { neutralTexts: [neutral] }).thresholds[benchmark].report;
  const filler = 'The rota for June is in the shared drive and the car park reopens on Monday. '.repeat(12);

  it('reads the whole lead, as the engine does, once one lead sentence is on topic', () => {
    expect(threshold('Dear colleagues,\n\nThe rota for June is in the shared drive.\n')).toBeLessThan(reading);
    expect(threshold(`Dear colleagues,\n\nWe have finished testing Vireo-2, our new transcription model.\n\n${bullet}\n`)).toBeGreaterThan(reading);
  });

  it('reads no lead sentence off the topic when none is on it, and nothing past the lead', () => {
    expect(reading).toBeGreaterThan(0.6);
    expect(threshold(`Dear colleagues,\n\nWe have finished testing Vireo-2.\n\n${bullet}\n`)).toBeLessThan(reading);
    expect(threshold(`Dear colleagues,\n\nWe have finished testing Vireo-2, our new transcription model.\n\n${filler}\n\n${bullet}\n`)).toBeLessThan(reading);
  });
});

describe('chooseCorroboration', () => {
  type Reading = { announce: number; elements: number[] };
  /** A memo of two sentences: one that may announce, one that may be an element. */
  const memo = (announce: number, element: number): Reading[] => [
    { announce, elements: [0, 0, 0] },
    { announce: 0, elements: [element, 0, 0] },
  ];
  const choose = (
    documents: { sentences: Reading[]; cut: boolean; byPatterns?: boolean }[],
    { neutral = [] as Reading[][], allowed = 0, floors = [0.5, 0.5, 0.5] } = {},
  ) =>
    chooseCorroboration({
      memos: documents.map((d) => d.sentences),
      neutral,
      labels: documents.map((d) => d.cut),
      announced: documents.map((d) => d.byPatterns === true),
      report: 0.9,
      elementFloors: floors,
      allowedFalseAlarms: allowed,
    });

  it('lowers the announce threshold where another sentence corroborates, to the middle of what does best', () => {
    const chosen = choose([
      { sentences: memo(0.95, 0), cut: true },
      { sentences: memo(0.7, 0.9), cut: true },
      { sentences: memo(0.6, 0.8), cut: true },
      { sentences: memo(0.4, 0.9), cut: false },
      { sentences: memo(0.8, 0.2), cut: false },
    ]);
    // Lower thresholds 0.50-0.60 take both doubtful cuts and neither memo without one: the middle
    // is 0.55. There, element thresholds 0.50-0.80 corroborate both: the middle is 0.65.
    expect(chosen).toMatchObject({ rightAlone: 3, right: 5, memos: 5 });
    expect(chosen.threshold.report).toBeCloseTo(0.55, 5);
    expect(chosen.threshold.element).toBeCloseTo(0.65, 5);
  });

  it('chooses nothing when it judges no more memos right', () => {
    expect(choose([{ sentences: memo(0.95, 0), cut: true }, { sentences: memo(0.7, 0), cut: true }, { sentences: memo(0.4, 0.9), cut: false }])).toBeUndefined();
    // Corroborating the cut would also announce the memo that has none: no gain.
    expect(choose([{ sentences: memo(0.7, 0.9), cut: true }, { sentences: memo(0.7, 0.9), cut: false }])).toBeUndefined();
  });

  it('counts no gain on a memo the patterns already announce', () => {
    expect(choose([{ sentences: memo(0.7, 0.9), cut: true, byPatterns: true }])).toBeUndefined();
    expect(choose([{ sentences: memo(0.7, 0.9), cut: true, byPatterns: true }, { sentences: memo(0.7, 0.9), cut: true }])).toMatchObject({ rightAlone: 1, right: 2 });
  });

  it('does not let a sentence confirm itself', () => {
    const alone: Reading[] = [{ announce: 0.7, elements: [0.9, 0, 0] }];
    expect(choose([{ sentences: alone, cut: true }])).toBeUndefined();
  });

  it("never corroborates below an element head's own threshold", () => {
    expect(choose([{ sentences: memo(0.7, 0.8), cut: true }], { floors: [0.85, 0.5, 0.5] })).toBeUndefined();
    expect(choose([{ sentences: memo(0.7, 0.9), cut: true }], { floors: [0.85, 0.5, 0.5] })?.threshold.element).toBeLessThanOrEqual(0.9);
  });

  it('keeps the neutral budget, sure and corroborated announcements together', () => {
    const memos = [{ sentences: memo(0.7, 0.9), cut: true }];
    const neutral = [memo(0.75, 0.95)];
    // The neutral document reads like the cut: allowed no false alarm, only a lower threshold above
    // 0.75 or an element threshold above 0.95 would do.
    expect(choose(memos, { neutral, allowed: 0 })).toBeUndefined();
    expect(choose(memos, { neutral, allowed: 1 })?.right).toBe(1);
    // A neutral document that the sure threshold already announces uses the budget up.
    expect(choose(memos, { neutral: [memo(0.95, 0), ...neutral], allowed: 1 })).toBeUndefined();
  });
});

describe('chooseHeadThresholds, corroborated', () => {
  const model = decodeScorerModel(readFileSync(`${root}models/memo-heads.bin`));
  const gate = scorerSettings(compileBuiltinRules(), {}).gate;
  const announce = 'missing-acknowledgment/announce';
  // An oblique cut the shipped head reads between its two thresholds, and an apology it reads surely.
  const oblique = 'The Tamworth planning desk will be run by our logistics partner from 1 September, and the coordinator team there is disbanded at the end of August.';
  const apology = 'I am truly sorry for what this means for the coordinators and their families.';
  const cutMemo = { text: `# Planning desk\n\n${oblique}\n\n${apology}\n`, announces_cuts: true, acknowledgment: true };
  const sureMemo = { text: '# Update\n\nWe will reduce the regional support team from 120 to 85 people by the end of June this year.\n', announces_cuts: true };
  // No cut, read above the oblique sentence: the sure threshold must clear it, so the cut memo needs the tier.
  const shiftMemo = { text: '# Rota\n\nThe night shift ends in March, and the twelve colleagues on it will move to the early shift.\n', announces_cuts: false };
  const memos = [cutMemo, sureMemo, shiftMemo];
  // Without learned_unless, which would veto the shift memo's reading.
  const options = { vetoes: {} };

  it('adds the tier where it judges more memos right, and not where the patterns already announce them', () => {
    const chosen = chooseHeadThresholds(model, gate, memos, options);
    expect(chosen.thresholds[announce].corroborated).toBeDefined();
    expect(chosen.corroboration[announce]).toMatchObject({ rightAlone: 2, right: 3, memos: 3 });
    const byPatterns = { [announce]: [true, true, false] };
    const withPatterns = chooseHeadThresholds(model, gate, memos, { ...options, byPatterns });
    expect(withPatterns.thresholds[announce].report).toBe(chosen.thresholds[announce].report);
    expect(withPatterns.thresholds[announce].corroborated).toBeUndefined();
  });

  it('holds the neutral budget with the same prose', () => {
    const neutralTexts = [`Notes from the week.\n\n${oblique}\n\n${apology}\n`];
    expect(chooseHeadThresholds(model, gate, memos, { ...options, neutralTexts, wordsPerFalseAlarm: 1_000_000 }).thresholds[announce].corroborated).toBeUndefined();
  });

  it('is corroborated by any requirement head, support as well as acknowledgment', () => {
    const severance = { text: `# Planning desk\n\n${oblique}\n\nEveryone affected receives twelve weeks of full pay, a year of health cover and a career coach.\n`, announces_cuts: true, support: true };
    expect(chooseHeadThresholds(model, gate, [severance, sureMemo, shiftMemo], options).thresholds[announce].corroborated).toBeDefined();
  });

  it('reads the doubtful sentence through learned_unless, as the engine does', () => {
    // "secondment" is a learned_unless term of missing-acknowledgment: the engine never reads this sentence as announcing.
    const seconded = { ...cutMemo, text: cutMemo.text.replace('end of August.', 'end of August, after the secondment review.') };
    expect(chooseHeadThresholds(model, gate, [seconded, sureMemo, shiftMemo], options).thresholds[announce].corroborated).toBeDefined();
    const vetoes = { [announce]: new TermSet(compile(rule('cuts', { scope: 'document', severity: 'warning', announce: ['we will cut {number} roles'], requires: [{ id: 'support', says: 'states support', any: ['severance'] }], message: 'm', suggestions: ['s'], learned_unless: ['secondment~'] }, 'evasive')).rules[0].learnedUnless) };
    expect(chooseHeadThresholds(model, gate, [seconded, sureMemo, shiftMemo], { vetoes }).thresholds[announce].corroborated).toBeUndefined();
    expect(chooseHeadThresholds(model, gate, [cutMemo, sureMemo, shiftMemo], { vetoes }).thresholds[announce].corroborated).toBeDefined();
  });

  it("does not count an element sentence that the requirement's unless rules out", () => {
    // "continued hard work" is in the acknowledgment requirement's unless.
    const thanks = { ...cutMemo, text: `# Planning desk\n\n${oblique}\n\nI am sorry for the disruption this causes, and thank you for your continued hard work.\n` };
    expect(chooseHeadThresholds(model, gate, [thanks, sureMemo, shiftMemo], options).thresholds[announce].corroborated).toBeUndefined();
    expect(chooseHeadThresholds(model, gate, [thanks, sureMemo, shiftMemo], { ...options, unlessOf: {} }).thresholds[announce].corroborated).toBeDefined();
  });
});

describe('announcedByPatterns', () => {
  it('says which texts the rules announce by their patterns alone, by announce head', () => {
    const byHead = announcedByPatterns(['# Update\n\nWe will cut 40 roles in the Leeds contact centre in June.\n', '# Update\n\nThe car park reopens on Monday.\n']);
    expect(byHead['missing-acknowledgment/announce']).toEqual([true, false]);
    expect(byHead['benchmark-led/announce']).toEqual([false, false]);
  });
});
