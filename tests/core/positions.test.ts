import { describe, expect, it } from 'vitest';
import { createLineIndex } from '../../src/core/position.js';
import { compile, lintWith, rule } from './helpers.js';

const rules = compile(rule('obsolete-staff', { patterns: ['obsolete @people'] }));

async function only(text: string, format: 'markdown' | 'text' = 'text') {
  const findings = await lintWith(rules, text, format);
  expect(findings).toHaveLength(1);
  const [finding] = findings;
  expect(text.slice(finding.start.offset, finding.end.offset)).toBe(finding.actual);
  return finding;
}

describe('positions', () => {
  it('count UTF-16 code units after emoji (astral characters are two units)', async () => {
    const finding = await only('🚀🎉 Our obsolete staff 👋');
    expect(finding.start).toEqual({ line: 1, column: 10, offset: 9 });
    expect(finding.end).toEqual({ line: 1, column: 24, offset: 23 });
  });

  it('count accented letters, precomposed and combining, as their code units', async () => {
    const text = 'Café naïve re\u0301sume\u0301: obsolete employees.';
    const finding = await only(text);
    expect(finding.start.offset).toBe(text.indexOf('obsolete'));
    expect(finding.start.column).toBe(text.indexOf('obsolete') + 1);
  });

  it('treat CRLF, LF and lone CR as line ends', async () => {
    const text = 'First line.\r\nSecond line.\rThird: the obsolete staff.\nFourth.';
    const finding = await only(text);
    expect(finding.start).toEqual({ line: 3, column: 12, offset: text.indexOf('obsolete') });
    expect(finding.end.line).toBe(3);
  });

  it('keep curly quotes around a match outside the reported span', async () => {
    const text = 'They called them ‘obsolete staff’ in the memo.';
    const finding = await only(text);
    expect(finding.actual).toBe('obsolete staff');
  });

  it('map Markdown back to the source, emphasis and all', async () => {
    const text = '# Update\r\n\r\nOur **obsolete** staff, in a *list*:\r\n\r\n- and 😀 obsolete employees\r\n';
    const findings = await lintWith(rules, text, 'markdown');
    expect(findings.map((finding) => [finding.actual, finding.start.line, finding.start.column])).toEqual([
      ['obsolete** staff', 3, 7],
      ['obsolete employees', 5, 10],
    ]);
  });
});

describe('createLineIndex', () => {
  it('round-trips offsets and positions', () => {
    const text = 'a\r\nbc\rd\n\n😀e';
    const index = createLineIndex(text);
    for (let offset = 0; offset <= text.length; offset++) {
      const point = index.pointAt(offset);
      expect(index.offsetAt(point.line, point.column)).toBe(offset);
    }
    expect(index.pointAt(text.length)).toEqual({ line: 5, column: 4, offset: text.length });
  });

  it('knows where the text of each line ends, before \n, \r\n or a lone \r', () => {
    const text = 'ab\r\ncd\refg\n\nh';
    const index = createLineIndex(text);
    expect(index.text).toBe(text);
    expect([1, 2, 3, 4, 5].map((line) => index.lineEnd(line))).toEqual([2, 6, 10, 11, 13]);
    // Lines outside the text are clamped to the first and the last.
    expect(index.lineEnd(0)).toBe(2);
    expect(index.lineEnd(9)).toBe(13);
  });

  it('ends an empty line where it starts, and the last line at the end of the text', () => {
    expect(createLineIndex('').lineEnd(1)).toBe(0);
    expect(createLineIndex('a\n').lineEnd(2)).toBe(2);
    expect(createLineIndex('\r\n').lineEnd(1)).toBe(0);
    expect(createLineIndex('\r').lineEnd(1)).toBe(0);
  });
});
