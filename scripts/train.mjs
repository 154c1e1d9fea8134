// `npm run train`: trains the learned sentence scorer from data/ and writes models/scorer.bin and
// models/TRAINING.md. Deterministic: a fixed seed, sorted inputs, no clock in the output, so the
// same data gives the same bytes. Reads only the repository (no network).
//
// Data (see data/README.md): training items by the corpus writers and the project's non-blind
// labelled sets; calibration items by writers whose text is never trained on; neutral prose split
// the same way. Blind test sets (eval/heldout/heldout-b.jsonl, eval/blind-d/) are never read here.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, relative, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sentenceFeatures } from '../dist/core/scorer/features.js';
import { decodeScorerModel, encodeScorerModel, headProbabilities, scoreSentence, scoredCategories, scorerClasses } from '../dist/core/scorer/model.js';
import { reportedOnlyAtStrict, scorerSettings } from '../dist/core/scorer/findings.js';
import { announceHead, headReads, leadSentenceRead } from '../dist/core/scorer/memo-evidence.js';
import { TermSet } from '../dist/core/match/term-set.js';
import { Engine, learnedHeadsRead, startsInLead } from '../dist/core/engine.js';
import { engineSettings } from '../dist/core/settings.js';
import { markdownParagraphs, textParagraphs } from '../dist/plugin/blocks.js';
import { parseMarkdown } from '../dist/plugin/processor.js';
import { compileBuiltinRules } from '../dist/plugin/builtin.js';
import { readJsonl } from '../dist/eval/jsonl.js';
import { chooseThresholds as chooseThresholdsFor, fires, itemFires, sentenceHits } from './thresholds.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SEED = 20261204;
/** Writers whose items calibrate thresholds and choose the model; never trained on. */
export const CALIBRATION_WRITERS = ['w8', 'w49'];
/** Labelled sets the project wrote earlier that are no longer blind: training data. */
const EARLIER_SETS = ['eval/dev/dev.jsonl', 'eval/heldout/heldout-a.jsonl', 'eval/tuning/c1.jsonl', 'eval/tuning/c2.jsonl'];
/** The precision the report threshold must reach on calibration, and the stricter one for `error`. */
const REPORT_PRECISION = 0.95;
const STRICT_PRECISION = 0.985;
/**
 * Findings allowed per 10,000 neutral words at the chosen thresholds, all categories together
 * (the issue's target). Each category gets a third, and the budget holds on each pool of
 * calibration prose separately: pooled, the man pages (which the gate seldom admits) diluted it,
 * and the shipped thresholds of 2026-12-05 gave 2.6/10k on workplace prose while the pool said 1.1.
 */
const NEUTRAL_BUDGET = 1;
const CATEGORY_BUDGET = NEUTRAL_BUDGET / 3;

/** The thresholds of the scored categories under this project's precision targets and budget. */
export function chooseThresholds(itemResults, items, pools) {
  return chooseThresholdsFor(itemResults, items, pools, {
    categories: scoredCategories,
    reportPrecision: REPORT_PRECISION,
    strictPrecision: STRICT_PRECISION,
    budgetPer10k: CATEGORY_BUDGET,
  });
}

// ---------------------------------------------------------------------------------------------
// Data

const everything = { mayMatch: () => true };

/** Sentences of a plain text, tokenised exactly as lint() tokenises them. */
export function sentencesOf(text) {
  return withPrevious(textParagraphs(text, everything));
}

/** Sentences of a Markdown text as lint() reads a .md memo (list items and headings are blocks of their own). */
export function markdownSentencesOf(text) {
  return withPrevious(markdownParagraphs(parseMarkdown(text), text, everything));
}

function withPrevious(paragraphs) {
  return paragraphs.flatMap((paragraph) => paragraph.sentences.map((sentence, index) => ({ ...sentence, previous: paragraph.sentences[index - 1]?.tokens })));
}

