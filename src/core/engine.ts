// The lint engine: one phrase index over every enabled rule, built once per configuration, run
// over the sentences of a text. Pure: the plugin hands it tokens, it hands back findings.
import { severityRank, type Finding, type Severity, type SeverityOrOff } from './finding.js';
import { isAgentNoun, isNumberWord, matchAt, startsNumber, type Captures, type SequenceMatch } from './match/matcher.js';
import { AGENT_KEY, NUMBER_KEY, type Element } from './match/pattern.js';
import { TermSet } from './match/term-set.js';
import { isQuestion, normalizeWord, possessiveBase, tokenizeRun, UNIT_MARKS, WORD_RUN, type Paragraph, type Sentence, type Token } from './match/tokens.js';
import { createLineIndex, type LineIndex } from './position.js';
import { MentionGuard } from './match/mention.js';
import { windowAfter, windowBefore } from './match/window.js';
import type { AnyOf, BlockPrefilter, CompiledPattern, CompiledRule, CompiledRules, Conditions, DocumentRule, KeySets, PhraseRule } from './rule.js';

export const RULES_DOCS_URL = 'https://github.com/tonelint/tonelint/blob/main/rules/README.md';

/** A `lead_only` document rule announces only in the title and opening paragraph: this many characters. */
export const LEAD_CHARACTERS = 800;

/**
 * Learned evidence for document rules (the memo heads), beside their patterns and terms: a
 * sentence the heads read as announcing, or as meeting a requirement, counts as if a pattern matched.
 */
export interface DocumentEvidence {
  /**
   * `wholeLead`: the sentence is in the lead of a `lead_only` rule and the lead holds one of the
   * rule's `lead_topic` terms, so it is read though it names neither AI nor people itself: a
   * results table or a bullet of scores under an AI announcement's opening is what it leads with.
   */
  announces(ruleId: string, sentence: Sentence, previous: Sentence | undefined, wholeLead?: boolean): boolean;
  meets(ruleId: string, requirementId: string, sentence: Sentence, previous: Sentence | undefined): boolean;
  /**
   * How strongly a sentence reads as announcing when that is only enough with corroboration (at
   * or above the lower threshold, below the sure one); 0 otherwise.
   */
  doubtfulAnnouncement?(ruleId: string, sentence: Sentence, previous: Sentence | undefined): number;
  /** Whether a sentence reads surely enough as meeting a requirement to confirm a doubtful announcement. */
  corroborates?(ruleId: string, requirementId: string, sentence: Sentence, previous: Sentence | undefined): boolean;
}

/** What a document rule saw in a text: its first announcing sentence and where each requirement is met. */
export interface DocumentCheck {
  ruleId: string;
  announcement: { start: number; end: number };
  requirements: { id: string; says: string; met?: { start: number; end: number } }[];
}

export interface EngineSettings {
  /** The effective severity of each rule, or `off`. */
  severityOf: (rule: CompiledRule) => SeverityOrOff;
  /** Phrases that must never be flagged. */
  allow?: Element[][];
}

interface IndexEntry {
  rule: PhraseRule | DocumentRule;
  pattern: CompiledPattern;
  /** What a sentence must contain for the pattern to match (see requiredKeySets). */
  needs: Set<string>[];
  severity: Severity;
  /** Document rules index their `announce` patterns: a match is a candidate, not a finding. */
  announce: boolean;
}

interface Match {
  entry: IndexEntry;
  paragraph: Paragraph;
  sentence: Sentence;
  match: SequenceMatch;
}

/** Built-in vocabularies the engine itself reads (rules/vocabulary/*.yml). */
const NEGATION = 'negation';
const NEGATION_EXCEPTIONS = 'negation-exceptions';
const WINDOW = 3;
const NEGATION_WINDOW = 4;

export class Engine {
  private readonly index = new Map<string, IndexEntry[]>();
  private readonly termSets = new WeakMap<Element[][], TermSet>();
  private readonly documentRules: { rule: DocumentRule; severity: Severity }[] = [];
  private readonly negation: TermSet;
  private readonly negationExceptions: TermSet;
  private readonly mentions: MentionGuard;
  private readonly allow: TermSet | undefined;
  /** Every key the phrase index holds (reported by the bench; mayMatch is the real pre-filter). */
  readonly triggerKeys: ReadonlySet<string>;
  /**
   * For `mayMatch`: what each pattern needs of a text (for each required element or condition
   * list, key sets one of which must meet the text), indexed under the keys of its most
   * selective need.
   */
  private readonly prefilter: BlockPrefilter;
  private readonly hasAgentPatterns: boolean;

