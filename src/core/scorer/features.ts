// Sentence features for the learned scorer, fastText-style: hashed word unigrams and bigrams,
// character n-grams of each word (so "deadweight", "dead-weight" and "deadwood" share evidence),
// words inside quotation marks in a namespace of their own (a quoted phrase is often mentioned,
// not used), and a few typographic cues (capitals, exclamation marks, emoji). Pure: training
// (scripts/train.mjs) and inference call the same function, so they cannot drift apart.
import type { Token } from '../match/tokens.js';

export interface FeatureOptions {
  /** log2 of the number of hash buckets (read once per options object: see charGramCache). */
  readonly bits: number;
  /** Character n-gram lengths, inclusive; [0, 0] turns them off. */
  readonly charRange: readonly [number, number];
  /** Word trigrams as well as unigrams and bigrams. */
  trigrams: boolean;
  /** How much a character n-gram counts against a word feature (many per word, so they are scaled down). */
  charWeight?: number;
  /** How much the previous sentence's words count (their own namespace); 0 or absent: not read. */
  contextWeight?: number;
  /**
   * Added to the squared norm before normalising: a four-word bullet's few features then carry
   * less weight each than a full sentence's, so one learnt cue cannot make it near-certain.
   */
  normPad?: number;
}

/** One sentence's features: bucket, value (L2-normalised), and the tokens each one came from. */
export interface SentenceFeatures {
  buckets: Uint32Array;
  values: Float32Array;
  /** For each feature, the index (into `words`) of the first word it covers and how many. */
  firstWord: Uint16Array;
  wordCount: Uint8Array;
  /** The words features were read from, with their source tokens (for explanations). */
  words: Token[];
}

const quoteOpen = new Set(['"', '\u201c', '\u00ab', '\u2018']);
const quoteClose = new Set(['"', '\u201d', '\u00bb', '\u2019']);
const pictographic = /\p{Extended_Pictographic}/u;
const NUMBER = '<num>';

/** FNV-1a over UTF-16 code units: stable across platforms and runs. */
export function hashFeature(text: string): number {
  return fnv(FNV_OFFSET, text) >>> 0;
}

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a carried on over `text`: fnv(fnv(FNV_OFFSET, a), b) is the hash of a + b. */
function fnv(hash: number, text: string): number {
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash;
}

// A feature's hash is that of its name ("w|staff", "b|cut staff"), carried on from the hash of its
// prefix instead of hashing a new string: building the names was a sixth of sentenceFeatures' time.
const [WORD, QUOTED, CAPS, BIGRAM, TRIGRAM, CONTEXT, CONTEXT_BIGRAM] = ['w|', 'q|', 'C|', 'b|', 't|', 'p|', 'pb|'].map((prefix) => fnv(FNV_OFFSET, prefix));
/** The hash of what `hash` covers, a space, then `word`. */
const spaced = (hash: number, word: string) => fnv(fnv(hash, ' '), word);

/**
 * The features of one sentence's tokens (the core's token stream, as the rules see it), and, when
 * the options ask for context, the words of the sentence before it in the same paragraph.
 */
export function sentenceFeatures(tokens: readonly Token[], options: FeatureOptions, previous?: readonly Token[]): SentenceFeatures {
  const mask = (1 << options.bits) - 1;
  const found = scratch;
  found.size = 0;
  const addBucket = (bucket: number, word: number, span: number, weight: number) => found.push(bucket, word, span, weight);
  const add = (hash: number, word: number, span: number, weight = 1) => addBucket(hash & mask, word, span, weight);
  const grams = charGramCache(options);
  const charWeight = options.charWeight ?? 1;
  const words: Token[] = [];
  const keys: string[] = [];
  let quoted = false;
  let exclamations = 0;
  let capitals = 0;
  let emoji = false;
  for (const token of tokens) {
    if (token.kind === 'punct') {
      if (token.text === '!') exclamations++;
      else if (pictographic.test(token.text)) emoji = true;
      // Straight quotes toggle; curly ones say which side they are.
      if (token.text === '"') quoted = !quoted;
      else if (quoteOpen.has(token.text)) quoted = true;
      else if (quoteClose.has(token.text)) quoted = false;
      continue;
    }
    if (token.kind === 'break') continue;
    const key = token.kind === 'number' ? NUMBER : token.key;
    if (!key) continue;
    const word = words.length;
    words.push(token);
    keys.push(key);
    add(fnv(WORD, key), word, 1);
    if (quoted) add(fnv(QUOTED, key), word, 1);
    if (token.kind === 'word' && token.text.length >= 3 && /\p{Lu}/u.test(token.text) && token.text === token.text.toUpperCase()) {
      capitals++;
      add(fnv(CAPS, key), word, 1);
    }
    if (options.charRange[0] > 0 && token.kind === 'word') {
      for (const hash of grams(key)) addBucket(hash & mask, word, 1, charWeight);
    }
  }
  for (let index = 0; index <= keys.length; index++) {
    const previous = index === 0 ? '<s>' : keys[index - 1];
    const current = index === keys.length ? '</s>' : keys[index];
    const from = Math.max(0, index - 1);
    add(spaced(fnv(BIGRAM, previous), current), from, Math.min(index + 1, keys.length) - from || 1);
    if (options.trigrams && index >= 2 && index < keys.length) add(spaced(spaced(fnv(TRIGRAM, keys[index - 2]), previous), current), index - 2, 3);
  }
  const contextWeight = options.contextWeight ?? 0;
  if (contextWeight > 0 && previous) {
    let before = '<s>';
    for (const token of previous) {
      if (token.kind !== 'word' && token.kind !== 'number') continue;
      const key = token.kind === 'number' ? NUMBER : token.key;
      add(fnv(CONTEXT, key), 0, 0, contextWeight);
      add(spaced(fnv(CONTEXT_BIGRAM, before), key), 0, 0, contextWeight);
      before = key;
    }
  }
  if (exclamations > 0) add(hashFeature(exclamations > 1 ? 'x|!!' : 'x|!'), 0, 0);
  if (capitals > 0) add(hashFeature(capitals > 1 ? 'x|CAPS2' : 'x|CAPS'), 0, 0);
  if (emoji) add(hashFeature('x|emoji'), 0, 0);

  // Duplicate features add up; the vector is L2-normalised so long and short sentences compare.
  const size = found.size;
  const padded = squaredNorm(found.buckets, found.weights, size) + (options.normPad ?? 0);
  const scale = padded > 0 ? 1 / Math.sqrt(padded) : 0;
  const values = new Float32Array(size);
  for (let index = 0; index < size; index++) values[index] = found.weights[index] * scale;
  return { buckets: found.buckets.slice(0, size), values, firstWord: found.firstWord.slice(0, size), wordCount: found.wordCount.slice(0, size), words };
}

