// The learned scorer's pure parts, specified with small hand-built models: features, the weights
// file, inference and its explanation, thresholds and severities, the gate, and merging with rules.
import { describe, expect, it } from 'vitest';
import { TonelintError } from '../../src/core/errors.js';
import { tokenizeSentence, type Paragraph } from '../../src/core/match/tokens.js';
import { createLineIndex } from '../../src/core/position.js';
import { compileRules } from '../../src/core/rule.js';
import { hashFeature, sentenceFeatures, type FeatureOptions } from '../../src/core/scorer/features.js';
import { mergeScorerFindings, scorerFindings, scorerSettings } from '../../src/core/scorer/findings.js';
import { decodeScorerModel, encodeScorerModel, scoreSentence, scorerClasses, type ScorerExample, type ScorerModel } from '../../src/core/scorer/model.js';
import { baseVocabularies, findingAt as at, rule, vocabulary } from './helpers.js';

const features: FeatureOptions = { bits: 12, charRange: [3, 4], trigrams: false };
const tokens = (text: string) => tokenizeSentence(text).tokens;

/** A model whose only evidence is the words given, each pushing its class by `weight`. */
function tinyModel(evidence: Record<string, [klass: (typeof scorerClasses)[number], weight: number]>, examples: ScorerExample[] = []): ScorerModel {
  const size = 1 << features.bits;
  const weights = scorerClasses.map(() => new Float32Array(size));
  for (const [word, [klass, weight]] of Object.entries(evidence)) weights[scorerClasses.indexOf(klass)][hashFeature(`w|${word}`) & (size - 1)] += weight;
  return {
    features,
    classes: scorerClasses,
    activation: 'softmax',
    weights,
    bias: Float32Array.from([2, 0, 0, 0]),
    thresholds: { alarmist: { report: 0.6, strict: 0.9 }, dehumanizing: { report: 0.6, strict: 0.9 }, evasive: { report: 0.6, strict: 0.9 } },
    about: { test: true },
    examples: () => examples,
  };
}

function paragraphOf(text: string): Paragraph[] {
  const sentence = tokenizeSentence(text);
  return [{ start: 0, end: text.length, sentences: [sentence] }];
}

const scorerRules = compileRules([
  ...baseVocabularies,
  vocabulary('ai', ['ai', 'model']),
  rule('scored-alarmist', { scope: 'scorer', gate: ['@people', '@ai', 'you'], message: 'alarmist ({confidence}): {cues}', suggestions: ['Rewritten: {rewrite}', 'Say what happens and when.'] }, 'alarmist'),
  rule('scored-evasive', { scope: 'scorer', severity: 'warning', gate: ['@people'], message: 'evasive ({confidence}): {cues}', suggestions: ['Name who decided.'] }, 'evasive'),
]);

describe('sentence features', () => {
  it('are the same for the same tokens, and L2-normalised', () => {
    const a = sentenceFeatures(tokens('Adapt now or leave, everyone.'), features);
    const b = sentenceFeatures(tokens('Adapt now or leave, everyone.'), features);
    expect([...a.buckets]).toEqual([...b.buckets]);
    const sums = new Map<number, number>();
    a.buckets.forEach((bucket, index) => sums.set(bucket, (sums.get(bucket) ?? 0) + a.values[index]));
    const norm = Math.sqrt([...sums.values()].reduce((sum, value) => sum + value * value, 0));
    expect(norm).toBeCloseTo(1, 5);
  });

  it('share character n-grams between spellings of a word', () => {
    const bucketsOf = (text: string) => new Set(sentenceFeatures(tokens(text), features).buckets);
    const one = bucketsOf('deadweight');
    const other = bucketsOf('dead-weight');
    const unrelated = bucketsOf('timetable');
    const overlap = (x: Set<number>, y: Set<number>) => [...x].filter((bucket) => y.has(bucket)).length;
    expect(overlap(one, other)).toBeGreaterThan(overlap(one, unrelated) + 5);
  });

  it('give quoted words a namespace of their own', () => {
    const quoted = sentenceFeatures(tokens('They called staff "deadweight" and we object.'), features);
    const plain = sentenceFeatures(tokens('They called staff deadweight and we object.'), features);
    const mask = (1 << features.bits) - 1;
    expect(quoted.buckets).toContain(hashFeature('q|deadweight') & mask);
    expect(plain.buckets).not.toContain(hashFeature('q|deadweight') & mask);
  });

  it('read the previous sentence only when asked, in a namespace of its own', () => {
    const mask = (1 << features.bits) - 1;
    const previous = tokens('Heads up, team.');
    const withContext = sentenceFeatures(tokens('Make sure yours survives.'), { ...features, contextWeight: 0.5 }, previous);
    const without = sentenceFeatures(tokens('Make sure yours survives.'), features, previous);
    expect(withContext.buckets).toContain(hashFeature('p|team') & mask);
    expect(without.buckets).not.toContain(hashFeature('p|team') & mask);
    expect(withContext.buckets).not.toContain(hashFeature('w|team') & mask);
  });

  it('mark capitals and repeated exclamation marks', () => {
    const mask = (1 << features.bits) - 1;
    const shouting = sentenceFeatures(tokens('EVERYONE must ADOPT this NOW!!'), features);
    expect(shouting.buckets).toContain(hashFeature('x|CAPS2') & mask);
    expect(shouting.buckets).toContain(hashFeature('x|!!') & mask);
    expect(sentenceFeatures(tokens('Everyone should try it.'), features).buckets).not.toContain(hashFeature('x|!!') & mask);
  });
});