  constructor(compiled: CompiledRules, settings: EngineSettings) {
    const keySetsOf = (elements: Element[]): KeySets => compiled.keySets?.get(elements) ?? keySets(elements);
    for (const rule of compiled.rules) {
      const severity = settings.severityOf(rule);
      if (severity === 'off' || rule.scope === 'scorer') continue;
      const patterns = rule.scope === 'document' ? rule.announce : rule.patterns;
      if (rule.scope === 'document') this.documentRules.push({ rule, severity });
      for (const pattern of patterns) {
        const entry: IndexEntry = { rule, pattern, needs: keySetsOf(pattern.elements).needs, severity, announce: rule.scope === 'document' };
        for (const key of pattern.anchors) {
          const list = this.index.get(key);
          if (list) list.push(entry);
          else this.index.set(key, [entry]);
        }
      }
    }
    this.triggerKeys = new Set(this.index.keys());
    this.hasAgentPatterns = this.index.has(AGENT_KEY);
    // The build stores the pre-filter of every built-in rule, with the rule list it was built
    // from: rules turned off only make it admit more, but packs whose rules were added to or
    // replaced (a copy with another list) need their own.
    this.prefilter = compiled.prefilter?.rules === compiled.rules ? compiled.prefilter.index : blockPrefilter(this.enabledRules(), keySetsOf);
    const vocabulary = (name: string) => new TermSet(compiled.vocabularies.get(name) ?? []);
    this.negation = vocabulary(NEGATION);
    this.negationExceptions = vocabulary(NEGATION_EXCEPTIONS);
    this.mentions = MentionGuard.fromVocabularies(compiled.vocabularies);
    this.allow = settings.allow && settings.allow.length > 0 ? new TermSet(settings.allow) : undefined;
  }

  /** The rules the phrase index holds (those not turned off), once each. */
  private enabledRules(): CompiledRule[] {
    const enabled = new Set<CompiledRule>();
    for (const entries of this.index.values()) for (const entry of entries) enabled.add(entry.rule);
    return [...enabled];
  }

  /**
   * A cheap test on raw text: false means no rule can match in it (and no document requirement
   * is met by it), so a caller may skip parsing it into sentences at all.
   */
  mayMatch(text: string): boolean {
    const words = new Set<string>();
    wordPattern.lastIndex = 0;
    for (let match = wordPattern.exec(text); match !== null; match = wordPattern.exec(text)) {
      for (const key of rawWordKeys(match[0])) words.add(key);
    }
    const occurs = occurrenceTest(words);
    const met = (anyOf: AnyOf) => anyOf.some(occurs);
    for (const word of words) {
      for (const needs of this.prefilter.get(word) ?? []) {
        if (needs.every(met)) return true;
      }
    }
    return false;
  }

  // Per-text memos, so a condition, a quote scan or a rejection cue is computed once per sentence
  // or paragraph however many matches ask: without them a sentence with 100k matches is quadratic.
  private occurrences = new WeakMap<Sentence, Map<Element[][], boolean>>();
  private allowed = new WeakMap<Sentence, SequenceMatch[]>();

  /** Findings for a text already split into paragraphs, sentences and tokens (offsets into `text`). */
  lint(text: string, paragraphs: Paragraph[]): Finding[] {
    return this.lintDocument(text, paragraphs).findings;
  }

  /** Findings, and what each document rule saw: the announcement and where each requirement is met. */
  lintDocument(text: string, paragraphs: Paragraph[], evidence?: DocumentEvidence): { findings: Finding[]; documents: DocumentCheck[] } {
    this.occurrences = new WeakMap();
    this.allowed = new WeakMap();
    const lines = createLineIndex(text);
    const findings: Finding[] = [];
    const announcements = new Map<DocumentRule, Match>();
    for (const paragraph of paragraphs) {
      for (const sentence of paragraph.sentences) {
        for (const found of this.matchSentence(text, paragraph, sentence)) {
          if (found.entry.announce) {
            const rule = found.entry.rule as DocumentRule;
            const start = sentence.tokens[found.match.first].start;
            if (!announcements.has(rule) && (rule.leadOnly !== true || start < LEAD_CHARACTERS) && !isQuestion(sentence)) announcements.set(rule, found);
          } else {
            findings.push(this.toFinding(text, lines, found));
          }
        }
      }
    }
    const documents: DocumentCheck[] = [];
    for (const { rule, severity } of this.documentRules) {
      const announced = announcements.get(rule) ?? (evidence ? this.learnedAnnouncement(rule, severity, paragraphs, evidence) : undefined);
      if (announced) {
        const { check, finding } = this.checkDocument(text, lines, paragraphs, rule, severity, announced, evidence);
        documents.push(check);
        if (finding) findings.push(finding);
      }
    }
    return { findings, documents };
  }