function words(text) {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Training units from one labelled item: the sentences holding a gold span take the item's
 * label; in items of four or more sentences the others are `ok`; in shorter items they are left
 * out (a short item's other sentences are often part of the same problem).
 */
export function unitsOfItem(item) {
  const sentences = sentencesOf(item.text);
  if (item.label === 'ok') return sentences.map((sentence) => ({ sentence, text: item.text, label: 'ok' }));
  const ranges = [];
  for (const span of item.spans) {
    const at = item.text.indexOf(span);
    if (at >= 0) ranges.push([at, at + span.length]);
  }
  const units = [];
  for (const sentence of sentences) {
    const holds = ranges.some(([start, end]) => start < sentence.end && sentence.start < end);
    if (holds) units.push({ sentence, text: item.text, label: item.label });
    else if (sentences.length >= 4) units.push({ sentence, text: item.text, label: 'ok' });
  }
  return units;
}

export function loadData(root = ROOT) {
  const corpusDir = join(root, 'data/corpus');
  const train = [];
  const calibration = [];
  for (const file of readdirSync(corpusDir).filter((name) => name.endsWith('.jsonl')).sort()) {
    const writer = basename(file, '.jsonl');
    const items = readJsonl(join(corpusDir, file)).map((item) => ({ ...item, source: `data/corpus/${file}` }));
    (CALIBRATION_WRITERS.includes(writer) ? calibration : train).push(...items);
  }
  for (const path of EARLIER_SETS) {
    if (existsSync(join(root, path))) train.push(...readJsonl(join(root, path)).map((item) => ({ ...item, source: path })));
  }
  const neutral = (dir) =>
    existsSync(join(root, dir))
      ? readdirSync(join(root, dir))
          .filter((name) => name.endsWith('.txt'))
          .sort()
          .map((name) => ({ name: `${dir}/${name}`, text: readFileSync(join(root, dir, name), 'utf8') }))
      : [];
  // Each flagged item's rewrite says the same thing well: an ok item on the same topic, the
  // contrast the scorer most needs (framing, not subject, decides).
  const rewrites = (items) => items.filter((item) => item.label !== 'ok' && item.rewrite).map((item) => ({ id: `${item.id} rewrite`, text: item.rewrite, label: 'ok', spans: [], category: 'rewrite', rewrite: '', source: item.source }));
  return {
    train: [...train, ...rewrites(train)],
    calibration: [...calibration, ...rewrites(calibration)],
    // Debian documentation, and workplace prose written for the project (memos, threads, press
    // releases, policies: the on-topic text the gate lets through, which man pages never are).
    neutralTrain: [...neutral('data/neutral/train'), ...neutral('data/neutral/workplace/train')],
    // The neutral budget is set on prose never trained on, in two pools it holds on separately:
    // the calibration writers' prose about work, which the gate admits often, and held-out Debian
    // documentation with the development set's neutral files, which it seldom admits.
    neutralPools: {
      workplace: neutral('data/neutral/workplace/calibration'),
      documentation: [...neutral('data/neutral/calibration'), ...neutral('eval/dev/neutral-dev')],
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Training: multinomial logistic regression on hashed features, AdaGrad, seeded shuffles.

export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(array, random) {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [array[i], array[j]] = [array[j], array[i]];
  }
  return array;
}

/** Units as feature vectors (duplicate buckets summed) with class indices. */
export function vectorise(units, features) {
  return units.map((unit) => {
    const { buckets, values } = sentenceFeatures(unit.sentence.tokens, features, unit.sentence.previous);
    const summed = new Map();
    for (let i = 0; i < buckets.length; i++) summed.set(buckets[i], (summed.get(buckets[i]) ?? 0) + values[i]);
    return { buckets: Uint32Array.from(summed.keys()), values: Float32Array.from(summed.values()), y: scorerClasses.indexOf(unit.label) };
  });
}

/** One AdaGrad step for class (or head) k on a sparse sample, with L2 on the touched weights. */
function adagradStep(w, g2, bias, biasSquares, k, buckets, values, gradient, rate, l2) {
  for (let i = 0; i < buckets.length; i++) {
    const bucket = buckets[i];
    const g = gradient * values[i] + l2 * w[bucket];
    g2[bucket] += g * g;
    w[bucket] -= (rate * g) / Math.sqrt(g2[bucket] + 1e-8);
  }
  biasSquares[k] += gradient * gradient;
  bias[k] -= (rate * gradient) / Math.sqrt(biasSquares[k] + 1e-8);
}

export function trainSoftmax(samples, { bits, epochs, rate, l2, seed, classBalance }) {
  const size = 1 << bits;
  const classes = scorerClasses.length;
  const weights = Array.from({ length: classes }, () => new Float32Array(size));
  const squares = Array.from({ length: classes }, () => new Float32Array(size));
  const bias = new Float32Array(classes);
  const biasSquares = new Float32Array(classes);
  const counts = new Array(classes).fill(0);
  for (const sample of samples) counts[sample.y]++;
  // Class weights between none (0) and full balance (1): the ok class is far larger.
  const classWeight = counts.map((count) => (count > 0 ? Math.pow(samples.length / (classes * count), classBalance) : 0));
  const random = mulberry32(seed);
  const order = samples.map((_, index) => index);
  const logits = new Float64Array(classes);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    for (const index of order) {
      const { buckets, values, y } = samples[index];
      for (let k = 0; k < classes; k++) {
        let sum = bias[k];
        const w = weights[k];
        for (let i = 0; i < buckets.length; i++) sum += w[buckets[i]] * values[i];
        logits[k] = sum;
      }
      let max = -Infinity;
      for (let k = 0; k < classes; k++) max = Math.max(max, logits[k]);
      let total = 0;
      for (let k = 0; k < classes; k++) total += logits[k] = Math.exp(logits[k] - max);
      const scale = classWeight[y];
      for (let k = 0; k < classes; k++) {
        const gradient = (logits[k] / total - (k === y ? 1 : 0)) * scale;
        adagradStep(weights[k], squares[k], bias, biasSquares, k, buckets, values, gradient, rate, l2);
      }
    }
  }
  return { weights, bias };
}

// ---------------------------------------------------------------------------------------------
// Calibration: item-level decisions as lint() makes them (gated sentences, top category).

/**
 * For each item (or neutral document), the best finding per category: max confidence where that
 * category is on top, apart for strict-only sentences (fragments and pronoun-only ones, which lint()
 * reports only at the strict threshold).
 */
export function itemScores(model, gate, texts) {
  return texts.map((text) => {
    const best = { alarmist: 0, dehumanizing: 0, evasive: 0 };
    const bestStrictOnly = { alarmist: 0, dehumanizing: 0, evasive: 0 };
    const perSentence = [];
    for (const sentence of sentencesOf(text)) {
      const admission = gate.admission(sentence);
      if (admission === undefined) continue;
      const score = scoreSentence(model, sentence.tokens, text, 0, sentence.previous);
      const strictOnly = reportedOnlyAtStrict(admission, sentence);
      const into = strictOnly ? bestStrictOnly : best;
      into[score.category] = Math.max(into[score.category], score.confidence);
      perSentence.push({ category: score.category, confidence: score.confidence, strictOnly });
    }
    return { best, bestStrictOnly, perSentence };
  });
}

export function itemMetrics(itemResults, items, thresholds, pools) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const perLabel = { alarmist: [0, 0], dehumanizing: [0, 0], evasive: [0, 0] };
  itemResults.forEach((result, index) => {
    const flagged = scoredCategories.some((category) => itemFires(result, category, thresholds[category].report, thresholds[category].strict));
    const label = items[index].label;
    if (label === 'ok') {
      if (flagged) fp++;
    } else {
      perLabel[label][1]++;
      if (flagged) {
        tp++;
        perLabel[label][0]++;
      } else fn++;
    }
  });
  const neutralPer10k = {};
  for (const [name, pool] of Object.entries(pools)) {
    const hits = sentenceHits(pool.results, (s) => fires(s.confidence, s.strictOnly === true, thresholds[s.category].report, thresholds[s.category].strict));
    neutralPer10k[name] = (hits * 10000) / Math.max(1, pool.words);
  }
  return {
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 0 : tp / (tp + fn),
    perLabelRecall: Object.fromEntries(Object.entries(perLabel).map(([label, [hit, all]]) => [label, all ? hit / all : 0])),
    neutralPer10k,
  };
}

// ---------------------------------------------------------------------------------------------

// Candidates, chosen by recall on calibration at the precision target. Measured on 2026-12-04
// while the corpus grew: the previous sentence as context (its words in their own namespace) gave
// the largest gain (+0.08 recall); character n-grams help only scaled well below word features.
export const CANDIDATES = [
  { name: 'words+context', features: { bits: 19, charRange: [0, 0], trigrams: false, contextWeight: 0.5 } },
  { name: 'words+chars+context', features: { bits: 19, charRange: [3, 5], trigrams: false, charWeight: 0.1, contextWeight: 0.7 } },
  // Word trigrams (2026-12-04 to 12-06) were never chosen; a padded norm keeps short bullets
  // ("- Staff capacity.") from near-certain scores on one cue: +0.03 recall on calibration when tried.
  { name: 'words+chars+context+pad', features: { bits: 19, charRange: [3, 5], trigrams: false, charWeight: 0.1, contextWeight: 0.7, normPad: 12 } },
];
export const HYPER = [
  { epochs: 15, rate: 0.3, l2: 1e-6, classBalance: 0.5 },
  { epochs: 25, rate: 0.3, l2: 1e-6, classBalance: 0.3 },
  // Longer and slower: +0.007 recall on calibration with the workplace prose of 2026-12-05.
  { epochs: 40, rate: 0.2, l2: 1e-6, classBalance: 0.3 },
];

/** Nearest-rewrite examples shipped with the model: short flagged training items with rewrites. */
function pickExamples(items) {
  const byCategory = new Map(scoredCategories.map((category) => [category, []]));
  for (const item of items) {
    if (item.label === 'ok' || !item.rewrite || item.text.length > 320 || item.rewrite.length > 420) continue;
    byCategory.get(item.label)?.push(item);
  }
  const examples = [];
  for (const [category, list] of byCategory) {
    const ranked = list
      .map((item) => ({ item, key: createHash('sha256').update(`${SEED}:${item.id}`).digest('hex') }))
      .sort((a, b) => (a.key < b.key ? -1 : 1))
      .slice(0, 600);
    for (const { item } of ranked) examples.push({ category, text: item.text, rewrite: item.rewrite });
  }
  return examples;
}

function fmt(value) {
  return value.toFixed(3);
}

// ---------------------------------------------------------------------------------------------
// The memo heads: independent yes/no heads (sigmoid) over the same features, one per document-rule
// decision, trained on whole memos whose writers marked each element and quoted where it is.

/**
 * Memo writers whose memos calibrate the heads' thresholds; never trained on. m15 joined m4 on
 * 2026-12-06: on 44 memos alone the thresholds moved by up to 0.11 between retrains.
 */
export const MEMO_CALIBRATION_WRITERS = ['m4', 'm15'];
export const HEADS = [
  // A cut memo's other elements corroborate a doubtful announcement (see chooseCorroboration).
  { name: 'missing-acknowledgment/announce', flag: 'announces_cuts', evidence: 'announcement', corroboratedBy: ['missing-acknowledgment/acknowledgment', 'missing-acknowledgment/decision-owner', 'missing-acknowledgment/support'] },
  { name: 'missing-acknowledgment/acknowledgment', flag: 'acknowledgment', evidence: 'acknowledgment' },
  { name: 'missing-acknowledgment/decision-owner', flag: 'decision_owner', evidence: 'decision_owner' },
  { name: 'missing-acknowledgment/support', flag: 'support', evidence: 'support' },
  { name: 'benchmark-led/announce', flag: 'benchmark_led', evidence: 'benchmark' },
  { name: 'benchmark-led/user-value', flag: 'user_value', evidence: 'user_value' },
];
const HEADS_FEATURES = { bits: 18, charRange: [3, 5], trigrams: false, charWeight: 0.1, contextWeight: 0.5 };
const HEADS_HYPER = { epochs: 20, rate: 0.3, l2: 1e-6 };

export function loadMemos(root = ROOT) {
  const dir = join(root, 'data/memos');
  const train = [];
  const calibration = [];
  if (!existsSync(dir)) return { train, calibration };
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.jsonl')).sort()) {
    const memos = readJsonl(join(dir, file));
    (MEMO_CALIBRATION_WRITERS.includes(basename(file, '.jsonl')) ? calibration : train).push(...memos);
  }
  return { train, calibration };
}

/**
 * Per sentence of a memo, a target and a weight for each head: a head whose element the memo
 * lacks has every sentence as a negative; where the memo has it, the quoted sentence is the
 * positive and the other sentences teach nothing (weight 0): writers quote one sentence, but a
 * memo often says it twice, and training those as negatives (weight 0.3, until 2026-12-06) taught
 * the heads to doubt their own cues. At weight 0, calibration accuracy rose by 0.07-0.13 per
 * head, and on two memo writers never measured before (m17, m18) cut memos missing an element
 * went from 61% to 86% flagged, with (memo, element) pairs 83% -> 92%.
 */
export function headUnits(memo) {
  const sentences = markdownSentencesOf(memo.text);
  return sentences.map((sentence) => {
    const targets = new Float32Array(HEADS.length);
    const weights = new Float32Array(HEADS.length);
    HEADS.forEach((head, k) => {
      if (!memo[head.flag]) {
        weights[k] = 1;
        return;
      }
      const quote = memo.evidence?.[head.evidence];
      const at = quote ? memo.text.indexOf(quote) : -1;
      if (at < 0) return;
      const holds = at < sentence.end && sentence.start < at + quote.length;
      targets[k] = holds ? 1 : 0;
      weights[k] = holds ? 1 : 0;
    });
    return { sentence, targets, weights };
  });
}

export function trainHeads(samples, { bits, epochs, rate, l2, seed }) {
  const size = 1 << bits;
  const heads = HEADS.length;
  const weights = Array.from({ length: heads }, () => new Float32Array(size));
  const squares = Array.from({ length: heads }, () => new Float32Array(size));
  const bias = new Float32Array(heads);
  const biasSquares = new Float32Array(heads);
  const random = mulberry32(seed);
  const order = samples.map((_, index) => index);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    for (const index of order) {
      const { buckets, values, targets, weights: sampleWeights } = samples[index];
      for (let k = 0; k < heads; k++) {
        if (sampleWeights[k] === 0) continue;
        const w = weights[k];
        let z = bias[k];
        for (let i = 0; i < buckets.length; i++) z += w[buckets[i]] * values[i];
        const gradient = (1 / (1 + Math.exp(-z)) - targets[k]) * sampleWeights[k];
        adagradStep(w, squares[k], bias, biasSquares, k, buckets, values, gradient, rate, l2);
      }
    }
  }
  return { weights, bias };
}

