import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { countWords, parseItems } from '../../src/eval/dataset.js';
import {
  confusionMatrix,
  counts,
  locateSpan,
  overlaps,
  per10kWords,
  predictedLabel,
  scores,
  spansFound,
} from '../../src/eval/metrics.js';

type Ranked = Pick<Finding, 'category' | 'severity' | 'start'>;
const at = (category: Finding['category'], severity: Finding['severity'], offset: number): Ranked => ({
  category,
  severity,
  start: { line: 1, column: offset + 1, offset },
});

describe('scores', () => {
  it('computes precision, recall and F1 from counts', () => {
    const value = scores(3, 1, 2);
    expect(value.precision).toBe(0.75);
    expect(value.recall).toBe(0.6);
    // 2 * 0.75 * 0.6 / (0.75 + 0.6) = 0.9 / 1.35
    expect(value.f1).toBeCloseTo(2 / 3, 10);
  });

  it('is perfect when everything found is right and nothing is missed', () => {
    expect(scores(5, 0, 0)).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });

  it('leaves precision undefined when nothing was predicted, and F1 with it', () => {
    expect(scores(0, 0, 4)).toMatchObject({ precision: null, recall: 0, f1: null });
  });

  it('leaves recall undefined when there is nothing to find', () => {
    expect(scores(0, 2, 0)).toMatchObject({ precision: 0, recall: null, f1: null });
  });

  it('gives F1 0 when precision and recall are both 0', () => {
    expect(scores(0, 3, 3)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('span overlap', () => {
  it('overlaps when the ranges share a character', () => {
    expect(overlaps([0, 5], [4, 9])).toBe(true);
    expect(overlaps([4, 9], [0, 5])).toBe(true);
  });

  it('overlaps when one range contains the other', () => {
    expect(overlaps([2, 20], [5, 6])).toBe(true);
    expect(overlaps([5, 6], [2, 20])).toBe(true);
  });

  it('does not overlap ranges that only touch', () => {
    expect(overlaps([0, 5], [5, 9])).toBe(false);
    expect(overlaps([5, 9], [0, 5])).toBe(false);
  });

  it('locates a span at its first occurrence', () => {
    expect(locateSpan('cut heads, then cut heads again', 'cut heads')).toEqual([0, 9]);
    expect(locateSpan('nothing here', 'heads')).toBeUndefined();
  });

  it('marks each gold span found or not by any finding range', () => {
    const text = 'We trim 80 seats and turn staff into cogs.';
    // "trim 80 seats" is [3, 16); "into cogs" is [32, 41)
    expect(spansFound(text, ['trim 80 seats', 'into cogs'], [[11, 16]])).toEqual([true, false]);
    expect(spansFound(text, ['trim 80 seats', 'into cogs'], [[16, 32]])).toEqual([false, false]);
    expect(spansFound(text, ['trim 80 seats', 'into cogs'], [[0, 42]])).toEqual([true, true]);
    expect(spansFound(text, ['not in the text'], [[0, 42]])).toEqual([false]);
  });
});

describe('predictedLabel', () => {
  it('is ok when there is no finding', () => {
    expect(predictedLabel([])).toBe('ok');
  });

  it('takes the category of the highest-severity finding', () => {
    expect(predictedLabel([at('alarmist', 'info', 0), at('evasive', 'error', 30), at('dehumanizing', 'warning', 10)])).toBe('evasive');
  });

  it('breaks severity ties by the earliest finding', () => {
    expect(predictedLabel([at('evasive', 'warning', 12), at('dehumanizing', 'warning', 3)])).toBe('dehumanizing');
  });

  it('ignores framing and inclusive findings when a tone finding exists', () => {
    expect(predictedLabel([at('framing', 'error', 0), at('evasive', 'info', 9)])).toBe('evasive');
  });

  it('is other when only framing or inclusive findings remain', () => {
    expect(predictedLabel([at('framing', 'warning', 0), at('inclusive', 'warning', 4)])).toBe('other');
  });
});

describe('confusionMatrix', () => {
  it('counts gold rows against predicted columns', () => {
    const matrix = confusionMatrix([
      { gold: 'alarmist', predicted: 'alarmist' },
      { gold: 'alarmist', predicted: 'evasive' },
      { gold: 'evasive', predicted: 'ok' },
      { gold: 'ok', predicted: 'ok' },
      { gold: 'ok', predicted: 'ok' },
      { gold: 'ok', predicted: 'other' },
    ]);
    expect(matrix.alarmist).toEqual({ alarmist: 1, dehumanizing: 0, evasive: 1, ok: 0, other: 0 });
    expect(matrix.dehumanizing).toEqual({ alarmist: 0, dehumanizing: 0, evasive: 0, ok: 0, other: 0 });
    expect(matrix.evasive).toEqual({ alarmist: 0, dehumanizing: 0, evasive: 0, ok: 1, other: 0 });
    expect(matrix.ok).toEqual({ alarmist: 0, dehumanizing: 0, evasive: 0, ok: 2, other: 1 });
  });
});

describe('which findings count', () => {
  it('counts warnings and errors in both views', () => {
    for (const view of ['warning+', 'all'] as const) {
      expect(counts({ category: 'evasive', severity: 'warning' }, view)).toBe(true);
      expect(counts({ category: 'framing', severity: 'error' }, view)).toBe(true);
    }
  });

  it('counts info findings of the tone categories only when info is included', () => {
    expect(counts({ category: 'alarmist', severity: 'info' }, 'warning+')).toBe(false);
    expect(counts({ category: 'alarmist', severity: 'info' }, 'all')).toBe(true);
  });

  it('never counts framing or inclusive info findings', () => {
    expect(counts({ category: 'framing', severity: 'info' }, 'all')).toBe(false);
    expect(counts({ category: 'inclusive', severity: 'info' }, 'all')).toBe(false);
  });
});

describe('word counts and densities', () => {
  it('counts words like wc -w: runs of non-whitespace', () => {
    expect(countWords('  one two\tthree\n\nfour — five\n')).toBe(6);
    expect(countWords('')).toBe(0);
  });

  it('scales findings to 10,000 words', () => {
    expect(per10kWords(3, 5971)).toBeCloseTo(5.0243, 3);
    expect(per10kWords(0, 100)).toBe(0);
    expect(per10kWords(1, 0)).toBeNull();
  });
});

describe('parseItems', () => {
  const line = (fields: Record<string, unknown>) =>
    JSON.stringify({ id: 'x-1', text: 'Cut the heads.', label: 'dehumanizing', spans: ['Cut the heads'], category: 'people-as-units', rewrite: 'We cut jobs.', note: '', ...fields });

  it('reads one item a line and skips blank lines', () => {
    const items = parseItems(`${line({})}\n\n${line({ id: 'x-2' })}\n`);
    expect(items.map((item) => item.id)).toEqual(['x-1', 'x-2']);
  });

  it('rejects a span that is not in the text, naming the line', () => {
    expect(() => parseItems(`${line({})}\n${line({ id: 'x-2', spans: ['heads cut'] })}`, 'dev.jsonl')).toThrow(/dev\.jsonl:2: span "heads cut"/);
  });

  it('rejects duplicate ids, unknown labels and ok items with spans', () => {
    expect(() => parseItems(`${line({})}\n${line({})}`)).toThrow(/duplicate id/);
    expect(() => parseItems(line({ label: 'rude' }))).toThrow(/unknown label/);
    expect(() => parseItems(line({ label: 'ok', rewrite: '' }))).toThrow(/ok items/);
  });
});
