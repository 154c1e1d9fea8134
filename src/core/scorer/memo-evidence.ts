// The memo heads as evidence for document rules: a multi-label model with one yes/no head per
// document-rule decision, named `<rule id>/announce` and `<rule id>/<requirement id>`
// (`missing-acknowledgment/support`). A rule without a head of that name gets no learned evidence.
import type { DocumentEvidence } from '../engine.js';
import { isQuestion, type Sentence } from '../match/tokens.js';
import { isShortSentence, type ScorerGate } from './findings.js';
import { headProbabilities, type ScorerModel } from './model.js';

export const announceHead = (ruleId: string) => `${ruleId}/announce`;
export const requirementHead = (ruleId: string, requirementId: string) => `${ruleId}/${requirementId}`;

/**
 * Whether the heads are asked about a sentence: gated, not a fragment (a heading such as
 * "Staffing and roles" announces nothing and states nothing) and not a question (it asks for an
 * element; only an answer gives one). Training chooses the heads' thresholds on the same
 * sentences (scripts/train.mjs).
 */
export function headReads(gate: ScorerGate, sentence: Sentence): boolean {
  return gate.admits(sentence) && leadSentenceRead(sentence);
}

/**
 * Whether the heads read a sentence of a lead read whole (a `lead_only` rule's lead that holds one
 * of its `lead_topic` terms): any sentence but a question or a fragment, gated or not.
 */
export function leadSentenceRead(sentence: Sentence): boolean {
  return !isQuestion(sentence) && !isShortSentence(sentence);
}

/** Evidence from the memo heads; the model is loaded only when a gated sentence is asked about. */
export function memoEvidence(model: () => ScorerModel, gate: ScorerGate): DocumentEvidence {
  const seen = new WeakMap<Sentence, Record<string, number>>();
  /** The heads' probabilities for a sentence they read, scored once; undefined for one they do not. */
  const read = (sentence: Sentence, previous: Sentence | undefined, wholeLead = false): { loaded: ScorerModel; probabilities: Record<string, number> } | undefined => {
    if (!(wholeLead ? leadSentenceRead(sentence) : headReads(gate, sentence))) return undefined;
    const loaded = model();
    let probabilities = seen.get(sentence);
    if (!probabilities) {
      probabilities = headProbabilities(loaded, sentence.tokens, previous?.tokens);
      seen.set(sentence, probabilities);
    }
    return { loaded, probabilities };
  };
  const says = (head: string, sentence: Sentence, previous: Sentence | undefined, wholeLead = false): boolean => {
    const heads = read(sentence, previous, wholeLead);
    const threshold = heads?.loaded.thresholds[head];
    return heads !== undefined && threshold !== undefined && (heads.probabilities[head] ?? 0) >= threshold.report;
  };
  return {
    announces: (ruleId, sentence, previous, wholeLead) => says(announceHead(ruleId), sentence, previous, wholeLead),
    meets: (ruleId, requirementId, sentence, previous) => says(requirementHead(ruleId, requirementId), sentence, previous),
    doubtfulAnnouncement: (ruleId, sentence, previous) => {
      const heads = read(sentence, previous);
      const threshold = heads?.loaded.thresholds[announceHead(ruleId)];
      if (!heads || threshold?.corroborated === undefined) return 0;
      const probability = heads.probabilities[announceHead(ruleId)] ?? 0;
      return probability >= threshold.corroborated.report && probability < threshold.report ? probability : 0;
    },
    corroborates: (ruleId, requirementId, sentence, previous) => {
      const heads = read(sentence, previous);
      const corroborated = heads?.loaded.thresholds[announceHead(ruleId)]?.corroborated;
      const own = heads?.loaded.thresholds[requirementHead(ruleId, requirementId)];
      if (!heads || corroborated === undefined || own === undefined) return false;
      // Never below the head's own threshold: what confirms a cut is an element the memo is credited with.
      return (heads.probabilities[requirementHead(ruleId, requirementId)] ?? 0) >= Math.max(corroborated.element, own.report);
    },
  };
}
