// The learned scorer's model: a linear softmax over hashed sentence features (see features.ts),
// its binary file format, and inference. Pure: the bytes come from whoever loads them (the
// node/ layer reads the shipped file; tests build small models in memory).
import { TonelintError } from '../errors.js';
import type { Token } from '../match/tokens.js';
import { sentenceFeatures, type FeatureOptions } from './features.js';

/** The categories the scorer reports; `ok` is class 0. */
export const scoredCategories = ['alarmist', 'dehumanizing', 'evasive'] as const;
export type ScoredCategory = (typeof scoredCategories)[number];
export const scorerClasses = ['ok', ...scoredCategories] as const;

export interface CategoryThresholds {
  /** Report a finding at or above this probability. */
  report: number;
  /** At or above this, the finding takes the category's severity; below it, `warning`. */
  strict: number;
  /**
   * Announce heads only: a lower threshold at which a sentence announces if another sentence of
   * the same document reads, at `element` or above (and at that requirement head's own threshold),
   * as meeting one of the rule's requirements. A memo that thanks the people leaving or lists their
   * severance is itself evidence that its doubtful sentence is a cut.
   */
  corroborated?: { report: number; element: number };
}

/** A corpus sentence with its rewrite, offered as "a similar sentence, rewritten". */
export interface ScorerExample {
  category: ScoredCategory;
  text: string;
  rewrite: string;
}

export interface ScorerModel {
  features: FeatureOptions;
  /** The classes, in weight order: scorerClasses for the sentence scorer; the heads of a multi-label model. */
  classes: readonly string[];
  /** `softmax`: one class per sentence (the scorer). `sigmoid`: independent yes/no heads (memo elements). */
  activation: 'softmax' | 'sigmoid';
  /** Per class: one weight per hash bucket, times the class's `scales` entry (int8 as shipped). */
  weights: ArrayLike<number>[];
  /** Per class: what a stored weight is multiplied by (absent: 1, weights stored as floats). */
  scales?: ArrayLike<number>;
  bias: Float32Array;
  /** Softmax models: per category. Sigmoid models: per head, under the head's name. */
  thresholds: Record<string, CategoryThresholds>;
  /** What the model was trained on (counts, date, seed), for --explain and the README. */
  about: Record<string, unknown>;
  /** Decoded on first use: only findings need them. */
  examples: () => ScorerExample[];
}

interface Header {
  features: FeatureOptions;
  classes?: string[];
  activation?: 'softmax' | 'sigmoid';
  bias: number[];
  scales: number[];
  thresholds: Record<string, CategoryThresholds>;
  about: Record<string, unknown>;
}

const MAGIC = 'TLSC';
const FORMAT_VERSION = 1;

/**
 * The file: "TLSC", format version (u32 LE), header JSON length + bytes, examples JSON length +
 * bytes, then per class 2^bits int8 weights (scaled by the header's `scales`). Int8 keeps the
 * shipped file small; training measures that quantisation changes no decision that matters.
 */
export function encodeScorerModel(model: Omit<ScorerModel, 'examples' | 'scales' | 'weights'> & { weights: Float32Array[]; examples: ScorerExample[] }): Uint8Array {
  const size = 1 << model.features.bits;
  const scales = model.weights.map((weights) => {
    let max = 0;
    for (const weight of weights) max = Math.max(max, Math.abs(weight));
    return max > 0 ? max / 127 : 1;
  });
  const header: Header = { features: model.features, classes: [...model.classes], activation: model.activation, bias: [...model.bias], scales, thresholds: model.thresholds, about: model.about };
  const encoder = new TextEncoder();
  const headerBytes = encoder.encode(JSON.stringify(header));
  const exampleBytes = encoder.encode(JSON.stringify(model.examples));
  const total = 4 + 4 + 4 + headerBytes.length + 4 + exampleBytes.length + size * model.weights.length;
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  bytes.set(encoder.encode(MAGIC), 0);
  view.setUint32(4, FORMAT_VERSION, true);
  let at = 8;
  for (const part of [headerBytes, exampleBytes]) {
    view.setUint32(at, part.length, true);
    bytes.set(part, at + 4);
    at += 4 + part.length;
  }
  model.weights.forEach((weights, klass) => {
    for (let bucket = 0; bucket < size; bucket++) view.setInt8(at + bucket, Math.max(-127, Math.min(127, Math.round(weights[bucket] / scales[klass]))));
    at += size;
  });
  return bytes;
}

