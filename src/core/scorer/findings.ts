// From scored sentences to Findings: the gate that picks the sentences the scorer reads, the
// thresholds that turn probabilities into findings, and the words a finding explains itself with.
import { gateSequences, keySets, occurrenceTest, rawWordKeys, render, RULES_DOCS_URL } from '../engine.js';
import type { Finding, Severity, SeverityOrOff } from '../finding.js';
import { severityRank } from '../finding.js';
import { isAgentNoun, startsNumber } from '../match/matcher.js';
import { AGENT_KEY, NUMBER_KEY, type Element } from '../match/pattern.js';
import { TermSet } from '../match/term-set.js';
import { MentionGuard } from '../match/mention.js';
import { quotedRanges } from '../match/quotes.js';
import { tokenizeSentence, WORD_RUN, type Paragraph, type Sentence, type Token } from '../match/tokens.js';
import type { LineIndex } from '../position.js';
import type { CompiledRules, KeySets, ScorerRule } from '../rule.js';
import type { LintConfig } from '../config.js';
import { engineSettings, severityFor } from '../settings.js';
import { scoreSentence, scoredCategories, type CategoryThresholds, type Cue, type ScoredCategory, type ScorerExample, type ScorerModel } from './model.js';

/**
 * Sentences about people, work or AI: the only ones the scorer reads (precision on other prose).
 * A sentence on the topic only through a `strictTerms` word ("you", "they") is read too, but
 * reported only at the strict threshold: such sentences held half the neutral prose the scorer
 * misread on calibration and caught one flagged item in twenty.
 */
export class ScorerGate {
  private readonly terms: TermSet;
  private readonly strictTerms: TermSet;
  /** For mayMatch: what each term needs of a text (see keySets), under the keys of its rarest part. */
  private readonly anchored = new Map<string, Set<string>[][]>();

  /** `keySetsOf`: the build's stored key sets (CompiledRules.keySets), where there are any. */
  constructor(terms: Element[][], strictTerms: Element[][] = [], keySetsOf: (sequence: Element[]) => KeySets = keySets) {
    this.terms = new TermSet(terms);
    this.strictTerms = new TermSet(strictTerms);
    for (const term of [...terms, ...strictTerms]) {
      for (const sequence of gateSequences(term)) {
        const { needs, selective } = keySetsOf(sequence);
        for (const key of selective) {
          const list = this.anchored.get(key);
          if (list) list.push(needs);
          else this.anchored.set(key, [needs]);
        }
      }
    }
  }

  /**
   * A cheap test on raw text, before it is parsed: could any sentence in it pass? A term matches
   * only where the text has every word it needs, so it is looked for under its rarest one ("team"
   * in "the team", "staff" in "{number} staff"). Asking only whether some term could start at a
   * word let "the", "a" and any number through: on the 1 MB bench file, 861 of the 996 blocks it
   * alone sent to the sentence parser had no sentence the gate admits.
   */
  mayMatch(text: string): boolean {
    const pending: Set<string>[][] = [];
    wordPattern.lastIndex = 0;
    for (let match = wordPattern.exec(text); match !== null; match = wordPattern.exec(text)) {
      const anchors = this.anchorsAt(match[0]);
      if (anchors === true) return true;
      if (anchors) pending.push(...anchors);
    }
    if (pending.length === 0) return false;
    // Terms of several words anchored here: do the others occur too?
    const words = new Set<string>();
    wordPattern.lastIndex = 0;
    for (let match = wordPattern.exec(text); match !== null; match = wordPattern.exec(text)) {
      for (const key of rawWordKeys(match[0])) words.add(key);
    }
    const occurs = occurrenceTest(words);
    return pending.some((needs) => needs.every(occurs));
  }

  // Per spelling (most words recur; bounded): true when a term of that one word may match there,
  // else the needs of the longer terms anchored there, if any.
  private readonly anchors = new Map<string, true | Set<string>[][] | undefined>();

