// The fast path: parse into sentences only the blocks where a rule could match. retext's
// sentence parse is the most expensive step of a run and most prose never mentions jobs, so a
// cheap word test on each block's raw text (Engine#mayMatch) skips it for almost every block.
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import { ParseEnglish } from 'parse-english';
import { LEAD_CHARACTERS } from '../core/engine.js';
import { OBJECT_REPLACEMENT, type Paragraph } from '../core/match/tokens.js';
import { sameLengthLineEnds } from '../core/position.js';
import { paragraphsFromNlcst } from './nlcst-tokens.js';

const parser = new ParseEnglish();

/**
 * Decides from a block's raw text whether it is worth parsing (the engine, the scorer's gate, or
 * both); `start` is where the block starts in the document, when the caller knows it.
 */
export interface BlockGate {
  mayMatch(text: string, start?: number): boolean;
}

/**
 * The blocks worth parsing when the memo heads are on: those a rule may match or the heads' gate
 * may admit, and every block of the lead, which a `lead_only` rule reads whole once a lead
 * sentence holds one of its `lead_topic` terms.
 */
export function learnedBlockGate(engine: BlockGate, heads: BlockGate): BlockGate {
  return { mayMatch: (block, start) => (start !== undefined && start < LEAD_CHARACTERS) || engine.mayMatch(block) || heads.mayMatch(block) };
}

/**
 * Where a syntax tree's offsets lie in the document: shifted by a piece's start, or mapped
 * through the parts of a sparse source (see sparse.ts). A node's end is mapped on its own
 * because the end of one part and the start of the next are the same offset in the tree.
 */
export interface NodeOffsets {
  start(offset: number): number;
  end(offset: number): number;
}

const shiftedBy = (base: number): NodeOffsets => ({ start: (offset) => offset + base, end: (offset) => offset + base });

/** Blocks whose children are inline text; tables are linted cell by cell (mdast-util-to-nlcst skips them). */
const textBlocks = new Set(['paragraph', 'heading', 'tableCell']);
const ignored = ['code', 'html', 'yaml', 'toml', 'math', 'inlineMath'];

/**
 * Sentences of the Markdown blocks that may match, with offsets into the whole document.
 *
 * Each such block is read through a projection of its source at the same length: the words of
 * its text nodes stay where they are, markup (emphasis marks, link targets, HTML) becomes spaces
 * and inline code becomes object-replacement characters, which no pattern crosses. Parsing the
 * projection as plain text keeps every offset exact, where mdast-util-to-nlcst loses them when
 * Markdown drops spaces at line ends, and costs time linear in the block.
 */
export function markdownParagraphs(tree: MdastRoot, text: string, gate: BlockGate, base: number | NodeOffsets = 0): Paragraph[] {
  const at = typeof base === 'number' ? shiftedBy(base) : base;
  const paragraphs: Paragraph[] = [];
  // An explicit stack, in document order: 10k nested block quotes must not overflow the call stack.
  const stack: MdastNodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ignored.includes(node.type)) continue;
    if (textBlocks.has(node.type) && 'children' in node) {
      if (node.position?.start.offset === undefined || node.position.end.offset === undefined) continue;
      const start = at.start(node.position.start.offset);
      const end = at.end(node.position.end.offset);
      if (!gate.mayMatch(text.slice(start, end), start)) continue;
      const projection = sameLengthLineEnds(project(node, text, start, end, at));
      for (const paragraph of parseParagraphs(projection, start)) paragraphs.push(paragraph);
      continue;
    }
    if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index] as MdastNodes);
  }
  return paragraphs;
}

