// Mention, not use: a phrase quoted (or named by a frame such as "so-called") in a paragraph that
// rejects, reports or analyses it ("the memo called staff 'dead weight', which the union
// condemned"). The phrase rules and the learned scorer share this one guard, so a quoted phrase
// is judged the same way whichever of them read it. The phrase rules also ask it whether an
// unquoted report of someone else's words is rebutted (isRejectedReport).
import type { Element } from './pattern.js';
import type { SequenceMatch } from './matcher.js';
import { quotedRanges } from './quotes.js';
import { TermSet } from './term-set.js';
import { tokenizeSentence, type Paragraph, type Sentence, type Token } from './tokens.js';
import { windowBefore } from './window.js';

/** The built-in vocabularies (rules/vocabulary/*.yml) the guard reads. */
export const REJECTION_CUES = 'rejection-cues';
export const MENTION_FRAMES = 'mention-frames';
export const REPORTED_SPEECH = 'reported-speech';
export const TOLD_BY_OTHERS = 'told-by-others';
export const REPORT_REBUTTALS = 'report-rebuttals';
/** How many words before a phrase a frame ("described as") may stand. */
const FRAME_WINDOW = 3;

export class MentionGuard {
  private readonly quotes = new WeakMap<Paragraph, [number, number][]>();
  private readonly rejections = new WeakMap<Paragraph, boolean>();
  /** Told-by-others cues per sentence: every counted match in a sentence asks for them. */
  private readonly reports = new WeakMap<Sentence, SequenceMatch[]>();

  constructor(
    private readonly rejectionCues: TermSet,
    private readonly mentionFrames: TermSet,
    private readonly reportedSpeech: TermSet = new TermSet([]),
    private readonly toldByOthers: TermSet = new TermSet([]),
    private readonly reportRebuttals: TermSet = new TermSet([]),
  ) {}

  static fromVocabularies(vocabularies: ReadonlyMap<string, Element[][]>): MentionGuard {
    const terms = (name: string) => new TermSet(vocabularies.get(name) ?? []);
    return new MentionGuard(terms(REJECTION_CUES), terms(MENTION_FRAMES), terms(REPORTED_SPEECH), terms(TOLD_BY_OTHERS), terms(REPORT_REBUTTALS));
  }

  /** Whether tokens `first` to `end` (exclusive) of `sentence` are mentioned rather than used. */
  isMention(text: string, paragraph: Paragraph, sentence: Sentence, first: number, end: number): boolean {
    // Quoted whole, or partly: words that run into a quote closing after them ("a 'light trim'":
    // the article is outside the quote marks, the phrase inside) or out of one ("a 'tsunami' of
    // job losses"); or named by a frame with no quote marks ("so-called", "AI described as a
    // tidal wave").
    const quoted =
      this.isQuoted(text, paragraph, sentence, first, end) ||
      this.mentionFrames.find(sentence.tokens, windowBefore(sentence.tokens, first, FRAME_WINDOW), first) !== undefined;
    return quoted && (this.reportedSpeech.find(sentence.tokens) !== undefined || this.isRejected(text, paragraph));
  }

  /**
   * Whether a word that cues the phrase without being reported with it ("swap" in "would 'swap' its
   * tellers for AI") is quoted and rejected in its own sentence. The sentence, not the paragraph:
   * a word in scare quotes is often used ("We will 'swap' 40 cashiers for kiosks. To avoid queues,
   * ...").
   */
  isQuotedTrigger(text: string, paragraph: Paragraph, sentence: Sentence, first: number, end: number): boolean {
    return (
      this.isQuoted(text, paragraph, sentence, first, end) &&
      (this.rejectionCues.find(sentence.tokens) !== undefined || this.reportedSpeech.find(sentence.tokens) !== undefined)
    );
  }

  /**
   * Someone else's words reported in the sentence ("management told us that anyone who refuses
   * will be let go", told-by-others.yml) and rebutted by the writer in that sentence or the next,
   * or in the next speaker's reply ("we reject that", report-rebuttals.yml): a report, not a use.
   * A rebuttal negated ("I don't disagree") endorses the report, and one in quotation marks is
   * someone else's again ("'That's not true,' some said. It is."). A writer repeating their own
   * words ("I have told reps that ...") is no report; a report let stand is read as the words it
   * reports (data/briefs/LABELS.md).
   */
  isRejectedReport(text: string, paragraph: Paragraph, sentence: Sentence, match: { first: number; end: number }, isNegated: (tokens: Token[], first: number) => boolean): boolean {
    // The report introduces the match: in "The AI will clear out the deadwood; management told us
    // otherwise" the words are the writer's.
    let told = this.reports.get(sentence);
    if (!told) {
      told = this.toldByOthers.findAll(sentence.tokens);
      this.reports.set(sentence, told);
    }
    if (!told.some((cue) => cue.end <= match.first)) return false;
    const rebuts = (tokens: Token[], quotes: [number, number][], after = 0) =>
      this.reportRebuttals
        .findAll(tokens)
        .some(
          (cue) =>
            cue.first >= after &&
            !opensClause(tokens, cue) &&
            !isNegated(tokens, cue.first) &&
            !overlapsQuote(quotes, tokens[cue.first].start, tokens[cue.end - 1].end),
        );
    const quotes = this.quotesOf(text, paragraph);
    const index = paragraph.sentences.indexOf(sentence);
    // In the match's own sentence the rebuttal follows the reported words; or it is the next sentence.
    if (rebuts(sentence.tokens, quotes, match.end)) return true;
    const next = paragraph.sentences[index + 1];
    if (next !== undefined && rebuts(next.tokens, quotes)) return true;
    const reply = index === paragraph.sentences.length - 1 ? replyAfter(text, paragraph) : undefined;
    return reply !== undefined && rebuts(reply.tokens, quotedRanges(text, { start: reply.start, end: reply.end, sentences: [reply] }));
  }

