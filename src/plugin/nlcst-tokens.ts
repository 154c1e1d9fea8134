// The bridge from retext's sentence segmentation (nlcst) to the core's token stream.
import type { Paragraph as NlcstParagraph, Root, Sentence as NlcstSentence } from 'nlcst';
import { breakToken, tokenizeRun, type Paragraph, type Sentence, type Token } from '../core/match/tokens.js';

/**
 * Paragraphs with their sentences and tokens. Adjacent nodes with no source gap between them form
 * one run, re-tokenised by the core so `1,200`, `head-count` and `staff’s` are single tokens;
 * inline code becomes a break that no pattern crosses.
 */
export function paragraphsFromNlcst(tree: Root, text: string, base = 0): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const visitParagraph = (node: NlcstParagraph) => {
    const sentences: Sentence[] = [];
    for (const child of node.children) {
      if (child.type === 'SentenceNode') {
        const sentence = sentenceFrom(child, text, base);
        if (sentence) sentences.push(sentence);
      }
    }
    if (sentences.length > 0) paragraphs.push({ start: sentences[0].start, end: sentences.at(-1)!.end, sentences });
  };
  for (const child of tree.children) {
    if (child.type === 'ParagraphNode') visitParagraph(child);
    else if (child.type === 'SentenceNode') {
      const sentence = sentenceFrom(child, text, base);
      if (sentence) paragraphs.push({ start: sentence.start, end: sentence.end, sentences: [sentence] });
    }
  }
  return paragraphs;
}

/** nlcst offsets index `text`; `base` is where `text` starts in the document (a block parsed on its own). */
function sentenceFrom(node: NlcstSentence, text: string, base: number): Sentence | undefined {
  const tokens: Token[] = [];
  let runStart = -1;
  let runEnd = -1;
  const flush = () => {
    if (runStart >= 0) tokenizeRun(text.slice(runStart, runEnd), runStart + base, tokens);
    runStart = -1;
  };
  for (const child of node.children) {
    if (child.position?.start.offset === undefined || child.position.end.offset === undefined) continue;
    const start = child.position.start.offset;
    const end = child.position.end.offset;
    if (child.type === 'WhiteSpaceNode') {
      flush();
    } else if (child.type === 'SourceNode') {
      flush();
      tokens.push(breakToken(start + base, end + base));
    } else if (runStart >= 0 && start === runEnd) {
      runEnd = end;
    } else {
      flush();
      runStart = start;
      runEnd = end;
    }
  }
  flush();
  if (tokens.length === 0) return undefined;
  return { start: tokens[0].start, end: tokens.at(-1)!.end, tokens };
}
