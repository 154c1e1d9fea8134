// The fast path: parse into sentences only the blocks where a rule could match. retext's
// sentence parse is the most expensive step of a run and most prose never mentions jobs, so a
// cheap word test on each block's raw text (Engine#mayMatch) skips it for almost every block.
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import { toNlcst } from 'mdast-util-to-nlcst';
import { ParseEnglish } from 'parse-english';
import type { Engine } from '../core/engine.js';
import type { Paragraph } from '../core/match/tokens.js';
import { paragraphsFromNlcst } from './nlcst-tokens.js';

const parser = new ParseEnglish();
/** Blocks whose children are inline text; tables are linted cell by cell (mdast-util-to-nlcst skips them). */
const textBlocks = new Set(['paragraph', 'heading', 'tableCell']);
const ignored = ['code', 'html', 'yaml', 'toml', 'math', 'inlineMath'];

/** Sentences of the Markdown blocks that may match, with offsets into the whole document. */
export function markdownParagraphs(tree: MdastRoot, text: string, engine: Engine): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const visit = (node: MdastNodes) => {
    if (ignored.includes(node.type)) return;
    if (textBlocks.has(node.type) && 'children' in node) {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      const source = text.slice(start, end);
      if (!engine.mayMatch(source)) return;
      // The block is converted on its own, with positions relative to its start, so the cost is
      // linear in the block and never in what came before it.
      const block = relativeTo({ ...node, type: 'paragraph' } as MdastNodes, start, node.position!.start.line - 1);
      const root = toNlcst(block as never, { messages: [], toString: () => source } as never, parser, { ignore: ignored });
      paragraphs.push(...paragraphsFromNlcst(root, text, start));
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as MdastNodes);
  };
  visit(tree);
  return paragraphs;
}

/** A copy of a subtree with positions shifted to start at offset 0, line 1. */
function relativeTo<T extends { position?: unknown; children?: unknown[] }>(node: T, offset: number, lines: number): T {
  const copy = { ...node } as T & { position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } } };
  const position = copy.position;
  if (position) {
    copy.position = {
      start: { line: position.start.line - lines, column: position.start.column, offset: (position.start.offset ?? 0) - offset },
      end: { line: position.end.line - lines, column: position.end.column, offset: (position.end.offset ?? 0) - offset },
    };
  }
  if (Array.isArray(copy.children)) copy.children = copy.children.map((child) => relativeTo(child as T, offset, lines));
  return copy;
}

const blankLine = /(?:\r?\n|\r)[ \t]*(?:(?:\r?\n|\r)[ \t]*)+/g;

/** Sentences of the plain-text paragraphs (split at blank lines) that may match. */
export function textParagraphs(text: string, engine: Engine): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let start = 0;
  const take = (end: number) => {
    const source = text.slice(start, end);
    if (source.trim() !== '' && engine.mayMatch(source)) paragraphs.push(...paragraphsFromNlcst(parser.parse(source), text, start));
  };
  blankLine.lastIndex = 0;
  for (let match = blankLine.exec(text); match !== null; match = blankLine.exec(text)) {
    take(match.index);
    start = match.index + match[0].length;
  }
  take(text.length);
  return paragraphs;
}