  private anchorsAt(word: string): true | Set<string>[][] | undefined {
    if (this.anchors.has(word)) return this.anchors.get(word);
    const longer: Set<string>[][] = [];
    let alone = false;
    for (const key of rawWordKeys(word)) {
      for (const needs of this.anchored.get(key) ?? []) {
        if (needs.length === 1) alone = true;
        else longer.push(needs);
      }
    }
    const anchors = alone ? true : longer.length > 0 ? longer : undefined;
    if (this.anchors.size >= 50_000) this.anchors.clear();
    this.anchors.set(word, anchors);
    return anchors;
  }

  admits(sentence: Sentence): boolean {
    return this.admission(sentence) !== undefined;
  }

  // Each sentence's answer (null: not admitted). lint() asks twice about every sentence, for the
  // memo heads and for the scorer, of one gate (see gateOf); the document rules' heads ask again
  // for each requirement.
  private readonly admissions = new WeakMap<Sentence, Admission | null>();

  /** How a sentence is admitted: by a topic term, only by a strict term, or not at all. */
  admission(sentence: Sentence): Admission | undefined {
    let admission = this.admissions.get(sentence);
    if (admission === undefined) {
      if (!this.anchorsIn(sentence.tokens)) admission = null;
      else admission = this.terms.find(sentence.tokens) !== undefined ? 'topic' : this.strictTerms.find(sentence.tokens) !== undefined ? 'strict-only' : null;
      this.admissions.set(sentence, admission);
    }
    return admission ?? undefined;
  }

  /**
   * Whether some token holds a term's rarest word (see mayMatch): most sentences of a block hold
   * none, and are then told apart without trying each term at every word one could start with.
   */
  private anchorsIn(tokens: readonly Token[]): boolean {
    const numbers = this.anchored.has(NUMBER_KEY);
    const roles = this.anchored.has(AGENT_KEY);
    for (const token of tokens) {
      if (token.kind !== 'word' && token.kind !== 'number') continue;
      if (this.anchored.has(token.key) || this.anchored.has(token.base) || (numbers && startsNumber(token)) || (roles && isAgentNoun(token))) return true;
    }
    return false;
  }
}

const gates = new WeakMap<CompiledRules, Map<string, ScorerGate>>();

/**
 * The gate of these scorer rules' terms, one per set of rules: with every scorer rule on (the
 * default), the scorer and the memo heads share it, and so its memory of each sentence.
 */
function gateOf(compiled: CompiledRules, rules: readonly ScorerRule[]): ScorerGate {
  let byRules = gates.get(compiled);
  if (!byRules) {
    byRules = new Map();
    gates.set(compiled, byRules);
  }
  const key = rules.map((rule) => rule.id).join('\n');
  let gate = byRules.get(key);
  if (!gate) {
    const keySetsOf = (sequence: Element[]) => compiled.keySets?.get(sequence) ?? keySets(sequence);
    gate = new ScorerGate(rules.flatMap((rule) => rule.gate), rules.flatMap((rule) => rule.gateStrict), keySetsOf);
    byRules.set(key, gate);
  }
  return gate;
}

export type Admission = 'topic' | 'strict-only';

const wordPattern = new RegExp(WORD_RUN.source, 'gu');

/** Sentences with fewer words than this are reported only at the strict threshold. */
export const SHORT_SENTENCE = 6;

/** Whether a sentence is a fragment (a heading, a label, a bullet): fewer than SHORT_SENTENCE words. */
export function isShortSentence(sentence: Sentence): boolean {
  let words = 0;
  for (const token of sentence.tokens) if ((token.kind === 'word' || token.kind === 'number') && ++words >= SHORT_SENTENCE) return false;
  return true;
}

/**
 * Whether an admitted sentence is reported only at the strict threshold: a fragment, or one on the
 * topic only through a pronoun. Training calibrates on the same test (scripts/train.mjs).
 */
export function reportedOnlyAtStrict(admission: Admission, sentence: Sentence): boolean {
  return admission === 'strict-only' || isShortSentence(sentence);
}

/** Whether a confidence reaches a threshold; a threshold of 1 is never reached ("never escalated"). */
export function reaches(confidence: number, threshold: number): boolean {
  return threshold < 1 && confidence >= threshold;
}