  private matchSentence(text: string, paragraph: Paragraph, sentence: Sentence): Match[] {
    const tokens = sentence.tokens;
    const kept: Match[] = [];
    const lastKept = new Map<CompiledRule, Match>();
    let occurs: ((keys: Set<string>) => boolean) | undefined;
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index];
      if (token.kind !== 'word' && token.kind !== 'number') continue;
      for (const entry of this.candidates(token)) {
        // Patterns anchored on common words are tried only where all their parts occur.
        occurs ??= occurrenceTest(sentenceWords(tokens));
        if (!entry.needs.every(occurs)) continue;
        const match = matchAt(entry.pattern.elements, tokens, index);
        if (match === undefined) continue;
        const candidate: Match = { entry, paragraph, sentence, match };
        // One finding per rule per stretch of text: the earliest, longest match wins. Matches
        // arrive in start order, so only the rule's latest kept match can overlap.
        const previous = lastKept.get(entry.rule);
        const overlaps = previous !== undefined && previous.match.end > match.first;
        if (overlaps && !(previous.match.first === match.first && previous.match.end < match.end)) continue;
        if (!this.counts(text, candidate)) continue;
        if (overlaps) kept[kept.indexOf(previous)] = candidate;
        else kept.push(candidate);
        lastKept.set(entry.rule, candidate);
      }
    }
    return kept;
  }

  private candidates(token: Token): IndexEntry[] {
    const byKey = this.index.get(token.key);
    const byBase = token.base !== token.key ? this.index.get(token.base) : undefined;
    const byNumber = startsNumber(token) ? this.index.get(NUMBER_KEY) : undefined;
    const byAgent = this.hasAgentPatterns && isAgentNoun(token) ? this.index.get(AGENT_KEY) : undefined;
    if (!byBase && !byNumber && !byAgent) return byKey ?? [];
    // Most inflected words find entries under one key only: no merge needed.
    const found = [byKey, byBase, byNumber, byAgent].filter((list): list is IndexEntry[] => list !== undefined && list.length > 0);
    if (found.length <= 1) return found[0] ?? [];
    return [...new Set(found.flat())];
  }

  private terms(list: Element[][]): TermSet {
    let set = this.termSets.get(list);
    if (!set) {
      set = new TermSet(list);
      this.termSets.set(list, set);
    }
    return set;
  }

  /** Conditions, negation, reported speech, mention and the allow list: does this match count? */
  private counts(text: string, candidate: Match): boolean {
    const { entry, sentence, paragraph, match } = candidate;
    for (const conditions of entry.pattern.conditions) {
      if (!this.conditionsHold(conditions, sentence, paragraph, match)) return false;
    }
    if ((entry.pattern.negation ?? entry.rule.negation) === 'respect' && this.isNegated(sentence.tokens, match.first)) return false;
    // A cut reported and disputed is still announced: document rules read every report.
    if (!entry.announce && (entry.pattern.reported ?? entry.rule.reported) === 'respect' && this.mentions.isRejectedReport(text, paragraph, sentence, match, (tokens, first) => this.isNegated(tokens, first))) return false;
    if (this.isMention(text, paragraph, sentence, match)) return false;
    const trigger = this.trigger(entry.pattern.conditions, sentence.tokens, match);
    if (trigger && this.mentions.isQuotedTrigger(text, paragraph, sentence, trigger.first, trigger.end)) return false;
    if (this.allow) {
      let allowed = this.allowed.get(sentence);
      if (!allowed) {
        allowed = this.allow.findAll(sentence.tokens);
        this.allowed.set(sentence, allowed);
      }
      if (allowed.some((phrase) => phrase.first < match.end && match.first < phrase.end)) return false;
    }
    return true;
  }

  /**
   * The `preceded_by` term that cues the match ("swap" in "would 'swap' its tellers for AI"): part
   * of the framing though the match leaves it out of the reported span.
   */
  private trigger(conditionSets: readonly Conditions[], tokens: Token[], match: SequenceMatch): SequenceMatch | undefined {
    for (const conditions of conditionSets) {
      if (!conditions.precededBy) continue;
      const found = this.terms(conditions.precededBy).find(tokens, windowBefore(tokens, match.first, conditions.window ?? WINDOW), match.first);
      if (found) return found;
    }
    return undefined;
  }

  /** Whether any of the terms occurs in the sentence; memoised per sentence and term list. */
  private occursIn(sentence: Sentence, list: Element[][]): boolean {
    let memo = this.occurrences.get(sentence);
    if (!memo) {
      memo = new Map();
      this.occurrences.set(sentence, memo);
    }
    let occurs = memo.get(list);
    if (occurs === undefined) {
      occurs = this.terms(list).find(sentence.tokens) !== undefined;
      memo.set(list, occurs);
    }
    return occurs;
  }

  /**
   * The first sentence the learned heads read as announcing (unless a `learned_unless` term is in
   * it), as a match over the whole sentence. Failing one, the sentence they read most strongly as
   * a doubtful announcement that another sentence of the document corroborates: one the heads read
   * surely as meeting a requirement, and that the requirement's `unless` terms do not rule out.
   */
  private learnedAnnouncement(rule: DocumentRule, severity: Severity, paragraphs: Paragraph[], evidence: DocumentEvidence): Match | undefined {
    const learnedUnless = rule.learnedUnless && this.terms(rule.learnedUnless);
    let sure: { paragraph: Paragraph; sentence: Sentence; first: number } | undefined;
    const wholeLead = rule.leadOnly === true && rule.leadTopic !== undefined && this.leadOnTopic(rule, paragraphs, this.terms(rule.leadTopic));
    this.leadSentences(rule, paragraphs, (paragraph, sentence, previous, first) => {
      // The evidence is asked first (the heads read only gated sentences, and remember them; the
      // learned_unless terms would be looked for in every sentence), then the engine's own policy,
      // whatever evidence it is given (the memo heads also skip questions, in headReads).
      if (!evidence.announces(rule.id, sentence, previous, wholeLead) || !learnedHeadsRead(sentence, learnedUnless)) return true;
      sure = { paragraph, sentence, first };
      return false;
    });
    if (sure) return this.wholeSentence(rule, severity, sure);
    const { doubtfulAnnouncement, corroborates } = evidence;
    if (!doubtfulAnnouncement || !corroborates) return undefined;
    const doubtful: { paragraph: Paragraph; sentence: Sentence; first: number; strength: number }[] = [];
    this.leadSentences(rule, paragraphs, (paragraph, sentence, previous, first) => {
      const strength = doubtfulAnnouncement(rule.id, sentence, previous);
      if (strength > 0 && learnedHeadsRead(sentence, learnedUnless)) doubtful.push({ paragraph, sentence, first, strength });
      return true;
    });
    if (doubtful.length === 0) return undefined;
    const requirements = rule.requires.map((requirement) => ({ id: requirement.id, unless: requirement.unless && this.terms(requirement.unless) }));
    const corroborating: Sentence[] = [];
    for (const paragraph of paragraphs) {
      for (const [index, sentence] of paragraph.sentences.entries()) {
        if (isQuestion(sentence)) continue;
        const confirms = requirements.some(({ id, unless }) => unless?.find(sentence.tokens) === undefined && corroborates(rule.id, id, sentence, paragraph.sentences[index - 1]));
        if (confirms) corroborating.push(sentence);
        // Two are enough: whichever sentence announces, the other confirms it.
        if (corroborating.length === 2) break;
      }
      if (corroborating.length === 2) break;
    }
    // A sentence does not confirm itself: the cut and its element are two things the memo says.
    const confirmed = doubtful.filter((candidate) => corroborating.some((sentence) => sentence !== candidate.sentence));
    if (confirmed.length === 0) return undefined;
    // The strongest reading, not the first: a doubtful tier also reads the sentences around the cut.
    const strongest = confirmed.reduce((best, candidate) => (candidate.strength > best.strength ? candidate : best));
    return this.wholeSentence(rule, severity, strongest);
  }

  /** Whether some sentence of a `lead_only` rule's lead holds one of its `lead_topic` terms. */
  private leadOnTopic(rule: DocumentRule, paragraphs: Paragraph[], topic: TermSet): boolean {
    let found = false;
    this.leadSentences(rule, paragraphs, (_paragraph, sentence) => !(found = topic.find(sentence.tokens) !== undefined));
    return found;
  }

  /** Calls `visit` on each sentence with a word, in order, within the lead for a `lead_only` rule, until it returns false. */
  private leadSentences(rule: DocumentRule, paragraphs: Paragraph[], visit: (paragraph: Paragraph, sentence: Sentence, previous: Sentence | undefined, first: number) => boolean): void {
    for (const paragraph of paragraphs) {
      for (const [index, sentence] of paragraph.sentences.entries()) {
        const first = firstContentToken(sentence);
        if (first < 0) continue;
        if (rule.leadOnly === true && sentence.tokens[first].start >= LEAD_CHARACTERS) return;
        if (!visit(paragraph, sentence, paragraph.sentences[index - 1], first)) return;
      }
    }
  }

  private wholeSentence(rule: DocumentRule, severity: Severity, { paragraph, sentence, first }: { paragraph: Paragraph; sentence: Sentence; first: number }): Match {
    const entry: IndexEntry = { rule, pattern: rule.announce[0], needs: [], severity, announce: true };
    return { entry, paragraph, sentence, match: { first, end: lastContentToken(sentence.tokens) + 1, captures: {} } };
  }

  private conditionsHold(conditions: Conditions, sentence: Sentence, paragraph: Paragraph, match: SequenceMatch): boolean {
    const tokens = sentence.tokens;
    if (conditions.near || conditions.alsoNear || conditions.notNear) {
      const scopes = conditions.scope === 'paragraph' ? paragraph.sentences : [sentence];
      const occurs = (list: Element[][]) => scopes.some((scope) => this.occursIn(scope, list));
      if (conditions.near && !occurs(conditions.near)) return false;
      if (conditions.alsoNear && !occurs(conditions.alsoNear)) return false;
      if (conditions.notNear && occurs(conditions.notNear)) return false;
    }
    const before = windowBefore(tokens, match.first, conditions.window ?? WINDOW);
    const after = windowAfter(tokens, match.end, conditions.window ?? WINDOW);
    const inBefore = (list: Element[][]) => this.terms(list).find(tokens, before, match.first) !== undefined;
    const inAfter = (list: Element[][]) => this.terms(list).find(tokens, match.end, after) !== undefined;
    if (conditions.precededBy && !inBefore(conditions.precededBy)) return false;
    if (conditions.unlessPrecededBy && inBefore(conditions.unlessPrecededBy)) return false;
    if (conditions.followedBy && !inAfter(conditions.followedBy)) return false;
    if (conditions.unlessFollowedBy && inAfter(conditions.unlessFollowedBy)) return false;
    // The match and its window, as one stretch: "40 roles in the IAM config will be removed".
    if (conditions.notAround && this.terms(conditions.notAround).find(tokens, before, after) !== undefined) return false;
    return true;
  }

  /** A negation in the same clause, a few words before the match: "AI will not replace our people". */
  private isNegated(tokens: Token[], first: number): boolean {
    const from = windowBefore(tokens, first, NEGATION_WINDOW);
    for (const negation of this.negation.findAll(tokens, from, first)) {
      const exception = this.negationExceptions.find(tokens, negation.first, Math.min(tokens.length, negation.first + 4));
      if (exception === undefined || exception.first !== negation.first) return true;
    }
    return false;
  }

  /** Quoted in order to be rejected: `Some call it a "jobs apocalypse". We don't think so.` */
  private isMention(text: string, paragraph: Paragraph, sentence: Sentence, match: SequenceMatch): boolean {
    return this.mentions.isMention(text, paragraph, sentence, match.first, match.end);
  }

  private checkDocument(
    text: string,
    lines: LineIndex,
    paragraphs: Paragraph[],
    rule: DocumentRule,
    severity: Severity,
    announced: Match,
    evidence?: DocumentEvidence,
  ): { check: DocumentCheck; finding?: Finding } {
    const tokens = announced.sentence.tokens;
    const isWord = (token: Token) => token.kind === 'word' || token.kind === 'number';
    const first = tokens.findIndex(isWord);
    const last = lastContentToken(tokens);
    const requirements = rule.requires.map((requirement) => {
      const terms = this.terms(requirement.terms);
      const unless = requirement.unless === undefined ? undefined : this.terms(requirement.unless);
      for (const paragraph of paragraphs) {
        for (const [index, sentence] of paragraph.sentences.entries()) {
          // A question asks for an element ("Who made this decision?", "Will there be severance?");
          // only an answer gives it.
          if (isQuestion(sentence)) continue;
          // What the sentence is about rules it out, for the terms and the heads alike.
          if (unless?.find(sentence.tokens) !== undefined) continue;
          // Any occurrence that is not negated counts ("no question about severance: severance is 12 weeks").
          const found = terms.findAll(sentence.tokens).find((match) => !this.isNegated(sentence.tokens, match.first));
          if (found !== undefined) {
            return { id: requirement.id, says: requirement.says, met: { start: sentence.tokens[found.first].start, end: sentence.tokens[found.end - 1].end } };
          }
          if (evidence?.meets(rule.id, requirement.id, sentence, paragraph.sentences[index - 1])) {
            const words = sentence.tokens.filter((token) => token.kind === 'word' || token.kind === 'number');
            if (words.length > 0) return { id: requirement.id, says: requirement.says, met: { start: words[0].start, end: words.at(-1)!.end } };
          }
        }
      }
      return { id: requirement.id, says: requirement.says };
    });
    const check: DocumentCheck = { ruleId: rule.id, announcement: { start: tokens[first].start, end: tokens[last].end }, requirements };
    const missing = rule.requires.filter((_, index) => requirements[index].met === undefined);
    if (missing.length === 0) return { check };
    const says = missing.map((requirement) => requirement.says);
    const joined = says.length === 1 ? says[0] : `${says.slice(0, -1).join(', ')} or ${says.at(-1)}`;
    const present = requirements.filter((requirement) => requirement.met !== undefined);
    const has = present.length === 0 ? '' : `; it does ${present.map((requirement) => `${requirement.says.replace(/^(\S+)s\b/, '$1')} (line ${lines.pointAt(requirement.met!.start).line})`).join(' and ')}`;
    // Placed on the whole announcing sentence: the fix is to add to the text, not to reword a phrase.
    const whole: Match = { ...announced, match: { first, end: last + 1, captures: {} } };
    // A requirement may cap the finding (a missing acknowledgment alone is a nudge), and so may a
    // short text (a line or two is not the whole announcement); the configured severity is the most it can be.
    let cap = missing.some((requirement) => requirement.severity === undefined) ? severityRank[severity] : Math.max(...missing.map((requirement) => severityRank[requirement.severity!]));
    if (rule.minWords !== undefined && wordCount(text) < rule.minWords) cap = severityRank.info;
    const capped = (['info', 'warning', 'error'] as const)[Math.min(severityRank[severity], cap) - 1];
    const finding = this.toFinding(text, lines, whole, { missing: joined, present: has }, capped);
    // The announcing sentence followed by an example sentence for each missing element, so taking
    // the suggestion supplies them all (the text's own full stop ends the last one).
    const additions = missing.map((requirement) => requirement.add).filter((add): add is string => add !== undefined);
    if (additions.length > 0) finding.suggestions = [`${finding.actual}. ${additions.join(' ').replace(/[.!?]$/, '')}`];
    return { check, finding };
  }

  private toFinding(text: string, lines: LineIndex, found: Match, extra: Record<string, string> = {}, severity = found.entry.severity): Finding {
    const { entry, sentence, match } = found;
    const rule = entry.rule;
    const start = sentence.tokens[match.first].start;
    const end = sentence.tokens[match.end - 1].end;
    const actual = text.slice(start, end);
    const values: Record<string, string> = { ...extra, actual, ...captureTexts(text, match.captures) };
    const startsSentence = sentence.tokens.findIndex((token) => token.kind === 'word' || token.kind === 'number') === match.first;
    const capitalise = startsSentence && /^\p{Lu}/u.test(actual);
    const templates = (rule.scope === 'phrase' ? entry.pattern.suggestions : undefined) ?? rule.suggestions;
    const suggestions = templates
      .map((template) => render(template, values))
      .filter((rendered): rendered is string => rendered !== undefined)
      .map((rendered) => (capitalise ? rendered.charAt(0).toUpperCase() + rendered.slice(1) : rendered));
    const finding: Finding = {
      ruleId: rule.id,
      category: rule.category,
      severity,
      message: render(rule.message, values, true) ?? rule.message,
      start: lines.pointAt(start),
      end: lines.pointAt(end),
      actual,
      suggestions,
      url: rule.url ?? `${RULES_DOCS_URL}#${rule.id}`,
    };
    const template = rule.scope === 'phrase' ? (entry.pattern.fix ?? (rule.fix ? rule.suggestions[0] : undefined)) : undefined;
    const replacement = template === undefined || !plainSpan(text, sentence.tokens, match) ? undefined : render(template, values);
    if (replacement !== undefined) {
      finding.fix = { range: [start, end], text: capitalise ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement };
      if (!finding.suggestions.includes(finding.fix.text)) finding.suggestions.unshift(finding.fix.text);
    }
    return finding;
  }
}