describe('the weights file', () => {
  const model = tinyModel({ doom: ['alarmist', 6], filter: ['ok', 3] }, [{ category: 'alarmist', text: 'Doom is here.', rewrite: 'The change starts in May.' }]);
  const bytes = encodeScorerModel({ ...model, examples: model.examples() });

  it('round-trips: the decoded model scores like the original', () => {
    const decoded = decodeScorerModel(bytes);
    for (const text of ['Doom for everyone in support.', 'Replace the filter.', 'Lunch is at noon.']) {
      const before = scoreSentence(model, tokens(text), text).probabilities;
      const after = scoreSentence(decoded, tokens(text), text).probabilities;
      for (let klass = 0; klass < before.length; klass++) expect(after[klass]).toBeCloseTo(before[klass], 2);
    }
    expect(decoded.thresholds).toEqual(model.thresholds);
    expect(decoded.examples()).toEqual(model.examples());
  });

  it.each([
    ['another file type', () => new TextEncoder().encode('PK\u0003\u0004 not a model at all')],
    ['a truncated file', () => bytes.slice(0, bytes.length - 10)],
    ['a longer file', () => new Uint8Array([...bytes, 0])],
    ['an unknown format version', () => {
      const copy = bytes.slice();
      new DataView(copy.buffer).setUint32(4, 99, true);
      return copy;
    }],
    ['a damaged header', () => {
      const copy = bytes.slice();
      copy[14] = 0x7b;
      copy[15] = 0xff;
      return copy;
    }],
    ['an empty file', () => new Uint8Array()],
  ])('rejects %s with ScorerInvalid', (_, make) => {
    let thrown: unknown;
    try {
      decodeScorerModel(make());
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TonelintError);
    expect((thrown as TonelintError).code).toBe('ScorerInvalid');
  });
});

describe('scoring a sentence', () => {
  const model = tinyModel({ doom: ['alarmist', 40], bloodbath: ['alarmist', 30], headcount: ['evasive', 20] });

  it('names the category and the words that drove it, strongest first', () => {
    const text = 'It is doom and a bloodbath for support.';
    const score = scoreSentence(model, tokens(text), text);
    expect(score.category).toBe('alarmist');
    expect(score.confidence).toBeGreaterThan(0.9);
    expect(score.cues.map((cue) => cue.text)).toEqual(['doom', 'bloodbath']);
    expect(score.cues[0].weight).toBeGreaterThan(score.cues[1].weight);
  });

  it('stays near the prior on words it has no evidence for', () => {
    const text = 'The meeting moved to Thursday.';
    const score = scoreSentence(model, tokens(text), text);
    expect(score.probabilities[0]).toBeGreaterThan(0.7);
    expect(score.cues).toEqual([]);
  });
});

