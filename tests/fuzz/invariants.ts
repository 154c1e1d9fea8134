// The invariants every finding must satisfy, checked independently of src/core/position.ts.
import type { Finding, Point } from '../../src/index.js';

/** Line starts computed here, not with the module under test: \n, \r\n and a lone \r end a line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') {
      starts.push(i + 2);
      i++;
    } else if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  return starts;
}

function expectedPoint(starts: number[], offset: number): { line: number; column: number } {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line: line + 1, column: offset - starts[line] + 1 };
}

/** Returns a description of the first broken invariant, or undefined. */
export function findingProblem(text: string, finding: Finding, starts = lineStarts(text)): string | undefined {
  const { start, end } = finding;
  const where = `${finding.ruleId} [${start.offset}, ${end.offset})`;
  for (const point of [start, end] as Point[]) {
    if (!Number.isInteger(point.offset) || !Number.isInteger(point.line) || !Number.isInteger(point.column)) return `${where}: non-integer position ${JSON.stringify(point)}`;
  }
  if (!(0 <= start.offset && start.offset <= end.offset && end.offset <= text.length)) return `${where}: offsets outside 0..${text.length}`;
  const slice = text.slice(start.offset, end.offset);
  if (slice !== finding.actual) return `${where}: actual ${JSON.stringify(finding.actual)} but the text there is ${JSON.stringify(slice)}`;
  for (const [name, point] of [['start', start], ['end', end]] as const) {
    const want = expectedPoint(starts, point.offset);
    if (want.line !== point.line || want.column !== point.column) {
      return `${where}: ${name} is ${point.line}:${point.column} but offset ${point.offset} is ${want.line}:${want.column}`;
    }
  }
  for (const [name, offset] of [['start', start.offset], ['end', end.offset]] as const) {
    if (splitsPair(text, offset)) return `${where}: ${name} offset ${offset} splits a surrogate pair`;
  }
  if (finding.fix) {
    const [from, to] = finding.fix.range;
    if (!(0 <= from && from <= to && to <= text.length)) return `${where}: fix range [${from}, ${to}) outside the text`;
  }
  return undefined;
}

export function allProblems(text: string, findings: Finding[]): string[] {
  const starts = lineStarts(text);
  return findings.map((finding) => findingProblem(text, finding, starts)).filter((p): p is string => p !== undefined);
}

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, offset: number): boolean {
  const high = text.charCodeAt(offset - 1);
  const low = text.charCodeAt(offset);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}