/** What a configuration asks of the scorer: the rules that are on, their severities, overrides. */
export interface ScorerSettings {
  gate: ScorerGate;
  /** Each category's scorer rule and its effective severity (`off` skips the category). */
  rules: Map<ScoredCategory, { rule: ScorerRule; severity: SeverityOrOff }>;
  /** Configured `report` thresholds that replace the model's calibrated ones. */
  overrides: Partial<Record<ScoredCategory, number>>;
  /** The organisation's allowed vocabulary: a finding whose cues fall in it is dropped. */
  allow?: TermSet;
  /** Quoted framing that the paragraph rejects or reports: the rules' guard, for the scorer's strongest cue. */
  mention?: MentionGuard;
}

/**
 * The scorer settings for a configuration, or undefined when the scorer is off (disabled, or
 * every scored-* rule off): then the model is never loaded.
 */
export function scorerSettings(compiled: CompiledRules, config: LintConfig): ScorerSettings | undefined {
  if (config.scorer?.enabled === false) return undefined;
  const rules: ScorerSettings['rules'] = new Map();
  const gated: ScorerRule[] = [];
  for (const rule of compiled.rules) {
    if (rule.scope !== 'scorer' || !(scoredCategories as readonly string[]).includes(rule.category)) continue;
    const severity = severityFor(config, rule.id, rule.category, rule.severity);
    if (severity === 'off') continue;
    rules.set(rule.category as ScoredCategory, { rule, severity });
    gated.push(rule);
  }
  if (rules.size === 0) return undefined;
  const allow = engineSettings(config).allow ?? [];
  return {
    gate: gateOf(compiled, gated),
    rules,
    overrides: config.scorer?.thresholds ?? {},
    allow: allow.length > 0 ? new TermSet(allow) : undefined,
    mention: MentionGuard.fromVocabularies(compiled.vocabularies),
  };
}

/**
 * The gate of the learned machinery (every scorer rule's terms, whatever their severity), for the
 * memo heads, which run unless the scorer is disabled even when every scored-* rule is off.
 */
export function learnedGate(compiled: CompiledRules, config: LintConfig): ScorerGate | undefined {
  if (config.scorer?.enabled === false) return undefined;
  const scorerRules = compiled.rules.filter((rule): rule is ScorerRule => rule.scope === 'scorer');
  return scorerRules.some((rule) => rule.gate.length > 0) ? gateOf(compiled, scorerRules) : undefined;
}

/** The thresholds in force: the model's calibrated ones, with configured `report` overrides. */
export function effectiveThresholds(model: ScorerModel, overrides: ScorerSettings['overrides']): Record<ScoredCategory, CategoryThresholds> {
  const thresholds = { ...model.thresholds } as Record<ScoredCategory, CategoryThresholds>;
  for (const category of scoredCategories) {
    const report = overrides[category];
    if (report !== undefined) thresholds[category] = { report, strict: Math.max(report, model.thresholds[category].strict) };
  }
  return thresholds;
}

/**
 * A finding per sentence whose most likely problem clears its category's threshold. `model` is
 * called only when a sentence passes the gate, so text off the topic never loads the weights.
 */
