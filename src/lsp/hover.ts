// Hover: every finding under the cursor, innermost first, explained with its rule.
import type { Hover, Position } from 'vscode-languageserver/node.js';
import { getRule } from '../index.js';
import { hoverMarkdown, positionToOffset, rangeOf, type PositionEncoding } from './convert.js';
import type { LintSnapshot } from './documents.js';

export function hoverAt(snapshot: LintSnapshot, position: Position, encoding: PositionEncoding, markdown: boolean): Hover | null {
  const offset = positionToOffset(snapshot.index, position, encoding);
  // Innermost first: a phrase finding inside a sentence-level one (the scorer's, a memo's) is what the writer pointed at.
  const here = snapshot.result.findings
    .filter((finding) => finding.start.offset <= offset && offset <= finding.end.offset)
    .sort((a, b) => a.end.offset - a.start.offset - (b.end.offset - b.start.offset));
  if (here.length === 0) return null;
  const value = here.map((finding) => hoverMarkdown(finding, getRule(finding.ruleId))).join('\n\n---\n\n');
  return {
    contents: { kind: markdown ? 'markdown' : 'plaintext', value },
    range: rangeOf(snapshot.index, here[0].start.offset, here[0].end.offset, encoding),
  };
}