/**
 * The document rules' `learned_unless` terms, by announce head: a sentence holding one is never
 * read as announcing (the engine's `learnedAnnouncement` skips it), so the threshold is not chosen on it.
 */
export function announceVetoes(compiled = compileBuiltinRules()) {
  const vetoes = {};
  for (const rule of compiled.rules) {
    if (rule.scope === 'document' && rule.learnedUnless) vetoes[announceHead(rule.id)] = new TermSet(rule.learnedUnless);
  }
  return vetoes;
}

/**
 * The document rules' requirement `unless` terms, by requirement head: a sentence holding one
 * meets no requirement there, so it corroborates no announcement either.
 */
export function requirementVetoes(compiled = compileBuiltinRules()) {
  const vetoes = {};
  for (const rule of compiled.rules) {
    if (rule.scope !== 'document') continue;
    for (const requirement of rule.requires) if (requirement.unless) vetoes[`${rule.id}/${requirement.id}`] = new TermSet(requirement.unless);
  }
  return vetoes;
}

/** Which memos a rule's patterns announce by themselves (no heads), by announce head. */
export function announcedByPatterns(texts, compiled = compileBuiltinRules()) {
  const engine = new Engine(compiled, engineSettings({}));
  const byHead = {};
  for (const head of HEADS.filter((entry) => entry.name.endsWith('/announce'))) byHead[head.name] = [];
  for (const text of texts) {
    const { documents } = engine.lintDocument(text, markdownParagraphs(parseMarkdown(text), text, everything));
    for (const name of Object.keys(byHead)) byHead[name].push(documents.some((check) => announceHead(check.ruleId) === name));
  }
  return byHead;
}

