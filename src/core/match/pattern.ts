// Token patterns: parsed from the rule-file syntax (rules/FORMAT.md) into elements the matcher
// walks. Bounded by construction (no unbounded repetition), so matching is linear in the text.
import { inflections } from './inflect.js';
import { normalizeWord } from './tokens.js';

export type Element =
  | { type: 'word'; forms: Set<string>; optional: boolean }
  | { type: 'choice'; alternatives: Element[][]; optional: boolean; capture?: string }
  | { type: 'number'; optional: boolean; capture: 'number' }
  | { type: 'any'; optional: boolean }
  | { type: 'gap'; optional: boolean; max: number; commas?: boolean }
  /** One word shaped like a plural job title (measurers, adjusters, stock-takers), minus exclusions. */
  | { type: 'agent'; optional: boolean; exclude: Set<string> };

export const NUMBER_KEY = '#number';
/** Index key of tokens shaped like a plural job title (see ROLE_SHAPE). */
export const AGENT_KEY = '#agent';
/** Plural agent nouns: -ers, -ors, -ists, -ians, -eers (hyphenated compounds normalised). */
export const ROLE_SHAPE = /^[a-z][a-z']{2,}(?:ers|ors|ists|ians|eers)$/;
export const MAX_ELEMENTS = 12;
export const MAX_OPTIONAL = 4;
/** `...` in a pattern: up to this many words, within the clause. */
export const GAP_WORDS = 6;

export class PatternError extends Error {}

/** Looks up `@name` vocabularies while a pattern is compiled. */
export type VocabularyResolver = (name: string) => Element[][] | undefined;

type Lexeme = { kind: 'open' | 'close' | 'bar' | 'atom'; text: string; optional: boolean };

function lex(source: string): Lexeme[] {
  const lexemes: Lexeme[] = [];
  const re = /\s*(?:(\[)|(\])(\?)?|(\|)|([^\s[\]|]+))\s*/y;
  let position = 0;
  while (position < source.length) {
    re.lastIndex = position;
    const match = re.exec(source);
    if (match === null) {
      if (/^\s*$/.test(source.slice(position))) break;
      throw new PatternError(`cannot read "${source.slice(position).trim()}"`);
    }
    if (match[1]) lexemes.push({ kind: 'open', text: '[', optional: false });
    else if (match[2]) lexemes.push({ kind: 'close', text: ']', optional: Boolean(match[3]) });
    else if (match[4]) lexemes.push({ kind: 'bar', text: '|', optional: false });
    else {
      const raw = match[5];
      const optional = raw.endsWith('?') && raw.length > 1;
      lexemes.push({ kind: 'atom', text: optional ? raw.slice(0, -1) : raw, optional });
    }
    position = re.lastIndex;
  }
  return lexemes;
}

function wordElement(raw: string, optional: boolean): Element {
  const inflect = raw.endsWith('~');
  const word = inflect ? raw.slice(0, -1) : raw;
  if (!/^[\p{L}\p{N}][\p{L}\p{M}\p{N}'\u2019-]*$/u.test(word)) {
    throw new PatternError(`"${raw}" is not a word (letters, digits, apostrophes and hyphens only)`);
  }
  const parts = word.split('-').filter(Boolean);
  const formsOf = (text: string) => new Set(inflect ? inflections(normalizeWord(text)) : [normalizeWord(text)]);
  if (parts.length === 1) return { type: 'word', forms: formsOf(word), optional };
  // head-count: one token (head-count, headcount) or the words apart (head count).
  const apart: Element[] = parts.map((part, index) => ({
    type: 'word' as const,
    forms: index === parts.length - 1 ? formsOf(part) : new Set([normalizeWord(part)]),
    optional: false,
  }));
  return { type: 'choice', alternatives: [[{ type: 'word', forms: formsOf(parts.join('')), optional: false }], apart], optional };
}

/** Parses one pattern (or condition term) into elements. */
export function parsePattern(source: string, resolve: VocabularyResolver): Element[] {
  const lexemes = lex(source);
  let position = 0;

  function sequence(inGroup: boolean): Element[] {
    const elements: Element[] = [];
    while (position < lexemes.length) {
      const lexeme = lexemes[position];
      if (lexeme.kind === 'bar' || lexeme.kind === 'close') {
        if (!inGroup) throw new PatternError(`unexpected "${lexeme.text}"`);
        break;
      }
      position++;
      if (lexeme.kind === 'open') {
        const alternatives: Element[][] = [sequence(true)];
        while (lexemes[position]?.kind === 'bar') {
          position++;
          alternatives.push(sequence(true));
        }
        const close = lexemes[position];
        if (close?.kind !== 'close') throw new PatternError('a "[" is never closed');
        position++;
        if (alternatives.some((alternative) => alternative.length === 0)) throw new PatternError('an empty alternative in [...]');
        elements.push({ type: 'choice', alternatives, optional: close.optional });
      } else {
        elements.push(atom(lexeme.text, lexeme.optional));
      }
    }
    return elements;
  }

  function atom(text: string, optional: boolean): Element {
    if (text === '{number}') return { type: 'number', optional, capture: 'number' };
    if (text === '*') return { type: 'any', optional };
    if (text === '...') return { type: 'gap', optional: false, max: GAP_WORDS };
    // The same gap that may also step over an aside between commas ("the board, chaired by our
    // CEO, approved"): opt-in, since "No, really, your jobs are safe" is no aside.
    if (text === ',...,') return { type: 'gap', optional: false, max: GAP_WORDS, commas: true };
    if (text === '{role}') {
      // A group of staff: any @people term, or any plural job-title-shaped word that
      // rules/vocabulary/not-roles.yml does not exclude (servers, numbers, printers...).
      const people = resolve('people') ?? [];
      let alternatives = roleCache.get(people);
      if (!alternatives) {
        const exclude = new Set<string>();
        for (const term of resolve('not-roles') ?? []) {
          const [only] = term;
          if (term.length === 1 && only.type === 'word') for (const form of only.forms) exclude.add(form);
        }
        alternatives = [...people, [{ type: 'agent', optional: false, exclude }]];
        roleCache.set(people, alternatives);
      }
      return { type: 'choice', alternatives, optional, capture: 'role' };
    }
    if (text.startsWith('{')) throw new PatternError(`unknown slot "${text}" ({number} or {role})`);
    if (text.startsWith('@')) {
      const name = text.slice(1);
      const alternatives = resolve(name);
      if (!alternatives) throw new PatternError(`unknown vocabulary "@${name}"`);
      return { type: 'choice', alternatives, optional, capture: name };
    }
    return wordElement(text, optional);
  }

  const elements = sequence(false);
  if (elements.length === 0) throw new PatternError('an empty pattern');
  return elements;
}

/** Checks the limits that keep matching linear; returns the index keys of the first element. */
export function checkPattern(elements: Element[]): string[] {
  checkSize(elements, 0);
  const optional = countOptional(elements);
  if (optional > MAX_OPTIONAL) throw new PatternError(`${optional} optional elements (at most ${MAX_OPTIONAL})`);
  if (countGaps(elements) > 1) throw new PatternError('at most one ... per pattern');
  // Optional leading elements are fine: the pattern is indexed under each of them and under
  // the first required element, so every way it can start is found with one lookup.
  const keys = new Set<string>();
  let index = 0;
  for (; index < elements.length; index++) {
    const element = elements[index];
    if (element.type === 'any' || element.type === 'gap') {
      if (index === 0) throw new PatternError('a pattern must start with a word, a [group], {number} or @vocabulary (not * or ...)');
      // `[the|our]? *? {role}`: a match that would begin with the wildcard's word is found from
      // the next element instead (one word shorter), so only indexable elements are keys.
      if (element.optional) continue;
      throw new PatternError('a required * or ... must follow a required element');
    }
    anchorKeys({ ...element, optional: false } as Element, keys);
    if (!element.optional) break;
  }
  if (index === elements.length) throw new PatternError('a pattern needs at least one element that is not optional');
  return [...keys];
}

/** Every sequence, nested ones included, stays within the element limit and three levels of groups. */
function checkSize(elements: Element[], depth: number): void {
  if (elements.length > MAX_ELEMENTS) throw new PatternError(`more than ${MAX_ELEMENTS} elements in one sequence`);
  if (depth > 3) throw new PatternError('groups nested more than three deep');
  for (const element of elements) {
    if (element.type === 'choice' && element.capture === undefined) for (const alternative of element.alternatives) checkSize(alternative, depth + 1);
  }
}

function countGaps(elements: Element[]): number {
  let count = 0;
  for (const element of elements) {
    if (element.type === 'gap') count++;
    if (element.type === 'choice' && element.capture === undefined) count += Math.max(0, ...element.alternatives.map(countGaps));
  }
  return count;
}

function countOptional(elements: Element[]): number {
  let count = 0;
  for (const element of elements) {
    if (element.optional) count++;
    if (element.type === 'choice' && element.capture === undefined) {
      count += Math.max(0, ...element.alternatives.map(countOptional));
    }
  }
  return count;
}

const anchorCache = new WeakMap<Element[][], Set<string>>();
const roleCache = new WeakMap<Element[][], Element[][]>();

/** The token keys a match of this element can start with. */
export function anchorKeys(element: Element, into = new Set<string>()): Set<string> {
  switch (element.type) {
    case 'word':
      for (const form of element.forms) into.add(form);
      break;
    case 'number':
      into.add(NUMBER_KEY);
      break;
    case 'agent':
      into.add(AGENT_KEY);
      break;
    case 'choice': {
      // Vocabulary groups share one alternatives array across every pattern that uses them.
      const cached = anchorCache.get(element.alternatives);
      if (cached) {
        for (const key of cached) into.add(key);
        break;
      }
      const keys = new Set<string>();
      for (const alternative of element.alternatives) {
        let index = 0;
        for (; index < alternative.length; index++) {
          const inner = alternative[index];
          if (inner.type === 'any' || inner.type === 'gap') throw new PatternError('an alternative cannot start with * or ...');
          anchorKeys(inner, keys);
          if (!inner.optional) break;
        }
        if (index === alternative.length) throw new PatternError('an alternative that can match nothing');
      }
      anchorCache.set(element.alternatives, keys);
      for (const key of keys) into.add(key);
      break;
    }
    case 'any':
    case 'gap':
      throw new PatternError('a pattern cannot start with * or ...');
  }
  return into;
}
