// The scorer's features, feature by feature: what each kind of token adds, with which span and
// weight, so training and inference (which share this function) read a sentence the same way.
import { describe, expect, it } from 'vitest';
import { tokenizeSentence, type Token } from '../../src/core/match/tokens.js';
import { hashFeature, sentenceFeatures, type FeatureOptions, type SentenceFeatures } from '../../src/core/scorer/features.js';

const plain: FeatureOptions = { bits: 22, charRange: [0, 0], trigrams: false };
const tokens = (text: string) => tokenizeSentence(text).tokens;

/** The features as `name -> [value, firstWord, wordCount]`, found back by hashing candidate names. */
function table(features: SentenceFeatures, bits: number, names: string[]): Map<string, [number, number, number][]> {
  const mask = (1 << bits) - 1;
  const found = new Map<string, [number, number, number][]>();
  for (const name of names) {
    const bucket = hashFeature(name) & mask;
    const rows: [number, number, number][] = [];
    features.buckets.forEach((b, index) => {
      if (b === bucket) rows.push([features.values[index], features.firstWord[index], features.wordCount[index]]);
    });
    if (rows.length > 0) found.set(name, rows);
  }
  return found;
}

const has = (features: SentenceFeatures, name: string, bits = plain.bits) => features.buckets.includes(hashFeature(name) & ((1 << bits) - 1));

describe('hashFeature', () => {
  it('is 32-bit FNV-1a over UTF-16 code units', () => {
    expect(hashFeature('')).toBe(0x811c9dc5);
    expect(hashFeature('a')).toBe(0xe40c292c);
    expect(hashFeature('foobar')).toBe(0xbf9cf968);
    expect(hashFeature('é')).not.toBe(hashFeature('e'));
  });
});