/**
 * Per document, what the engine's corroborated tier reads in each sentence it asks about: the
 * announce head's probability (0 where learned_unless vetoes it) and each corroborating head's
 * (0 where that requirement's `unless` rules the sentence out). Questions are never asked.
 */
function corroborationReadings(model, gate, texts, k, elements, vetoes, unlessOf, sentencesOfDocument) {
  return texts.map((text) =>
    sentencesOfDocument(text)
      .filter((sentence) => headReads(gate, sentence))
      .map((sentence) => {
        const probabilities = headProbabilities(model, sentence.tokens, sentence.previous);
        return {
          announce: learnedHeadsRead(sentence, vetoes[HEADS[k].name]) ? probabilities[HEADS[k].name] : 0,
          elements: elements.map((e) => (unlessOf[HEADS[e].name]?.find(sentence.tokens) === undefined ? probabilities[HEADS[e].name] : 0)),
        };
      }),
  );
}

/**
 * Per head, its highest probability on any sentence of each document that the engine would ask it
 * about. `sentencesOfDocument` reads a document as lint() would: memos as Markdown, neutral `.txt`
 * prose as plain text (a list in a .txt file is one paragraph to the CLI).
 */
function headMaxima(model, gate, texts, vetoes, sentencesOfDocument, leadOnly = leadOnlyHeads()) {
  return texts.map((text) => {
    const best = new Array(HEADS.length).fill(0);
    const sentences = sentencesOfDocument(text);
    // As Engine#learnedAnnouncement reads a lead_only rule: its lead only, and the whole lead
    // (less questions and fragments) once a lead sentence holds one of its lead_topic terms.
    const wholeLead = new Map([...leadOnly].map(([name, topic]) => [name, topic !== undefined && sentences.some((sentence) => startsInLead(sentence) && topic.find(sentence.tokens) !== undefined)]));
    for (const sentence of sentences) {
      const gated = headReads(gate, sentence);
      const lead = startsInLead(sentence);
      const readWhole = lead && leadSentenceRead(sentence);
      if (!gated && !readWhole) continue;
      let probabilities;
      HEADS.forEach((head, k) => {
        const reads = leadOnly.has(head.name) ? lead && (gated || (readWhole && wholeLead.get(head.name))) : gated;
        if (!reads || !learnedHeadsRead(sentence, vetoes[head.name])) return;
        probabilities ??= headProbabilities(model, sentence.tokens, sentence.previous);
        best[k] = Math.max(best[k], probabilities[head.name]);
      });
    }
    return best;
  });
}

