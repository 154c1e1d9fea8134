// sparseMarkdown leaves out of micromark's input the code and the regions no rule can match.
// That must never change the sentences the engine is given: parsing the whole piece is the reference.
import { describe, expect, it } from 'vitest';
import { markdownParagraphs, type BlockGate } from '../../src/plugin/blocks.js';
import { SparseOffsets, sparseMarkdown } from '../../src/plugin/sparse.js';
import { parseMarkdown } from '../../src/plugin/processor.js';

// Substring-monotone like the real gates: a text that fails has no part that passes.
const gate: BlockGate = { mayMatch: (text) => /\bstaff\b/.test(text) };

function sentences(text: string, sparse: boolean) {
  if (!sparse) return JSON.stringify(markdownParagraphs(parseMarkdown(text), text, gate));
  const { source, kept } = sparseMarkdown(text, gate);
  return JSON.stringify(markdownParagraphs(parseMarkdown(source), text, gate, new SparseOffsets(kept, 0)));
}

const cases: [string, string][] = [
  ['code and off-topic prose between hits', 'We thank our staff.\n\nNothing here.\n\n```js\nstaff = 1\n```\n\nOur staff again.\n'],
  ['a fence that interrupts a paragraph', 'Text\n```\nstaff\n```\nMore staff.\n'],
  ['a fence line inside an HTML block is not a fence', '<div>\n```\n</div>\n\nstaff here\n\n```\n\nstaff\n'],
  ['a fence indented in a list item', '- item\n\n  ```\n  code\n\nnot code\n```\n\nstaff\n```\n\nstaff after\n'],
  ['an HTML comment over blank lines', '<!--\n\nstaff\n\n-->\n\nIn staff.\n'],
  ['a reference defined in a dropped region', 'Our [staff][x] here.\n\n[x]: https://example.com\n\nElse.\n'],
  ['a footnote defined in a dropped region', 'Our staff[^1].\n\n[^1]: A note.\n'],
  ['front matter with a fence in it', '---\na: 1\n\n```\n---\n\nstaff\n'],
  ['CRLF line ends', 'Off.\r\n\r\n```\r\ncode\r\n```\r\n\r\nOur staff.\r\n'],
  ['lone CR line ends', 'Off.\r\r```\rcode\r```\r\rOur staff.\r'],
  ['an unclosed fence', 'Our staff.\n\n```\nstaff\n\nmore\n'],
  ['a table then a fence', '| a | b |\n| - | - |\n| staff | x |\n```\ncode\n```\n\nstaff\n'],
  // An inline comment left open makes a later <div> line look like HTML content, not a block.
  ['an open inline comment, then an HTML block with a fence in it', '# Notes\n\nDraft <!-- check\n<div>\n-->\n```\n</div>\n\nOur staff will go.\n'],
  // After indented code, micromark reads "3." at column 0 as a paragraph unless a dropped region separates them.
  ['indented code, a dropped region, then an ordered item', 'Install it:\n\n    npm install widget\n\nSome notes follow.\n\n3. Our staff will go.\n'],
  ['indented code with a tab, then an empty-first-line item', 'Run:\n\n\tmake\n\nNotes.\n\n-\n  Our staff will go.\n'],
];

describe('sparseMarkdown gives the engine the same sentences as a whole parse', () => {
  it.each(cases)('%s', (_name, text) => {
    expect(sentences(text, true)).toBe(sentences(text, false));
  });

  it('leaves out fenced code and regions the gate rejects', () => {
    const text = 'Our staff.\n\nNothing here.\n\nstaff:\n```\ncode\n```\n\n```\nmore\n```\n';
    expect(sparseMarkdown(text, gate).source).toBe('Our staff.\n\nstaff:\n```\n```\n\n');
  });

  it("tells the gate where each region starts in the piece, so a gate may keep a document's lead", () => {
    const text = 'Title\n\nNothing here.\n\nNor here.\n';
    const starts: number[] = [];
    const leadGate: BlockGate = { mayMatch: (block, start) => (starts.push(start ?? -1), start !== undefined && start < 10) };
    expect(sparseMarkdown(text, leadGate).source).toBe('Title\n\nNothing here.\n\n');
    expect(starts).toEqual([7, 22]);
  });
});
