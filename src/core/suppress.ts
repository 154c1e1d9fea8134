// Inline disable/enable comments, ESLint-style, and the directives that suppressed nothing.
//   Markdown:   <!-- tonelint-disable people-as-units -- reason -->
//   Plain text: # tonelint-disable-next-line people-as-units   (or // ...), on its own line
import type { Finding } from './finding.js';
import { createLineIndex } from './position.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line';

export interface DisableDirective {
  kind: DirectiveKind;
  /** Empty: every rule. */
  ruleIds: string[];
  line: number;
  column: number;
  offset: number;
  endOffset: number;
  reason?: string;
}

const markdownDirective = /<!--\s*tonelint-(disable-next-line|disable-line|disable|enable)\b([\s\S]*?)-->/g;
const textDirective = /^[ \t]*(?:#|\/\/)[ \t]*tonelint-(disable-next-line|disable-line|disable|enable)\b([^\r\n]*)$/gm;

/**
 * Plain text with each directive comment line blanked (same length, so offsets hold), for the
 * parsers: a directive is not prose, and read as prose it would open the sentence after it.
 */
export function withoutTextDirectives(text: string): string {
  return text.replace(textDirective, (line) => ' '.repeat(line.length));
}

/** Every directive in the text, in order. */
export function parseDirectives(text: string, format: 'markdown' | 'text'): DisableDirective[] {
  if (!text.includes('tonelint-')) return [];
  const lines = createLineIndex(text);
  const pattern = format === 'markdown' ? markdownDirective : textDirective;
  const directives: DisableDirective[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const [body, reason] = match[2].split(/\s--\s?/, 2);
    const ruleIds = body.split(/[\s,]+/).filter(Boolean);
    const offset = match.index;
    const point = lines.pointAt(offset);
    directives.push({
      kind: match[1] as DirectiveKind,
      ruleIds,
      line: point.line,
      column: point.column,
      offset,
      endOffset: match.index + match[0].length,
      reason: reason?.trim() || undefined,
    });
  }
  return directives;
}

const applies = (directive: DisableDirective, ruleId: string) => directive.ruleIds.length === 0 || directive.ruleIds.includes(ruleId);

export interface SuppressResult {
  findings: Finding[];
  unused: DisableDirective[];
}

/**
 * Drops findings covered by a directive. A `disable` holds from the directive to the next
 * `enable` naming the rule (or any `enable` with no ids); line directives cover one line.
 */
export function applyDirectives(findings: Finding[], directives: DisableDirective[]): SuppressResult {
  if (directives.length === 0) return { findings, unused: [] };
  const used = new Set<DisableDirective>();
  const kept = findings.filter((finding) => {
    const covering = coveringDirective(finding, directives);
    if (covering) used.add(covering);
    return covering === undefined;
  });
  const unused = directives.filter((directive) => directive.kind !== 'enable' && !used.has(directive));
  return { findings: kept, unused };
}

function coveringDirective(finding: Finding, directives: DisableDirective[]): DisableDirective | undefined {
  let open: DisableDirective | undefined;
  for (const directive of directives) {
    if (directive.kind === 'disable-line' && directive.line === finding.start.line && applies(directive, finding.ruleId)) return directive;
    if (directive.kind === 'disable-next-line' && directive.line + 1 === finding.start.line && applies(directive, finding.ruleId)) return directive;
    if (directive.offset > finding.start.offset) continue;
    if (directive.kind === 'disable' && applies(directive, finding.ruleId)) open = directive;
    if (directive.kind === 'enable' && open && (directive.ruleIds.length === 0 || directive.ruleIds.includes(finding.ruleId))) open = undefined;
  }
  return open;
}
