// Before micromark: cut out of a Markdown piece the lines that cannot change what the linter
// sees, so the parser reads less. Micromark is most of a run on long READMEs, and much of a
// README is code or prose no rule can match. Pure: text in, the pieces to keep out.
//
// Two kinds of lines are dropped, each only where the line scanner is sure of the structure
// (when unsure it keeps everything):
//   - the content lines of a fenced code block that opens at column 0: code is never linted,
//     and with its fence lines kept the block still opens and closes where it did;
//   - a top-level region (from a line that starts at column 0 after a blank line, up to the
//     next such line) whose text the gate rejects: every block in it would be skipped anyway,
//     and a blank line then a line at column 0 closes every container and paragraph, so what
//     follows parses the same without it. Not quite everything: after indented code micromark
//     reads "3." or an empty "-" at column 0 differently from after a paragraph, so a region
//     never ends right after indented code (tests/plugin/sparse.test.ts compares with a whole
//     parse).
import type { BlockGate } from './blocks.js';

/** The kept parts of a piece, as [from, to) offsets into it, in order; `source` is their concatenation. */
export interface SparseSource {
  source: string;
  kept: [number, number][];
}

/**
 * Maps offsets in a SparseSource's `source` back to offsets in the document. No block or text
 * node spans two kept parts (a cut falls only between lines that end or open blocks), so a
 * node's start maps through the part it starts in and its end through the part it ends in.
 */
export class SparseOffsets {
  /** Where each kept part starts in `source`. */
  private readonly starts: number[] = [];

  constructor(
    private readonly kept: [number, number][],
    private readonly base: number,
  ) {
    let at = 0;
    for (const [from, to] of kept) {
      this.starts.push(at);
      at += to - from;
    }
  }

  /** A node's start: the part it lies in. */
  start(offset: number): number {
    return this.map(offset, this.partAt(offset));
  }

  /** A node's end (exclusive): the part its last character lies in. */
  end(offset: number): number {
    return this.map(offset, this.partAt(offset - 1));
  }

  private map(offset: number, part: number): number {
    return this.base + this.kept[part][0] + (offset - this.starts[part]);
  }

