// Matching compiled patterns against one sentence's tokens. Every element consumes a bounded
// number of tokens and a pattern has a bounded number of optional elements, so the work per
// starting token is bounded and a whole text is matched in linear time.
import { AGENT_KEY, NUMBER_KEY, ROLE_SHAPE, anchorKeys, type Element } from './pattern.js';
import { UNIT_MARKS, type Token } from './tokens.js';

export type Captures = Record<string, [number, number]>;

export interface SequenceMatch {
  /** Index of the first and one past the last consumed token. */
  first: number;
  end: number;
  captures: Captures;
}

const units = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty',
  'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety',
]);
const scales = new Set(['hundred', 'thousand', 'million', 'billion', 'dozen', 'k', 'm']);
const pluralScales = new Set(['hundreds', 'thousands', 'millions', 'dozens', 'scores']);
const vagueCounts = new Set(['few', 'several', 'couple']);
const tens = /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(one|two|three|four|five|six|seven|eight|nine)$/;

const fractions = /^(?:(?:one|two|three|four)?(?:half|halves|third|thirds|quarter|quarters|fifth|fifths|tenth|tenths))$/;

export function isNumberWord(key: string): boolean {
  return units.has(key) || scales.has(key) || tens.test(key) || fractions.test(key);
}

/** True when a number slot can start at this token (the index key `#number`). */
export function startsNumber(token: Token): boolean {
  if (token.kind === 'number') return true;
  if (token.kind !== 'word') return false;
  return isNumberWord(token.key) || pluralScales.has(token.key) || vagueCounts.has(token.key) || token.key === 'a' || token.key === 'an';
}

/** A word shaped like a plural job title and not excluded (see ROLE_SHAPE). */
export function isAgentNoun(token: Token, exclude?: Set<string>): boolean {
  return token.kind === 'word' && ROLE_SHAPE.test(token.base) && !(exclude?.has(token.base) ?? false);
}

/** Skips quotes and emphasis marks; returns the index of the next token that counts. */
export function skipTransparent(tokens: Token[], index: number): number {
  while (index < tokens.length && tokens[index].transparent) index++;
  return index;
}

/**
 * A number slot: `40`, `1,200`, `$38M`, `forty-two`, `two hundred`, `a dozen`, `dozens of`,
 * `a few hundred`, `several thousand`. Returns the end index, or -1.
 */
function matchNumber(tokens: Token[], index: number): number {
  let position = skipTransparent(tokens, index);
  let consumed = 0;
  let last = '';
  const first = tokens[position];
  if (first === undefined) return -1;
  if (first.kind === 'number') {
    position++;
    consumed++;
    last = first.key;
  } else if (first.kind === 'word' && (first.key === 'a' || first.key === 'an')) {
    const next = tokens[position + 1];
    if (next === undefined || next.kind !== 'word' || !(scales.has(next.key) || fractions.test(next.key) || next.key === 'few' || next.key === 'couple')) return -1;
    position++;
  }
  while (position < tokens.length) {
    const token = tokens[position];
    if (token.kind !== 'word') break;
    const key = token.key;
    const countable = consumed === 0 ? isNumberWord(key) || pluralScales.has(key) || vagueCounts.has(key) : scales.has(key) || pluralScales.has(key) || (isNumberWord(key) && !units.has(last) && !tens.test(last));
    if (countable) {
      position++;
      consumed++;
      last = key;
      continue;
    }
    // "two hundred and fifty"
    if (key === 'and' && consumed > 0 && scales.has(last) && tokens[position + 1]?.kind === 'word' && isNumberWord(tokens[position + 1].key)) {
      position++;
      continue;
    }
    break;
  }
  if (consumed === 0) return -1;
  // Shares: "10%", "15 percent", "15 per cent", "one in five".
  const next = tokens[position];
  if (next?.kind === 'punct' && next.text === '%') position++;
  else if (next?.kind === 'word' && next.key === 'percent') position++;
  else if (next?.kind === 'word' && next.key === 'per' && tokens[position + 1]?.key === 'cent') position += 2;
  else if (next?.kind === 'word' && next.key === 'in' && tokens[position + 1]?.kind !== undefined && (tokens[position + 1].kind === 'number' || isNumberWord(tokens[position + 1].key))) position += 2;
  if ((pluralScales.has(last) || last === 'couple') && tokens[position]?.kind === 'word' && tokens[position].key === 'of') position++;
  return position;
}

function matchWordToken(token: Token | undefined, forms: Set<string>): boolean {
  return token !== undefined && (token.kind === 'word' || token.kind === 'number') && (forms.has(token.key) || forms.has(token.base));
}