/** Above this, a block is parsed in slices (see parseParagraphs). */
export const SLICE_CHARACTERS = 32 * 1024;
/** How far past SLICE_CHARACTERS a cut may fall: slices stay bounded, and each search is too. */
const SLICE_SLACK = 8 * 1024;
// A sentence end: terminal punctuation, closing quotes or brackets, then white space.
const sentenceEnd = /[.!?]["'\u201d\u2019)\]]*\s+/g;
const space = /\s+/g;

/**
 * Paragraphs of one block. retext's parse of a block costs memory in proportion to its length
 * (1.3 GB for one 4 MB line), so a block longer than SLICE_CHARACTERS is parsed in slices cut at
 * sentence ends (or, in a run with none, at a space), and the slices' sentences are joined back
 * into the block's paragraph. A block holds no blank line, so it is one paragraph.
 */
function parseParagraphs(source: string, base: number): Paragraph[] {
  if (source.length <= SLICE_CHARACTERS) return paragraphsFromNlcst(parser.parse(source), source, base);
  const paragraphs: Paragraph[] = [];
  let from = 0;
  while (from < source.length) {
    const to = source.length - from > SLICE_CHARACTERS + SLICE_SLACK ? sliceEnd(source, from + SLICE_CHARACTERS) : source.length;
    const slice = source.slice(from, to);
    const [first, ...rest] = paragraphsFromNlcst(parser.parse(slice), slice, base + from);
    const last = paragraphs.at(-1);
    if (last && first) {
      for (const sentence of first.sentences) last.sentences.push(sentence);
      last.end = first.end;
    } else if (first) paragraphs.push(first);
    paragraphs.push(...rest);
    from = to;
  }
  return paragraphs;
}

/** Where to cut after `from`: the first sentence end within SLICE_SLACK, else a space, else its end. */
function sliceEnd(source: string, from: number): number {
  const window = source.slice(from, from + SLICE_SLACK);
  for (const boundary of [sentenceEnd, space]) {
    boundary.lastIndex = 0;
    const found = boundary.exec(window);
    if (found) return from + found.index + found[0].length;
  }
  return from + window.length;
}
const blank = (source: string) => source.replace(/[^\r\n]/g, ' ');

function project(block: MdastNodes, text: string, start: number, end: number, at: NodeOffsets): string {
  const pieces: string[] = [];
  let cursor = start;
  const keep = (node: MdastNodes, replace?: string) => {
    if (node.position?.start.offset === undefined || node.position.end.offset === undefined) return;
    const from = at.start(node.position.start.offset);
    const to = at.end(node.position.end.offset);
    if (from < cursor || to > end) return;
    pieces.push(blank(text.slice(cursor, from)), replace === undefined ? text.slice(from, to) : replace.repeat(to - from));
    cursor = to;
  };
  const stack: MdastNodes[] = [block];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') keep(node);
    else if (node.type === 'inlineCode' || (node.type as string) === 'inlineMath') keep(node, OBJECT_REPLACEMENT);
    else if ('children' in node && !ignored.includes(node.type)) {
      for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index] as MdastNodes);
    }
  }
  pieces.push(blank(text.slice(cursor, end)));
  return pieces.join('');
}

/**
 * Where a long Markdown text can be cut into pieces that parse alone to the same blocks: blank
 * lines outside fenced code and HTML comments, before a line that is not indented (an indented
 * one could continue a list item or start indented code). Parsing 1 MB as ~64 KB pieces keeps the
 * syntax trees small: peak memory falls by half and garbage collection with it.
 */
export function markdownChunks(text: string, minimum = 64 * 1024): [number, number][] {
  if (text.length <= minimum) return [[0, text.length]];
  const chunks: [number, number][] = [];
  let chunkStart = 0;
  let fence: string | undefined;
  let inComment = false;
  let previousBlank = false;
  const lineEnd = /\r\n|\r|\n/g;
  let lineStart = 0;
  // Front matter belongs to the first piece.
  const frontMatter = /^(---|\+\+\+)\r?\n[\s\S]*?\r?\n\1[ \t]*(?:\r?\n|$)/.exec(text);
  if (frontMatter) lineStart = frontMatter[0].length;
  lineEnd.lastIndex = lineStart;
  while (lineStart < text.length) {
    const match = lineEnd.exec(text);
    const end = match ? match.index : text.length;
    const next = match ? match.index + match[0].length : text.length;
    const line = text.slice(lineStart, end);
    const blank = /^[ \t]*$/.test(line);
    if (fence === undefined && !inComment && previousBlank && !blank && !/^[ \t]/.test(line) && lineStart - chunkStart >= minimum) {
      chunks.push([chunkStart, lineStart]);
      chunkStart = lineStart;
    }
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== undefined) {
      if (opener && opener[1][0] === fence[0] && opener[1].length >= fence.length && /^ {0,3}[`~]+[ \t]*$/.test(line)) fence = undefined;
    } else if (opener) {
      fence = opener[1];
    } else if (inComment) {
      if (line.includes('-->')) inComment = false;
    } else if (line.lastIndexOf('<!--') > line.lastIndexOf('-->')) {
      inComment = true;
    }
    previousBlank = blank;
    lineStart = next;
    if (!match) break;
  }
  chunks.push([chunkStart, text.length]);
  return chunks;
}

const blankLine = /(?:\r?\n|\r)[ \t]*(?:(?:\r?\n|\r)[ \t]*)+/g;

/**
 * Sentences of the plain-text paragraphs (split at blank lines) that may match. `forParsing` is
 * the same text at the same length with one kind of line end (see sameLengthLineEnds).
 */
export function textParagraphs(text: string, gate: BlockGate, forParsing = text): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let start = 0;
  const take = (end: number) => {
    const source = forParsing.slice(start, end);
    if (source.trim() !== '' && gate.mayMatch(source, start)) for (const paragraph of parseParagraphs(source, start)) paragraphs.push(paragraph);
  };
  blankLine.lastIndex = 0;
  for (let match = blankLine.exec(forParsing); match !== null; match = blankLine.exec(forParsing)) {
    take(match.index);
    start = match.index + match[0].length;
  }
  take(text.length);
  return paragraphs;
}
