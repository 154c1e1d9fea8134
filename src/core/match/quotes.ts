// Quotation marks in a paragraph: framing inside them may be mentioned rather than used.
import type { Paragraph } from './tokens.js';

const opening = new Set(['"', '\u201c', '\u2018', '\u00ab', "'"]);
const closingFor: Record<string, string[]> = { '"': ['"'], '\u201c': ['\u201d', '"'], '\u2018': ['\u2019', "'"], '\u00ab': ['\u00bb'], "'": ["'", '\u2019'] };

/** The stretches of the paragraph between a pair of quotation marks: [after the opening, at the closing). */
export function quotedRanges(text: string, paragraph: Paragraph): [number, number][] {
  const ranges: [number, number][] = [];
  let open: string | undefined;
  let openedAt = -1;
  for (const sentence of paragraph.sentences) {
    for (const token of sentence.tokens) {
      if (token.kind !== 'punct' || !token.transparent) continue;
      if (open !== undefined && closingFor[open].includes(token.text)) {
        ranges.push([openedAt, token.start]);
        open = undefined;
      } else if (open === undefined && opening.has(token.text)) {
        // A straight quote right after a letter is an apostrophe, not an opening mark.
        if (token.text === "'" && /[\p{L}\p{N}]/u.test(text.charAt(token.start - 1))) continue;
        open = token.text;
        openedAt = token.end;
      }
    }
  }
  return ranges;
}