describe('sentenceFeatures', () => {
  it('reads words and bigrams with sentence bounds, each of weight one, L2-normalised', () => {
    const features = sentenceFeatures(tokens('cut staff'), plain);
    const names = ['w|cut', 'w|staff', 'b|<s> cut', 'b|cut staff', 'b|staff </s>'];
    expect(features.buckets).toHaveLength(names.length);
    const found = table(features, plain.bits, names);
    const value = 1 / Math.sqrt(names.length);
    expect(Object.fromEntries(found)).toEqual({
      'w|cut': [[expect.closeTo(value, 6), 0, 1]],
      'w|staff': [[expect.closeTo(value, 6), 1, 1]],
      'b|<s> cut': [[expect.closeTo(value, 6), 0, 1]],
      'b|cut staff': [[expect.closeTo(value, 6), 0, 2]],
      'b|staff </s>': [[expect.closeTo(value, 6), 1, 1]],
    });
    expect(features.words.map((token) => token.text)).toEqual(['cut', 'staff']);
  });

  it('counts a repeated feature in one bucket for the norm', () => {
    // w|go twice in one bucket (2), plus three bigrams (1 each): norm sqrt(4 + 3).
    const features = sentenceFeatures(tokens('go go'), plain);
    expect(features.values[0]).toBeCloseTo(1 / Math.sqrt(7), 6);
  });

  it('gives an empty sentence the bigram of its bounds only', () => {
    const features = sentenceFeatures([], plain);
    expect([...features.buckets]).toEqual([hashFeature('b|<s> </s>') & ((1 << plain.bits) - 1)]);
    expect([...features.values]).toEqual([1]);
    expect([...features.wordCount]).toEqual([1]);
  });

  it('reads every number as one token, <num>', () => {
    const features = sentenceFeatures(tokens('cut 40 heads'), plain);
    expect(has(features, 'w|<num>')).toBe(true);
    expect(has(features, 'w|40')).toBe(false);
    expect(has(features, 'b|cut <num>')).toBe(true);
  });

  it('skips punctuation and line breaks between words', () => {
    const line = sentenceFeatures(tokens('cut, staff.'), plain);
    expect(has(line, 'b|cut staff')).toBe(true);
    expect(line.words).toHaveLength(2);
    const withBreak: Token[] = [tokens('cut')[0], { text: '\n', key: '', base: '', kind: 'break', transparent: false, start: 3, end: 4 }, tokens('staff')[0]];
    expect(sentenceFeatures(withBreak, plain).words).toHaveLength(2);
  });

  it('reads straight quotes as a toggle and curly quotes by their side', () => {
    expect(has(sentenceFeatures(tokens('the "deadweight" staff'), plain), 'q|deadweight')).toBe(true);
    expect(has(sentenceFeatures(tokens('the "deadweight" staff'), plain), 'q|staff')).toBe(false);
    expect(has(sentenceFeatures(tokens('the \u201cdeadweight\u201d staff'), plain), 'q|deadweight')).toBe(true);
    expect(has(sentenceFeatures(tokens('the \u201cdeadweight\u201d staff'), plain), 'q|staff')).toBe(false);
    expect(has(sentenceFeatures(tokens('the \u00abdeadweight\u00bb staff'), plain), 'q|deadweight')).toBe(true);
    expect(has(sentenceFeatures(tokens('the \u00abdeadweight\u00bb staff'), plain), 'q|staff')).toBe(false);
    expect(has(sentenceFeatures(tokens('the deadweight staff'), plain), 'q|deadweight')).toBe(false);
  });

  it('marks words of three or more capitals, and more than one of them', () => {
    const one = sentenceFeatures(tokens('ADOPT it Now or IT goes'), plain);
    expect(has(one, 'C|adopt')).toBe(true);
    expect(has(one, 'C|it')).toBe(false);
    expect(has(one, 'C|now')).toBe(false);
    expect(has(one, 'x|CAPS')).toBe(true);
    expect(has(one, 'x|CAPS2')).toBe(false);
    const two = sentenceFeatures(tokens('ADOPT it NOW'), plain);
    expect(has(two, 'x|CAPS2')).toBe(true);
    expect(has(two, 'x|CAPS')).toBe(false);
    const none = sentenceFeatures(tokens('Adopt 2024 now'), plain);
    expect(has(none, 'x|CAPS')).toBe(false);
    expect(has(sentenceFeatures(tokens('the 123 ABC'), plain), 'C|<num>')).toBe(false);
  });

  it('counts one exclamation mark apart from several, and notices emoji', () => {
    const once = sentenceFeatures(tokens('Adapt now!'), plain);
    expect([has(once, 'x|!'), has(once, 'x|!!')]).toEqual([true, false]);
    const twice = sentenceFeatures(tokens('Adapt now! Or else!'), plain);
    expect([has(twice, 'x|!'), has(twice, 'x|!!')]).toEqual([false, true]);
    const calm = sentenceFeatures(tokens('Adapt now.'), plain);
    expect([has(calm, 'x|!'), has(calm, 'x|emoji')]).toEqual([false, false]);
    expect(has(sentenceFeatures(tokens('Adapt now 🔥'), plain), 'x|emoji')).toBe(true);
  });

  it('reads character n-grams of words in the range asked, padded, never the whole padded word', () => {
    const options: FeatureOptions = { bits: 22, charRange: [2, 3], trigrams: false, charWeight: 0.5 };
    const features = sentenceFeatures(tokens('cut'), options);
    for (const gram of ['<c', 'cu', 'ut', 't>', '<cu', 'cut', 'ut>']) expect(has(features, `c|${gram}`), gram).toBe(true);
    expect(has(features, 'c|<cut>')).toBe(false);
    expect(has(features, 'c|<cut')).toBe(false);
    expect(has(features, 'c|c')).toBe(false);
    // 7 n-grams at 0.5 and 3 word features at 1: the n-grams' values are half the word's.
    const found = table(features, 22, ['w|cut', 'c|cu']);
    expect(found.get('c|cu')![0][0]).toBeCloseTo(found.get('w|cut')![0][0] / 2, 6);
    expect(found.get('w|cut')![0][0]).toBeCloseTo(1 / Math.sqrt(3 + 7 * 0.25), 6);
    expect(has(sentenceFeatures(tokens('40'), options), 'c|<n')).toBe(false);
  });

  it('counts n-grams at full weight when no charWeight is given', () => {
    const features = sentenceFeatures(tokens('ab'), { bits: 22, charRange: [2, 2], trigrams: false });
    const found = table(features, 22, ['w|ab', 'c|<a']);
    expect(found.get('c|<a')![0][0]).toBeCloseTo(found.get('w|ab')![0][0], 6);
  });

  it('reads word trigrams only when asked', () => {
    const text = 'we cut staff today';
    expect(has(sentenceFeatures(tokens(text), plain), 't|we cut staff')).toBe(false);
    const features = sentenceFeatures(tokens(text), { ...plain, trigrams: true });
    const found = table(features, plain.bits, ['t|we cut staff', 't|cut staff today', 't|staff today </s>', 't|<s> we cut']);
    expect(Object.fromEntries(found)).toEqual({
      't|we cut staff': [[expect.any(Number), 0, 3]],
      't|cut staff today': [[expect.any(Number), 1, 3]],
    });
  });

  it('reads the previous sentence\'s words and bigrams, weighted, covering no word of this one', () => {
    const options: FeatureOptions = { ...plain, contextWeight: 0.25 };
    const features = sentenceFeatures(tokens('go'), options, tokens('Cut 40, now.'));
    const found = table(features, plain.bits, ['p|cut', 'p|<num>', 'p|now', 'pb|<s> cut', 'pb|cut <num>', 'pb|<num> now', 'w|go', 'p|,']);
    expect([...found.keys()].sort()).toEqual(['p|<num>', 'p|cut', 'p|now', 'pb|<num> now', 'pb|<s> cut', 'pb|cut <num>', 'w|go'].sort());
    const word = found.get('w|go')![0];
    const context = found.get('p|cut')![0];
    expect(context[0]).toBeCloseTo(word[0] / 4, 6);
    expect(context.slice(1)).toEqual([0, 0]);
    expect(sentenceFeatures(tokens('go'), { ...plain, contextWeight: 0 }, tokens('Cut 40')).buckets).toHaveLength(3);
    expect(sentenceFeatures(tokens('go'), options).buckets).toHaveLength(3);
  });

  it('masks buckets to the size asked', () => {
    const small = sentenceFeatures(tokens('we cut staff today'), { bits: 4, charRange: [3, 4], trigrams: true });
    expect(Math.max(...small.buckets)).toBeLessThan(16);
    expect(small.buckets).toContain(hashFeature('w|cut') & 15);
  });
});