// The keys a word of raw text brings to the pre-filters (this engine's mayMatch and the scorer
// gate's), remembered per spelling: they read every word of a long document, most of them many
// times over. Bounded, so a text of unique words cannot grow it.
const keysOfWord = new Map<string, readonly string[]>();
const KEYS_REMEMBERED = 50_000;

/**
 * What a pattern may find at a word of raw text, as TermSet.candidates asks of a token: key and
 * base, and whether a number or a role may start there. For the word as a whole and for each token
 * the tokenizer makes of it, since it cuts some words apart ("180-person" is 180, -, person).
 */
export function rawWordKeys(word: string): readonly string[] {
  let keys = keysOfWord.get(word);
  if (keys) return keys;
  const key = normalizeWord(word);
  const probes: Token[] = [{ text: word, key, base: possessiveBase(key), kind: /^\d/.test(key) || isNumberWord(key) ? 'number' : 'word', transparent: false, start: 0, end: 0 }];
  tokenizeRun(word, 0, probes);
  const found = new Set<string>();
  for (const probe of probes) {
    if (probe.kind !== 'word' && probe.kind !== 'number') continue;
    found.add(probe.key).add(probe.base);
    if (startsNumber(probe)) found.add(NUMBER_KEY);
    if (isAgentNoun(probe)) found.add(AGENT_KEY);
  }
  keys = [...found];
  if (keysOfWord.size >= KEYS_REMEMBERED) keysOfWord.clear();
  keysOfWord.set(word, keys);
  return keys;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}


