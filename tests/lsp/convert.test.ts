import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { createLineIndex } from '../../src/core/position.js';
import {
  directiveComment,
  findingTouches,
  lineEndingOf,
  disableFileEdit,
  disableLineEdit,
  findingToDiagnostic,
  fixAllEdits,
  hoverMarkdown,
  negotiateEncoding,
  offsetToPosition,
  positionToOffset,
  suggestionEdit,
  suggestionTitle,
} from '../../src/lsp/convert.js';

/** A finding over `actual`'s first occurrence in `text`, as the core would report it. */
function findingIn(text: string, actual: string, extra: Partial<Finding> = {}): Finding {
  const offset = text.indexOf(actual);
  if (offset < 0) throw new Error(`"${actual}" not in text`);
  const point = (at: number) => {
    const before = text.slice(0, at).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1, offset: at };
  };
  return {
    ruleId: 'people-as-units',
    category: 'dehumanizing',
    severity: 'warning',
    message: `“${actual}” counts people as units; name them as people.`,
    start: point(offset),
    end: point(offset + actual.length),
    actual,
    suggestions: ['40 colleagues'],
    url: 'https://example.test/rules/people-as-units',
    ...extra,
  };
}

/** Applies LSP edits (given in utf-16) to a text, last first, the way an editor does. */
function applyEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const index = createLineIndex(text);
  const spans = edits
    .map((edit) => ({ start: positionToOffset(index, edit.range.start), end: positionToOffset(index, edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start);
  let output = text;
  for (const span of spans) output = output.slice(0, span.start) + span.newText + output.slice(span.end);
  return output;
}

describe('positions', () => {
  it('counts \\n, \\r\\n and \\r as line ends', () => {
    expect(createLineIndex('a\nb\r\nc\rd').lineStarts).toEqual([0, 2, 5, 7]);
  });

  it('counts an emoji as two utf-16 units, four utf-8 bytes and one utf-32 unit', () => {
    const text = 'Hi 👋 team, we cut heads.';
    const index = createLineIndex(text);
    const offset = text.indexOf('team');
    expect(offsetToPosition(index, offset, 'utf-16')).toEqual({ line: 0, character: 6 });
    expect(offsetToPosition(index, offset, 'utf-8')).toEqual({ line: 0, character: 8 });
    expect(offsetToPosition(index, offset, 'utf-32')).toEqual({ line: 0, character: 5 });
    for (const encoding of ['utf-16', 'utf-8', 'utf-32'] as const) {
      expect(positionToOffset(index, offsetToPosition(index, offset, encoding), encoding)).toBe(offset);
    }
  });

  it('counts a CJK character or a euro sign as three utf-8 bytes, one utf-16 unit', () => {
    const text = '中€ cut 40 heads';
    const index = createLineIndex(text);
    const offset = text.indexOf('cut');
    expect(offsetToPosition(index, offset, 'utf-16')).toEqual({ line: 0, character: 3 });
    expect(offsetToPosition(index, offset, 'utf-8')).toEqual({ line: 0, character: 7 });
    expect(offsetToPosition(index, offset, 'utf-32')).toEqual({ line: 0, character: 3 });
    for (const encoding of ['utf-16', 'utf-8', 'utf-32'] as const) {
      expect(positionToOffset(index, offsetToPosition(index, offset, encoding), encoding)).toBe(offset);
    }
  });

  it('counts accented letters as two utf-8 bytes', () => {
    const index = createLineIndex('Café staff\nnext');
    expect(offsetToPosition(index, 5, 'utf-8')).toEqual({ line: 0, character: 6 });
    expect(positionToOffset(index, { line: 0, character: 6 }, 'utf-8')).toBe(5);
  });

  it('round-trips every offset that starts a character, in every encoding', () => {
    const text = 'Ünïcode 👩‍💻 line\r\n\n  second 🎉 line\rthird';
    const index = createLineIndex(text);
    for (let offset = 0; offset <= text.length; offset++) {
      const code = text.charCodeAt(offset);
      if (code >= 0xdc00 && code <= 0xdfff) continue;
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
      for (const encoding of ['utf-16', 'utf-8', 'utf-32'] as const) {
        expect(positionToOffset(index, offsetToPosition(index, offset, encoding), encoding)).toBe(offset);
      }
    }
  });

  it('clamps a character past the end of its line to the line end, before the line break', () => {
    const index = createLineIndex('short\r\nnext');
    expect(positionToOffset(index, { line: 0, character: 99 })).toBe(5);
    expect(positionToOffset(index, { line: 9, character: 0 })).toBe('short\r\nnext'.length);
  });

  it('never splits a surrogate pair', () => {
    const index = createLineIndex('a🎉b');
    expect(positionToOffset(index, { line: 0, character: 2 }, 'utf-16')).toBe(1);
    expect(positionToOffset(index, { line: 0, character: 3 }, 'utf-8')).toBe(1);
  });
});

describe('negotiateEncoding', () => {
  it('defaults to utf-16', () => {
    expect(negotiateEncoding(undefined)).toBe('utf-16');
    expect(negotiateEncoding(['latin-1'])).toBe('utf-16');
  });
  it('honours the client’s first supported preference', () => {
    expect(negotiateEncoding(['utf-8', 'utf-16'])).toBe('utf-8');
    expect(negotiateEncoding(['utf-32', 'utf-8'])).toBe('utf-32');
  });
});

describe('findingToDiagnostic', () => {
  it('maps severity, code, docs link and source, with a range from the offsets', () => {
    const text = 'Intro 🚀\nWe will cut 40 heads from support.';
    const finding = findingIn(text, 'cut 40 heads', { severity: 'error' });
    expect(findingToDiagnostic(finding, createLineIndex(text), 'utf-16')).toEqual({
      range: { start: { line: 1, character: 8 }, end: { line: 1, character: 20 } },
      severity: 1,
      code: 'people-as-units',
      codeDescription: { href: 'https://example.test/rules/people-as-units' },
      source: 'tonelint',
      message: finding.message,
    });
    expect(findingToDiagnostic({ ...finding, severity: 'warning' }, createLineIndex(text), 'utf-16').severity).toBe(2);
    expect(findingToDiagnostic({ ...finding, severity: 'info' }, createLineIndex(text), 'utf-16').severity).toBe(3);
  });

  it('puts ranges after an emoji on the same line in utf-16 units', () => {
    const text = 'Team 🎉🎉 news: we will cut 40 heads.';
    const diagnostic = findingToDiagnostic(findingIn(text, 'cut 40 heads'), createLineIndex(text), 'utf-16');
    expect(diagnostic.range.start.character).toBe(text.indexOf('cut'));
    expect(diagnostic.range.start.character).toBe(Array.from(text.slice(0, text.indexOf('cut'))).length + 2);
  });
});

describe('edits', () => {
  it('replaces the finding with the chosen suggestion, right after non-ASCII text', () => {
    const text = 'Ça va 👋 — we will cut 40 heads from support.';
    const finding = findingIn(text, '40 heads');
    expect(applyEdits(text, [suggestionEdit(finding, '40 colleagues', createLineIndex(text), 'utf-16')])).toBe(
      'Ça va 👋 — we will cut 40 colleagues from support.',
    );
  });

  it('gives the rewrite in the quick fix title', () => {
    expect(suggestionTitle(findingIn('cut 40 heads', '40 heads'), '40 colleagues')).toBe('Replace “40 heads” with “40 colleagues”');
  });

  it('applies every safe fix, skipping overlaps and no-ops like applyFixes', () => {
    const text = 'abc def ghi';
    const findings = [
      findingIn(text, 'abc', { fix: { range: [0, 3], text: 'ABC' } }),
      findingIn(text, 'bc d', { fix: { range: [1, 5], text: 'X' } }),
      findingIn(text, 'ghi', { fix: { range: [8, 11], text: 'ghi' } }),
      findingIn(text, 'def'),
    ];
    expect(applyEdits(text, fixAllEdits(findings, createLineIndex(text), 'utf-16'))).toBe('ABC def ghi');
  });

  it('disables a rule for the next line with a markdown comment on its own line, keeping list indentation', () => {
    const text = '# Plan\n\n- first\n  - We will cut 40 heads.\n';
    const edit = disableLineEdit(findingIn(text, 'cut 40 heads'), createLineIndex(text), 'markdown');
    expect(applyEdits(text, [edit])).toBe(
      '# Plan\n\n- first\n  <!-- tonelint-disable-next-line people-as-units -->\n  - We will cut 40 heads.\n',
    );
  });

  it('keeps blockquote markers and the file’s CRLF line endings', () => {
    const text = 'Intro\r\n\r\n> We will cut 40 heads.\r\n';
    const edit = disableLineEdit(findingIn(text, 'cut 40 heads'), createLineIndex(text), 'markdown');
    expect(applyEdits(text, [edit])).toBe('Intro\r\n\r\n> <!-- tonelint-disable-next-line people-as-units -->\r\n> We will cut 40 heads.\r\n');
  });

  it('uses a # comment for plain text', () => {
    const text = 'We will cut 40 heads.';
    expect(applyEdits(text, [disableLineEdit(findingIn(text, 'cut 40 heads'), createLineIndex(text), 'text')])).toBe(
      '# tonelint-disable-next-line people-as-units\nWe will cut 40 heads.',
    );
    expect(directiveComment('disable', 'x', 'text')).toBe('# tonelint-disable x');
  });

  it('disables a rule for the file at the top, after front matter', () => {
    const plain = 'Memo\n\nWe will cut 40 heads.\n';
    expect(applyEdits(plain, [disableFileEdit('people-as-units', createLineIndex(plain), 'markdown')])).toBe(
      '<!-- tonelint-disable people-as-units -->\nMemo\n\nWe will cut 40 heads.\n',
    );
    const withFrontMatter = '---\ntitle: Memo\n---\nWe will cut 40 heads.\n';
    expect(applyEdits(withFrontMatter, [disableFileEdit('people-as-units', createLineIndex(withFrontMatter), 'markdown')])).toBe(
      '---\ntitle: Memo\n---\n<!-- tonelint-disable people-as-units -->\nWe will cut 40 heads.\n',
    );
  });
});

describe('hoverMarkdown', () => {
  it('shows the message, summary, rationale, rewrites and docs link', () => {
    const finding = findingIn('We will cut 40 heads.', 'cut 40 heads', { suggestions: ['cut 40 roles', '40 colleagues'] });
    const markdown = hoverMarkdown(finding, {
      summary: 'People counted as units, heads or resources.',
      rationale: 'Counting colleagues as heads tells readers they were line items.',
    });
    expect(markdown).toContain(`**${finding.message}**`);
    expect(markdown).toContain('People counted as units, heads or resources.');
    expect(markdown).toContain('Counting colleagues as heads');
    expect(markdown).toContain('- cut 40 roles\n- 40 colleagues');
    expect(markdown).toContain('(https://example.test/rules/people-as-units)');
  });
});

describe('positions against an independent count', () => {
  // Any mix of 1-, 2-, 3- and 4-byte UTF-8 characters, lone surrogates and all three line ends.
  const piece = fc.constantFrom('a', ' ', 'é', 'ß', '€', '中', '’', '—', '😀', '👩‍💻', '\uD800', '\uDC00', '\n', '\r\n', '\r');
  const text = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));
  const count: Record<'utf-8' | 'utf-16' | 'utf-32', (prefix: string) => number> = {
    // Node writes a lone surrogate as U+FFFD, three bytes, as the server counts it.
    'utf-8': (prefix) => Buffer.byteLength(prefix, 'utf8'),
    'utf-16': (prefix) => prefix.length,
    'utf-32': (prefix) => [...prefix].length,
  };

  it.each(['utf-8', 'utf-16', 'utf-32'] as const)('maps every character boundary to its line and %s column, and back', (encoding) => {
    let boundaries = 0;
    fc.assert(
      fc.property(text, (value) => {
        const index = createLineIndex(value);
        const lines = value.split(/\r\n|\r|\n/);
        let offset = 0;
        lines.forEach((line, lineNumber) => {
          for (let at = 0; at <= line.length; at++) {
            const code = line.charCodeAt(at);
            // Inside a surrogate pair is not a character boundary.
            if (at > 0 && code >= 0xdc00 && code <= 0xdfff && line.charCodeAt(at - 1) >= 0xd800 && line.charCodeAt(at - 1) <= 0xdbff) continue;
            const position = { line: lineNumber, character: count[encoding](line.slice(0, at)) };
            expect(offsetToPosition(index, offset + at, encoding)).toEqual(position);
            expect(positionToOffset(index, position, encoding)).toBe(offset + at);
            boundaries++;
          }
          offset += line.length + (value.startsWith('\r\n', offset + line.length) ? 2 : 1);
        });
      }),
      { seed: 15, numRuns: 300 },
    );
    expect(boundaries).toBeGreaterThan(1000);
  });
});

