// Re-linting block by block must give exactly what linting the whole document gives.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lint, listRules } from '../../src/index.js';
import { IncrementalLinter, splitBlocks, withLeadJoined } from '../../src/lsp/incremental.js';

describe('splitBlocks', () => {
  it('splits on blank lines and keeps each block’s offset and line', () => {
    const text = 'One line.\nStill one.\n\n\nTwo.\n';
    expect(splitBlocks(text, 'markdown')).toEqual([
      { offset: 0, line: 0, text: 'One line.\nStill one.' },
      { offset: 23, line: 4, text: 'Two.' },
    ]);
  });

  it('keeps a fenced code block with blank lines whole, and an unclosed fence runs to the end', () => {
    const text = 'Intro\n\n```\ncode\n\nmore\n```\n\nAfter\n\n~~~~\nopen\n\nstill code';
    expect(splitBlocks(text, 'markdown').map((b) => b.text)).toEqual(['Intro', '```\ncode\n\nmore\n```', 'After', '~~~~\nopen\n\nstill code']);
  });

  it('keeps front matter and multi-line HTML comments whole', () => {
    const text = '---\ntitle: A\n\nnote: b\n---\n\n<!--\n\n-->\n\nBody';
    expect(splitBlocks(text, 'markdown').map((b) => b.text)).toEqual(['---\ntitle: A\n\nnote: b\n---', '<!--\n\n-->', 'Body']);
  });

  it('joins an indented block to the one before: a list item’s continuation', () => {
    const text = '- item\n\n    continued\n\nNext';
    expect(splitBlocks(text, 'markdown').map((b) => b.text)).toEqual(['- item\n\n    continued', 'Next']);
  });
});

/** A document from rule examples (flagged and passing), as a writer might assemble one. */
function documentFrom(parts: string[]): string {
  return parts.join('\n\n');
}

describe('IncrementalLinter', () => {
  const examples = listRules().flatMap((rule) => [...rule.examples.flags, ...rule.examples.passes]);
  const extra = ['We will cut 40 heads from support.', '- a list item\n\n    with a continuation that says evolve or die', '```\nEvolve or die\n\n```', '> Quoted: evolve or die.'];
  const pool = [...examples, ...extra];

  it('finds what lint() finds on the whole document, edit after edit', async () => {
    expect(examples.length).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('', 'x', '\n\n', 'd', ' ')), { maxLength: 6 }),
        async (parts, edits) => {
          const linter = new IncrementalLinter({ onError: (error) => { throw error; } });
          let text = documentFrom(parts);
          for (const [at, insert] of [[0, ''] as [number, string], ...edits]) {
            const offset = at % (text.length + 1);
            text = text.slice(0, offset) + insert + text.slice(offset);
            const incremental = await linter.lint(text, 'markdown', undefined);
            const whole = await lint(text, { format: 'markdown' });
            expect(incremental.findings).toEqual(whole.findings);
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 60_000);

  it('re-lints only the block a one-character edit touched', async () => {
    const linter = new IncrementalLinter();
    const text = documentFrom(pool.slice(0, 6));
    expect((await linter.lint(text, 'markdown', undefined)).linted).toBe(withLeadJoined(splitBlocks(text, 'markdown'), text).length);
    const edited = `${text.slice(0, 3)}x${text.slice(3)}`;
    expect((await linter.lint(edited, 'markdown', undefined)).linted).toBe(1);
    expect((await linter.lint(edited, 'markdown', undefined)).linted).toBe(0);
  });

  it('lints the lead as one block, so a lead_only rule reads it whole as lint() does', async () => {
    // The AI model is named in one block and its scores sit in another: together they lead the text.
    const text = 'Subject: Vireo-2 is ready\n\nDear colleagues,\n\nWe have finished testing Vireo-2, our new transcription model.\n\n- Transcription accuracy on noisy calls: 95.9%, up from 92.1%\n\nVireo-2 becomes the default on all accounts from 3 March.\n';
    const whole = await lint(text, { format: 'markdown' });
    expect(whole.findings.map((finding) => finding.ruleId)).toContain('benchmark-led');
    expect((await new IncrementalLinter().lint(text, 'markdown', undefined)).findings).toEqual(whole.findings);
  });

  it('joins the blocks that start within the lead, and no others', () => {
    const filler = 'Words about the weather. '.repeat(40).trim();
    const text = `Title\n\nOne\n\n${filler}\n\nAfter the lead`;
    const blocks = withLeadJoined(splitBlocks(text, 'markdown'), text);
    expect(blocks.map((block) => block.text)).toEqual([`Title\n\nOne\n\n${filler}`, 'After the lead']);
    expect(blocks[1].offset).toBe(text.indexOf('After the lead'));
  });

  it('lints a document with a disable directive as a whole, so the directive reaches every block', async () => {
    const linter = new IncrementalLinter();
    const flagged = listRules()[0].examples.flags[0];
    const text = `<!-- tonelint-disable ${listRules()[0].id} -->\n\n${flagged}\n\n${flagged}`;
    const result = await linter.lint(text, 'markdown', undefined);
    expect(result.findings).toEqual((await lint(text)).findings);
    expect(result.findings.filter((f) => f.ruleId === listRules()[0].id)).toEqual([]);
  });
});