/**
 * True when the matched words are separated by nothing but spaces and tabs: no quotes, emphasis,
 * links, HTML or line ends inside the span, which an unattended fix would otherwise delete.
 */
function plainSpan(text: string, tokens: Token[], match: SequenceMatch): boolean {
  for (let index = match.first; index < match.end; index++) {
    const token = tokens[index];
    if (token.transparent || token.kind === 'break') return false;
    if (index > match.first && !/^[ \t]*$/.test(text.slice(tokens[index - 1].end, token.start))) return false;
  }
  return true;
}

function captureTexts(text: string, captures: Captures): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, [start, end]] of Object.entries(captures)) values[name] = text.slice(start, end);
  return values;
}

/** Closing marks, with their openers: a sentence ends after one only when it opened inside it. */
const closers = new Map([[')', '('], [']', '['], ['\u201d', '\u201c'], ['\u2019', '\u2018'], ['"', '"'], ["'", "'"]]);

/**
 * The index of a sentence's last word or number, with the marks that belong to it: a unit ("up
 * from 37%" ends after the "%")
 * and a bracket or quote closing what opened in the sentence ("(up 3%)"); -1 if none.
 */
function lastContentToken(tokens: readonly Token[]): number {
  const first = tokens.findIndex((token) => token.kind === 'word' || token.kind === 'number');
  let last = tokens.findLastIndex((token) => token.kind === 'word' || token.kind === 'number');
  while (last >= 0 && last + 1 < tokens.length && tokens[last + 1].kind === 'punct') {
    const mark = tokens[last + 1].text;
    const opener = closers.get(mark);
    if (!UNIT_MARKS.has(mark) && (opener === undefined || !opensWithin(tokens, first, last, opener, mark))) break;
    last++;
  }
  return last;
}