  private isQuoted(text: string, paragraph: Paragraph, sentence: Sentence, first: number, end: number): boolean {
    return overlapsQuote(this.quotesOf(text, paragraph), sentence.tokens[first].start, sentence.tokens[end - 1].end);
  }

  /** The paragraph's quoted stretches as [open, close) offsets, found once per paragraph. */
  private quotesOf(text: string, paragraph: Paragraph): [number, number][] {
    let quotes = this.quotes.get(paragraph);
    if (!quotes) {
      quotes = quotedRanges(text, paragraph);
      this.quotes.set(paragraph, quotes);
    }
    return quotes;
  }

  /** A rejection cue in the paragraph, or in the next speaker's reply right after it. */
  private isRejected(text: string, paragraph: Paragraph): boolean {
    let rejected = this.rejections.get(paragraph);
    if (rejected === undefined) {
      const reply = replyAfter(text, paragraph);
      rejected =
        paragraph.sentences.some((other) => this.rejectionCues.find(other.tokens) !== undefined) ||
        (reply !== undefined && this.rejectionCues.find(reply.tokens) !== undefined);
      this.rejections.set(paragraph, rejected);
    }
    return rejected;
  }
}

/** Whether the text from `start` to `end` overlaps one of the quoted stretches. */
function overlapsQuote(quotes: [number, number][], start: number, end: number): boolean {
  return quotes.some(([open, close]) => open < end && close > start);
}

/**
 * Words after which a rebuttal opens a clause or a qualification rather than closing on its object:
 * "it is not the case [that] you can wait", "not true [for] everyone", "we disagree [on] the timetable".
 */
const CLAUSE_OPENERS = new Set(['that', 'for', 'on', 'with', 'only', 'about', 'when', 'if', 'in', 'of', 'except', 'to', 'as', 'yet', 'will', 'would', 'can', 'could', 'should', 'is', 'was', 'are', 'were', 'anyone', 'anybody', 'everyone', 'we', 'you', 'they', 'he', 'she', 'i', 'it', 'there', 'the', 'a', 'an']);

function opensClause(tokens: Token[], cue: SequenceMatch): boolean {
  const next = tokens[cue.end];
  return next !== undefined && (next.kind === 'word' || next.kind === 'number') && CLAUSE_OPENERS.has(next.key);
}

/** A turn of a transcript or chat: "HOST:", "DR AYESHA MALIK:", "Q:", "[18/11, 06:02] Riaan Botha:". */
const turn = /^[ \t]*(?:\[[^\]\r\n]{1,40}\][ \t]*)?([A-Z][\p{L}.'\u2019-]*(?:[ \t]+[A-Z][\p{L}.'\u2019-]*){0,3})[ \t]*:/u;

/**
 * The next speaker's reply to a paragraph: the line right after it (only markup may follow its
 * last word) when both lines are turns of different speakers ("HOST: Some say AI will make
 * pharmacists 'useless'." / "GUEST: That is wrong."). The parser makes each line a paragraph of
 * its own. A list item, a heading or the same speaker's next line is not a reply.
 */
function replyAfter(text: string, paragraph: Paragraph): Sentence | undefined {
  const lineEnd = nextLineBreak(text, paragraph.end);
  if (/[\p{L}\p{N}]/u.test(text.slice(paragraph.end, lineEnd))) return undefined;
  let lineStart = paragraph.start;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  const speaker = turn.exec(text.slice(lineStart, lineEnd))?.[1];
  if (speaker === undefined || lineEnd >= text.length) return undefined;
  const replyStart = text.startsWith('\r\n', lineEnd) ? lineEnd + 2 : lineEnd + 1;
  const reply = text.slice(replyStart, nextLineBreak(text, replyStart));
  const replier = turn.exec(reply)?.[1];
  if (replier === undefined || replier.toLowerCase() === speaker.toLowerCase()) return undefined;
  return tokenizeSentence(reply, replyStart);
}

/** Where the line holding `from` ends; a scan of that line only, however long the text. */
function nextLineBreak(text: string, from: number): number {
  let at = from;
  while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
  return at;
}
