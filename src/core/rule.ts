// The rule file schema (rules/FORMAT.md) and the compiler from YAML data to matchers. Pure: the
// data arrives as plain objects with the line of every key, from the build or a loader.
import { TonelintError, closestName } from './errors.js';
import { categories, type Category, type Severity } from './finding.js';
import { PatternError, checkPattern, parsePattern, type Element } from './match/pattern.js';

export interface RuleSource {
  /** `rules/<category>/<id>.yml` */
  file: string;
  data: unknown;
  /** 1-based line of each key path (`patterns.2`, `examples.flags.0`). */
  lines: Record<string, number>;
}

export type Scope = 'sentence' | 'paragraph';

export interface Conditions {
  near?: Element[][];
  /** A second list, one of whose terms must also occur (near AND also_near). */
  alsoNear?: Element[][];
  notNear?: Element[][];
  scope: Scope;
  precededBy?: Element[][];
  unlessPrecededBy?: Element[][];
  followedBy?: Element[][];
  unlessFollowedBy?: Element[][];
  /** No term occurs in the match itself or within `window` words either side of it. */
  notAround?: Element[][];
  /** Words either side that preceded_by, followed_by and not_around look at (default 3). */
  window?: number;
}

export interface CompiledPattern {
  source: string;
  /** A safe rewrite for matches of this pattern only, applied by --fix. */
  fix?: string;
  /** Rewrites for matches of this pattern, in place of the rule's. */
  suggestions?: string[];
  /** Overrides the rule's `negation` for this pattern. */
  negation?: 'respect' | 'ignore';
  /** Overrides the rule's `reported` for this pattern. */
  reported?: 'respect' | 'ignore';
  elements: Element[];
  /** Token keys the first element can match (the phrase index keys). */
  anchors: string[];
  conditions: Conditions[];
}

export interface Requirement {
  /** A name for what is required (`acknowledgment`), used in summaries. */
  id: string;
  says: string;
  terms: Element[][];
  /** An example sentence that supplies what is missing, added after the announcing sentence. */
  add?: string;
  /** The most a finding missing only requirements like this one may be (e.g. `info`). */
  severity?: Severity;
  /** Terms that keep a sentence from meeting the requirement ("two vessels for redeployment"). */
  unless?: Element[][];
}

/** What a rule file describes, shared by the compiled rule and its documentation. */
interface RuleDescription {
  id: string;
  category: Category;
  severity: Severity;
  summary: string;
  rationale: string;
  message: string;
  suggestions: string[];
  examples: { flags: string[]; passes: string[] };
}

export interface RuleMeta extends RuleDescription {
  /** The rule's `fix: true`: its first suggestion is safe to apply to every match. */
  fix: boolean;
  url?: string;
  negation: 'respect' | 'ignore';
  /** `respect`: a match in someone else's words, reported and rebutted ("Management told us ... We reject that."), does not count. Announce patterns of document rules never read it (Engine#counts). */
  reported: 'respect' | 'ignore';
  file: string;
}

/** A rule as documentation: what listRules() returns and rules/README.md renders. */
export interface RuleInfo extends RuleDescription {
  /** Whether --fix can rewrite some of its matches unattended. */
  fix: boolean;
  url: string;
  /** `rules/<category>/<id>.yml` */
  source: string;
  /** `document` rules look at the whole text at once; `scorer` rules report the learned scorer (see rules/FORMAT.md). */
  scope: 'phrase' | 'document' | 'scorer';
}

export function ruleInfo(rule: CompiledRule, docsUrl: string): RuleInfo {
  return {
    id: rule.id,
    category: rule.category,
    severity: rule.severity,
    summary: rule.summary,
    rationale: rule.rationale,
    message: rule.message,
    suggestions: rule.suggestions,
    fix: rule.fix || (rule.scope === 'phrase' && rule.patterns.some((pattern) => pattern.fix !== undefined)),
    url: rule.url ?? `${docsUrl}#${rule.id}`,
    examples: rule.examples,
    source: rule.file,
    scope: rule.scope,
  };
}

export interface PhraseRule extends RuleMeta {
  scope: 'phrase';
  patterns: CompiledPattern[];
}

