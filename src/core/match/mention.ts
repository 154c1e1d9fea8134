// Mention, not use: a phrase quoted (or named by a frame such as "so-called") in a paragraph that
// rejects, reports or analyses it ("the memo called staff 'dead weight', which the union
// condemned"). The phrase rules and the learned scorer share this one guard, so a quoted phrase
// is judged the same way whichever of them read it.
import type { Element } from './pattern.js';
import { quotedRanges } from './quotes.js';
import { TermSet } from './term-set.js';
import { tokenizeSentence, type Paragraph, type Sentence } from './tokens.js';
import { windowBefore } from './window.js';

/** The built-in vocabularies (rules/vocabulary/*.yml) the guard reads. */
export const REJECTION_CUES = 'rejection-cues';
export const MENTION_FRAMES = 'mention-frames';
/** How many words before a phrase a frame ("described as") may stand. */
const FRAME_WINDOW = 3;

export class MentionGuard {
  private readonly quotes = new WeakMap<Paragraph, [number, number][]>();
  private readonly rejections = new WeakMap<Paragraph, boolean>();

  constructor(
    private readonly rejectionCues: TermSet,
    private readonly mentionFrames: TermSet,
  ) {}

  static fromVocabularies(vocabularies: ReadonlyMap<string, Element[][]>): MentionGuard {
    return new MentionGuard(new TermSet(vocabularies.get(REJECTION_CUES) ?? []), new TermSet(vocabularies.get(MENTION_FRAMES) ?? []));
  }

  /** Whether tokens `first` to `end` (exclusive) of `sentence` are mentioned rather than used. */
  isMention(text: string, paragraph: Paragraph, sentence: Sentence, first: number, end: number): boolean {
    const startOffset = sentence.tokens[first].start;
    const endOffset = sentence.tokens[end - 1].end;
    let quotes = this.quotes.get(paragraph);
    if (!quotes) {
      quotes = quotedRanges(text, paragraph);
      this.quotes.set(paragraph, quotes);
    }
    // Quoted whole, or partly: words that run into a quote closing after them ("a 'light trim'":
    // the article is outside the quote marks, the phrase inside) or out of one ("a 'tsunami' of
    // job losses"); or named by a frame with no quote marks ("so-called", "AI described as a
    // tidal wave").
    const quoted =
      quotes.some(([open, close]) => open < endOffset && close > startOffset) ||
      this.mentionFrames.find(sentence.tokens, windowBefore(sentence.tokens, first, FRAME_WINDOW), first) !== undefined;
    if (!quoted) return false;
    let rejected = this.rejections.get(paragraph);
    if (rejected === undefined) {
      const reply = lineAfter(text, paragraph);
      rejected =
        paragraph.sentences.some((other) => this.rejectionCues.find(other.tokens) !== undefined) ||
        (reply !== undefined && this.rejectionCues.find(reply.tokens) !== undefined);
      this.rejections.set(paragraph, rejected);
    }
    return rejected;
  }
}

/**
 * The line right after a paragraph that only one line break separates from it: the reply in a
 * transcript or a chat ("HOST: Some say AI will make pharmacists 'useless'." / "GUEST: This is
 * wrong."), which the parser makes a paragraph of its own.
 */
function lineAfter(text: string, paragraph: Paragraph): Sentence | undefined {
  let at = paragraph.end;
  while (text[at] === ' ' || text[at] === '\t') at++;
  if (text[at] === '\r') at++;
  if (text[at] === '\n') at++;
  else if (text[at - 1] !== '\r') return undefined;
  const lineEnd = text.slice(at).search(/\r|\n/);
  const line = text.slice(at, lineEnd < 0 ? text.length : at + lineEnd);
  return line.trim() === '' ? undefined : tokenizeSentence(line, at);
}