/** The announce heads of `lead_only` document rules, with each rule's lead_topic terms. */
export function leadOnlyHeads(compiled = compileBuiltinRules()) {
  return new Map(compiled.rules.filter((rule) => rule.scope === 'document' && rule.leadOnly).map((rule) => [announceHead(rule.id), rule.leadTopic ? new TermSet(rule.leadTopic) : undefined]));
}

/**
 * Per head, the threshold at which "some gated sentence of the memo says it" best matches the
 * labels. An announce head's threshold also stays above every sentence of `neutralTexts`
 * (workplace prose that announces nothing, never trained on) but those of at most one document
 * per `wordsPerFalseAlarm` words: the calibration memos are all announcements of something, and
 * a memo-level finding on an ordinary safety briefing is the false alarm that costs the tool its
 * users. One document in 100,000 words, not none: with none, the one sentence the head reads
 * highest sets the floor (a safety briefing's "there'll be a banksman on the night shift" at 0.82
 * took the announce head's calibration accuracy from 0.89 to 0.81).
 */
export function chooseHeadThresholds(model, gate, memos, { neutralTexts = [], vetoes = announceVetoes(), unlessOf = requirementVetoes(), wordsPerFalseAlarm = 100_000, byPatterns = {} } = {}) {
  const maxima = headMaxima(model, gate, memos.map((memo) => memo.text), vetoes, markdownSentencesOf);
  const neutralMaxima = headMaxima(model, gate, neutralTexts, vetoes, sentencesOf);
  const allowedFalseAlarms = Math.floor(neutralTexts.reduce((sum, text) => sum + words(text), 0) / wordsPerFalseAlarm);
  const thresholds = {};
  const accuracy = {};
  /** What the corroborated tier adds, by announce head (memos judged right as the engine decides, without and with it). */
  const corroboration = {};
  // A head corroborated by others comes after them: its element floors are their thresholds.
  const order = HEADS.map((head, k) => [head, k]).sort(([a], [b]) => Number(Boolean(a.corroboratedBy)) - Number(Boolean(b.corroboratedBy)));
  for (const [head, k] of order) {
    // At least 0.5: the calibration memos are all announcements, so a lower threshold would be
    // tuned for memos and misfire on ordinary workplace text.
    // Capped below 1, which a weights file may not hold: a head that reads some neutral sentence at
    // 0.999 or more then fires only on what it reads as surely as that.
    const highest = neutralMaxima.map((best) => best[k]).sort((a, b) => b - a)[allowedFalseAlarms] ?? 0;
    const floor = head.name.endsWith('/announce') ? Math.min(0.999, Math.max(0.5, Math.floor(highest * 100 + 1) / 100)) : 0.5;
    const rightAt = (t) => memos.filter((memo, index) => (maxima[index][k] >= t) === Boolean(memo[head.flag])).length;
    let bestT = Math.max(0.95, floor);
    let bestRight = rightAt(bestT);
    for (let step = 94; step / 100 >= floor; step--) {
      const right = rightAt(step / 100);
      if (right > bestRight) {
        bestRight = right;
        bestT = step / 100;
      }
    }
    thresholds[head.name] = { report: bestT, strict: bestT };
    accuracy[head.name] = memos.length ? bestRight / memos.length : 0;
    if (!head.corroboratedBy) continue;
    const elements = head.corroboratedBy.map((name) => HEADS.findIndex((other) => other.name === name));
    const corroborated = chooseCorroboration({
      memos: corroborationReadings(model, gate, memos.map((memo) => memo.text), k, elements, vetoes, unlessOf, markdownSentencesOf),
      neutral: corroborationReadings(model, gate, neutralTexts, k, elements, vetoes, unlessOf, sentencesOf),
      labels: memos.map((memo) => Boolean(memo[head.flag])),
      announced: memos.map((_, index) => Boolean(byPatterns[head.name]?.[index])),
      report: bestT,
      elementFloors: elements.map((e) => thresholds[HEADS[e].name].report),
      allowedFalseAlarms,
    });
    if (!corroborated) continue;
    thresholds[head.name].corroborated = corroborated.threshold;
    corroboration[head.name] = corroborated;
  }
  return { thresholds, accuracy, corroboration };
}