describe('scorer findings', () => {
  const examples: ScorerExample[] = [
    { category: 'alarmist', text: 'Doom awaits the support team.', rewrite: 'We will tell the support team about the change on Monday.' },
    { category: 'alarmist', text: 'The warehouse faces a bloodbath.', rewrite: 'We are closing one warehouse shift.' },
  ];
  const model = tinyModel({ doom: ['alarmist', 30], bloodbath: ['alarmist', 45], quietly: ['evasive', 45] }, examples);
  const settings = scorerSettings(scorerRules, {})!;
  const run = (text: string, config = settings) => scorerFindings(() => model, config, text, createLineIndex(text), paragraphOf(text));

  it('reports a sentence above the threshold, with cues, confidence and the nearest rewrite', () => {
    const [finding, ...rest] = run('Doom is coming for the support staff.');
    expect(rest).toEqual([]);
    expect(finding.ruleId).toBe('scored-alarmist');
    expect(finding.actual).toBe('Doom is coming for the support staff');
    expect(finding.message).toMatch(/^alarmist \(0\.\d\d\): “Doom”/);
    expect(finding.suggestions[0]).toBe('Rewritten: We will tell the support team about the change on Monday.');
    expect(finding.confidence).toBeGreaterThan(0.6);
    expect(finding.cues).toEqual(['Doom']);
  });

  it('warns below the strict threshold and takes the rule severity above it', () => {
    const sure = run('A bloodbath awaits the support staff.')[0];
    const unsure = run('Doom is coming for the support staff.')[0];
    expect(sure.confidence!).toBeGreaterThanOrEqual(0.9);
    expect(sure.severity).toBe('error');
    expect(unsure.confidence!).toBeLessThan(0.9);
    expect(unsure.severity).toBe('warning');
  });

  it('reads only sentences that pass the gate', () => {
    expect(run('Doom metal is loud.')).toEqual([]);
    expect(run('Doom metal is loud, you know.')).toHaveLength(1);
  });

  it('never loads the model for text off the topic', () => {
    let loads = 0;
    const text = 'Doom metal is loud.';
    scorerFindings(() => (loads++, model), settings, text, createLineIndex(text), paragraphOf(text));
    expect(loads).toBe(0);
  });

  it('follows configured thresholds and rule severities', () => {
    expect(run('Doom is coming for the support staff.', scorerSettings(scorerRules, { scorer: { thresholds: { alarmist: 0.95 } } })!)).toEqual([]);
    const offEvasive = scorerSettings(scorerRules, { rules: { 'scored-evasive': 'off' } })!;
    expect(run('Colleagues were quietly moved on.', offEvasive)).toEqual([]);
    expect(run('Colleagues were quietly moved on.')[0].ruleId).toBe('scored-evasive');
    expect(scorerSettings(scorerRules, { scorer: { enabled: false } })).toBeUndefined();
    expect(scorerSettings(scorerRules, { categories: { alarmist: 'off', evasive: 'off' } })).toBeUndefined();
  });
});

describe('merging scorer and rule findings', () => {
  const phrase = (id: string) => id === 'people-as-units';

  it('keeps the rule finding, with the confidence, where both flag a sentence', () => {
    const merged = mergeScorerFindings([at('people-as-units', 'dehumanizing', 10, 20)], [at('scored-dehumanizing', 'dehumanizing', 0, 40, 0.8)], phrase);
    expect(merged.map((finding) => finding.ruleId)).toEqual(['people-as-units']);
    expect(merged[0].confidence).toBe(0.8);
  });

  it('keeps the scorer finding where no phrase rule flags its sentence', () => {
    const merged = mergeScorerFindings([at('missing-acknowledgment', 'evasive', 0, 40)], [at('scored-alarmist', 'alarmist', 0, 40, 0.7), at('scored-evasive', 'evasive', 50, 80, 0.9)], phrase);
    expect(merged.map((finding) => finding.ruleId)).toEqual(['missing-acknowledgment', 'scored-alarmist', 'scored-evasive']);
  });
});

describe('scorer rule files', () => {
  it('need a gate and cannot fix', () => {
    expect(() => compileRules([...baseVocabularies, rule('scored-x', { scope: 'scorer', fix: true }, 'alarmist')])).toThrow(/needs|gate|cannot fix/);
  });
  it('may only use the scorer placeholders', () => {
    expect(() => compileRules([...baseVocabularies, rule('scored-y', { scope: 'scorer', gate: ['staff'], message: '{number} people' }, 'alarmist')])).toThrow(/unknown placeholder \{number\}/);
  });
});
