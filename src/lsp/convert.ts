// Pure conversions between tonelint's findings and LSP shapes: no connection, no I/O, no state.
// Offsets are UTF-16 code units (JavaScript strings); LSP positions are 0-based lines and a
// character count in the negotiated encoding.
import { selectFixes } from '../core/fix.js';
import type { Finding, Severity } from '../core/finding.js';
import type { LineIndex } from '../core/position.js';

export type PositionEncoding = 'utf-8' | 'utf-16' | 'utf-32';
export type DocumentFormat = 'markdown' | 'text' | 'html';

export interface LspPosition {
  line: number;
  character: number;
}

export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

export interface LspTextEdit {
  range: LspRange;
  newText: string;
}

export interface LspDiagnostic {
  range: LspRange;
  severity: 1 | 2 | 3 | 4;
  code: string;
  codeDescription?: { href: string };
  source: 'tonelint';
  message: string;
  tags?: 1[];
}

/** The encodings this server speaks, in its own order of preference. */
export const supportedEncodings: readonly PositionEncoding[] = ['utf-16', 'utf-8', 'utf-32'];

/**
 * The encoding to use given the client's `general.positionEncodings` (its order of preference):
 * the first one we speak, or utf-16, the LSP default every client must accept.
 */
export function negotiateEncoding(clientEncodings: readonly string[] | undefined): PositionEncoding {
  for (const encoding of clientEncodings ?? []) {
    if ((supportedEncodings as readonly string[]).includes(encoding)) return encoding as PositionEncoding;
  }
  return 'utf-16';
}

/** The offset just past the last character of a 0-based LSP line, before its line ending. */
function lineContentEnd(index: LineIndex, line: number): number {
  return index.lineEnd(line + 1);
}

/** How many units of `encoding` the code unit at `i` (the start of a character) takes. */
function unitsAt(text: string, i: number, encoding: PositionEncoding): { units: number; width: number } {
  const code = text.charCodeAt(i);
  const isPair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length &&
    text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff;
  const width = isPair ? 2 : 1;
  if (encoding === 'utf-16') return { units: width, width };
  if (encoding === 'utf-32') return { units: 1, width };
  // utf-8: a surrogate pair is 4 bytes; a lone surrogate is encoded as U+FFFD (3 bytes).
  if (isPair) return { units: 4, width };
  return { units: code < 0x80 ? 1 : code < 0x800 ? 2 : 3, width };
}

/** The LSP position of a UTF-16 offset. Offsets outside the text are clamped. */
export function offsetToPosition(index: LineIndex, offset: number, encoding: PositionEncoding = 'utf-16'): LspPosition {
  // The core's index clamps the offset and finds its line (1-based there, 0-based in the LSP).
  const point = index.pointAt(offset);
  const line = point.line - 1;
  const start = index.lineStarts[line];
  const end = Math.min(point.offset, lineContentEnd(index, line));
  if (encoding === 'utf-16') return { line, character: end - start };
  let character = 0;
  for (let i = start; i < end; ) {
    const { units, width } = unitsAt(index.text, i, encoding);
    // An offset inside a surrogate pair counts as the start of that character.
    if (i + width > end) break;
    character += units;
    i += width;
  }
  return { line, character };
}

/**
 * The UTF-16 offset of an LSP position. A line past the end maps to the end of the text; a
 * character past the end of its line maps to the line's end (the LSP rule); a character inside a
 * multi-unit character maps to that character's start.
 */
export function positionToOffset(index: LineIndex, position: LspPosition, encoding: PositionEncoding = 'utf-16'): number {
  if (position.line < 0) return 0;
  if (position.line >= index.lineStarts.length) return index.text.length;
  const start = index.lineStarts[position.line];
  const end = lineContentEnd(index, position.line);
  const wanted = Math.max(0, position.character);
  if (encoding === 'utf-16') {
    let offset = Math.min(start + wanted, end);
    // Never split a surrogate pair.
    const code = index.text.charCodeAt(offset);
    if (offset > start && code >= 0xdc00 && code <= 0xdfff) {
      const before = index.text.charCodeAt(offset - 1);
      if (before >= 0xd800 && before <= 0xdbff) offset--;
    }
    return offset;
  }
  let character = 0;
  let i = start;
  while (i < end) {
    const { units, width } = unitsAt(index.text, i, encoding);
    if (character + units > wanted) break;
    character += units;
    i += width;
  }
  return i;
}

export function rangeOf(index: LineIndex, start: number, end: number, encoding: PositionEncoding): LspRange {
  return { start: offsetToPosition(index, start, encoding), end: offsetToPosition(index, end, encoding) };
}

export function severityToLsp(severity: Severity): 1 | 2 | 3 {
  return severity === 'error' ? 1 : severity === 'warning' ? 2 : 3;
}

/** A finding as an LSP diagnostic; the range comes from the finding's offsets into `index.text`. */
export function findingToDiagnostic(finding: Finding, index: LineIndex, encoding: PositionEncoding): LspDiagnostic {
  const diagnostic: LspDiagnostic = {
    range: rangeOf(index, finding.start.offset, finding.end.offset, encoding),
    severity: severityToLsp(finding.severity),
    code: finding.ruleId,
    source: 'tonelint',
    message: finding.message,
  };
  if (finding.url) diagnostic.codeDescription = { href: finding.url };
  return diagnostic;
}

/** The edit that replaces the finding's text with one of its suggestions. */
export function suggestionEdit(finding: Finding, suggestion: string, index: LineIndex, encoding: PositionEncoding): LspTextEdit {
  return { range: rangeOf(index, finding.start.offset, finding.end.offset, encoding), newText: suggestion };
}