/** Whether tokens[from..to] leave `opener` open (for a straight quote, an odd count). */
function opensWithin(tokens: readonly Token[], from: number, to: number, opener: string, closer: string): boolean {
  let open = 0;
  for (let index = from; index <= to; index++) {
    if (tokens[index].text === opener) open = opener === closer ? 1 - open : open + 1;
    else if (tokens[index].text === closer) open = Math.max(0, open - 1);
  }
  return open > 0;
}

/** Index of a sentence's first word or number, or -1 when it has none. */
function firstContentToken(sentence: Sentence): number {
  return sentence.tokens.findIndex((token) => token.kind === 'word' || token.kind === 'number');
}

/** Whether a sentence is in the lead of a `lead_only` rule: its first word or number starts within LEAD_CHARACTERS. */
export function startsInLead(sentence: Sentence): boolean {
  const first = firstContentToken(sentence);
  return first >= 0 && sentence.tokens[first].start < LEAD_CHARACTERS;
}

/**
 * Whether a document rule's announce head is asked about a sentence: not a question (it asks for
 * an element; only an answer gives one) and holding none of the rule's `learned_unless` terms.
 * Training (scripts/train.mjs) chooses the heads' thresholds on exactly these sentences.
 */
export function learnedHeadsRead(sentence: Sentence, learnedUnless: TermSet | undefined): boolean {
  return !isQuestion(sentence) && learnedUnless?.find(sentence.tokens) === undefined;
}

