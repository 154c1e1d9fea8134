// Documents that are not read as they are stored (HTML, Word): the prose tonelint reads from
// them, where each piece of it came from, and the places people use to find a finding again
// (line and column in the HTML they wrote; paragraph, table cell and the words around it in a
// Word document, which has no lines). Pure.
import type { Finding } from './finding.js';
import { createLineIndex } from './position.js';
import { applyDirectives, parseDirectives, type DisableDirective } from './suppress.js';
import { countByCategory, type DocumentSummary } from './summary.js';

/** Where a block of prose sits in a document that has no lines (a Word document). */
export interface BlockPlace {
  /** 1-based, counting every paragraph with text in it (headings, list items and table cells too). */
  paragraph: number;
  /** 1-based table, row and column, for a paragraph in a table cell (the innermost table). */
  table?: { table: number; row: number; column: number };
}

/** A finding's place in a Word document: its paragraph (and cell) and the words around it. */
export interface Place extends BlockPlace {
  /** Up to five words before the finding in its paragraph. */
  before: string;
  /** The words of the finding itself. */
  text: string;
  /** Up to five words after it. */
  after: string;
}

export interface ReadBlock {
  /** Offsets into `ReadText.text`. */
  start: number;
  end: number;
  place: BlockPlace;
}

/** The prose read from a document: blocks separated by blank lines, and where each came from. */
export interface ReadText {
  text: string;
  blocks: ReadBlock[];
  /** The source offset of each offset of `text` (length `text.length + 1`), when the source is text (HTML). */
  sourceOffsets?: number[];
}

/** The place of a range of the read text: the block it starts in and up to five words either side. */
export function placeOf(read: ReadText, start: number, end: number): Place | undefined {
  const block = blockAt(read.blocks, start);
  if (!block) return undefined;
  const beforeText = read.text.slice(block.start, Math.max(block.start, start));
  const afterText = read.text.slice(Math.min(block.end, end), block.end);
  // Whole words with the spacing between them kept, so "month." stays one piece.
  const before = (/(?:\S+\s*){0,5}$/.exec(beforeText)?.[0] ?? '').replace(/\s+/g, ' ');
  const after = (/^(?:\s*\S+){0,5}/.exec(afterText)?.[0] ?? '').replace(/\s+/g, ' ');
  return { ...block.place, before, text: read.text.slice(start, end).replace(/\s+/g, ' '), after };
}

/** "paragraph 4 (table 1, row 2, column 3)". */
export function describePlace(place: BlockPlace): string {
  const cell = place.table ? ` (table ${place.table.table}, row ${place.table.row}, column ${place.table.column})` : '';
  return `paragraph ${place.paragraph}${cell}`;
}

/** The words around a finding as one line: `…before [finding] after…`. */
export function describeContext(place: Place): string {
  return `${place.before ? `…${place.before}` : ''}[${place.text}]${place.after ? `${place.after}…` : ''}`;
}

/** A message that names a line of the read text ("(line 13)") names its paragraph instead. */
export function messageInParagraphs(message: string, read: ReadText): string {
  if (!/\bline \d/.test(message)) return message;
  const lines = createLineIndex(read.text);
  return message.replace(/\bline (\d+)\b/g, (words, line: string) => {
    const paragraph = blockAt(read.blocks, lines.offsetAt(Number(line), 1))?.place.paragraph;
    return paragraph !== undefined ? `paragraph ${paragraph}` : words;
  });
}

/** A summary of the read text of a Word document, with the paragraph of each line it names. */
export function summaryInParagraphs(summary: DocumentSummary, read: ReadText): DocumentSummary {
  const lines = createLineIndex(read.text);
  const paragraph = (line: number) => blockAt(read.blocks, lines.offsetAt(line, 1))?.place.paragraph;
  return movePlaces(summary, (place) => {
    const found = place.line !== undefined ? paragraph(place.line) : undefined;
    return found !== undefined ? { ...place, paragraph: found } : place;
  });
}

/** The summary with `move` applied to each place it names (the announcement and each element). */
function movePlaces(summary: DocumentSummary, move: <T extends { line?: number }>(place: T) => T): DocumentSummary {
  const moved: DocumentSummary = { ...summary };
  if (moved.announcement) moved.announcement = move(moved.announcement);
  if (moved.elements) {
    moved.elements = Object.fromEntries(Object.entries(moved.elements).map(([name, element]) => [name, move(element)])) as DocumentSummary['elements'];
  }
  return moved;
}

function blockAt(blocks: readonly ReadBlock[], offset: number): ReadBlock | undefined {
  let low = 0;
  let high = blocks.length - 1;
  let found: ReadBlock | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (blocks[mid].start <= offset) {
      found = blocks[mid];
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** The read-text offset of a source offset: the first read offset at or after it. */
export function readOffsetOf(read: ReadText, sourceOffset: number): number {
  const offsets = read.sourceOffsets;
  if (!offsets) return sourceOffset;
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid] < sourceOffset) low = mid + 1;
    else high = mid;
  }
  return low;
}

export interface SourceResult {
  findings: Finding[];
  unusedDisableDirectives: DisableDirective[];
  summary: DocumentSummary;
}

/**
 * Findings on the read text of an HTML source, moved to the source: offsets, lines and columns
 * of the HTML a person wrote. A safe fix stays only where the source says exactly what was read
 * (no markup or character reference inside the span). HTML comments carry the inline directives
 * (`<!-- tonelint-disable-next-line rule -->`), as in Markdown.
 */
export function resultInSource(
  source: string,
  read: ReadText,
  result: { findings: Finding[]; summary: DocumentSummary },
  reportUnused: boolean,
): SourceResult {
  const offsets = read.sourceOffsets ?? [];
  const at = (offset: number) => offsets[Math.max(0, Math.min(offset, offsets.length - 1))] ?? offset;
  // A span ends after its last character in the source, which may be a character reference.
  const endAt = (offset: number) => (offset > 0 ? sourceEndOf(source, at(offset - 1)) : at(offset));
  const lines = createLineIndex(source);
  const moved = result.findings.map((finding): Finding => {
    const start = at(finding.start.offset);
    const end = Math.max(start, endAt(finding.end.offset));
    const { fix, ...rest } = finding;
    const moved: Finding = { ...rest, start: lines.pointAt(start), end: lines.pointAt(end) };
    if (fix) {
      const [fixStart, fixEnd] = fix.range;
      const from = at(fixStart);
      const to = fixEnd > fixStart ? endAt(fixEnd) : from;
      if (source.slice(from, to) === read.text.slice(fixStart, fixEnd)) moved.fix = { range: [from, to], text: fix.text };
    }
    return moved;
  });
  const { findings, unused } = applyDirectives(moved, parseDirectives(source, 'markdown'));
  const counts = countByCategory(findings);
  const readLines = createLineIndex(read.text);
  const line = (readLine: number) => lines.pointAt(at(readLines.offsetAt(readLine, 1))).line;
  const summary = movePlaces({ ...result.summary, counts }, (place) => (place.line !== undefined ? { ...place, line: line(place.line) } : place));
  return { findings, unusedDisableDirectives: reportUnused ? unused : [], summary };
}

/** The source offset just after the character that starts at `offset` (a character reference counts as one). */
function sourceEndOf(source: string, offset: number): number {
  if (source[offset] === '&') {
    const reference = /^&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)/.exec(source.slice(offset, offset + 40));
    if (reference) return offset + reference[0].length;
  }
  const code = source.charCodeAt(offset);
  return offset + (code >= 0xd800 && code <= 0xdbff ? 2 : 1);
}
