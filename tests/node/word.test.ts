// Reading Word documents: real files written by Word (mammoth's test data), documents written
// by the docx package, and the files that are not Word documents at all.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TonelintError } from '../../src/core/errors.js';
import { readWordDocument, readWordFile } from '../../src/node/word.js';
import { wordDocument } from '../helpers/word.js';

const fixtures = join(import.meta.dirname, '../fixtures/word/mammoth');
const blocksOf = (read: Awaited<ReturnType<typeof readWordFile>>) => read.blocks.map((block) => [read.text.slice(block.start, block.end), block.place]);

describe('readWordFile on documents written by Word', () => {
  it('reads each table cell as its own paragraph with its table, row and column', async () => {
    expect(blocksOf(await readWordFile(join(fixtures, 'tables.docx')))).toEqual([
      ['Above', { paragraph: 1 }],
      ['Top left', { paragraph: 2, table: { table: 1, row: 1, column: 1 } }],
      ['Top right', { paragraph: 3, table: { table: 1, row: 1, column: 2 } }],
      ['Bottom left', { paragraph: 4, table: { table: 1, row: 2, column: 1 } }],
      ['Bottom right', { paragraph: 5, table: { table: 1, row: 2, column: 2 } }],
      ['Below', { paragraph: 6 }],
    ]);
  });

  it('reads list items and single paragraphs', async () => {
    expect(blocksOf(await readWordFile(join(fixtures, 'simple-list.docx')))).toEqual([
      ['Apple', { paragraph: 1 }],
      ['Banana', { paragraph: 2 }],
    ]);
    expect((await readWordFile(join(fixtures, 'single-paragraph.docx'))).text).toBe('Walking on imported air');
  });

  it('reads footnotes as paragraphs after the body, without their reference marks', async () => {
    const read = await readWordFile(join(fixtures, 'footnotes.docx'));
    expect(read.text).toBe('Ouch.\n\n A tachyon walks into a bar. \n\n Fin. ');
  });
});

describe('readWordDocument on documents written by the docx package', () => {
  it('keeps a bold run inside its sentence and markup-like text as text', async () => {
    const read = await readWordDocument(await wordDocument([{ bold: ['We will ', 'cut', ' 40 heads.'] }, 'A <b>tag</b> &amp; more']));
    expect(read.text).toBe('We will cut 40 heads.\n\nA <b>tag</b> &amp; more');
  });
});

describe('files that are not readable Word documents', () => {
  const refused = async (bytes: Buffer) => {
    try {
      await readWordDocument(bytes, 'memo.docx');
    } catch (error) {
      expect(error).toBeInstanceOf(TonelintError);
      return (error as TonelintError).code + ': ' + (error as TonelintError).format();
    }
    throw new Error('read without complaint');
  };

  it('names a password-protected (OLE compound) file', async () => {
    const encrypted = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect(await refused(encrypted)).toMatch(/^InputDocument: memo\.docx: is password-protected or an old-style Word file/);
  });

  it('names a file that is not a zip archive', async () => {
    expect(await refused(Buffer.from('# A Markdown memo saved as .docx\n'))).toMatch(/^InputDocument: memo\.docx: is not a Word document/);
  });

  it('names a truncated (corrupt) zip', async () => {
    const whole = await wordDocument(['Hello.']);
    expect(await refused(whole.subarray(0, 200))).toMatch(/^InputDocument: memo\.docx: cannot be read as a Word document \(.+\); skipped$/);
  });
});