describe('hoverMarkdown, line by line', () => {
  const finding = findingIn('We will cut 40 heads.', 'cut 40 heads', { suggestions: [] });

  it('is the message, the rule and its levels, then each part the rule has, separated by blank lines', () => {
    expect(
      hoverMarkdown({ ...finding, suggestions: ['40 colleagues'] }, { summary: '  Units.  ', rationale: ' Because. ', suggestions: ['unused'], url: 'https://rule.test' }),
    ).toBe(
      [
        `**${finding.message}**`,
        '',
        '`people-as-units` · dehumanizing · warning',
        '',
        'Units.',
        '',
        'Because.',
        '',
        'Rewrites:',
        '',
        '- 40 colleagues',
        '',
        '[Rule documentation](https://example.test/rules/people-as-units)',
      ].join('\n'),
    );
  });

  it('falls back to the rule\'s suggestions and url, and leaves out what neither has', () => {
    expect(hoverMarkdown({ ...finding, url: '' }, { suggestions: ['a', 'b'], url: 'https://rule.test' })).toBe(
      [`**${finding.message}**`, '', '`people-as-units` · dehumanizing · warning', '', 'Rewrites:', '', '- a', '- b', '', '[Rule documentation](https://rule.test)'].join('\n'),
    );
    expect(hoverMarkdown({ ...finding, url: '' }, undefined)).toBe([`**${finding.message}**`, '', '`people-as-units` · dehumanizing · warning'].join('\n'));
    expect(hoverMarkdown({ ...finding, url: '' }, { suggestions: [] })).not.toContain('Rewrites');
  });

  it('explains a scorer finding: confidence, cues, and advice instead of rewrites', () => {
    const scored = { ...finding, url: '', confidence: 0.876, cues: ['cut', '40 heads'], advice: true, suggestions: ['Name who decided.'] };
    expect(hoverMarkdown(scored, undefined)).toBe(
      [`**${finding.message}**`, '', '`people-as-units` · dehumanizing · warning', '', 'Learned scorer: confidence 0.88; cues: “cut”, “40 heads”.', '', 'What to do:', '', '- Name who decided.'].join('\n'),
    );
    expect(hoverMarkdown({ ...scored, cues: [] }, undefined)).toContain('Learned scorer: confidence 0.88.\n');
    expect(hoverMarkdown({ ...scored, cues: undefined }, undefined)).toContain('Learned scorer: confidence 0.88.\n');
  });
});

