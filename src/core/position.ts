// Offsets (UTF-16 code units) <-> 1-based line/column. One pure module for every adapter.
import type { Point } from './finding.js';

export interface LineIndex {
  /** The text the index was built on. */
  readonly text: string;
  /** Offset where each line starts; line 1 starts at 0. */
  readonly lineStarts: number[];
  /** The offset just past the last character of a 1-based line, before its line ending. */
  lineEnd(line: number): number;
  pointAt(offset: number): Point;
  offsetAt(line: number, column: number): number;
}

/** Lines end at `\n`, `\r\n` or a lone `\r`, as editors and the LSP count them. */
export function createLineIndex(text: string): LineIndex {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) lineStarts.push(i + 1);
    else if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      lineStarts.push(i + 1);
    }
  }
  return {
    text,
    lineStarts,
    lineEnd(line: number): number {
      const index = Math.max(0, Math.min(line - 1, lineStarts.length - 1));
      let end = index + 1 < lineStarts.length ? lineStarts[index + 1] : text.length;
      if (end > lineStarts[index] && text.charCodeAt(end - 1) === 10) end--;
      if (end > lineStarts[index] && text.charCodeAt(end - 1) === 13) end--;
      return end;
    },
    pointAt(offset: number): Point {
      const clamped = Math.max(0, Math.min(offset, text.length));
      let low = 0;
      let high = lineStarts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (lineStarts[mid] <= clamped) low = mid;
        else high = mid - 1;
      }
      return { line: low + 1, column: clamped - lineStarts[low] + 1, offset: clamped };
    },
    offsetAt(line: number, column: number): number {
      const start = lineStarts[Math.max(0, Math.min(line - 1, lineStarts.length - 1))];
      return Math.min(text.length, start + Math.max(0, column - 1));
    },
  };
}

/**
 * The text with every line end written as `\n`, at the same length (`\r\n` becomes ` \n`, a
 * lone `\r` becomes `\n`), so parsers that treat line ends differently see one kind while every
 * offset still points at the same character of the original.
 */
export function sameLengthLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, (ending) => (ending.length === 2 ? ' \n' : '\n')) : text;
}