  /** The last part starting at or before `offset` (binary search; parts are in order). */
  private partAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

// Openers of HTML blocks that may run over blank lines (CommonMark kinds 1-5), searched anywhere
// in a line (a superset of where they can start), each with what ends it.
const longHtml: [RegExp, RegExp][] = [
  [/<script(?=[\s>]|$)/i, /<\/script>/i],
  [/<pre(?=[\s>]|$)/i, /<\/pre>/i],
  [/<style(?=[\s>]|$)/i, /<\/style>/i],
  [/<textarea(?=[\s>]|$)/i, /<\/textarea>/i],
  [/<!--/, /-->/],
  [/<\?/, /\?>/],
  [/<![A-Za-z]/, />/],
  [/<!\[CDATA\[/, /\]\]>/],
];
const frontMatterAt = /^(---|\+\+\+)\r?\n[\s\S]*?\r?\n\1[ \t]*(?:\r?\n|$)/;
const fenceLine = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const blankLine = /^[ \t]*$/;
// A line that may open any HTML block at top level; the short kinds (6, 7) end at a blank line.
const htmlStart = /^ {0,3}</;
// Indented code (a tab, or four spaces, before the text).
const indentedCode = /^(?: {0,3}\t| {4})/;
// Deep nesting is where remark may overflow its stack (lint() then falls back to plain text):
// a region that nests deeply is kept, so that fallback happens as it did.
const deepNesting = /(?:[>*+-][ \t]*){64}/;
// Link reference and footnote definitions change how other blocks parse: their regions stay.
const definition = ']:';

interface Region {
  from: number;
  to: number;
  /** The region's text outside dropped code, joined by line ends (for the gate). */
  prose: string[];
  /** Kept [from, to) parts of the region when the region itself stays. */
  parts: [number, number][];
  /** False when the scanner was unsure somewhere in the region: it then stays whole. */
  droppable: boolean;
}

/**
 * The parts of `text` (one piece from markdownChunks) worth parsing. The first region always
 * stays, so the kept text starts where the piece does (front matter is recognised only there).
 * The gate is told where each region starts in the piece.
 */
export function sparseMarkdown(text: string, gate: BlockGate): SparseSource {
  const whole: SparseSource = { source: text, kept: [[0, text.length]] };
  // A lone CR ends a line for micromark but not for this scanner: keep such a piece whole.
  if (/\r(?!\n)/.test(text)) return whole;
  // Front matter (which remark reads only at the very start) stays with the first region; a
  // start that looks like front matter but is not matched here keeps the piece whole.
  const frontMatter = frontMatterAt.exec(text)?.[0].length ?? 0;
  if (frontMatter === 0 && /^(?:---|\+\+\+)/.test(text)) return whole;
  const regions = scanRegions(text, frontMatter);
  const kept: [number, number][] = [];
  const keep = (from: number, to: number) => {
    const last = kept.at(-1);
    if (last && last[1] === from) last[1] = to;
    else if (to > from) kept.push([from, to]);
  };
  regions.forEach((region, index) => {
    const prose = region.prose.join('\n');
    const stays = index === 0 || !region.droppable || prose.includes(definition) || deepNesting.test(prose) || gate.mayMatch(prose, region.from);
    if (stays) for (const [from, to] of region.parts) keep(from, to);
  });
  return { source: kept.length === 1 && kept[0][0] === 0 && kept[0][1] === text.length ? text : kept.map(([from, to]) => text.slice(from, to)).join(''), kept };
}

/**
 * Splits a piece into top-level regions, line by line, tracking fenced code and HTML blocks.
 * A region ends before a line at column 0 that follows a blank line, when no fence or HTML
 * block may be open. After a fence opener indented 1-3 spaces (which may sit in a list item
 * or at top level, and so may or may not close at a later fence line) the scanner cannot be
 * sure of fences any more, and the rest of the piece is one region that stays whole.
 */
function scanRegions(text: string, frontMatter: number): Region[] {
  const regions: Region[] = [];
  let region: Region = { from: 0, to: 0, prose: [text.slice(0, frontMatter)], parts: [[0, frontMatter]], droppable: true };
  let fence: string | undefined;
  let unsure = false;
  const openHtml = new Set<number>();
  let shortHtml = false;
  let previousBlank = false;
  let afterIndentedCode = false;
  let lineStart = frontMatter;
  const addPart = (from: number, to: number) => {
    const last = region.parts.at(-1);
    if (last && last[1] === from) last[1] = to;
    else region.parts.push([from, to]);
  };
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const next = newline < 0 ? text.length : newline + 1;
    const line = text.slice(lineStart, newline < 0 ? text.length : newline).replace(/\r$/, '');
    const blank = blankLine.test(line);
    const clean = !unsure && fence === undefined && openHtml.size === 0 && !shortHtml && !afterIndentedCode;
    if (clean && previousBlank && !blank && !/^[ \t]/.test(line) && lineStart > region.from) {
      region.to = lineStart;
      regions.push(region);
      region = { from: lineStart, to: lineStart, prose: [], parts: [], droppable: true };
    }
    if (fence !== undefined) {
      // Inside a column-0 fence: only its closer matters; the content lines are dropped.
      if (closesFence(line, fence)) {
        region.prose.push(line);
        addPart(lineStart, next);
        fence = undefined;
      }
    } else {
      region.prose.push(line);
      addPart(lineStart, next);
      const opener = unsure ? undefined : fenceOpener(line);
      // A fence line may open a block, close one the scanner does not know of, or be HTML
      // content: only a column-0 opener where no HTML block may be open is sure to open one.
      if (opener && opener.indent === 0 && openHtml.size === 0 && !shortHtml) fence = opener.marks;
      else if (opener) unsure = true;
      else if (!unsure) {
        trackHtml(line, openHtml);
        // Whatever the long blocks' state: an unclosed inline "<!--" must not hide a <div> block.
        if (blank) shortHtml = false;
        else if (htmlStart.test(line)) shortHtml = true;
      }
    }
    if (unsure) region.droppable = false;
    if (!blank) afterIndentedCode = indentedCode.test(line);
    previousBlank = blank;
    lineStart = next;
  }
  region.to = text.length;
  regions.push(region);
  return regions;
}

/** A fence opener: up to 3 spaces, 3+ backticks or tildes; a backtick fence's info has no backtick. */
function fenceOpener(line: string): { indent: number; marks: string } | undefined {
  const found = fenceLine.exec(line);
  if (!found) return undefined;
  if (found[2][0] === '`' && found[3].includes('`')) return undefined;
  return { indent: found[1].length, marks: found[2] };
}

/** A closing fence: up to 3 spaces, at least as many of the same mark, then only spaces. */
function closesFence(line: string, marks: string): boolean {
  const found = fenceLine.exec(line);
  return found !== null && found[2][0] === marks[0] && found[2].length >= marks.length && blankLine.test(found[3]);
}

/** Updates which long HTML blocks may be open after this line (a start, then its end, may share a line). */
function trackHtml(line: string, open: Set<number>): void {
  longHtml.forEach(([start, end], kind) => {
    const opened = start.exec(line);
    if (opened) {
      const rest = line.slice(opened.index + opened[0].length);
      if (end.test(rest)) open.delete(kind);
      else open.add(kind);
    } else if (open.has(kind) && end.test(line)) open.delete(kind);
  });
}