/**
 * All the ways `elements[at..]` can match from token `index`; calls `found` with each end.
 * The caller keeps the longest.
 */
function walk(
  elements: Element[],
  at: number,
  tokens: Token[],
  index: number,
  captures: Captures,
  found: (end: number, captures: Captures) => void,
): void {
  if (at === elements.length) {
    found(index, captures);
    return;
  }
  const element = elements[at];
  if (element.optional) walk(elements, at + 1, tokens, index, captures, found);
  const position = at === 0 ? index : skipTransparent(tokens, index);
  switch (element.type) {
    case 'word':
      if (matchWordToken(tokens[position], element.forms)) walk(elements, at + 1, tokens, position + 1, captures, found);
      return;
    case 'any': {
      const token = tokens[position];
      if (token !== undefined && (token.kind === 'word' || token.kind === 'number')) walk(elements, at + 1, tokens, position + 1, captures, found);
      return;
    }
    case 'agent': {
      const token = tokens[position];
      if (token !== undefined && isAgentNoun(token, element.exclude)) walk(elements, at + 1, tokens, position + 1, captures, found);
      return;
    }
    case 'gap': {
      // Zero to `max` words, never across punctuation other than quotes and emphasis, except a
      // whole aside in parentheses or between dashes (and, for `,...,`, between commas), which
      // counts as no words: "The 47 positions in coding (Coder I, Coder II and billing) will be
      // eliminated".
      walk(elements, at + 1, tokens, index, captures, found);
      let cursor = position;
      let words = 0;
      let asides = 0;
      let placed = false;
      let inList = false;
      for (;;) {
        const token = tokens[cursor];
        if (token === undefined) return;
        if (token.kind === 'word' || token.kind === 'number') {
          if (words === element.max) return;
          words++;
          placed ||= listPrepositions.has(token.key);
          cursor = skipTransparent(tokens, cursor + 1);
        } else if (placed && listGoesOn(tokens, cursor, inList, element.max - words)) {
          // A comma inside a list of places or teams the gap has started ("19 positions in
          // production, maintenance and quality control will be eliminated"): its words count,
          // the comma does not end the gap. Only after a preposition: "will be fired, AI rollout
          // or no AI rollout" is no such list.
          inList = true;
          cursor = skipTransparent(tokens, cursor + 1);
        } else {
          // At most GAP_ASIDES asides, so a gap still consumes a bounded number of tokens.
          if (asides++ === GAP_ASIDES) return;
          const close = asideEnd(tokens, cursor, element.commas === true);
          if (close < 0) return;
          cursor = skipTransparent(tokens, close + 1);
        }
        walk(elements, at + 1, tokens, cursor, captures, found);
      }
    }
    case 'number': {
      const end = matchNumber(tokens, position);
      if (end > position) {
        walk(elements, at + 1, tokens, end, { ...captures, number: [tokens[position].start, tokens[end - 1].end] }, found);
      }
      return;
    }
    case 'choice': {
      // Alternatives that end at the same token continue once: identical or overlapping
      // alternatives cannot multiply the work (the first one's captures are kept).
      const ends = new Map<number, Captures>();
      for (const alternative of alternativesAt(element.alternatives, tokens[position])) {
        walk(alternative, 0, tokens, position, captures, (end, inner) => {
          if (end > position && !ends.has(end)) ends.set(end, inner);
        });
      }
      for (const [end, inner] of ends) {
        const next = element.capture ? { ...inner, [element.capture]: [tokens[position].start, tokens[end - 1].end] as [number, number] } : inner;
        walk(elements, at + 1, tokens, end, next, found);
      }
      return;
    }
  }
}

const asideDashes = new Set(['\u2014', '\u2013']);
/** Asides one gap may step over. */
const GAP_ASIDES = 2;
/** Words an aside may hold; a longer one is a clause of its own. */
const ASIDE_WORDS = 20;
/** Words an aside between commas may hold: an appositive ("the board, chaired by our CEO, approved"), not a clause. */
const COMMA_ASIDE_WORDS = 8;

/** What opens a list of places or teams inside a gap ("roles in finance, HR and IT"). */
const listPrepositions = new Set(['in', 'at', 'across', 'from', 'within', 'of', 'for', 'on']);
/** Words a list item may hold after a comma, before the next comma or its "and" / "or". */
const LIST_ITEM_WORDS = 3;

