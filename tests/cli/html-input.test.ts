// HTML memos (email bodies, web drafts) as a first-class input: found in directories, checked
// at the line and column of the HTML, fixed in place, ignored like any other file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanSentence, parseJson, project, tonelint } from './helpers.js';

const memo = [
  '<!doctype html>',
  '<html><head><title>We will cut 40 heads</title><style>/* cut 40 heads */</style></head>',
  '<body>',
  '<p>Dear team,</p>',
  '<p>We will cut 40 heads from support &amp; sales.</p>',
  '<pre>We will cut 40 heads.</pre>',
  '</body></html>',
  '',
].join('\n');

describe('HTML input', () => {
  it('points at the line and column of the HTML, and skips the head and <pre>', () => {
    const cwd = project({ 'memo.html': memo });
    const result = tonelint(['memo.html', '-f', 'json'], { cwd });
    expect(result.code).toBe(1);
    const [file] = parseJson(result);
    const units = file.messages.filter((message) => message.ruleId === 'people-as-units');
    expect(units.map((message) => [message.line, message.column, message.endColumn])).toEqual([[5, 16, 24]]);
  });

  it('walks directories for .html and .htm by default, and honours .tonelintignore and ignorePatterns', () => {
    const cwd = project({
      'memos/a.html': memo,
      'memos/b.htm': memo,
      'memos/drafts/c.html': memo,
      'memos/vendor/d.html': memo,
      'memos/ok.html': `<p>${cleanSentence}</p>`,
      '.tonelintignore': 'memos/drafts/\n',
      '.tonelintrc.json': JSON.stringify({ ignorePatterns: ['vendor/'] }),
    });
    const result = tonelint(['memos', '-f', 'json'], { cwd });
    expect(result.stderr).toBe('');
    const files = parseJson(result).map((file) => file.filePath.slice(cwd.length + 1));
    expect(files).toEqual(['memos/a.html', 'memos/b.htm', 'memos/ok.html']);
  });

  it('--fix rewrites the HTML in place and leaves markup, references and <pre> alone', () => {
    const cwd = project({ 'memo.html': memo });
    const result = tonelint(['memo.html', '--fix', '-f', 'json'], { cwd });
    const after = readFileSync(join(cwd, 'memo.html'), 'utf8');
    expect(after).toBe(memo.replace('cut 40 heads from support', 'cut 40 people from support'));
    expect(parseJson(result)[0].messages.map((message) => message.ruleId)).not.toContain('people-as-units');
  });

  it('reads standard input as HTML when --stdin-filename ends in .html', () => {
    const cwd = project();
    const result = tonelint(['--stdin', '--stdin-filename', 'mail.html', '-f', 'json'], { cwd, input: '<p>We will cut 40 <i>heads</i> from support.</p>' });
    const [file] = parseJson(result);
    const units = file.messages.find((message) => message.ruleId === 'people-as-units');
    expect(units && [units.line, units.column, units.endColumn]).toEqual([1, 16, 27]);
  });
});
