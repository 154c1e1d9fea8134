// The weights file and inference, branch by branch: every malformed file is refused with the
// reason a maintainer needs, int8 quantisation keeps the scores, and the two activations.
import { describe, expect, it } from 'vitest';
import { TonelintError } from '../../src/core/errors.js';
import { tokenizeSentence } from '../../src/core/match/tokens.js';
import { hashFeature, type FeatureOptions } from '../../src/core/scorer/features.js';
import { decodeScorerModel, encodeScorerModel, headProbabilities, scoreSentence, scorerClasses, type ScorerModel } from '../../src/core/scorer/model.js';

const features: FeatureOptions = { bits: 8, charRange: [0, 0], trigrams: false };
const tokens = (text: string) => tokenizeSentence(text).tokens;
const thresholds = { alarmist: { report: 0.6, strict: 0.9 }, dehumanizing: { report: 0.5, strict: 0.5 }, evasive: { report: 0.4, strict: 1 } };

/** A weights file assembled by hand, so each field can be damaged on its own. */
function file(header: Record<string, unknown>, options: { version?: number; weights?: number; examples?: string } = {}): Uint8Array {
  const encoder = new TextEncoder();
  const head = encoder.encode(JSON.stringify(header));
  const examples = encoder.encode(options.examples ?? '[]');
  const weights = options.weights ?? (1 << ((header.features as FeatureOptions | undefined)?.bits ?? 8)) * ((header.bias as unknown[] | undefined)?.length ?? 4);
  const bytes = new Uint8Array(12 + head.length + 4 + examples.length + weights);
  const view = new DataView(bytes.buffer);
  bytes.set(encoder.encode('TLSC'));
  view.setUint32(4, options.version ?? 1, true);
  view.setUint32(8, head.length, true);
  bytes.set(head, 12);
  view.setUint32(12 + head.length, examples.length, true);
  bytes.set(examples, 16 + head.length);
  return bytes;
}

const header = { features, bias: [0, 0, 0, 0], scales: [1, 1, 1, 1], thresholds, about: { seed: 7 } };