/**
 * A lower announce threshold (at least 0.5) for memos in which another sentence reads, at
 * `element` or above (and at least at its own head's threshold), as one of the elements of a cut
 * memo. Judged as the engine decides: a memo announces when its patterns do, or a sentence reads
 * at the sure threshold, or (the new tier) one reads between the two and another sentence
 * corroborates it. Chosen only if it judges more calibration memos right than patterns and the
 * sure threshold alone, holding the neutral budget (the heads' sure and corroborated
 * announcements together). Of the pairs that do best, the middle one: the middle lower
 * threshold, then the middle element threshold there, so neither rests on a single memo.
 * `memos` and `neutral`: per document, per sentence the heads read, { announce, elements }.
 */
export function chooseCorroboration({ memos, neutral, labels, announced, report, elementFloors, allowedFalseAlarms }) {
  const sure = (sentences) => sentences.some((sentence) => sentence.announce >= report);
  const says = (sentences, lower, element) => {
    if (sure(sentences)) return true;
    const confirming = sentences.filter((sentence) => sentence.elements.some((p, e) => p >= Math.max(element, elementFloors[e])));
    // A sentence does not confirm itself.
    return confirming.length > 0 && sentences.some((sentence) => sentence.announce >= lower && confirming.some((other) => other !== sentence));
  };
  const rightWith = (decide) => labels.filter((label, index) => (announced[index] || decide(memos[index])) === label).length;
  const rightAlone = rightWith(sure);
  const steps = [];
  for (let step = Math.round(report * 100) - 1; step >= 50; step--) steps.push(step / 100);
  const elementSteps = Array.from({ length: 50 }, (_, index) => (50 + index) / 100);
  let bestRight = rightAlone;
  let best = [];
  for (const lower of steps) {
    for (const element of elementSteps) {
      if (neutral.filter((sentences) => says(sentences, lower, element)).length > allowedFalseAlarms) continue;
      const right = rightWith((sentences) => says(sentences, lower, element));
      if (right > bestRight) {
        bestRight = right;
        best = [];
      }
      if (right === bestRight && right > rightAlone) best.push({ lower, element });
    }
  }
  if (best.length === 0) return undefined;
  const middle = (values) => values[Math.floor((values.length - 1) / 2)];
  const lower = middle([...new Set(best.map((pair) => pair.lower))].sort((a, b) => a - b));
  const element = middle(best.filter((pair) => pair.lower === lower).map((pair) => pair.element).sort((a, b) => a - b));
  return { threshold: { report: lower, element }, rightAlone, right: bestRight, memos: labels.length };
}

/** A head's threshold as TRAINING.md states it, with the corroborated one where there is one. */
function describeHeadThreshold({ report, corroborated }) {
  return corroborated ? `${report}; ${corroborated.report} where another sentence reads ${corroborated.element} or more on a requirement head` : `${report}`;
}

function trainMemoHeads(gate, neutralTrain, neutralCalibration, say) {
  const memos = loadMemos();
  if (memos.train.length === 0 || memos.calibration.length === 0) {
    say('memo heads: no memos under data/memos (training and calibration writers needed); skipped');
    return undefined;
  }
  const units = memos.train.flatMap(headUnits);
  // Ordinary prose: a negative for every head.
  const neutral = neutralTrain.flatMap((doc) => sentencesOf(doc.text)).filter((_, index) => index % 10 === 0);
  for (const sentence of neutral) units.push({ sentence, targets: new Float32Array(HEADS.length), weights: new Float32Array(HEADS.length).fill(1) });
  const samples = units.map((unit) => {
    const { buckets, values } = sentenceFeatures(unit.sentence.tokens, HEADS_FEATURES, unit.sentence.previous);
    const summed = new Map();
    for (let i = 0; i < buckets.length; i++) summed.set(buckets[i], (summed.get(buckets[i]) ?? 0) + values[i]);
    return { buckets: Uint32Array.from(summed.keys()), values: Float32Array.from(summed.values()), targets: unit.targets, weights: unit.weights };
  });
  const trained = trainHeads(samples, { bits: HEADS_FEATURES.bits, seed: SEED, ...HEADS_HYPER });
  const model = { features: HEADS_FEATURES, classes: HEADS.map((head) => head.name), activation: 'sigmoid', weights: trained.weights, bias: trained.bias, examples: () => [] };
  // Thresholds are chosen on the weights as shipped (int8), so the neutral floor holds for them.
  const unset = Object.fromEntries(HEADS.map((head) => [head.name, { report: 0.5, strict: 0.5 }]));
  const shipped = decodeScorerModel(encodeScorerModel({ ...model, thresholds: unset, about: {}, examples: [] }));
  const byPatterns = announcedByPatterns(memos.calibration.map((memo) => memo.text));
  const { thresholds, accuracy, corroboration } = chooseHeadThresholds(shipped, gate, memos.calibration, { neutralTexts: neutralCalibration.map((doc) => doc.text), byPatterns });
  say(`memo heads: ${memos.train.length} training memos (${units.length} sentences), ${memos.calibration.length} calibration memos; calibration accuracy ${HEADS.map((head) => `${head.name} ${fmt(accuracy[head.name])} at ${thresholds[head.name].report}`).join(', ')}`);
  for (const [name, tier] of Object.entries(corroboration)) say(`${name}, corroborated at ${tier.threshold.report} (element ${tier.threshold.element}): calibration memos judged right with the patterns ${tier.rightAlone} -> ${tier.right} of ${tier.memos}`);
  const bytes = encodeScorerModel({ ...model, thresholds, about: { seed: SEED, trainingMemos: memos.train.length, calibrationMemos: memos.calibration.length, calibrationWriters: MEMO_CALIBRATION_WRITERS, accuracy, corroboration }, examples: [] });
  writeFileSync(join(ROOT, 'models/memo-heads.bin'), bytes);
  return { memos, thresholds, accuracy, corroboration, bytes };
}