describe('suggestionTitle', () => {
  it('shortens a suggestion over 60 characters to 57 and an ellipsis', () => {
    const finding = findingIn('cut 40 heads', '40 heads');
    expect(suggestionTitle(finding, 'x'.repeat(60))).toBe(`Replace “40 heads” with “${'x'.repeat(60)}”`);
    expect(suggestionTitle(finding, 'x'.repeat(61))).toBe(`Replace “40 heads” with “${'x'.repeat(57)}…”`);
  });
});

describe('findingTouches', () => {
  const finding = findingIn('abc cut 40 heads xyz', 'cut 40 heads'); // offsets 4-16
  it.each([
    [0, 3, false],
    [0, 4, true],
    [16, 16, true],
    [17, 20, false],
    [8, 9, true],
    [0, 20, true],
  ])('range %i-%i: %s', (start, end, touches) => {
    expect(findingTouches(finding, start, end)).toBe(touches);
  });
});

describe('lineEndingOf', () => {
  it.each([
    ['a\r\nb', '\r\n'],
    ['a\nb\r\n', '\n'],
    ['\nb', '\n'],
    ['\r\n', '\r\n'],
    ['a\rb', '\r'],
    ['ab', '\n'],
    ['', '\n'],
  ])('%j uses %j', (text, ending) => {
    expect(lineEndingOf(text)).toBe(ending);
  });
});

