import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { applyDirectives, parseDirectives } from '../../src/core/suppress.js';
import { actuals, compile, lintWith, rule } from './helpers.js';

const rules = compile(rule('obsolete-staff', { patterns: ['obsolete @people'] }), rule('cut-heads', { patterns: ['cut~ {number} heads'] }));

async function lintSuppressed(text: string, format: 'markdown' | 'text') {
  const findings = await lintWith(rules, text, format);
  return applyDirectives(findings, parseDirectives(text, format));
}

describe('inline directives in Markdown', () => {
  it('disable-next-line silences only the next line and only the named rule', async () => {
    const text = '<!-- tonelint-disable-next-line obsolete-staff -- quoting the old memo -->\nObsolete staff; cut 40 heads.\nObsolete staff.\n';
    const { findings, unused } = await lintSuppressed(text, 'markdown');
    expect(findings.map((f) => `${f.ruleId}@${f.start.line}`)).toEqual(['cut-heads@2', 'obsolete-staff@3']);
    expect(unused).toEqual([]);
    expect(parseDirectives(text, 'markdown')[0]).toMatchObject({ kind: 'disable-next-line', ruleIds: ['obsolete-staff'], reason: 'quoting the old memo', line: 1 });
  });

  it('disable ... enable covers a region; without ids it covers every rule', async () => {
    const text = 'Obsolete staff.\n\n<!-- tonelint-disable -->\n\nObsolete staff; cut 4 heads.\n\n<!-- tonelint-enable -->\n\nObsolete staff.\n';
    const { findings } = await lintSuppressed(text, 'markdown');
    expect(findings.map((f) => f.start.line)).toEqual([1, 9]);
  });

  it('reports directives that suppress nothing', async () => {
    const text = '<!-- tonelint-disable cut-heads -->\nObsolete staff.\n';
    const { findings, unused } = await lintSuppressed(text, 'markdown');
    expect(actuals(findings)).toEqual(['Obsolete staff']);
    expect(unused.map((d) => [d.kind, d.ruleIds, d.line])).toEqual([['disable', ['cut-heads'], 1]]);
  });

  it('is ignored inside code blocks of plain text lines in Markdown', async () => {
    const text = '# tonelint-disable\nObsolete staff.\n';
    const { findings } = await lintSuppressed(text, 'markdown');
    expect(findings).toHaveLength(1);
  });
});

describe('inline directives in plain text', () => {
  it('uses # and // lines', async () => {
    const text = '# tonelint-disable-next-line\nObsolete staff.\n// tonelint-disable obsolete-staff\nObsolete staff.\n//   tonelint-enable obsolete-staff\nObsolete staff.\n';
    const { findings } = await lintSuppressed(text, 'text');
    expect(findings.map((f) => f.start.line)).toEqual([6]);
  });
});

describe('lint() applies directives and reports unused ones on request', () => {
  it('returns unusedDisableDirectives only when asked', async () => {
    const text = '<!-- tonelint-disable-line obsolete-people -->\nNothing to see.\n';
    expect((await lint(text)).unusedDisableDirectives).toEqual([]);
    const { unusedDisableDirectives } = await lint(text, { reportUnusedDisableDirectives: true });
    expect(unusedDisableDirectives.map((d) => d.kind)).toEqual(['disable-line']);
  });
});

describe('a plain-text directive line is not prose', () => {
  const memo = 'Team update\n\n# tonelint-disable-next-line missing-acknowledgment\nWe will cut 40 roles in the Leeds office in March.\n';

  it('suppresses the memo-level finding on the sentence below it', async () => {
    expect((await lint(memo, { format: 'text' })).findings).toEqual([]);
  });

  it('leaves the sentence below it as it is when the directive names another rule', async () => {
    const other = memo.replace('missing-acknowledgment', 'people-as-units');
    const finding = (await lint(other, { format: 'text' })).findings.find((f) => f.ruleId === 'missing-acknowledgment');
    expect(finding?.actual).toBe('We will cut 40 roles in the Leeds office in March');
    expect(finding?.start.line).toBe(4);
  });
});
