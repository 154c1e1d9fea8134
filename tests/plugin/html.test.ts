// readHtml: the prose of an HTML document, block by block, with the source offset of each character.
import { describe, expect, it } from 'vitest';
import { readOffsetOf } from '../../src/core/place.js';
import { readHtml } from '../../src/plugin/html.js';
import { lint } from '../../src/lint.js';

describe('readHtml', () => {
  it('reads each block as its own paragraph and skips script, style, code, pre and the head', () => {
    const read = readHtml(
      '<html><head><title>cut 40 heads</title><style>b{}</style></head><body><h1>Update</h1><p>One <b>two</b>\nthree.</p>' +
        '<pre>cut 40 heads</pre><p>Inline <code>cut 40 heads</code> word.</p><script>cut("40 heads")</script><ul><li>Item</li></ul></body></html>',
    );
    expect(read.text).toBe('Update\n\nOne two three.\n\nInline  word.\n\nItem');
    expect(read.blocks.map((block) => read.text.slice(block.start, block.end))).toEqual(['Update', 'One two three.', 'Inline  word.', 'Item']);
  });

  it('maps every character back to its place in the source, through character references and CRLF', () => {
    const source = '<p>Caf&eacute; &amp; bar\r\nend &#x1F600; x</p>';
    const read = readHtml(source);
    expect(read.text).toBe('Café & bar end 😀 x');
    const offsets = read.sourceOffsets!;
    for (const word of ['Caf', 'bar', 'end', 'x']) {
      const at = read.text.indexOf(word);
      expect(source.slice(offsets[at], offsets[at] + word.length)).toBe(word);
    }
    expect(source.slice(offsets[read.text.indexOf('é')])).toMatch(/^&eacute;/);
    expect(readOffsetOf(read, source.indexOf('end'))).toBe(read.text.indexOf('end'));
  });

  it('numbers paragraphs and names the table cell they are in', () => {
    const read = readHtml('<p>Above</p><table><tr><td><p>A</p></td><td>B</td></tr><tr><td>C</td><td><p>D</p><p>E</p></td></tr></table><p>Below</p>', { fragment: true });
    expect(read.blocks.map((block) => [read.text.slice(block.start, block.end), block.place])).toEqual([
      ['Above', { paragraph: 1 }],
      ['A', { paragraph: 2, table: { table: 1, row: 1, column: 1 } }],
      ['B', { paragraph: 3, table: { table: 1, row: 1, column: 2 } }],
      ['C', { paragraph: 4, table: { table: 1, row: 2, column: 1 } }],
      ['D', { paragraph: 5, table: { table: 1, row: 2, column: 2 } }],
      ['E', { paragraph: 6, table: { table: 1, row: 2, column: 2 } }],
      ['Below', { paragraph: 7 }],
    ]);
  });
});

describe("lint(text, { format: 'html' })", () => {
  it('reports findings at the line and column of the HTML source, and none inside code or script', async () => {
    const source = '<h1>Update</h1>\n<p>We will <em>cut</em> 40 heads\nfrom support.</p>\n<pre>We will cut 40 heads.</pre>\n<script>"We will cut 40 heads"</script>\n';
    const { findings } = await lint(source, { format: 'html' });
    const units = findings.filter((finding) => finding.ruleId === 'people-as-units');
    expect(units).toHaveLength(1);
    expect(units[0].start).toEqual({ line: 2, column: 25, offset: source.indexOf('40 heads') });
    expect(source.slice(units[0].start.offset, units[0].end.offset)).toBe('40 heads');
    // The safe fix edits the HTML in place.
    expect(units[0].fix).toEqual({ range: [source.indexOf('40 heads'), source.indexOf('40 heads') + 8], text: '40 people' });
  });

  it('keeps no safe fix whose span has markup inside it', async () => {
    const source = '<p>We will cut 40 <b>heads</b> from support.</p>';
    const { findings } = await lint(source, { format: 'html' });
    const units = findings.find((finding) => finding.ruleId === 'people-as-units');
    expect(units?.fix).toBeUndefined();
    expect(source.slice(units!.start.offset, units!.end.offset)).toBe('40 <b>heads');
  });

  it('reads disable directives from HTML comments and reports unused ones', async () => {
    const source = '<!-- tonelint-disable-next-line people-as-units -->\n<p>We will cut 40 heads from support.</p>\n<!-- tonelint-disable-next-line threat -->\n<p>Nothing here.</p>';
    const result = await lint(source, { format: 'html', reportUnusedDisableDirectives: true });
    expect(result.findings.map((finding) => finding.ruleId)).not.toContain('people-as-units');
    expect(result.unusedDisableDirectives.map((directive) => directive.line)).toEqual([3]);
    expect(result.summary.counts.dehumanizing).toBe(0);
  });

  it('gives the summary lines of the HTML source', async () => {
    const source = '<html>\n<body>\n<p>Hello.</p>\n<p>We are laying off 40 people in support next month.</p>\n</body>\n</html>';
    const { summary } = await lint(source, { format: 'html' });
    expect(summary.announcesCuts).toBe(true);
    expect(summary.announcement?.line).toBe(4);
  });
});
