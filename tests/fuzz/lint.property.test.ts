// lint() on arbitrary text: it never throws, and every finding points exactly at its `actual`
// with line/column that agree with the offsets (1-based; \n, \r\n and lone \r end lines; UTF-16).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lint, type LintConfig } from '../../src/index.js';
import { anyText, markdownText, params, seed, timeout, triggerText, triggerWords, unicodeText } from './arbitraries.js';
import { allProblems } from './invariants.js';

const format = fc.constantFrom('markdown' as const, 'text' as const);
// `all` adds retext-equality, whose positions arrive through a different bridge.
const config = fc.constantFrom<LintConfig>({}, { preset: 'all' }, { allow: ['staff', 'AI'] });

async function check(text: string, fmt: 'markdown' | 'text', cfg: LintConfig): Promise<number> {
  const { findings } = await lint(text, { format: fmt, config: cfg, reportUnusedDisableDirectives: true });
  const problems = allProblems(text, findings);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return findings.length;
}

describe(`lint() on arbitrary text (seed ${seed})`, () => {
  it('has trigger vocabulary to build texts from', () => {
    expect(triggerWords.length).toBeGreaterThan(20);
  });

  it('never throws and keeps every finding in range on hostile Unicode', async () => {
    await fc.assert(fc.asyncProperty(unicodeText, format, config, async (text, fmt, cfg) => void (await check(text, fmt, cfg))), params(300));
  }, timeout);

  it('never throws and keeps every finding in range on Markdown structure', async () => {
    await fc.assert(fc.asyncProperty(markdownText, format, config, async (text, fmt, cfg) => void (await check(text, fmt, cfg))), params(150));
  }, timeout);

  it('keeps every finding in range on trigger-word prose, where findings do occur', async () => {
    let withFindings = 0;
    await fc.assert(
      fc.asyncProperty(triggerText, format, config, async (text, fmt, cfg) => {
        if ((await check(text, fmt, cfg)) > 0) withFindings++;
      }),
      params(300),
    );
    // The property is only worth something if the generator reaches the rules.
    expect(withFindings).toBeGreaterThan(30);
  }, timeout);

  it('keeps offsets right when the same text is written with \\r\\n or lone \\r line ends', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, format, fc.constantFrom('\r\n', '\r'), async (text, fmt, eol) => {
        const converted = text.replace(/\r\n|\r|\n/g, eol);
        const before = await lint(text.replace(/\r\n|\r|\n/g, '\n'), { format: fmt });
        const after = await lint(converted, { format: fmt });
        const problems = allProblems(converted, after.findings);
        if (problems.length > 0) throw new Error(problems.join('\n'));
        // Same rules fire on the same words whatever the line ends.
        expect(after.findings.map((f) => `${f.ruleId}:${f.actual.replace(/\r\n|\r/g, '\n')}`)).toEqual(
          before.findings.map((f) => `${f.ruleId}:${f.actual}`),
        );
      }),
      params(120),
    );
  }, timeout);
});

describe('lint() on fixed hostile inputs', () => {
  const cases: [string, string][] = [
    ['empty', ''],
    ['only a BOM', '\ufeff'],
    ['only line ends', '\r\n\r\r\n\n\r'],
    ['NUL bytes', 'AI will replace\u0000 our staff\u0000.'],
    ['a lone high surrogate before a trigger', '\ud83dAI will replace our staff.'],
    ['a lone low surrogate inside a word', 'AI will rep\ude00lace our staff.'],
    ['combining marks on a trigger', 'AI will re\u0301place our sta\u0308ff.'],
    ['RTL override around a trigger', '\u202eAI will replace our staff.\u202c'],
    ['ZWJ inside a trigger', 'AI will re\u200dplace our staff.'],
    ['astral characters before a trigger on line 2', '𝔸𝕀 🤖👩‍💻\r\nAI will replace our staff, 1,200 of them.'],
    ['an unclosed fence', '```\nAI will replace our staff.'],
    ['a table cell', '| x |\n|---|\n| AI will replace our staff. |'],
  ];
  for (const [name, text] of cases) {
    it.each(['markdown', 'text'] as const)(`${name} (%s)`, async (fmt) => {
      await check(text, fmt, { preset: 'all' });
    });
  }
});