describe('directives inserted by code actions', () => {
  it('copies indentation and blockquote markers in Markdown, only indentation in plain text', () => {
    const quoted = 'Intro\n  > > We will cut 40 heads.\n';
    expect(applyEdits(quoted, [disableLineEdit(findingIn(quoted, 'cut 40 heads'), createLineIndex(quoted), 'markdown')])).toBe(
      'Intro\n  > > <!-- tonelint-disable-next-line people-as-units -->\n  > > We will cut 40 heads.\n',
    );
    const text = 'Intro\n\t > We will cut 40 heads.\r\n';
    expect(applyEdits(text, [disableLineEdit(findingIn(text, 'cut 40 heads'), createLineIndex(text), 'text')])).toBe(
      'Intro\n\t # tonelint-disable-next-line people-as-units\n\t > We will cut 40 heads.\r\n',
    );
  });

  it('puts a file directive after TOML front matter, and only in Markdown', () => {
    const toml = '+++\ntitle = "Memo"\n+++\nWe will cut 40 heads.\n';
    expect(applyEdits(toml, [disableFileEdit('people-as-units', createLineIndex(toml), 'markdown')])).toBe(
      '+++\ntitle = "Memo"\n+++\n<!-- tonelint-disable people-as-units -->\nWe will cut 40 heads.\n',
    );
    expect(applyEdits(toml, [disableFileEdit('people-as-units', createLineIndex(toml), 'text')])).toBe(`# tonelint-disable people-as-units\n${toml}`);
  });

  it('reads front matter after a BOM, with trailing spaces on the fences, and not when it never closes', () => {
    const bom = '\uFEFF---\na: 1\n---  \nText\n';
    expect(applyEdits(bom, [disableFileEdit('x', createLineIndex(bom), 'markdown')])).toBe('\uFEFF---\na: 1\n---  \n<!-- tonelint-disable x -->\nText\n');
    const open = '---\na: 1\nText\n';
    expect(applyEdits(open, [disableFileEdit('x', createLineIndex(open), 'markdown')])).toBe(`<!-- tonelint-disable x -->\n${open}`);
    const notFence = '--- x\na\n---\n';
    expect(applyEdits(notFence, [disableFileEdit('x', createLineIndex(notFence), 'markdown')])).toBe(`<!-- tonelint-disable x -->\n${notFence}`);
    const dashes = '---\na\n----\nb\n---\n';
    expect(applyEdits(dashes, [disableFileEdit('x', createLineIndex(dashes), 'markdown')])).toBe('---\na\n----\nb\n---\n<!-- tonelint-disable x -->\n');
  });

  it('appends after front matter that ends the file, on a line of its own', () => {
    const only = '---\na: 1\n---';
    expect(applyEdits(only, [disableFileEdit('x', createLineIndex(only), 'markdown')])).toBe('---\na: 1\n---\n<!-- tonelint-disable x -->\n');
    const crlf = '---\r\na: 1\r\n---';
    expect(applyEdits(crlf, [disableFileEdit('x', createLineIndex(crlf), 'markdown')])).toBe('---\r\na: 1\r\n---\r\n<!-- tonelint-disable x -->\r\n');
  });
});