/** Fills `{placeholders}`; undefined when one has no value (a suggestion then is left out). */
export function render(template: string, values: Record<string, string>, lenient = false): string | undefined {
  let complete = true;
  const rendered = template.replace(/\{([a-z][a-z0-9-]*)\}/g, (_, name: string) => {
    if (values[name] !== undefined) return values[name];
    complete = false;
    return '';
  });
  if (!complete && !lenient) return undefined;
  return rendered.replace(/ {2,}/g, ' ').trim();
}


const wordPattern = new RegExp(WORD_RUN.source, 'gu');

// Words too common to tell a paragraph that may match from one that cannot.
const functionWords = new Set(
  ('a an the and or but nor so if then than that this these those there here is are was were be been being am ' +
    'do does did have has had will would shall should can could may might must to of in on at by for with from ' +
    'into onto over under about after before as it its i we you he she they me us him her them my our your their ' +
    'his not no all any each every some most more many much few one who what which when where why how just only ' +
    'also new first up out off now very too')
    .split(' '),
);

/**
 * The key sets of every pattern and requirement term of these rules, whatever their severity, and
 * of every sequence of the scorer rules' gates (see gateSequences): what the build stores as
 * `keySets` beside the compiled packs (scripts/check-rules.mjs).
 */
export function phraseKeySets(compiled: CompiledRules): Map<Element[], KeySets> {
  const stored = new Map<Element[], KeySets>();
  const add = (elements: Element[]) => {
    if (!stored.has(elements)) stored.set(elements, keySets(elements));
  };
  for (const rule of compiled.rules) {
    if (rule.scope === 'scorer') {
      for (const term of [...rule.gate, ...rule.gateStrict]) for (const sequence of gateSequences(term)) add(sequence);
      continue;
    }
    for (const pattern of rule.scope === 'document' ? rule.announce : rule.patterns) add(pattern.elements);
    if (rule.scope === 'document') for (const requirement of rule.requires) for (const term of requirement.terms) add(term);
  }
  return stored;
}

/**
 * The sequences a gate term matches by, for a pre-filter: a vocabulary (one group of hundreds of
 * alternatives) is each of its alternatives, so each is looked for under its own rarest word.
 */
export function gateSequences(term: Element[]): Element[][] {
  return term.length === 1 && term[0].type === 'choice' && !term[0].optional ? term[0].alternatives : [term];
}

/** What a sequence needs of a text (see requiredKeySets), and its most selective need. */
export function keySets(elements: Element[]): KeySets {
  const needs = requiredKeySets(elements);
  return { needs, selective: mostSelective(needs) };
}

/**
 * For each required element of a sequence, the keys one of which the text must contain for the
 * sequence to match. A group needs, for some alternative, everything that alternative needs;
 * that is summarised as the union of each alternative's most selective keys.
 */
function requiredKeySets(elements: Element[]): Set<string>[] {
  // The constructor asks twice per pattern (index entry and prefilter); shared sequences more.
  const cached = requiredSetsCache.get(elements);
  if (cached) return cached;
  const needs: Set<string>[] = [];
  for (const element of elements) {
    if (element.optional || element.type === 'any' || element.type === 'gap') continue;
    needs.push(requiredKeys(element));
  }
  // Only optional elements: one of them must match, whichever it is.
  if (needs.length === 0) needs.push(new Set(elements.flatMap((element) => [...requiredKeys(element)])));
  requiredSetsCache.set(elements, needs);
  return needs;
}

const requiredSetsCache = new WeakMap<Element[], Set<string>[]>();
const requiredCache = new WeakMap<Element[][], Set<string>>();

function requiredKeys(element: Element): Set<string> {
  switch (element.type) {
    case 'word':
      return element.forms;
    case 'number':
      return new Set([NUMBER_KEY]);
    case 'choice': {
      let keys = requiredCache.get(element.alternatives);
      if (!keys) {
        keys = new Set<string>();
        for (const alternative of element.alternatives) for (const key of mostSelective(requiredKeySets(alternative))) keys.add(key);
        requiredCache.set(element.alternatives, keys);
      }
      return keys;
    }
    case 'agent':
      return new Set([AGENT_KEY]);
    case 'any':
    case 'gap':
      return new Set();
  }
}