export function scorerFindings(model: () => ScorerModel, settings: ScorerSettings, text: string, lines: LineIndex, paragraphs: readonly Paragraph[]): Finding[] {
  const findings: Finding[] = [];
  let thresholds: Record<ScoredCategory, CategoryThresholds> | undefined;
  for (const paragraph of paragraphs) {
    for (const [index, sentence] of paragraph.sentences.entries()) {
      const admission = settings.gate.admission(sentence);
      if (admission === undefined) continue;
      const loaded = model();
      thresholds ??= effectiveThresholds(loaded, settings.overrides);
      const previous = paragraph.sentences[index - 1]?.tokens;
      // Cues cost a second pass over the features: only sentences that are reported need them.
      const quick = scoreSentence(loaded, sentence.tokens, text, 0, previous);
      const enabled = settings.rules.get(quick.category);
      if (!enabled || enabled.severity === 'off') continue;
      const threshold = thresholds[quick.category];
      // A fragment (a heading, a label) gives the model little to go on, and "you" alone puts
      // friendly prose on the topic: for either it must be sure.
      const strictOnly = reportedOnlyAtStrict(admission, sentence);
      if (!reaches(quick.confidence, strictOnly ? threshold.strict : threshold.report)) continue;
      const score = scoreSentence(loaded, sentence.tokens, text, 3, previous);
      if (settings.allow && allowedCue(settings.allow, sentence, score.cues)) continue;
      if (settings.mention && mentionedCue(settings.mention, text, paragraph, sentence, score.cues)) continue;
      // Only a reported sentence needs its span: its first and last word.
      const words = sentence.tokens.filter((token) => token.kind === 'word' || token.kind === 'number');
      if (words.length === 0) continue;
      const start = words[0].start;
      const end = words.at(-1)!.end;
      // Below the strict threshold a finding warns at most, so a hook blocks only what the model is
      // sure of; so do a fragment ("2. Delightful API" read at 0.89 in a README) and a sentence on
      // the topic only through "you" ("Are you well enough to be here?" in a return-to-work guide)
      // at any confidence.
      const sure = !strictOnly && reaches(score.confidence, threshold.strict);
      const severity: Severity = sure || severityRank[enabled.severity] < severityRank.warning ? enabled.severity : 'warning';
      const actual = text.slice(start, end);
      const example = nearestExample(loaded, sentence.tokens, score.category);
      const values: Record<string, string> = {
        actual,
        confidence: score.confidence.toFixed(2),
        cues: score.cues.length > 0 ? score.cues.map((cue) => `“${cue.text}”`).join(', ') : 'the sentence as a whole',
      };
      if (example) {
        values.example = example.text;
        values.rewrite = example.rewrite;
      }
      const rule = enabled.rule;
      findings.push({
        ruleId: rule.id,
        category: rule.category,
        severity,
        message: render(rule.message, values, true) ?? rule.message,
        start: lines.pointAt(start),
        end: lines.pointAt(end),
        actual,
        suggestions: rule.suggestions.map((template) => render(template, values)).filter((rendered): rendered is string => rendered !== undefined),
        url: rule.url ?? `${RULES_DOCS_URL}#${rule.id}`,
        confidence: Number(score.confidence.toFixed(3)),
        cues: score.cues.map((cue) => cue.text),
        advice: true,
      });
    }
  }
  return findings;
}

/** Whether an allowed phrase overlaps the strongest cue: the words the organisation uses on purpose drove the score. */
function allowedCue(allow: TermSet, sentence: Sentence, cues: readonly { start: number; end: number }[]): boolean {
  if (cues.length === 0) return false;
  const top = cues[0];
  return allow.findAll(sentence.tokens).some((match) => sentence.tokens[match.first].start < top.end && top.start < sentence.tokens[match.end - 1].end);
}

/**
 * Whether the words that weigh most in a sentence's score are quoted (or framed) in order to be
 * rejected or reported, as the rules judge a quoted phrase: "The senator tweeted that 'nurses
 * will be replaced by AI'" reports the claim; the sentence's own words are not the problem.
 */
function mentionedCue(guard: MentionGuard, text: string, paragraph: Paragraph, sentence: Sentence, cues: readonly Cue[]): boolean {
  const strongest = cues[0];
  if (!strongest) return false;
  const first = sentence.tokens.findIndex((token) => token.end > strongest.start);
  const end = sentence.tokens.findLastIndex((token) => token.start < strongest.end) + 1;
  return first >= 0 && end > first && guard.isMention(text, paragraph, sentence, first, end);
}

/**
 * One finding per problem: where a phrase rule already flags part of a sentence, the rule's
 * finding (precise span, rewrite) stays and takes the scorer's confidence; the scorer's goes.
 */
export function mergeScorerFindings(ruleFindings: Finding[], scored: Finding[], isPhraseRule: (ruleId: string) => boolean): Finding[] {
  const kept: Finding[] = [];
  for (const finding of scored) {
    const covered = ruleFindings.filter(
      (rule) =>
        isPhraseRule(rule.ruleId) &&
        (scoredCategories as readonly string[]).includes(rule.category) &&
        rule.start.offset < finding.end.offset &&
        finding.start.offset < rule.end.offset,
    );
    if (covered.length === 0) kept.push(finding);
    for (const rule of covered) if (rule.category === finding.category) rule.confidence = Math.max(rule.confidence ?? 0, finding.confidence!);
  }
  return [...ruleFindings, ...kept];
}