describe('normPad', () => {
  const norm = (features: SentenceFeatures) => Math.hypot(...features.values);
  it('keeps a short bullet from weighing as much as a full sentence', () => {
    const short = tokens('Staff capacity.');
    const long = tokens('We will review staff capacity with each team lead in March, before the rota for the summer is set.');
    expect(norm(sentenceFeatures(short, plain))).toBeCloseTo(1, 5);
    const padded = { ...plain, normPad: 12 };
    const shortNorm = norm(sentenceFeatures(short, padded));
    const longNorm = norm(sentenceFeatures(long, padded));
    expect(shortNorm).toBeLessThan(0.75);
    expect(longNorm).toBeGreaterThan(shortNorm);
    expect(longNorm).toBeLessThan(1);
  });
});


describe('character n-grams, remembered per word', () => {
  const options: FeatureOptions = { bits: 20, charRange: [3, 4], trigrams: false, charWeight: 0.5 };
  const mask = (1 << options.bits) - 1;
  /** The n-grams of "<word>" by the definition, in order: every length, every start, not the whole. */
  const expected = (word: string) => {
    const padded = `<${word}>`;
    const grams: number[] = [];
    for (let length = 3; length <= 4; length++) {
      for (let start = 0; start + length <= padded.length; start++) if (padded.slice(start, start + length) !== padded) grams.push(hashFeature(`c|${padded.slice(start, start + length)}`) & mask);
    }
    return grams;
  };

  it('gives the same buckets, in the same order, the first time a word is seen and every time after', () => {
    const sentence = tokens('staff staff cut');
    const first = sentenceFeatures(sentence, options);
    const again = sentenceFeatures(sentence, options);
    const fresh = sentenceFeatures(sentence, { ...options });
    expect(again).toEqual(first);
    expect(fresh).toEqual(first);
    // After each word's own feature come its n-grams, at half weight.
    const staff = expected('staff');
    expect([...first.buckets.slice(1, 1 + staff.length)]).toEqual(staff);
    expect([...first.buckets.slice(2 + staff.length, 2 + 2 * staff.length)]).toEqual(staff);
    const cut = expected('cut');
    expect([...first.buckets.slice(3 + 2 * staff.length, 3 + 2 * staff.length + cut.length)]).toEqual(cut);
  });
});