/**
 * The edits for every safe fix, in offset order, skipping any that overlaps one already taken
 * (the rule `applyFixes` follows, so the editor and the CLI agree) or that changes nothing.
 */
export function fixAllEdits(findings: readonly Finding[], index: LineIndex, encoding: PositionEncoding): LspTextEdit[] {
  return selectFixes(
    index.text,
    findings.map((finding) => finding.fix),
  ).map((fix) => ({ range: rangeOf(index, fix.range[0], fix.range[1], encoding), newText: fix.text }));
}

/** An inline directive in the comment syntax of the format. */
export function directiveComment(kind: 'disable' | 'disable-next-line', ruleId: string, format: DocumentFormat): string {
  const body = `tonelint-${kind} ${ruleId}`;
  return format === 'text' ? `# ${body}` : `<!-- ${body} -->`;
}

/** The line ending the text already uses, so inserted lines match it. */
export function lineEndingOf(text: string): string {
  const newline = text.indexOf('\n');
  if (newline > 0 && text.charCodeAt(newline - 1) === 13) return '\r\n';
  if (newline === -1 && text.includes('\r')) return '\r';
  return '\n';
}

/**
 * Inserts `<!-- tonelint-disable-next-line rule -->` (markdown, HTML) or `# tonelint-disable-next-line
 * rule` (text) on its own line above the line where the finding starts. The new line copies the
 * target line's indentation and blockquote markers so it stays inside the same list item or quote.
 */
export function disableLineEdit(finding: Finding, index: LineIndex, format: DocumentFormat): LspTextEdit {
  const line = offsetToPosition(index, finding.start.offset, 'utf-16').line;
  const lineStart = index.lineStarts[line];
  const content = index.text.slice(lineStart, lineContentEnd(index, line));
  const prefix = format === 'markdown' ? (/^[ \t]*(?:>[ \t]*)*/.exec(content)?.[0] ?? '') : (/^[ \t]*/.exec(content)?.[0] ?? '');
  const position = { line, character: 0 };
  return {
    range: { start: position, end: position },
    newText: `${prefix}${directiveComment('disable-next-line', finding.ruleId, format)}${lineEndingOf(index.text)}`,
  };
}

/**
 * Inserts `<!-- tonelint-disable rule -->` (markdown, HTML) or `# tonelint-disable rule` (text) at the
 * top of the file, after a markdown front matter block so that block stays first.
 */
export function disableFileEdit(ruleId: string, index: LineIndex, format: DocumentFormat): LspTextEdit {
  const eol = lineEndingOf(index.text);
  let line = 0;
  if (format === 'markdown') {
    const end = frontMatterEndLine(index);
    if (end !== undefined) line = end + 1;
  }
  const atEnd = line >= index.lineStarts.length;
  const position = atEnd
    ? offsetToPosition(index, index.text.length, 'utf-16')
    : { line, character: 0 };
  const comment = directiveComment('disable', ruleId, format);
  return { range: { start: position, end: position }, newText: atEnd ? `${eol}${comment}${eol}` : `${comment}${eol}` };
}

/** The 0-based line of the closing fence of a YAML (`---`) or TOML (`+++`) front matter block. */
function frontMatterEndLine(index: LineIndex): number | undefined {
  const lineText = (line: number) => index.text.slice(index.lineStarts[line], lineContentEnd(index, line));
  const first = lineText(0).replace(/^\uFEFF/, '');
  const fence = first === '---' ? /^---\s*$/ : first === '+++' ? /^\+\+\+\s*$/ : undefined;
  if (!fence) return undefined;
  for (let line = 1; line < index.lineStarts.length; line++) {
    if (fence.test(lineText(line))) return line;
  }
  return undefined;
}

/** Whether a finding touches an offset range; an empty range (a cursor) touches both ends. */
export function findingTouches(finding: Finding, start: number, end: number): boolean {
  return finding.start.offset <= end && finding.end.offset >= start;
}

/** The hover text for a finding, as Markdown. */
export function hoverMarkdown(
  finding: Finding,
  rule: { summary?: string; rationale?: string; suggestions?: string[]; url?: string } | undefined,
): string {
  const parts = [`**${finding.message}**`, '', `\`${finding.ruleId}\` · ${finding.category} · ${finding.severity}`];
  if (rule?.summary) parts.push('', rule.summary.trim());
  if (rule?.rationale) parts.push('', rule.rationale.trim());
  if (finding.confidence !== undefined) parts.push('', `Learned scorer: confidence ${finding.confidence.toFixed(2)}${finding.cues?.length ? `; cues: ${finding.cues.map((cue) => `“${cue}”`).join(', ')}` : ''}.`);
  const rewrites = finding.suggestions.length > 0 ? finding.suggestions : (rule?.suggestions ?? []);
  if (rewrites.length > 0) {
    parts.push('', finding.advice ? 'What to do:' : 'Rewrites:', '', ...rewrites.map((rewrite) => `- ${rewrite}`));
  }
  const url = finding.url || rule?.url;
  if (url) parts.push('', `[Rule documentation](${url})`);
  return parts.join('\n');
}

/** A title that shows the rewrite, with long suggestions shortened for menus. */
export function suggestionTitle(finding: Finding, suggestion: string): string {
  const shown = suggestion.length > 60 ? `${suggestion.slice(0, 57)}…` : suggestion;
  return `Replace “${finding.actual}” with “${shown}”`;
}
