// The html formatter as a pure function: reports in, one page out. (tests/e2e/html-report.test.ts
// opens real pages in Chromium.)
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FileReport, ReportMessage } from '../../src/cli/formatters/report.js';
import { formatHtml } from '../../src/cli/formatters/html.js';

const context = { cwd: '/work', color: false, rules: [], version: '0.0.0-test' };
const point = (offset: number) => ({ line: 1, column: offset + 1, offset });
const message = (start: number, end: number, extra: Partial<ReportMessage> = {}): ReportMessage => ({
  ruleId: 'people-as-units',
  category: 'dehumanizing',
  severity: 'error',
  message: '“40 heads” counts people as units.',
  start: point(start),
  end: point(end),
  suggestions: ['40 people'],
  ...extra,
});
const reportOf = (text: string, messages: ReportMessage[], extra: Partial<FileReport> = {}): FileReport => ({
  filePath: '/work/memo.md',
  displayPath: 'memo.md',
  messages,
  errorCount: messages.length,
  warningCount: 0,
  infoCount: 0,
  document: { format: 'text', text },
  ...extra,
});

describe('formatHtml', () => {
  it('allows only its own stylesheet, by hash, and contains no script', () => {
    const page = formatHtml([reportOf('Hello.', [])], context);
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1];
    const hash = createHash('sha256').update(style).digest('base64');
    expect(page).toContain(`content="default-src 'none'; style-src 'sha256-${hash}'`);
    expect(page).not.toMatch(/<script|\son[a-z]+=|style="/i);
    expect(page).toContain('No findings: nothing to change.');
  });

  it('escapes everything from the memo: text, path, message and suggestions', () => {
    const text = 'We will cut <b>40 heads</b> & "more" \'now\'';
    const start = text.indexOf('40 heads');
    const page = formatHtml(
      [
        reportOf(text, [message(start, start + 8, { message: '<img src=x onerror=alert(1)>', suggestions: ['</li><script>x()</script>'] })], {
          displayPath: '<script>alert(1)</script>.md',
        }),
      ],
      context,
    );
    expect(page).not.toMatch(/<script|<img|<b>/);
    expect(page).toContain('We will cut &lt;b&gt;');
    expect(page).toContain('&amp; &quot;more&quot; &#39;now&#39;');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;.md');
    expect(page).toContain('&lt;/li&gt;&lt;script&gt;x()&lt;/script&gt;');
  });

  it('gives overlapping findings a mark each, the label on the first piece, and a zero-length finding a label alone', () => {
    const text = 'We will cut 40 heads from support today.';
    const sentence = message(0, text.length, { ruleId: 'missing-acknowledgment', category: 'evasive', severity: 'info', message: 'No acknowledgment.' });
    const heads = message(12, 20);
    const directive = message(text.length, text.length, { ruleId: null, category: null, severity: 'warning', message: 'Unused directive.' });
    const page = formatHtml([reportOf(text, [sentence, heads, directive])], context);
    const documentHtml = /<div class="document">([\s\S]*?)<\/div><\/div>/.exec(page)![1];
    expect(documentHtml.match(/data-finding="1"/g)).toHaveLength(3);
    expect(documentHtml.match(/data-finding="2"/g)).toHaveLength(1);
    expect(documentHtml.match(/data-finding="3"/g)).toHaveLength(1);
    expect(documentHtml.match(/class="tag cat-evasive" href="#finding-1-1">1 Evasive</g)).toHaveLength(1);
    expect(documentHtml).toContain('<a class="tag cat-dehumanizing" href="#finding-1-2">2 Dehumanizing</a>40 heads</mark>');
    expect(documentHtml).toContain('<a class="tag cat-other" href="#finding-1-3">3 Note</a></mark>');
    // The prose reads the same with the marks taken out.
    expect(documentHtml.replace(/<a class="tag[^>]*>[^<]*<\/a>/g, '').replace(/<[^>]+>/g, '')).toBe(text);
  });

  it('shows an HTML memo as its prose, with the findings at the right words', () => {
    const source = '<html><body><h1>Update</h1><p>We will cut 40 <i>heads</i> from support.</p><script>x()</script></body></html>';
    const start = source.indexOf('40');
    const end = source.indexOf('</i>');
    const page = formatHtml([reportOf(source, [message(start, end)], { document: { format: 'html', text: source } })], context);
    const documentHtml = /<div class="document">([\s\S]*?)<\/div><\/div>/.exec(page)![1];
    expect(documentHtml).toContain('We will cut <mark class="cat-dehumanizing" data-finding="1"');
    expect(documentHtml.replace(/<a class="tag[^>]*>[^<]*<\/a>/g, '').replace(/<[^>]+>/g, '')).toBe('Update\n\nWe will cut 40 heads from support.');
  });

  it('puts the memo-level verdict and the counts by category first', () => {
    const summary = {
      announcesCuts: true,
      announcement: { line: 3, text: 'We will cut 40 heads.', paragraph: 2 },
      elements: { acknowledgment: { present: false }, 'decision-owner': { present: true, line: 5, paragraph: 3 }, support: { present: false } },
      benchmarkLed: false,
      counts: { alarmist: 0, dehumanizing: 1, evasive: 0, framing: 0, inclusive: 0 },
    };
    const page = formatHtml([reportOf('We will cut 40 heads.', [message(12, 20)], { summary })], context);
    const verdict = page.indexOf('This memo announces job cuts (paragraph 2)');
    expect(verdict).toBeGreaterThan(0);
    expect(page).toContain('Says who made the decision: <strong>yes, paragraph 3</strong>');
    expect(page).toContain('data-element="support">States concrete support for the people leaving: <strong>missing</strong>');
    expect(page).toMatch(/<tr data-category="dehumanizing"><th scope="row"><span class="swatch cat-dehumanizing"><\/span>Dehumanizing<\/th><td class="n">1<\/td>/);
    expect(verdict).toBeLessThan(page.indexOf('<div class="document">'));
  });
});