export interface DocumentRule extends RuleMeta {
  scope: 'document';
  announce: CompiledPattern[];
  requires: Requirement[];
  /** Announcements count only in the title and opening paragraph (see LEAD_CHARACTERS). */
  leadOnly?: boolean;
  /** Texts shorter than this many words get at most an `info` finding: a snippet is not the whole announcement. */
  minWords?: number;
  /** A sentence the learned heads read as announcing does not count when one of these occurs in it. */
  learnedUnless?: Element[][];
  /**
   * For a `lead_only` rule: once a lead sentence holds one of these, the learned heads read the
   * whole lead, so a bullet of scores under "our new transcription model" counts as its lead.
   */
  leadTopic?: Element[][];
}

/** The learned scorer's findings for one category: the rule holds the words, the model the judgement. */
export interface ScorerRule extends RuleMeta {
  scope: 'scorer';
  /** Sentences the scorer reads: only those with one of these terms (people, work or AI). */
  gate: Element[][];
  /** Terms that admit a sentence too, but only to the strict threshold ("you", "they"). */
  gateStrict: Element[][];
}

export type CompiledRule = PhraseRule | DocumentRule | ScorerRule;

export interface CompiledRules {
  rules: CompiledRule[];
  vocabularies: Map<string, Element[][]>;
  /**
   * The phrase index's key sets of every pattern and requirement term, keyed by its elements
   * (see phraseKeySets in engine.ts). The build stores them with the packs so a start-up does not
   * derive them again; without them the engine derives them.
   */
  keySets?: Map<Element[], KeySets>;
  /**
   * The engine's block pre-filter over `rules` (see blockPrefilter in engine.ts), stored by the
   * build likewise; the engine uses it only while `rules` is still that very list.
   */
  prefilter?: { rules: CompiledRule[]; index: BlockPrefilter };
}

/** Key sets one of which must meet a text: a required element's, or each term's of a condition list. */
export type AnyOf = readonly Set<string>[];

/** What `Engine#mayMatch` looks up: under a key, the needs of each pattern or requirement term indexed there. */
export type BlockPrefilter = Map<string, AnyOf[][]>;

/** What a sequence needs for the phrase index: the key sets it requires, and the most selective of them. */
export interface KeySets {
  needs: Set<string>[];
  selective: Set<string>;
}

const severities: readonly Severity[] = ['error', 'warning', 'info'];
const conditionKeys = ['near', 'also_near', 'not_near', 'scope', 'preceded_by', 'unless_preceded_by', 'followed_by', 'unless_followed_by', 'not_around', 'window'] as const;
const phraseKeys = ['id', 'category', 'severity', 'summary', 'patterns', 'conditions', 'message', 'rationale', 'suggestions', 'fix', 'examples', 'negation', 'reported', 'url'];
const documentKeys = ['id', 'category', 'severity', 'scope', 'summary', 'announce', 'learned_unless', 'lead_only', 'lead_topic', 'min_words', 'requires', 'message', 'rationale', 'suggestions', 'fix', 'examples', 'negation', 'url'];
const scorerKeys = ['id', 'category', 'severity', 'scope', 'summary', 'gate', 'gate_strict', 'message', 'rationale', 'suggestions', 'fix', 'examples', 'url'];
/** What a scorer rule's message and suggestions may say (filled in by core/scorer/findings.ts). */
export const scorerPlaceholders = ['actual', 'confidence', 'cues', 'example', 'rewrite'] as const;
const vocabularyKeys = ['name', 'summary', 'terms'];
const placeholder = /\{([a-z][a-z0-9-]*)\}/g;

/** Collects every problem in a pack before failing, so a writer fixes them in one go. */
class Problems {
  readonly list: string[] = [];
  constructor(private readonly source: RuleSource) {}
  add(path: string, message: string): void {
    const line = lineOf(this.source.lines, path);
    this.list.push(`${this.source.file}:${line}: ${message}`);
  }
}