function refusal(bytes: Uint8Array): string {
  try {
    decodeScorerModel(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(TonelintError);
    expect((error as TonelintError).code).toBe('ScorerInvalid');
    return (error as TonelintError).message;
  }
  throw new Error('the file was accepted');
}

describe('decodeScorerModel', () => {
  it('reads a hand-assembled file, with the defaults of the first format (softmax, the scorer classes)', () => {
    const model = decodeScorerModel(file(header));
    expect(model.classes).toEqual(['ok', 'alarmist', 'dehumanizing', 'evasive']);
    expect(model.activation).toBe('softmax');
    expect(model.weights).toHaveLength(4);
    expect(model.weights[3]).toHaveLength(256);
    expect(model.about).toEqual({ seed: 7 });
    expect(model.thresholds).toEqual(thresholds);
    expect(model.examples()).toEqual([]);
    expect(decodeScorerModel(file({ ...header, about: undefined })).about).toEqual({});
  });

  it('reads weights at an offset into a larger buffer', () => {
    const bytes = file(header);
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const model = decodeScorerModel(shifted.subarray(3));
    expect(model.classes).toHaveLength(4);
  });

  it.each([
    ['an empty file', new Uint8Array(), 'it is not a tonelint scorer file'],
    ['eleven bytes', new TextEncoder().encode('TLSC\u0001\u0000\u0000\u0000abc'), 'it is not a tonelint scorer file'],
    ['another magic', new TextEncoder().encode('TLSX\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0000'), 'it is not a tonelint scorer file'],
  ])('refuses %s as not a scorer file', (_, bytes, why) => {
    expect(refusal(bytes)).toBe(`this weights file is not usable: ${why}; reinstall tonelint or run \`npm run train\``);
  });

  it('names an unknown format version', () => {
    expect(refusal(file(header, { version: 2 }))).toContain('format version 2, expected 1');
  });

  it('refuses a file cut inside a length or a part', () => {
    const bytes = file(header);
    expect(refusal(bytes.subarray(0, 13))).toContain('it is truncated');
    const headerLength = new DataView(bytes.buffer).getUint32(8, true);
    expect(refusal(bytes.subarray(0, 12 + headerLength + 2))).toContain('it is truncated');
    expect(refusal(bytes.subarray(0, 12 + headerLength + 4))).toContain('it is truncated');
    // Exactly the header and the examples' length, no examples, no weights: the length check names it.
    expect(refusal(bytes.subarray(0, 12 + headerLength + 4 + 2))).toContain('does not match its header');
  });

  it('refuses a header that is not JSON or not UTF-8', () => {
    const bytes = file(header);
    bytes[12] = 0x78;
    expect(refusal(bytes)).toContain('its header is damaged');
    bytes[12] = 0xff;
    expect(refusal(bytes)).toContain('its header is damaged');
  });

  it.each([3, 25, 8.5, undefined])('refuses %s hash bits', (bits) => {
    expect(refusal(file({ ...header, features: { ...features, bits } }, { weights: 0 }))).toContain('its feature size is out of range');
  });

  it('accepts 4 and 24 hash bits as the bounds', () => {
    expect(decodeScorerModel(file({ ...header, features: { ...features, bits: 4 } })).weights[0]).toHaveLength(16);
  });

  it('refuses damaged classes and activations', () => {
    expect(refusal(file({ ...header, classes: [] }))).toContain('its classes are damaged');
    expect(refusal(file({ ...header, classes: 'ok' }))).toContain('its classes are damaged');
    expect(refusal(file({ ...header, activation: 'relu' }))).toContain('its classes are damaged');
    expect(refusal(file({ ...header, classes: ['ok', 'evasive', 'alarmist', 'dehumanizing'] }))).toContain(
      "its classes are ok, evasive, alarmist, dehumanizing, not the scorer's",
    );
  });

  it('reads a sigmoid model with heads of any name, each with its thresholds', () => {
    const heads = { features, classes: ['a/announce', 'a/support'], activation: 'sigmoid', bias: [0, 0], scales: [1, 1], thresholds: { 'a/announce': { report: 0.5, strict: 0.5 }, 'a/support': { report: 0.7, strict: 0.8 } } };
    const model = decodeScorerModel(file(heads));
    expect([model.activation, model.classes]).toEqual(['sigmoid', ['a/announce', 'a/support']]);
    expect(refusal(file({ ...heads, thresholds: { 'a/announce': heads.thresholds['a/announce'] } }))).toContain('its a/support thresholds are out of range');
  });

  it('reads a corroborated announce threshold, and refuses one above the sure threshold or out of range', () => {
    const heads = { features, classes: ['a/announce', 'a/support'], activation: 'sigmoid', bias: [0, 0], scales: [1, 1], thresholds: { 'a/support': { report: 0.7, strict: 0.7 } } };
    const withCorroboration = (corroborated: unknown) => file({ ...heads, thresholds: { ...heads.thresholds, 'a/announce': { report: 0.8, strict: 0.8, corroborated } } });
    expect(decodeScorerModel(withCorroboration({ report: 0.5, element: 0.6 })).thresholds['a/announce'].corroborated).toEqual({ report: 0.5, element: 0.6 });
    for (const damaged of [{ report: 0.9, element: 0.6 }, { report: 0, element: 0.6 }, { report: 0.5, element: 1 }, { report: 0.5 }, 'low', null, { report: '0.5', element: 0.6 }]) {
      expect(refusal(withCorroboration(damaged)), JSON.stringify(damaged)).toContain('its a/announce thresholds are out of range');
    }
    // Only an announce head of a sigmoid model may have one.
    const onSupport = file({ ...heads, thresholds: { 'a/announce': { report: 0.8, strict: 0.8 }, 'a/support': { report: 0.7, strict: 0.7, corroborated: { report: 0.5, element: 0.6 } } } });
    expect(refusal(onSupport)).toContain('its a/support thresholds are out of range');
    const onScorer = file({ ...header, thresholds: { ...thresholds, alarmist: { ...thresholds.alarmist, corroborated: { report: 0.1, element: 0.6 } } } });
    expect(refusal(onScorer)).toContain('its alarmist thresholds are out of range');
  });

  it.each([
    [[3], 'one number'],
    [[3, 4, 5], 'three numbers'],
    [[-1, 3], 'a negative length'],
    [[3, 9], 'a length over 8'],
    [[4, 3], 'a range that runs backwards'],
    [[2.5, 3], 'a fraction'],
    ['3-4', 'a string'],
  ])('refuses a character n-gram range of %j (%s)', (charRange) => {
    expect(refusal(file({ ...header, features: { ...features, charRange } }))).toContain('its character n-gram range is damaged');
  });

  it('accepts the n-gram range bounds 0 and 8', () => {
    expect(decodeScorerModel(file({ ...header, features: { ...features, charRange: [0, 8] } })).features.charRange).toEqual([0, 8]);
  });

  it.each([
    [{ charWeight: 'x' }],
    [{ charWeight: Number.NaN }],
    [{ contextWeight: '0.5' }],
    [{ trigrams: 'yes' }],
  ])('refuses feature settings %j', (setting) => {
    expect(refusal(file({ ...header, features: { ...features, ...setting } }))).toContain('its feature settings are damaged');
  });

  it('accepts numeric char and context weights', () => {
    expect(decodeScorerModel(file({ ...header, features: { ...features, charWeight: 0.5, contextWeight: 0.25 } })).features).toMatchObject({ charWeight: 0.5, contextWeight: 0.25 });
  });

  it('refuses biases or scales that do not match the classes', () => {
    expect(refusal(file({ ...header, bias: [0, 0, 0] }, { weights: 1024 }))).toContain('it does not have one weight vector per class');
    expect(refusal(file({ ...header, bias: 'zero' }, { weights: 1024 }))).toContain('it does not have one weight vector per class');
    expect(refusal(file({ ...header, scales: [1, 1, 1] }))).toContain('it does not have one weight vector per class');
    expect(refusal(file({ ...header, scales: 1 }))).toContain('it does not have one weight vector per class');
  });

  it.each([
    [{ report: 0, strict: 0.5 }],
    [{ report: 1, strict: 1 }],
    [{ report: 0.6, strict: 0.5 }],
    [{ report: 0.6, strict: 1.01 }],
    [undefined],
  ])('refuses alarmist thresholds %j', (alarmist) => {
    expect(refusal(file({ ...header, thresholds: { ...thresholds, alarmist } }))).toContain('its alarmist thresholds are out of range');
  });

  it('refuses missing thresholds', () => {
    expect(refusal(file({ ...header, thresholds: undefined }))).toContain('its alarmist thresholds are out of range');
  });

  it('refuses a file one byte short or long', () => {
    expect(refusal(file(header, { weights: 1023 }))).toContain('its length does not match its header');
    expect(refusal(file(header, { weights: 1025 }))).toContain('its length does not match its header');
  });

  it('refuses damaged examples when they are first read, not before', () => {
    const model = decodeScorerModel(file(header, { examples: '[{"category":' }));
    expect(() => model.examples()).toThrow('its examples are damaged');
    const good = decodeScorerModel(file(header, { examples: '[{"category":"alarmist","text":"a","rewrite":"b"}]' }));
    expect(good.examples()).toBe(good.examples());
  });
});

describe('encodeScorerModel', () => {
  const size = 1 << features.bits;
  const bucket = (name: string) => hashFeature(name) & (size - 1);

  function model(evidence: Record<string, number[]>, bias = [0, 0, 0, 0]): ScorerModel {
    const weights = scorerClasses.map(() => new Float32Array(size));
    for (const [name, perClass] of Object.entries(evidence)) perClass.forEach((weight, klass) => (weights[klass][bucket(name)] = weight));
    return { features, classes: scorerClasses, activation: 'softmax', weights, bias: Float32Array.from(bias), thresholds, about: {}, examples: () => [] };
  }

  it('stores each class as int8 scaled by its largest weight, and an all-zero class with scale 1', () => {
    const original = model({ 'w|doom': [0, 12.7, 0, 0], 'w|cut': [0, -6.4, 0, 0.5] });
    const decoded = decodeScorerModel(encodeScorerModel({ ...original, weights: original.weights as Float32Array[], examples: [] }));
    expect([...decoded.scales!]).toEqual([1, expect.closeTo(0.1, 6), 1, expect.closeTo(0.5 / 127, 6)]);
    expect(decoded.weights[1][bucket('w|doom')]).toBe(127);
    expect(decoded.weights[1][bucket('w|cut')]).toBe(-64);
    expect(decoded.weights[3][bucket('w|cut')]).toBe(127);
    expect(decoded.weights[0][bucket('w|doom')]).toBe(0);
  });

  it('keeps the bias, the classes and the activation', () => {
    const original = { ...model({}, [1.5, -2, 0.25, 0]), classes: ['x', 'y', 'z', 'w'], activation: 'sigmoid' as const, thresholds: { x: thresholds.alarmist, y: thresholds.alarmist, z: thresholds.alarmist, w: thresholds.alarmist } };
    const decoded = decodeScorerModel(encodeScorerModel({ ...original, weights: original.weights as Float32Array[], examples: [] }));
    expect([...decoded.bias]).toEqual([1.5, -2, 0.25, 0]);
    expect(decoded.classes).toEqual(['x', 'y', 'z', 'w']);
    expect(decoded.activation).toBe('sigmoid');
  });
});

describe('inference', () => {
  const size = 1 << features.bits;
  const bucket = (name: string) => hashFeature(name) & (size - 1);
  function model(evidence: Record<string, number[]>, bias: number[], scales?: number[], classes: readonly string[] = scorerClasses, activation: 'softmax' | 'sigmoid' = 'softmax'): ScorerModel {
    const weights = classes.map(() => new Float32Array(size));
    for (const [name, perClass] of Object.entries(evidence)) perClass.forEach((weight, klass) => (weights[klass][bucket(name)] += weight));
    return { features, classes, activation, weights, scales: scales && Float32Array.from(scales), bias: Float32Array.from(bias), thresholds, about: {}, examples: () => [] };
  }

  it('is a softmax over bias plus scaled weights times the normalised features', () => {
    // "doom": features w|doom, b|<s> doom, b|doom </s>, each 1/sqrt(3).
    const m = model({ 'w|doom': [0, 2, 0, 0] }, [0.5, 0, 0, 0], [1, 3, 1, 1]);
    const score = scoreSentence(m, tokens('doom'), 'doom');
    const logits = [0.5, (2 * 3) / Math.sqrt(3), 0, 0];
    const exps = logits.map(Math.exp);
    const sum = exps.reduce((a, b) => a + b, 0);
    expect([...score.probabilities].map((p) => Number(p.toFixed(5)))).toEqual(exps.map((e) => Number((e / sum).toFixed(5))));
    expect(score.category).toBe('alarmist');
    expect(score.confidence).toBeCloseTo(exps[1] / sum, 5);
  });

  it('stays finite on very large logits', () => {
    const m = model({ 'w|doom': [0, 5000, 0, 0] }, [0, 0, 0, 0]);
    const score = scoreSentence(m, tokens('doom'), 'doom');
    expect(score.probabilities[1]).toBeCloseTo(1, 6);
    expect(Number.isNaN(score.probabilities[0])).toBe(false);
  });

  it('picks the most likely problem category, never ok, the first on a tie', () => {
    const evasive = scoreSentence(model({}, [9, 0, 0, 1]), tokens('x'), 'x');
    expect([evasive.category, evasive.confidence]).toEqual(['evasive', expect.any(Number)]);
    expect(evasive.confidence).toBeLessThan(0.01);
    expect(scoreSentence(model({}, [0, 1, 2, 1]), tokens('x'), 'x').category).toBe('dehumanizing');
    expect(scoreSentence(model({}, [0, 1, 1, 1]), tokens('x'), 'x').category).toBe('alarmist');
  });

  it('gives no cues when none are asked for', () => {
    const m = model({ 'w|doom': [0, 8, 0, 0] }, [0, 0, 0, 0]);
    expect(scoreSentence(m, tokens('doom ahead'), 'doom ahead', 0).cues).toEqual([]);
  });

  it('joins adjacent strong words into one cue, trims function words, and ranks cues by weight', () => {
    const m = model({ 'w|mass': [0, 4, 0, 0], 'w|layoffs': [0, 4, 0, 0], 'w|doom': [0, 6, 0, 0], 'w|the': [0, 9, 0, 0] }, [0, 0, 0, 0]);
    const text = 'the mass layoffs bring the doom';
    const cues = scoreSentence(m, tokens(text), text).cues;
    expect(cues.map((cue) => cue.text)).toEqual(['mass layoffs', 'doom']);
    expect(cues[0]).toMatchObject({ start: 4, end: 16 });
    expect(cues[0].weight).toBeGreaterThan(cues[1].weight);
  });

  it('counts evidence against ok, and leaves out weak words (under 35% of the strongest)', () => {
    const m = model({ 'w|doom': [0, 10, 0, 0], 'w|soon': [0, 3, 0, 0], 'w|staff': [5, 5, 0, 0], 'w|cuts': [0, 4, 0, 0] }, [0, 0, 0, 0], [1, 1, 1, 1]);
    const text = 'doom staff soon cuts';
    expect(scoreSentence(m, tokens(text), text).cues.map((cue) => cue.text)).toEqual(['doom', 'cuts']);
  });

  it('keeps at most maxCues, and at most four words in one cue', () => {
    const evidence = Object.fromEntries(['one', 'two', 'three', 'four', 'five'].map((word) => [`w|${word}`, [0, 5, 0, 0]]));
    const m = model(evidence, [0, 0, 0, 0]);
    const text = 'one two three four five';
    const cues = scoreSentence(m, tokens(text), text).cues;
    expect(cues.map((cue) => cue.text)).toEqual(['one two three four', 'five']);
    expect(scoreSentence(m, tokens(text), text, 1).cues).toHaveLength(1);
  });

  it('shows no cue made of function words only', () => {
    const m = model({ 'w|the': [0, 9, 0, 0] }, [0, 0, 0, 0]);
    expect(scoreSentence(m, tokens('the plan'), 'the plan').cues).toEqual([]);
  });

  it('gives each head of a sigmoid model its own probability', () => {
    const m = model({ 'w|sorry': [3, 0] }, [0, -1], [2, 1], ['a/ack', 'a/support'], 'sigmoid');
    const heads = headProbabilities(m, tokens('sorry'));
    expect(heads['a/ack']).toBeCloseTo(1 / (1 + Math.exp(-(3 * 2) / Math.sqrt(3))), 5);
    expect(heads['a/support']).toBeCloseTo(1 / (1 + Math.exp(1)), 5);
    expect(Object.keys(heads)).toEqual(['a/ack', 'a/support']);
  });

  it('reads the previous sentence when the model asks for context', () => {
    const m = { ...model({ 'p|layoffs': [0, 0, 0, 50] }, [0, 0, 0, 0]), features: { ...features, contextWeight: 1 } };
    expect(scoreSentence(m, tokens('It is done.'), 'It is done.', 0, tokens('Layoffs happened.')).category).toBe('evasive');
    expect(scoreSentence(m, tokens('It is done.'), 'It is done.', 0).probabilities[3]).toBeCloseTo(0.25, 5);
  });
});