const invalid = (why: string) => new TonelintError('ScorerInvalid', `this weights file is not usable: ${why}; reinstall tonelint or run \`npm run train\``);

/** Reads a weights file; throws ScorerInvalid (never a raw exception) for anything malformed. */
export function decodeScorerModel(bytes: Uint8Array): ScorerModel {
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) throw invalid('it is not a tonelint scorer file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== FORMAT_VERSION) throw invalid(`format version ${version}, expected ${FORMAT_VERSION}`);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let at = 8;
  const part = (): Uint8Array => {
    if (at + 4 > bytes.length) throw invalid('it is truncated');
    const length = view.getUint32(at, true);
    if (at + 4 + length > bytes.length) throw invalid('it is truncated');
    const slice = bytes.subarray(at + 4, at + 4 + length);
    at += 4 + length;
    return slice;
  };
  let header: Header;
  try {
    header = JSON.parse(decoder.decode(part())) as Header;
  } catch (error) {
    if (error instanceof TonelintError) throw error;
    throw invalid('its header is damaged');
  }
  const exampleBytes = part();
  const bits = header?.features?.bits;
  if (!Number.isInteger(bits) || bits < 4 || bits > 24) throw invalid('its feature size is out of range');
  const classes = header.classes ?? [...scorerClasses];
  const activation = header.activation ?? 'softmax';
  if (!Array.isArray(classes) || classes.length < 1 || (activation !== 'softmax' && activation !== 'sigmoid')) throw invalid('its classes are damaged');
  // A softmax model is the sentence scorer: exactly its classes, in its order.
  if (activation === 'softmax' && classes.join() !== scorerClasses.join()) throw invalid(`its classes are ${classes.join(', ')}, not the scorer's`);
  const { charRange, charWeight, contextWeight, normPad } = header.features;
  const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
  if (!Array.isArray(charRange) || charRange.length !== 2 || !charRange.every((n) => Number.isInteger(n) && n >= 0 && n <= 8) || charRange[0] > charRange[1]) throw invalid('its character n-gram range is damaged');
  if ((charWeight !== undefined && !isNumber(charWeight)) || (contextWeight !== undefined && !isNumber(contextWeight)) || (normPad !== undefined && !(isNumber(normPad) && normPad >= 0)) || typeof header.features.trigrams !== 'boolean') throw invalid('its feature settings are damaged');
  if (!Array.isArray(header.bias) || header.bias.length !== classes.length || !Array.isArray(header.scales) || header.scales.length !== classes.length) {
    throw invalid('it does not have one weight vector per class');
  }
  for (const name of activation === 'softmax' ? scoredCategories : classes) {
    const threshold = header.thresholds?.[name];
    if (!threshold || !(threshold.report > 0 && threshold.report < 1) || !(threshold.strict >= threshold.report && threshold.strict <= 1)) throw invalid(`its ${name} thresholds are out of range`);
    const corroborated: unknown = threshold.corroborated;
    if (corroborated !== undefined) {
      // Only an announce head has one, below its own threshold, with an element threshold below 1.
      const { report, element } = (typeof corroborated === 'object' && corroborated !== null ? corroborated : {}) as Record<string, unknown>;
      const inRange = typeof report === 'number' && typeof element === 'number' && report > 0 && report <= threshold.report && element > 0 && element < 1;
      if (activation !== 'sigmoid' || !name.endsWith('/announce') || !inRange) throw invalid(`its ${name} thresholds are out of range`);
    }
  }
  const size = 1 << bits;
  if (bytes.length !== at + size * classes.length) throw invalid('its length does not match its header');
  // The int8 weights are read in place and scaled per class when used: no copy at start-up.
  const weights = header.scales.map((_, klass) => new Int8Array(bytes.buffer, bytes.byteOffset + at + klass * size, size));
  let examples: ScorerExample[] | undefined;
  return {
    features: header.features,
    classes,
    activation,
    weights,
    scales: Float32Array.from(header.scales),
    bias: Float32Array.from(header.bias),
    thresholds: header.thresholds,
    about: header.about ?? {},
    examples: () => {
      if (!examples) {
        try {
          examples = JSON.parse(decoder.decode(exampleBytes)) as ScorerExample[];
        } catch {
          throw invalid('its examples are damaged');
        }
      }
      return examples;
    },
  };
}

/** A cue: a run of words that pushed the sentence toward its category, and by how much. */
export interface Cue {
  text: string;
  start: number;
  end: number;
  weight: number;
}

