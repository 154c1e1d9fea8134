// Word documents written in the test setup by a real writer (the `docx` package, as Word and
// Google Docs write them: a zip of document XML), so the fixtures say in code what they hold.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

export type WordBlock = string | { heading: string } | { bold: [string, string, string] } | { table: string[][] };

/** The bytes of a .docx holding `blocks` in order: paragraphs, a heading, a paragraph with a bold run, tables. */
export async function wordDocument(blocks: readonly WordBlock[]): Promise<Buffer> {
  const children = blocks.map((block) => {
    if (typeof block === 'string') return new Paragraph(block);
    if ('heading' in block) return new Paragraph({ text: block.heading, heading: HeadingLevel.HEADING_1 });
    if ('bold' in block) {
      const [before, bold, after] = block.bold;
      return new Paragraph({ children: [new TextRun(before), new TextRun({ text: bold, bold: true }), new TextRun(after)] });
    }
    return new Table({
      rows: block.table.map((row) => new TableRow({ children: row.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) })),
    });
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** A cut announcement in Word: a heading, a paragraph with a bold run, a table, and a script-injection attempt. */
export async function layoffMemo(): Promise<Buffer> {
  return wordDocument([
    { heading: 'Support update' },
    { bold: ['Dear team, ', 'we will cut 40 heads', ' from support next month.'] },
    {
      table: [
        ['Team', 'Change'],
        ['Support', 'AI is coming for your jobs. <script>document.title="pwned"</script><img src=x onerror=alert(1)>'],
      ],
    },
    'Thank you for reading.',
  ]);
}