describe('diagnostics', () => {
  it('link the rule documentation only when the finding has a url', () => {
    const text = 'We will cut 40 heads.';
    expect(findingToDiagnostic(findingIn(text, 'cut 40 heads', { url: '' }), createLineIndex(text), 'utf-16')).not.toHaveProperty('codeDescription');
  });
});

describe('positions at the edges', () => {
  const text = 'ab\ncd';
  const index = createLineIndex(text);
  it('maps a line before the first to the start and a line past the last to the end', () => {
    expect(positionToOffset(index, { line: -1, character: 1 }, 'utf-8')).toBe(0);
    expect(positionToOffset(index, { line: 2, character: 0 }, 'utf-8')).toBe(text.length);
    expect(positionToOffset(index, { line: 1, character: 9 }, 'utf-8')).toBe(text.length);
  });

  it('maps a character inside a surrogate pair to the pair\'s start, in every encoding', () => {
    const emoji = 'a\uDBFF\uDFFFb';
    const at = createLineIndex(emoji);
    expect(positionToOffset(at, { line: 0, character: 2 }, 'utf-16')).toBe(1);
    expect(positionToOffset(at, { line: 0, character: 3 }, 'utf-8')).toBe(1);
    expect(offsetToPosition(at, 2, 'utf-8')).toEqual({ line: 0, character: 1 });
    expect(offsetToPosition(at, 2, 'utf-32')).toEqual({ line: 0, character: 1 });
    expect(offsetToPosition(at, 3, 'utf-8')).toEqual({ line: 0, character: 5 });
    // A high surrogate at the very end, and one followed by a non-surrogate, are lone: 3 bytes each.
    const lone = createLineIndex('\uD800a\uD800');
    expect(offsetToPosition(lone, 4, 'utf-8')).toEqual({ line: 0, character: 7 });
    expect(offsetToPosition(createLineIndex('\uD800\uE000'), 2, 'utf-8')).toEqual({ line: 0, character: 6 });
  });

  it('counts U+007F as one byte, U+0080 and U+07FF as two, U+0800 as three', () => {
    const chars = createLineIndex('\u007f\u0080\u07ff\u0800');
    expect([1, 2, 3, 4].map((offset) => offsetToPosition(chars, offset, 'utf-8').character)).toEqual([1, 3, 5, 8]);
  });

  it('takes the first encoding the server speaks, skipping others', () => {
    expect(negotiateEncoding([])).toBe('utf-16');
    expect(negotiateEncoding(['x-unknown', 'utf-32'])).toBe('utf-32');
  });
});