const exampleWords = new WeakMap<ScorerExample[], Map<ScoredCategory, { example: ScorerExample; words: Set<string> }[]>>();
const stop = new Set(['the', 'a', 'an', 'to', 'of', 'and', 'in', 'on', 'for', 'is', 'are', 'be', 'we', 'our', 'it', 'this', 'that', 'with', 'will', 'as', 'at', 'by', 'or', 'i']);

function contentWords(tokens: readonly Token[]): Set<string> {
  const words = new Set<string>();
  for (const token of tokens) if (token.kind === 'word' && !stop.has(token.key)) words.add(token.base);
  return words;
}

/** The shipped corpus example of this category sharing the most content words with the sentence. */
export function nearestExample(model: ScorerModel, tokens: readonly Token[], category: ScoredCategory): ScorerExample | undefined {
  const examples = model.examples();
  let byCategory = exampleWords.get(examples);
  if (!byCategory) {
    byCategory = new Map();
    exampleWords.set(examples, byCategory);
  }
  // Only the examples of a category that is reported are tokenised (all 1,800 took 60 ms, for a
  // document's first finding).
  let candidates = byCategory.get(category);
  if (!candidates) {
    candidates = examples.filter((example) => example.category === category).map((example) => ({ example, words: contentWords(tokenizeSentence(example.text).tokens) }));
    byCategory.set(category, candidates);
  }
  const words = contentWords(tokens);
  let best: ScorerExample | undefined;
  let bestScore = 0;
  for (const candidate of candidates) {
    let shared = 0;
    for (const word of candidate.words) if (words.has(word)) shared++;
    const score = shared / Math.sqrt(candidate.words.size * words.size || 1);
    if (score > bestScore) {
      bestScore = score;
      best = candidate.example;
    }
  }
  return best;
}

/**
 * The probability of `ok` at which a quoted phrase-rule match counts as a mention. Chosen on the
 * calibration writer (w8), rules and scorer together: 0.7 took 3 of 21 false positives away and
 * none of 352 true positives; 0.5-0.9 gave the same within one item.
 */
export const MENTION_OK = 0.7;

/**
 * Framing quoted in order to report, criticise or analyse it is a mention, not a use ("the
 * memo called staff 'dead weight', and the union said so"). The rules see quotation marks and
 * a short list of cue words; the scorer has read hundreds of such texts. So a phrase-rule
 * finding inside quotation marks goes when the scorer reads its sentence as fine: the
 * probability of `ok` reaches `okThreshold`.
 */
export function dropQuotedMentions(
  findings: Finding[],
  model: () => ScorerModel,
  okThreshold: number,
  text: string,
  paragraphs: readonly Paragraph[],
  isPhraseRule: (ruleId: string) => boolean,
): Finding[] {
  const candidates = findings.filter((finding) => isPhraseRule(finding.ruleId) && (scoredCategories as readonly string[]).includes(finding.category));
  if (candidates.length === 0) return findings;
  const dropped = new Set<Finding>();
  for (const paragraph of paragraphs) {
    const from = paragraph.sentences[0]?.tokens[0]?.start ?? 0;
    const to = paragraph.sentences.at(-1)?.tokens.at(-1)?.end ?? 0;
    const inside = candidates.filter((finding) => finding.start.offset >= from && finding.end.offset <= to);
    if (inside.length === 0) continue;
    const quotes = quotedRanges(text, paragraph);
    const quoted = inside.filter((finding) => quotes.some(([open, close]) => open <= finding.start.offset && finding.end.offset <= close));
    for (const [index, sentence] of paragraph.sentences.entries()) {
      const sentenceStart = sentence.tokens[0]?.start ?? 0;
      const sentenceEnd = sentence.tokens.at(-1)?.end ?? 0;
      const here = quoted.filter((finding) => finding.start.offset >= sentenceStart && finding.start.offset < sentenceEnd);
      if (here.length === 0) continue;
      const score = scoreSentence(model(), sentence.tokens, text, 0, paragraph.sentences[index - 1]?.tokens);
      if (score.probabilities[0] >= okThreshold) for (const finding of here) dropped.add(finding);
    }
  }
  return dropped.size === 0 ? findings : findings.filter((finding) => !dropped.has(finding));
}
