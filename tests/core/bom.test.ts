// A text handed to lint() with a leading byte-order mark (the CLI strips it when it reads a file;
// an API caller may not): findings sit where they are in that text, in Markdown as in plain text.
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';

describe('a leading byte-order mark', () => {
  const body = 'Intro line here.\n\nWe will cut 40 heads from support\n\nMore text here.';

  it.each(['markdown', 'text'] as const)('keeps every offset of the %s text it was given', async (format) => {
    const withMark = `\uFEFF${body}`;
    const { findings } = await lint(withMark, { format });
    const heads = findings.find((finding) => finding.ruleId === 'people-as-units');
    expect(heads?.actual).toBe('40 heads');
    expect(withMark.slice(heads!.start.offset, heads!.end.offset)).toBe('40 heads');
    const plain = (await lint(body, { format })).findings;
    expect(findings.map((finding) => [finding.ruleId, finding.start.offset - 1, finding.actual])).toEqual(plain.map((finding) => [finding.ruleId, finding.start.offset, finding.actual]));
  });

  it('leaves front matter front matter, and columns on the first line counted from the mark', async () => {
    const withMark = '\uFEFF---\ntitle: Support restructure\nsummary: We will cut 40 heads from support\n---\n\nAll is well here.\n';
    expect((await lint(withMark)).findings).toEqual([]);
    const first = (await lint('\uFEFFWe will cut 40 heads')).findings.find((finding) => finding.ruleId === 'people-as-units')!;
    expect(first.start).toEqual({ line: 1, column: 14, offset: 13 });
  });

  it('does not hide a finding that starts right after it', async () => {
    const { findings } = await lint('\uFEFFWe will cut 40 heads');
    expect(findings.map((finding) => finding.actual)).toContain('40 heads');
  });
});
