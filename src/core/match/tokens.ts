// The token stream the matcher reads: words, numbers and punctuation of one sentence, with
// source offsets. Built from any sentence segmentation (the plugin uses retext's).

export type TokenKind = 'word' | 'number' | 'punct' | 'break';

export interface Token {
  text: string;
  /** Lower case, curly apostrophes straightened, hyphens removed: `Head-Count` -> `headcount`. */
  key: string;
  /** `key` without a possessive ending: `staff's` -> `staff`, `employees'` -> `employees`. */
  base: string;
  kind: TokenKind;
  /** Quotes and emphasis marks: skipped between the elements of a pattern. */
  transparent: boolean;
  start: number;
  end: number;
}

export interface Sentence {
  start: number;
  end: number;
  tokens: Token[];
}

export interface Paragraph {
  start: number;
  end: number;
  sentences: Sentence[];
}

const dashes = /[-\u2010\u2011\u2012\u2013\u00ad]/g;
const curlyApostrophes = /[\u2018\u2019\u02bc\u2032`]/g;

/** The comparison key of a word, shared by text tokens and pattern words. */
export function normalizeWord(text: string): string {
  let key = text.toLowerCase().replace(curlyApostrophes, "'").replace(dashes, '');
  while (key.endsWith("'")) key = key.slice(0, -1);
  return key;
}

export function possessiveBase(key: string): string {
  return key.endsWith("'s") ? key.slice(0, -2) : key;
}

/** Stands in for inline code in a projection of Markdown prose: a run holding it is a break. */
export const OBJECT_REPLACEMENT = '\ufffc';

const transparentPunctuation = new Set(['"', "'", '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb', '*', '_', '\u2026']);

// Numbers keep their separators and scale suffixes (1,200  2.3k  $38M); words keep inner
// apostrophes and hyphens (don't, head-count); a trailing apostrophe is punctuation (a closing quote).
const tokenPattern =
  /([$€£]?\d+(?:[.,]\d+)*(?:[kKmMbB](?:n)?(?![\p{L}\p{N}]))?)|([\p{L}\p{M}\p{N}]+(?:['\u2019\u2010\u2011-][\p{L}\p{M}\p{N}]+)*)|(\S)/gu;

// A scheme is short: bounding it keeps the test linear on a 500k-character run ("head-head-...").
/**
 * A word as the tokenizer joins it (inner apostrophes and hyphens, U+2010 and U+2011 too), for the
 * quick word scans that decide what to tokenise: they must join exactly as the tokenizer does, or
 * "auto\u2011mation" is read as two words there and one here.
 */
export const WORD_RUN = /[\p{L}\p{M}\p{N}]+(?:['\u2019\u2010\u2011-][\p{L}\p{M}\p{N}]+)*/u;

const urlLike = /(?:^|[^\p{L}])(?:[a-z][a-z0-9+.-]{0,31}:\/\/|www\.|mailto:)|^[^\s@]+@[^\s@]+\.[a-z]{2,}/iu;

/**
 * Splits one run of source text with no white space in it (as retext delimits it) into tokens.
 * A run that is a URL or an e-mail address becomes a single `break` token: never linted.
 */
export function tokenizeRun(run: string, offset: number, into: Token[]): void {
  if (urlLike.test(run) || run.includes(OBJECT_REPLACEMENT)) {
    into.push({ text: run, key: '', base: '', kind: 'break', transparent: false, start: offset, end: offset + run.length });
    return;
  }
  tokenPattern.lastIndex = 0;
  for (let match = tokenPattern.exec(run); match !== null; match = tokenPattern.exec(run)) {
    const text = match[0];
    const start = offset + match.index;
    if (match[1] !== undefined) {
      into.push({ text, key: text.toLowerCase(), base: text.toLowerCase(), kind: 'number', transparent: false, start, end: start + text.length });
    } else if (match[2] !== undefined) {
      const key = normalizeWord(text);
      into.push({ text, key, base: possessiveBase(key), kind: 'word', transparent: false, start, end: start + text.length });
    } else {
      into.push({ text, key: text, base: text, kind: 'punct', transparent: transparentPunctuation.has(text), start, end: start + text.length });
    }
  }
}

/** Marks that belong to the figure before them: "37%", "2‰", "40°". */
export const UNIT_MARKS: ReadonlySet<string> = new Set(['%', '\u2030', '\u00b0']);

const closers = new Set(['"', "'", '\u201d', '\u2019', ')', ']', '*', '_']);

/**
 * A question asks about a cut ("Is this going to be used to cut jobs?", an FAQ heading) or for an
 * element ("Who made this decision?"); it does not announce or give one. The answer that follows does.
 */
export function isQuestion(sentence: Sentence): boolean {
  for (let index = sentence.tokens.length - 1; index >= 0; index--) {
    const token = sentence.tokens[index];
    if (token.kind === 'punct' && closers.has(token.text)) continue;
    // A URL, an address or inline code takes a `?` stuck to it into its own run: "on www.example.com?".
    if (token.kind === 'break') return endsInQuestionMark(token.text);
    return token.kind === 'punct' && token.text === '?';
  }
  return false;
}

function endsInQuestionMark(run: string): boolean {
  let end = run.length;
  while (end > 0 && closers.has(run[end - 1])) end--;
  return run[end - 1] === '?';
}

/** A token that stops a pattern: inline code, a URL, or where a run was cut. */
export function breakToken(start: number, end: number): Token {
  return { text: '', key: '', base: '', kind: 'break', transparent: false, start, end };
}

/** Tokenises plain text without retext: splits on white space only (one sentence). */
export function tokenizeSentence(text: string, offset = 0): Sentence {
  const tokens: Token[] = [];
  const runs = /\S+/g;
  for (let match = runs.exec(text); match !== null; match = runs.exec(text)) {
    tokenizeRun(match[0], offset + match.index, tokens);
  }
  return { start: offset, end: offset + text.length, tokens };
}