/**
 * Whether the comma at `index` separates items of a list that goes on to its "and" or "or"
 * ("production, maintenance and quality control"; "sales, marketing, and support"), with no
 * other punctuation on the way and within the `budget` words the gap has left. A comma straight
 * before "and" / "or" ends a list only `inList` (the serial comma): otherwise it joins two
 * clauses ("30 roles in engineering, and our travel budget will be cut").
 */
function listGoesOn(tokens: Token[], index: number, inList: boolean, budget: number): boolean {
  if (tokens[index].text !== ',') return false;
  let item = 0;
  let words = 0;
  let commas = 0;
  for (let cursor = index + 1; cursor < tokens.length; cursor++) {
    const token = tokens[cursor];
    if (token.kind === 'word' || token.kind === 'number') {
      if (token.key === 'and' || token.key === 'or') return item > 0 || inList || commas > 0;
      if (++item > LIST_ITEM_WORDS || ++words > budget) return false;
    } else if (token.text === ',' && item > 0) {
      item = 0;
      commas++;
    } else if (!token.transparent) {
      return false;
    }
  }
  return false;
}

/**
 * The index of the token that closes the aside opening at `index` ("(" ... ")", a dash ... the
 * same dash, or a comma ... a comma), or -1 when there is none: no aside opens there, it is
 * unclosed, too long, or holds other punctuation than commas, a figure's unit ("(12% of the
 * team)"), quotes and emphasis (then it is not one aside).
 */
function asideEnd(tokens: Token[], index: number, commas: boolean): number {
  const open = tokens[index];
  const closer = open.text === '(' ? ')' : asideDashes.has(open.text) || (commas && open.text === ',') ? open.text : undefined;
  if (closer === undefined) return -1;
  const most = closer === ',' ? COMMA_ASIDE_WORDS : ASIDE_WORDS;
  let words = 0;
  for (let cursor = index + 1; cursor < tokens.length; cursor++) {
    const token = tokens[cursor];
    if (token.kind === 'word' || token.kind === 'number') {
      if (++words > most) return -1;
    } else if (token.text === closer) {
      return words > 0 ? cursor : -1;
    } else if (token.text !== ',' && !UNIT_MARKS.has(token.text) && !token.transparent) {
      return -1;
    }
  }
  return -1;
}

/** The longest match of `elements` starting exactly at token `index`, or undefined. */
export function matchAt(elements: Element[], tokens: Token[], index: number): SequenceMatch | undefined {
  let best: SequenceMatch | undefined;
  walk(elements, 0, tokens, index, {}, (end, captures) => {
    if (end > index && (best === undefined || end > best.end)) best = { first: index, end, captures };
  });
  return best;
}

interface AlternativeIndex {
  byKey: Map<string, number[]>;
  byNumber: number[];
  byAgent: number[];
  always: number[];
}

const alternativeIndexes = new WeakMap<Element[][], AlternativeIndex>();
const SMALL_CHOICE = 8;

/**
 * The alternatives of a group that can start at this token. Vocabulary groups have hundreds of
 * alternatives and are tried at every candidate position, so large groups are indexed by the
 * keys each alternative can start with (built once, kept with the shared alternatives array).
 */
function alternativesAt(alternatives: Element[][], token: Token | undefined): Element[][] {
  if (alternatives.length <= SMALL_CHOICE) return alternatives;
  if (token === undefined) return [];
  let index = alternativeIndexes.get(alternatives);
  if (!index) {
    index = { byKey: new Map(), byNumber: [], byAgent: [], always: [] };
    alternatives.forEach((alternative, position) => {
      const first = alternative[0];
      if (first === undefined || first.optional || first.type === 'any' || first.type === 'gap') {
        index!.always.push(position);
        return;
      }
      for (const key of anchorKeys(first)) {
        if (key === NUMBER_KEY) index!.byNumber.push(position);
        else if (key === AGENT_KEY) index!.byAgent.push(position);
        else {
          const list = index!.byKey.get(key);
          if (list) list.push(position);
          else index!.byKey.set(key, [position]);
        }
      }
    });
    alternativeIndexes.set(alternatives, index);
  }
  const positions = new Set<number>(index.always);
  for (const position of index.byKey.get(token.key) ?? []) positions.add(position);
  if (token.base !== token.key) for (const position of index.byKey.get(token.base) ?? []) positions.add(position);
  if (index.byNumber.length > 0 && startsNumber(token)) for (const position of index.byNumber) positions.add(position);
  if (index.byAgent.length > 0 && isAgentNoun(token)) for (const position of index.byAgent) positions.add(position);
  // In their written order, so which alternative's captures win stays the same as without the index.
  return [...positions].sort((a, b) => a - b).map((position) => alternatives[position]);
}
