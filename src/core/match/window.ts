// Word windows around a match inside one clause: the reach of `preceded_by`, `followed_by`,
// `not_around`, negation and mention frames.
import type { Token } from './tokens.js';

/** Clause punctuation and breaks end a window; symbols such as % $ & / inside a clause do not. */
function breaksClause(token: Token): boolean {
  return token.kind === 'break' || (token.kind === 'punct' && !token.transparent && !/^[%$€£&/+#@*]$/.test(token.text));
}

/** Index of the first token of the `words` words before `first`, not crossing punctuation. */
export function windowBefore(tokens: Token[], first: number, words: number): number {
  let index = first;
  let counted = 0;
  while (index > 0 && counted < words) {
    const token = tokens[index - 1];
    if (breaksClause(token)) break;
    index--;
    if (token.kind !== 'punct') counted++;
  }
  return index;
}

/** One past the last token of the `words` words after `end`, not crossing punctuation. */
export function windowAfter(tokens: Token[], end: number, words: number): number {
  let index = end;
  let counted = 0;
  while (index < tokens.length && counted < words) {
    const token = tokens[index];
    if (breaksClause(token)) break;
    index++;
    if (token.kind !== 'punct') counted++;
  }
  return index;
}