/**
 * The features of the sentence being read, in typed arrays reused from sentence to sentence (and
 * doubled when a sentence needs more): collecting them in four plain arrays per sentence was a
 * third of what the scorer allocated. sentenceFeatures runs to the end before it is called again
 * and returns copies, so one set serves every caller.
 */
class FeatureScratch {
  size = 0;
  buckets = new Uint32Array(256);
  /** Float64, as the weights are added up for the norm in double precision. */
  weights = new Float64Array(256);
  firstWord = new Uint16Array(256);
  wordCount = new Uint8Array(256);

  push(bucket: number, word: number, span: number, weight: number): void {
    if (this.size === this.buckets.length) this.grow();
    this.buckets[this.size] = bucket;
    this.weights[this.size] = weight;
    this.firstWord[this.size] = Math.min(word, 0xffff);
    this.wordCount[this.size] = Math.min(span, 255);
    this.size++;
  }

  private grow(): void {
    const length = this.buckets.length * 2;
    const buckets = new Uint32Array(length);
    const weights = new Float64Array(length);
    const firstWord = new Uint16Array(length);
    const wordCount = new Uint8Array(length);
    buckets.set(this.buckets);
    weights.set(this.weights);
    firstWord.set(this.firstWord);
    wordCount.set(this.wordCount);
    this.buckets = buckets;
    this.weights = weights;
    this.firstWord = firstWord;
    this.wordCount = wordCount;
  }
}

const scratch = new FeatureScratch();

/**
 * The squared norm once features in the same bucket are summed: each distinct bucket's total
 * weight squared, added in the order the buckets first appear, as a Map's values would be (so the
 * result is the same to the last bit). An open-addressing table, reused from sentence to
 * sentence, does what a Map per sentence did in a quarter of sentenceFeatures' time.
 */
function squaredNorm(buckets: Uint32Array, weights: Float64Array, size: number): number {
  if (slots.length < size * 2) {
    let capacity = slots.length;
    while (capacity < size * 2) capacity *= 2;
    slots = new Int32Array(capacity);
    distinct = new Uint32Array(capacity / 2);
    sums = new Float64Array(capacity / 2);
  }
  const mask = slots.length - 1;
  slots.fill(-1);
  let count = 0;
  for (let index = 0; index < size; index++) {
    const bucket = buckets[index];
    let slot = Math.imul(bucket, 0x9e3779b1) & mask;
    while (slots[slot] !== -1 && distinct[slots[slot]] !== bucket) slot = (slot + 1) & mask;
    if (slots[slot] === -1) {
      slots[slot] = count;
      distinct[count] = bucket;
      sums[count++] = 0;
    }
    sums[slots[slot]] += weights[index];
  }
  let norm = 0;
  for (let index = 0; index < count; index++) norm += sums[index] * sums[index];
  return norm;
}

// squaredNorm's table, reused so that it allocates nothing: a slot holds an index into the
// distinct buckets (in first-seen order) and their sums, or -1.
let slots = new Int32Array(1024);
let distinct = new Uint32Array(512);
let sums = new Float64Array(512);

/** Words whose character n-grams are kept, per n-gram range, before the cache starts over. */
const CHAR_GRAM_CACHE_WORDS = 50_000;
const charGramCaches = new Map<string, Map<string, Uint32Array>>();

/**
 * The hashed character n-grams of a word (before masking, so the scorer and the memo heads, which
 * differ in bits, share them), remembered per n-gram range: a document repeats its words, and
 * hashing every n-gram of every word again was most of the scorer's time on 1 MB.
 */
function charGramCache(options: FeatureOptions): (key: string) => Uint32Array {
  const [low, high] = options.charRange;
  let cache = charGramCaches.get(`${low}-${high}`);
  if (!cache) {
    cache = new Map();
    charGramCaches.set(`${low}-${high}`, cache);
  }
  const words = cache;
  return (key) => {
    let hashes = words.get(key);
    if (hashes === undefined) {
      const padded = `<${key}>`;
      const found: number[] = [];
      for (let length = low; length <= high; length++) {
        for (let start = 0; start + length <= padded.length; start++) {
          const gram = padded.slice(start, start + length);
          if (gram !== padded) found.push(hashFeature(`c|${gram}`));
        }
      }
      hashes = Uint32Array.from(found);
      if (words.size >= CHAR_GRAM_CACHE_WORDS) words.clear();
      words.set(key, hashes);
    }
    return hashes;
  };
}
