// How the scorer's thresholds are chosen on calibration data (scripts/thresholds.mjs).
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script with no type declarations
import { chooseThresholds, fires, itemFires } from '../../scripts/thresholds.mjs';

const options = { categories: ['alarmist'], reportPrecision: 0.95, strictPrecision: 0.985, budgetPer10k: 1 / 3 };
/** Forty flagged items scored 0.5 and five ok items scored 0.3: precision is met from 0.31 up. */
const items = [...Array.from({ length: 40 }, () => ({ label: 'alarmist' })), ...Array.from({ length: 5 }, () => ({ label: 'ok' }))];
const itemResults = [...Array.from({ length: 40 }, () => ({ best: { alarmist: 0.5 } })), ...Array.from({ length: 5 }, () => ({ best: { alarmist: 0.3 } }))];
const sentences = (...confidences: number[]) => [{ perSentence: confidences.map((confidence) => ({ category: 'alarmist', confidence })) }];

describe('chooseThresholds', () => {
  it('picks the lowest threshold that reaches the precision target', () => {
    const chosen = chooseThresholds(itemResults, items, { none: { results: [], words: 10_000 } }, options);
    expect(chosen.alarmist.report).toBe(0.31);
  });

  it('holds the neutral budget on each pool, so a large pool of documentation cannot dilute workplace false alarms', () => {
    // Two false alarms at 0.45 in 30,000 workplace words is 0.67/10k, over a third of a finding;
    // pooled with 300,000 words of documentation it would be 0.06/10k, within budget.
    const pools = {
      workplace: { results: sentences(0.45, 0.45), words: 30_000 },
      documentation: { results: sentences(), words: 300_000 },
    };
    const separate = chooseThresholds(itemResults, items, pools, options);
    expect(separate.alarmist.report).toBe(0.46);
    const pooled = chooseThresholds(itemResults, items, { all: { results: sentences(0.45, 0.45), words: 330_000 } }, options);
    expect(pooled.alarmist.report).toBe(0.31);
  });

  it('counts only the category in question against its budget', () => {
    const pools = { workplace: { results: [{ perSentence: [{ category: 'evasive', confidence: 0.9 }] }], words: 1_000 } };
    expect(chooseThresholds(itemResults, items, pools, options).alarmist.report).toBe(0.31);
  });

  it('sets strict at or above report; when nothing meets a target, report 0.99 and strict 1 (never escalated)', () => {
    const chosen = chooseThresholds(itemResults, items, { none: { results: [], words: 10_000 } }, { ...options, strictPrecision: 1 });
    expect(chosen.alarmist.strict).toBe(0.31);
    const hopeless = chooseThresholds(itemResults, items, { workplace: { results: sentences(0.995), words: 1_000 } }, options);
    expect(hopeless.alarmist).toEqual({ report: 0.99, strict: 1 });
    const noStrict = chooseThresholds(itemResults, items, { none: { results: [], words: 10_000 } }, { ...options, strictPrecision: 1.5 });
    expect(noStrict.alarmist).toEqual({ report: 0.31, strict: 1 });
  });

  it('counts a strict-only sentence (a fragment, a pronoun-only one) only where lint() reports it: at the strict threshold', () => {
    // One neutral bullet at 0.9 in 10,000 words is 1 per 10k, over a budget of 0.5.
    const budget = { ...options, budgetPer10k: 0.5 };
    const pool = (strictOnly: boolean) => ({ workplace: { results: [{ perSentence: [{ category: 'alarmist', confidence: 0.9, strictOnly }] }], words: 10_000 } });
    // A sentence reported at report, at 0.9, forces report above it; a strict-only one costs nothing below strict.
    expect(chooseThresholds(itemResults, items, pool(false), budget).alarmist).toEqual({ report: 0.91, strict: 0.91 });
    expect(chooseThresholds(itemResults, items, pool(true), budget).alarmist).toEqual({ report: 0.31, strict: 0.91 });
  });

  it('reads an item as flagged by a strict-only sentence only at strict', () => {
    const result = { best: { alarmist: 0.2 }, bestStrictOnly: { alarmist: 0.8 } };
    expect(itemFires(result, 'alarmist', 0.5, 0.9)).toBe(false);
    expect(itemFires(result, 'alarmist', 0.5, 0.7)).toBe(true);
    expect(itemFires({ best: { alarmist: 0.6 } }, 'alarmist', 0.5, 0.9)).toBe(true);
  });

  it('never reaches a threshold of 1, as lint() never escalates at strict 1', () => {
    expect(fires(1, true, 0.5, 1)).toBe(false);
    expect(fires(1, false, 0.5, 1)).toBe(true);
    expect(fires(0.95, true, 0.5, 0.9)).toBe(true);
  });
});