export interface SentenceScore {
  /** Probability of each class, in scorerClasses order. */
  probabilities: Float32Array;
  /** The most likely problem category and its probability. */
  category: ScoredCategory;
  confidence: number;
  /** Strongest evidence for `category` first. */
  cues: Cue[];
}

function logitsOf(model: ScorerModel, features: { buckets: Uint32Array; values: Float32Array }): Float32Array {
  const { buckets, values } = features;
  const logits = Float32Array.from(model.bias);
  // One class at a time: its weights are read from one array instead of one per class in turn
  // (a third less time), and each sum still adds the features in their order.
  for (let klass = 0; klass < model.weights.length; klass++) {
    const weights = model.weights[klass];
    let sum = 0;
    for (let index = 0; index < buckets.length; index++) sum += weights[buckets[index]] * values[index];
    logits[klass] += sum * (model.scales?.[klass] ?? 1);
  }
  return logits;
}

/** A multi-label (sigmoid) model's probability for each of its heads, for one sentence. */
export function headProbabilities(model: ScorerModel, tokens: readonly Token[], previous?: readonly Token[]): Record<string, number> {
  const logits = logitsOf(model, sentenceFeatures(tokens, model.features, previous));
  return Object.fromEntries(model.classes.map((name, klass) => [name, 1 / (1 + Math.exp(-logits[klass]))]));
}

/** Probabilities of one sentence; cues are computed for the most likely problem category. */
export function scoreSentence(model: ScorerModel, tokens: readonly Token[], text: string, maxCues = 3, previous?: readonly Token[]): SentenceScore {
  const features = sentenceFeatures(tokens, model.features, previous);
  const probabilities = softmax(logitsOf(model, features));
  let best = 1;
  for (let klass = 2; klass < probabilities.length; klass++) if (probabilities[klass] > probabilities[best]) best = klass;
  if (maxCues === 0) return { probabilities, category: scoredCategories[best - 1], confidence: probabilities[best], cues: [] };
  // Evidence per word for `best` against `ok`: each feature's share goes to the words it covers.
  const perWord = new Float32Array(features.words.length);
  for (let index = 0; index < features.buckets.length; index++) {
    const span = features.wordCount[index];
    if (span === 0) continue;
    const bucket = features.buckets[index];
    const push = (model.weights[best][bucket] * (model.scales?.[best] ?? 1) - model.weights[0][bucket] * (model.scales?.[0] ?? 1)) * features.values[index];
    for (let word = features.firstWord[index]; word < features.firstWord[index] + span && word < perWord.length; word++) perWord[word] += push / span;
  }
  return {
    probabilities,
    category: scoredCategories[best - 1],
    confidence: probabilities[best],
    cues: cuesFrom(features.words, perWord, text, maxCues),
  };
}

function softmax(logits: Float32Array): Float32Array {
  let max = -Infinity;
  for (const logit of logits) max = Math.max(max, logit);
  const out = new Float32Array(logits.length);
  let sum = 0;
  for (let index = 0; index < logits.length; index++) sum += out[index] = Math.exp(logits[index] - max);
  for (let index = 0; index < out.length; index++) out[index] /= sum;
  return out;
}

// Function words carry weight in the model but explain nothing to a writer: a cue neither starts
// nor ends with one, and a cue made only of them is not shown.
const functionWords = new Set(
  'a an the and or but if of to in on at by for with from as is are was were be been being am it its this that these those there their they them we our us you your i my me he she his her so than then too very just also not no do does did have has had will would can could should may might must'.split(' '),
);

/** Adjacent words with clearly positive evidence form one cue; the strongest cues come first. */
function cuesFrom(words: Token[], perWord: Float32Array, text: string, maxCues: number): Cue[] {
  let top = 0;
  for (let index = 0; index < words.length; index++) if (!functionWords.has(words[index].key)) top = Math.max(top, perWord[index]);
  if (top <= 0) return [];
  const floor = top * 0.35;
  const cues: Cue[] = [];
  for (let index = 0; index < words.length; index++) {
    if (perWord[index] < floor || functionWords.has(words[index].key)) continue;
    let end = index;
    while (end + 1 < words.length && perWord[end + 1] >= floor && end + 1 - index < 4) end++;
    while (end > index && functionWords.has(words[end].key)) end--;
    let weight = 0;
    for (let word = index; word <= end; word++) weight += perWord[word];
    cues.push({ text: text.slice(words[index].start, words[end].end), start: words[index].start, end: words[end].end, weight });
    index = end;
  }
  return cues.sort((a, b) => b.weight - a.weight).slice(0, maxCues);
}