/**
 * The block pre-filter of a set of rules. A pattern needs its own words and, in the same block, a
 * term of each condition list that must find one (near, also_near, preceded_by, followed_by):
 * "the team" matters only where "automate away" is in the block too. A requirement's term is
 * most often one vocabulary, so each alternative is looked for under its own rarest word ("you
 * can now" needs all three), not under the union of every alternative's. Each entry is indexed
 * under the keys of its most selective need.
 */
export function blockPrefilter(rules: readonly CompiledRule[], keySetsOf: (elements: Element[]) => KeySets = keySets): BlockPrefilter {
  const prefilter: BlockPrefilter = new Map();
  const add = (needs: AnyOf[]) => {
    for (const keys of mostSelectiveNeed(needs)) {
      for (const key of keys) {
        const list = prefilter.get(key);
        if (list) list.push(needs);
        else prefilter.set(key, [needs]);
      }
    }
  };
  const requirementSequences = new Set<Element[]>();
  for (const rule of rules) {
    if (rule.scope === 'scorer') continue;
    for (const pattern of rule.scope === 'document' ? rule.announce : rule.patterns) {
      add([...keySetsOf(pattern.elements).needs.map((keys) => [keys]), ...conditionNeeds(pattern.conditions, keySetsOf)]);
    }
    if (rule.scope === 'document') {
      for (const requirement of rule.requires) for (const term of requirement.terms) for (const sequence of gateSequences(term)) requirementSequences.add(sequence);
    }
  }
  for (const sequence of requirementSequences) add(keySetsOf(sequence).needs.map((keys) => [keys]));
  return prefilter;
}

/** The condition lists a match needs a term of (sentence or paragraph, so within its block). */
const requiredConditionLists = (conditions: Conditions): (Element[][] | undefined)[] => [conditions.near, conditions.alsoNear, conditions.precededBy, conditions.followedBy];

/**
 * For each condition list that must find a term, each term's most selective keys, one of which a
 * block must hold. A list with a term that needs nothing sets no need.
 */
function conditionNeeds(conditionSets: readonly Conditions[], keySetsOf: (elements: Element[]) => KeySets): AnyOf[] {
  const needs: AnyOf[] = [];
  for (const conditions of conditionSets) {
    for (const list of requiredConditionLists(conditions)) {
      if (!list) continue;
      const sets = list.map((term) => keySetsOf(term).selective);
      if (!sets.every((keys) => keys !== undefined && keys.size > 0)) continue;
      // One set of each content: separate terms that need the same words have equal sets.
      const distinct = new Map<string, Set<string>>();
      for (const keys of sets) distinct.set([...keys].sort().join(' '), keys);
      needs.push([...distinct.values()]);
    }
  }
  return needs;
}

/** The need least likely to be met by ordinary prose: fewest function words, then fewest keys. */
function mostSelectiveNeed(needs: AnyOf[]): AnyOf {
  return cheapest(needs, (anyOf) => anyOf.reduce((sum, keys) => sum + selectivityCost(keys), 0));
}

/** The key set least likely to occur in ordinary prose: fewest function words, then fewest keys. */
function mostSelective(needs: Set<string>[]): Set<string> {
  return cheapest(needs, selectivityCost);
}

/** The first item of least cost. */
function cheapest<T>(items: T[], cost: (item: T) => number): T {
  let best = items[0];
  let bestCost = Infinity;
  for (const item of items) {
    const itemCost = cost(item);
    if (itemCost < bestCost) {
      best = item;
      bestCost = itemCost;
    }
  }
  return best;
}

/** How likely ordinary prose is to hold one of these keys, in order only (remembered per set). */
function selectivityCost(keys: Set<string>): number {
  let cost = costs.get(keys);
  if (cost === undefined) {
    let common = (keys.has(NUMBER_KEY) ? 1 : 0) + (keys.has(AGENT_KEY) ? 1 : 0);
    for (const key of keys) if (functionWords.has(key)) common++;
    cost = common * 100_000 + keys.size;
    costs.set(keys, cost);
  }
  return cost;
}

const costs = new WeakMap<Set<string>, number>();

function sentenceWords(tokens: Token[]): Set<string> {
  const words = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'word' && token.kind !== 'number') continue;
    words.add(token.key);
    words.add(token.base);
    if (startsNumber(token)) words.add(NUMBER_KEY);
    if (isAgentNoun(token)) words.add(AGENT_KEY);
  }
  return words;
}

/**
 * Whether some key of a set occurs among `words`, remembered per set for one text: patterns share
 * their key sets (every pattern with @people holds the same one), so a long block asks the same
 * question of them many times.
 */
export function occurrenceTest(words: Set<string>): (keys: Set<string>) => boolean {
  const known = new Map<Set<string>, boolean>();
  return (keys) => {
    let found = known.get(keys);
    if (found === undefined) {
      found = intersects(keys, words);
      known.set(keys, found);
    }
    return found;
  };
}

function intersects(a: Set<string>, b: Set<string>): boolean {
  // No destructured pair: this runs for every candidate pattern of every word.
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  for (const key of small) if (large.has(key)) return true;
  return false;
}
