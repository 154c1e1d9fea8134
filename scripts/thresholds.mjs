// Choosing the scorer's thresholds on calibration data: pure, no I/O, so it can be tested
// without a build (tests/data/thresholds.test.ts). scripts/train.mjs supplies the targets.

/** Thresholds tried, lowest first: 0.20 to 0.99. */
const grid = Array.from({ length: 80 }, (_, i) => Number((0.2 + i * 0.01).toFixed(2)));

/** How many scored sentences of `results` (itemScores of neutral files) `counts` as a finding. */
export function sentenceHits(results, counts) {
  let hits = 0;
  for (const result of results) for (const sentence of result.perSentence) if (counts(sentence)) hits++;
  return hits;
}

/**
 * Whether a sentence scored `confidence` is reported at `report`, strict-only ones (fragments, and
 * sentences the gate admits only for a pronoun) only at `strict` too, as lint()'s scorer findings
 * decide; a threshold of 1 is never reached.
 */
export function fires(confidence, strictOnly, report, strict) {
  const threshold = strictOnly ? Math.max(report, strict) : report;
  return threshold < 1 && confidence >= threshold;
}

/** Whether an item (itemScores) has a finding of `category` at these thresholds. */
export function itemFires(result, category, report, strict) {
  return result.best[category] >= report || fires(result.bestStrictOnly?.[category] ?? 0, true, report, strict);
}

/**
 * Per category, the lowest threshold whose findings on calibration reach the precision target
 * (a finding on a non-ok item is right; on an ok item or a neutral sentence it is wrong) while
 * every neutral pool, on its own, stays within the category's budget.
 *
 * - `itemResults[i].best[category]`: item i's highest confidence where the category is on top, over
 *   its sentences reported at `report`; `bestStrictOnly[category]` (optional): the same over its
 *   strict-only ones (under SHORT_SENTENCE words, or admitted by the gate only for a pronoun).
 * - `pools`: `{ name: { results: [{ perSentence: [{ category, confidence, strictOnly? }] }], words } }`.
 * - `options`: `{ categories, reportPrecision, strictPrecision, budgetPer10k }`.
 *
 * A strict-only sentence (a bullet, a heading, "you already know that") is reported only at the
 * strict threshold (lint()'s scorer findings), so it counts only there: strict is chosen first, and it counts
 * against report only when it also clears strict. Counting it at report, as until 2026-12-07,
 * let a four-word bullet read at 0.98 spend a category's whole neutral budget.
 *
 * Returns `{ category: { report, strict } }`. Where no threshold meets the report target, report
 * is 0.99 (as good as never); where none meets the strict one, strict is 1: nothing is escalated
 * to the category's severity on a precision the calibration never saw (a 0.99 fallback made a
 * four-word bullet an error at confidence 0.99).
 */
export function chooseThresholds(itemResults, items, pools, options) {
  /** The lowest threshold meeting `target`, with strict-only sentences counted at `strictOf(threshold)`. */
  const pick = (category, target, strictOf) => {
    for (const threshold of grid) {
      const strict = strictOf(threshold);
      let right = 0;
      let wrong = 0;
      itemResults.forEach((result, index) => {
        if (itemFires(result, category, threshold, strict)) (items[index].label === 'ok' ? wrong++ : right++);
      });
      let withinBudget = true;
      for (const pool of Object.values(pools)) {
        const hits = sentenceHits(pool.results, (s) => s.category === category && fires(s.confidence, s.strictOnly === true, threshold, strict));
        wrong += hits;
        if ((hits * 10000) / Math.max(1, pool.words) > options.budgetPer10k) withinBudget = false;
      }
      const precision = right + wrong === 0 ? 1 : right / (right + wrong);
      if (precision >= target && withinBudget) return threshold;
    }
    return undefined;
  };
  const thresholds = {};
  for (const category of options.categories) {
    // At the strict threshold itself, strict-only sentences are reported as the others are.
    const strict = pick(category, options.strictPrecision, (threshold) => threshold) ?? 1;
    const report = pick(category, options.reportPrecision, () => strict) ?? 0.99;
    thresholds[category] = { report, strict: Math.max(report, strict) };
  }
  return thresholds;
}