export async function main() {
  const started = Date.now();
  const data = loadData();
  if (data.train.length === 0 || data.calibration.length === 0) throw new Error('no training or calibration items under data/corpus');
  const gate = scorerSettings(compileBuiltinRules(), {}).gate;
  const trainUnits = [
    ...data.train.flatMap(unitsOfItem),
    ...data.neutralTrain.flatMap((doc) => sentencesOf(doc.text).map((sentence) => ({ sentence, text: doc.text, label: 'ok' }))),
  ];
  const calibrationTexts = data.calibration.map((item) => item.text);
  const neutralCalibration = Object.values(data.neutralPools).flat();
  const poolWords = Object.fromEntries(Object.entries(data.neutralPools).map(([name, docs]) => [name, docs.reduce((sum, doc) => sum + words(doc.text), 0)]));
  const neutralWords = Object.values(poolWords).reduce((sum, count) => sum + count, 0);
  /** Each pool's files scored by `model`, with its word count, as chooseThresholds reads them. */
  const poolsFor = (model) =>
    Object.fromEntries(Object.entries(data.neutralPools).map(([name, docs]) => [name, { results: itemScores(model, gate, docs.map((doc) => doc.text)), words: poolWords[name] }]));
  const per10k = (metrics) => Object.entries(metrics.neutralPer10k).map(([name, value]) => `${name} ${value.toFixed(2)}`).join(', ');
  const log = [];
  const say = (line) => {
    log.push(line);
    process.stderr.write(`${line}\n`);
  };
  say(`training units: ${trainUnits.length} sentences from ${data.train.length} items and ${data.neutralTrain.length} neutral files; calibration: ${data.calibration.length} items, ${neutralWords} neutral words`);

  let best;
  const tried = [];
  for (const candidate of CANDIDATES) {
    const samples = vectorise(trainUnits, candidate.features);
    for (const hyper of HYPER) {
      const trained = trainSoftmax(samples, { bits: candidate.features.bits, seed: SEED, ...hyper });
      const model = { features: candidate.features, classes: scorerClasses, activation: 'softmax', weights: trained.weights, bias: trained.bias, examples: () => [] };
      const itemResults = itemScores(model, gate, calibrationTexts);
      const pools = poolsFor(model);
      const thresholds = chooseThresholds(itemResults, data.calibration, pools);
      const metrics = itemMetrics(itemResults, data.calibration, thresholds, pools);
      const row = { name: candidate.name, features: candidate.features, hyper, thresholds, metrics, trained };
      tried.push(row);
      say(`${candidate.name} ${JSON.stringify(hyper)}: calibration precision ${fmt(metrics.precision)} recall ${fmt(metrics.recall)} (${Object.entries(metrics.perLabelRecall).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}), neutral per 10k words: ${per10k(metrics)}`);
      if (!best || metrics.recall > best.metrics.recall + 1e-9) best = row;
    }
  }

  const about = {
    seed: SEED,
    chosen: best.name,
    hyper: best.hyper,
    trainingItems: data.train.filter((item) => item.category !== 'rewrite').length,
    trainingRewrites: data.train.filter((item) => item.category === 'rewrite').length,
    trainingSentences: trainUnits.length,
    calibrationItems: data.calibration.filter((item) => item.category !== 'rewrite').length,
    calibrationWriters: CALIBRATION_WRITERS,
    calibration: { precision: Number(fmt(best.metrics.precision)), recall: Number(fmt(best.metrics.recall)) },
  };
  const encode = (thresholds) =>
    encodeScorerModel({
      features: best.features,
      classes: scorerClasses,
      activation: 'softmax',
      weights: best.trained.weights,
      bias: best.trained.bias,
      thresholds,
      about,
      examples: pickExamples(data.train),
    });
  // The shipped weights are int8: the thresholds are chosen again on them, as lint() will read
  // them, and the model ships with those. Chosen on the float model (until 2026-12-07), the
  // shipped one read 0.91 neutral findings per 10k words of workplace prose where the float one
  // read 0.83: a category can go over its budget by rounding alone.
  const shipped = decodeScorerModel(encode(best.thresholds));
  const quantisedResults = itemScores(shipped, gate, calibrationTexts);
  const quantisedPools = poolsFor(shipped);
  const shippedThresholds = chooseThresholds(quantisedResults, data.calibration, quantisedPools);
  const quantisedMetrics = itemMetrics(quantisedResults, data.calibration, shippedThresholds, quantisedPools);
  about.calibration = { precision: Number(fmt(quantisedMetrics.precision)), recall: Number(fmt(quantisedMetrics.recall)) };
  const bytes = encode(shippedThresholds);
  say(`chosen: ${best.name} ${JSON.stringify(best.hyper)}; int8, thresholds chosen again on it: precision ${fmt(quantisedMetrics.precision)} recall ${fmt(quantisedMetrics.recall)}`);
  mkdirSync(join(ROOT, 'models'), { recursive: true });
  writeFileSync(join(ROOT, 'models/scorer.bin'), bytes);
  const sha = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const report = [
    '# How the shipped scorer was trained',
    '',
    'Generated by `npm run train` (scripts/train.mjs); do not edit. Same data, same bytes.',
    '',
    `- Weights: \`models/scorer.bin\`, ${(bytes.length / 1024 / 1024).toFixed(2)} MB, sha256 ${sha}…`,
    `- Training: ${about.trainingItems} items and the ${about.trainingRewrites} rewrites of the flagged ones (${[...new Set(data.train.map((item) => item.source))].map((source) => `\`${source}\``).join(', ')}) and ${data.neutralTrain.length} neutral files, ${trainUnits.length} sentences.`,
    `- Calibration (never trained on): ${about.calibrationItems} items by writer(s) ${CALIBRATION_WRITERS.join(', ')} and their rewrites (${data.calibration.length} texts), and ${neutralCalibration.length} neutral files (${neutralWords} words: Debian documentation held out from training, workplace prose by the calibration writers and the development set's neutral files).`,
    `- Thresholds: the lowest confidence at which a category's findings reach precision ${REPORT_PRECISION} on calibration (report), and ${STRICT_PRECISION} (strict: the category's severity; below it, warning), with at most ${CATEGORY_BUDGET.toFixed(2)} findings of the category per 10,000 words on each neutral pool (workplace prose; documentation), so at most ${NEUTRAL_BUDGET} in all.`,
    '',
    '| candidate | epochs | rate | l2 | class balance | calibration precision | recall | alarmist / dehumanizing / evasive recall | neutral /10k (workplace / documentation) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...tried.map(
      (row) =>
        `| ${row.name}${row === best ? ' (chosen)' : ''} | ${row.hyper.epochs} | ${row.hyper.rate} | ${row.hyper.l2} | ${row.hyper.classBalance} | ${fmt(row.metrics.precision)} | ${fmt(row.metrics.recall)} | ${scoredCategories.map((c) => fmt(row.metrics.perLabelRecall[c])).join(' / ')} | ${Object.values(row.metrics.neutralPer10k).map((value) => value.toFixed(2)).join(' / ')} |`,
    ),
    '',
    `Thresholds, chosen again on the int8 weights as shipped: ${scoredCategories.map((c) => `${c} ${shippedThresholds[c].report} (strict ${shippedThresholds[c].strict})`).join('; ')}; calibration precision ${fmt(quantisedMetrics.precision)}, recall ${fmt(quantisedMetrics.recall)}; neutral per 10k words: ${per10k(quantisedMetrics)}.`,
    '',
  ].join('\n');
  const heads = trainMemoHeads(gate, data.neutralTrain, data.neutralPools.workplace, say);
  const headsReport = heads
    ? [
        '## Memo heads',
        '',
        `\`models/memo-heads.bin\` (${(heads.bytes.length / 1024 / 1024).toFixed(2)} MB): one yes/no head per document-rule decision, trained on ${heads.memos.train.length} memos from \`data/memos/\` and calibrated on ${heads.memos.calibration.length} memos by writer(s) ${MEMO_CALIBRATION_WRITERS.join(', ')} (never trained on). A memo has an element when some sentence about people, work or AI reaches the head's threshold.`,
        '',
        '| head | threshold | calibration accuracy (memos) |',
        '| --- | --- | --- |',
        ...HEADS.map((head) => `| ${head.name} | ${describeHeadThreshold(heads.thresholds[head.name])} | ${fmt(heads.accuracy[head.name])} |`),
        '',
        ...Object.entries(heads.corroboration).map(
          ([name, tier]) =>
            `${name}: a sentence read between ${tier.threshold.report} and ${heads.thresholds[name].report} announces when another sentence reads ${tier.threshold.element} or more (and at least its own threshold) on a requirement head. Calibration memos judged right as the engine decides (patterns, or the heads): ${tier.rightAlone} of ${tier.memos} without that tier, ${tier.right} with it.`,
        ),
        '',
      ].join('\n')
    : '';
  writeFileSync(join(ROOT, 'models/TRAINING.md'), `${report}\n${headsReport}`);
  process.stderr.write(`wrote models/scorer.bin (${bytes.length} bytes) and models/TRAINING.md in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