function lineOf(lines: Record<string, number>, path: string): number {
  for (let probe = path; probe; probe = probe.includes('.') ? probe.slice(0, probe.lastIndexOf('.')) : '') {
    if (lines[probe] !== undefined) return lines[probe];
  }
  return 1;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const respectOrIgnore = (value: unknown): 'respect' | 'ignore' | undefined => (value === 'respect' || value === 'ignore' ? value : undefined);
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string' && item.trim() !== '');

function checkKeys(data: Record<string, unknown>, allowed: readonly string[], prefix: string, problems: Problems): void {
  for (const key of Object.keys(data)) {
    if (!allowed.includes(key)) {
      const hint = closestName(key, allowed);
      problems.add(prefix ? `${prefix}.${key}` : key, `unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
    }
  }
}

function requireString(data: Record<string, unknown>, key: string, problems: Problems): string {
  const value = data[key];
  if (typeof value !== 'string' || value.trim() === '') {
    problems.add(key, `"${key}" must be a non-empty string`);
    return '';
  }
  return value.trim();
}

function kindOf(file: string): 'vocabulary' | 'rule' {
  return /(^|\/)vocabulary\//.test(file) ? 'vocabulary' : 'rule';
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1).replace(/\.ya?ml$/, '');
}

/** Validates and compiles rule and vocabulary sources; throws one RuleInvalid error listing every problem. */
export function compileRules(sources: RuleSource[]): CompiledRules {
  const problems: string[] = [];
  const vocabularyTerms = new Map<string, { terms: string[]; source: RuleSource }>();
  for (const source of sources.filter((s) => kindOf(s.file) === 'vocabulary')) {
    const found = new Problems(source);
    if (!isRecord(source.data)) {
      found.add('', 'a vocabulary file must be a mapping with name, summary and terms');
    } else {
      checkKeys(source.data, vocabularyKeys, '', found);
      const name = requireString(source.data, 'name', found);
      requireString(source.data, 'summary', found);
      if (name && name !== baseName(source.file)) found.add('name', `name "${name}" must equal the file name "${baseName(source.file)}"`);
      if (!isStringList(source.data.terms) || source.data.terms.length === 0) found.add('terms', '"terms" must be a non-empty list of strings');
      else if (name) vocabularyTerms.set(name, { terms: source.data.terms, source });
    }
    problems.push(...found.list);
  }

  // Vocabularies compile on first use; a vocabulary may not refer to another (no cycles to chase).
  const vocabularies = new Map<string, Element[][]>();
  const resolveVocabulary = (name: string): Element[][] | undefined => {
    const cached = vocabularies.get(name);
    if (cached) return cached;
    const entry = vocabularyTerms.get(name);
    if (!entry) return undefined;
    const found = new Problems(entry.source);
    const compiled: Element[][] = [];
    entry.terms.forEach((term, index) => {
      try {
        const elements = parsePattern(term, () => {
          throw new PatternError('a vocabulary term cannot refer to another vocabulary');
        });
        checkPattern(elements);
        compiled.push(elements);
      } catch (error) {
        if (!(error instanceof PatternError)) throw error;
        found.add(`terms.${index}`, `term "${term}": ${error.message}`);
      }
    });
    problems.push(...found.list);
    vocabularies.set(name, compiled);
    return compiled;
  };

  const rules: CompiledRule[] = [];
  const seen = new Set<string>();
  for (const source of sources.filter((s) => kindOf(s.file) === 'rule')) {
    const found = new Problems(source);
    const rule = compileRule(source, found, resolveVocabulary);
    if (rule) {
      if (seen.has(rule.id)) found.add('id', `duplicate rule id "${rule.id}"`);
      seen.add(rule.id);
      rules.push(rule);
    }
    problems.push(...found.list);
  }
  // Compile every vocabulary, used or not, so a broken term is reported where it is written.
  for (const name of vocabularyTerms.keys()) resolveVocabulary(name);
  if (problems.length > 0) throw new TonelintError('RuleInvalid', problems.join('\n'));
  return { rules, vocabularies };
}

function compileRule(source: RuleSource, problems: Problems, resolve: (name: string) => Element[][] | undefined): CompiledRule | undefined {
  const data = source.data;
  if (!isRecord(data)) {
    problems.add('', 'a rule file must be a mapping (see rules/FORMAT.md)');
    return undefined;
  }
  const isDocument = data.scope === 'document';
  const isScorer = data.scope === 'scorer';
  if (data.scope !== undefined && !isDocument && !isScorer) problems.add('scope', `"scope" is "document", "scorer" or absent, not "${String(data.scope)}"`);
  checkKeys(data, isDocument ? documentKeys : isScorer ? scorerKeys : phraseKeys, '', problems);

  const id = requireString(data, 'id', problems);
  if (id && id !== baseName(source.file)) problems.add('id', `id "${id}" must equal the file name "${baseName(source.file)}"`);
  if (id && !/^[a-z][a-z0-9-]*$/.test(id)) problems.add('id', `id "${id}" must be lower-case words joined by hyphens`);
  const category = requireString(data, 'category', problems) as Category;
  if (category && !categories.includes(category)) problems.add('category', `unknown category "${category}" (${categories.join(', ')})`);
  const folder = source.file.split('/').at(-2);
  if (category && folder && folder !== category) problems.add('category', `category "${category}" must match the folder "${folder}"`);
  const severity = requireString(data, 'severity', problems) as Severity;
  if (severity && !severities.includes(severity)) problems.add('severity', `severity is one of ${severities.join(', ')}, not "${severity}"`);
  const summary = requireString(data, 'summary', problems);
  const rationale = requireString(data, 'rationale', problems);
  const message = requireString(data, 'message', problems);
  if (!isStringList(data.suggestions) || data.suggestions.length === 0) problems.add('suggestions', '"suggestions" must be a non-empty list of strings');
  const suggestions = isStringList(data.suggestions) ? data.suggestions : [];
  if (data.fix !== undefined && typeof data.fix !== 'boolean') problems.add('fix', '"fix" must be true or false');
  if (data.url !== undefined && (typeof data.url !== 'string' || !/^https?:\/\//.test(data.url))) problems.add('url', '"url" must be an http(s) address');
  for (const key of ['negation', 'reported'] as const) {
    if (data[key] !== undefined && respectOrIgnore(data[key]) === undefined) problems.add(key, `"${key}" is "respect" (default) or "ignore"`);
  }

  const examples = { flags: [] as string[], passes: [] as string[] };
  if (!isRecord(data.examples)) problems.add('examples', '"examples" must have "flags" and "passes" lists');
  else {
    checkKeys(data.examples, ['flags', 'passes'], 'examples', problems);
    for (const key of ['flags', 'passes'] as const) {
      const list = data.examples[key];
      if (!isStringList(list) || list.length < 3) problems.add(`examples.${key}`, `"examples.${key}" needs at least 3 examples`);
      else examples[key] = list;
    }
  }

  const compilePatternList = (key: string, value: unknown, shared: Conditions | undefined): CompiledPattern[] => {
    if (!Array.isArray(value) || value.length === 0) {
      problems.add(key, `"${key}" must be a non-empty list`);
      return [];
    }
    const compiled: CompiledPattern[] = [];
    value.forEach((item, index) => {
      const path = `${key}.${index}`;
      let text: string | undefined;
      let own: Conditions | undefined;
      if (typeof item === 'string') text = item;
      else if (isRecord(item)) {
        checkKeys(item, ['match', 'fix', 'suggestions', 'negation', 'reported', ...conditionKeys], path, problems);
        for (const key of ['negation', 'reported'] as const) {
          if (item[key] !== undefined && respectOrIgnore(item[key]) === undefined) problems.add(`${path}.${key}`, `"${key}" is "respect" or "ignore"`);
        }
        if (item.suggestions !== undefined && (!isStringList(item.suggestions) || item.suggestions.length === 0)) {
          problems.add(`${path}.suggestions`, 'a pattern\'s "suggestions" is a non-empty list of rewrites');
        }
        if (typeof item.match !== 'string') problems.add(path, 'a pattern object needs "match"');
        else text = item.match;
        if (item.fix !== undefined && (typeof item.fix !== 'string' || item.fix.trim() === '')) problems.add(`${path}.fix`, 'a pattern\'s "fix" is the rewrite text');
        own = compileConditions(item, path, problems, resolve);
      } else problems.add(path, 'a pattern is a string or an object with "match"');
      if (text === undefined) return;
      try {
        const elements = parsePattern(text, resolve);
        const anchors = checkPattern(elements);
        const fix = isRecord(item) && typeof item.fix === 'string' ? item.fix : undefined;
        if (fix !== undefined) checkFixPlaceholders(fix, elements, `${path}.fix`, problems);
        const suggestions = isRecord(item) && isStringList(item.suggestions) && item.suggestions.length > 0 ? item.suggestions : undefined;
        if (suggestions) {
          const captures = new Set(['actual']);
          collectCaptures(elements, captures);
          suggestions.forEach((suggestion, index) => checkTemplate(suggestion, [...captures], `${path}.suggestions.${index}`, problems));
        }
        const negation = isRecord(item) ? respectOrIgnore(item.negation) : undefined;
        const reported = isRecord(item) ? respectOrIgnore(item.reported) : undefined;
        compiled.push({ source: text, fix, suggestions, negation, reported, elements, anchors, conditions: [shared, own].filter((c): c is Conditions => c !== undefined) });
      } catch (error) {
        if (!(error instanceof PatternError)) throw error;
        problems.add(path, `pattern "${text}": ${error.message}`);
      }
    });
    return compiled;
  };

  let shared: Conditions | undefined;
  if (data.conditions !== undefined) {
    if (!isRecord(data.conditions)) problems.add('conditions', '"conditions" must be a mapping');
    else {
      checkKeys(data.conditions, conditionKeys, 'conditions', problems);
      shared = compileConditions(data.conditions, 'conditions', problems, resolve);
    }
  }

  const meta = {
    id,
    category,
    severity,
    summary,
    rationale,
    message,
    suggestions,
    fix: data.fix === true,
    url: typeof data.url === 'string' ? data.url : undefined,
    negation: respectOrIgnore(data.negation) ?? 'respect',
    reported: respectOrIgnore(data.reported) ?? 'respect',
    examples,
    file: source.file,
  };

  if (isScorer) {
    if (meta.fix) problems.add('fix', 'a scorer rule cannot fix: its findings need a person to rewrite the sentence');
    const gate = compileTerms(data.gate, 'gate', problems, resolve);
    if (gate.length === 0) problems.add('gate', '"gate" must list the terms a sentence needs before the scorer reads it');
    const gateStrict = data.gate_strict === undefined ? [] : compileTerms(data.gate_strict, 'gate_strict', problems, resolve);
    checkPlaceholders(meta, [...scorerPlaceholders], problems);
    return { ...meta, scope: 'scorer', gate, gateStrict };
  }

  if (isDocument) {
    const announce = compilePatternList('announce', data.announce, shared);
    const requires: Requirement[] = [];
    if (!Array.isArray(data.requires) || data.requires.length === 0) problems.add('requires', '"requires" must be a non-empty list');
    else {
      data.requires.forEach((item, index) => {
        const path = `requires.${index}`;
        if (!isRecord(item) || typeof item.says !== 'string' || !isStringList(item.any)) {
          problems.add(path, 'a requirement has "says" (text) and "any" (a list of terms)');
          return;
        }
        checkKeys(item, ['id', 'says', 'any', 'unless', 'add', 'severity'], path, problems);
        if (item.unless !== undefined && !isStringList(item.unless)) problems.add(`${path}.unless`, '"unless" is a list of terms');
        if (item.severity !== undefined && !severities.includes(item.severity as Severity)) problems.add(`${path}.severity`, `severity is one of ${severities.join(', ')}`);
        if (item.id !== undefined && (typeof item.id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(item.id))) problems.add(`${path}.id`, 'a requirement "id" is lower-case words joined by hyphens');
        if (item.add !== undefined && (typeof item.add !== 'string' || item.add.trim() === '')) problems.add(`${path}.add`, '"add" is an example sentence that supplies what is missing');
        if (typeof item.add === 'string') checkTemplate(item.add, [], `${path}.add`, problems);
        requires.push({
          id: typeof item.id === 'string' ? item.id : `requirement-${index + 1}`,
          says: item.says,
          terms: compileTerms(item.any, `${path}.any`, problems, resolve),
          add: typeof item.add === 'string' ? item.add : undefined,
          severity: severities.includes(item.severity as Severity) ? (item.severity as Severity) : undefined,
          unless: isStringList(item.unless) ? compileTerms(item.unless, `${path}.unless`, problems, resolve) : undefined,
        });
      });
    }
    if (data.lead_only !== undefined && typeof data.lead_only !== 'boolean') problems.add('lead_only', '"lead_only" must be true or false');
    if (data.min_words !== undefined && !(Number.isInteger(data.min_words) && (data.min_words as number) >= 0)) problems.add('min_words', '"min_words" must be a whole number');
    checkPlaceholders(meta, ['actual', 'missing', 'present'], problems);
    const learnedUnless = data.learned_unless === undefined ? undefined : compileTerms(data.learned_unless, 'learned_unless', problems, resolve);
    if (data.lead_topic !== undefined && data.lead_only !== true) problems.add('lead_topic', '"lead_topic" belongs to a rule with "lead_only: true"');
    const leadTopic = data.lead_topic === undefined ? undefined : compileTerms(data.lead_topic, 'lead_topic', problems, resolve);
    return { ...meta, scope: 'document', announce, requires, leadOnly: data.lead_only === true, minWords: typeof data.min_words === 'number' ? data.min_words : undefined, learnedUnless, leadTopic };
  }

  const patterns = compilePatternList('patterns', data.patterns, shared);
  const captures = new Set(['actual']);
  for (const pattern of patterns) collectCaptures(pattern.elements, captures);
  checkPlaceholders(meta, [...captures], problems);
  return { ...meta, scope: 'phrase', patterns };
}

function collectCaptures(elements: Element[], into: Set<string>): void {
  for (const element of elements) {
    if (element.type === 'number') into.add('number');
    if (element.type === 'choice') {
      if (element.capture) into.add(element.capture);
      else for (const alternative of element.alternatives) collectCaptures(alternative, into);
    }
  }
}

/** A safe fix must be complete for every match, so it may only use captures this pattern always makes. */
function checkFixPlaceholders(fix: string, elements: Element[], path: string, problems: Problems): void {
  const always = new Set(['actual']);
  for (const element of elements) {
    if (element.optional) continue;
    if (element.type === 'number') always.add('number');
    if (element.type === 'choice' && element.capture) always.add(element.capture);
  }
  for (const match of fix.matchAll(placeholder)) {
    if (!always.has(match[1])) problems.add(path, `the fix uses {${match[1]}}, which this pattern does not always capture`);
  }
}

function checkTemplate(text: string, allowed: string[], path: string, problems: Problems): void {
  for (const match of text.matchAll(placeholder)) {
    if (!allowed.includes(match[1])) problems.add(path, `unknown placeholder {${match[1]}} (available: ${allowed.map((a) => `{${a}}`).join(', ')})`);
  }
}

function checkPlaceholders(meta: { message: string; suggestions: string[] }, allowed: string[], problems: Problems): void {
  checkTemplate(meta.message, allowed, 'message', problems);
  meta.suggestions.forEach((suggestion, index) => checkTemplate(suggestion, allowed, `suggestions.${index}`, problems));
}

function compileTerms(value: unknown, path: string, problems: Problems, resolve: (name: string) => Element[][] | undefined): Element[][] {
  if (!isStringList(value)) {
    problems.add(path, `"${path.split('.').pop()}" must be a list of terms`);
    return [];
  }
  const terms: Element[][] = [];
  value.forEach((term, index) => {
    try {
      const elements = parsePattern(term, resolve);
      checkPattern(elements);
      terms.push(elements);
    } catch (error) {
      if (!(error instanceof PatternError)) throw error;
      problems.add(`${path}.${index}`, `term "${term}": ${error.message}`);
    }
  });
  return terms;
}

function compileConditions(
  data: Record<string, unknown>,
  path: string,
  problems: Problems,
  resolve: (name: string) => Element[][] | undefined,
): Conditions | undefined {
  const conditions: Conditions = { scope: 'sentence' };
  let any = false;
  if (data.scope !== undefined) {
    if (data.scope !== 'sentence' && data.scope !== 'paragraph') problems.add(`${path}.scope`, '"scope" is "sentence" or "paragraph"');
    else conditions.scope = data.scope;
  }
  const map = [
    ['near', 'near'],
    ['also_near', 'alsoNear'],
    ['not_near', 'notNear'],
    ['preceded_by', 'precededBy'],
    ['unless_preceded_by', 'unlessPrecededBy'],
    ['followed_by', 'followedBy'],
    ['unless_followed_by', 'unlessFollowedBy'],
    ['not_around', 'notAround'],
  ] as const;
  if (data.window !== undefined) {
    if (!Number.isInteger(data.window) || (data.window as number) < 1 || (data.window as number) > 12) problems.add(`${path}.window`, '"window" is a whole number of words from 1 to 12');
    else conditions.window = data.window as number;
  }
  for (const [key, field] of map) {
    if (data[key] === undefined) continue;
    conditions[field] = compileTerms(data[key], `${path}.${key}`, problems, resolve);
    any = true;
  }
  return any ? conditions : undefined;
}
