// `tonelint memo.docx memo.html memo.md -f html -o report.html`, opened in real headless
// Chromium (Debian's `chromium`, driven by puppeteer-core): every finding has its highlight and
// its entry beside the text, categories carry a text label as well as a colour, the page loads
// nothing and runs nothing, and script smuggled in through a memo stays text. On a failed
// expectation a screenshot of the page is written to test-results/ and named in the error.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { layoffMemo } from '../helpers/word.js';
import { isolatedEnv, removeTempDirs, repoRoot, report, requireTool, run, tempDir, tonelintBin } from './helpers/git.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

const hasChromium = requireTool('chromium', 'apt-get install chromium');
/** puppeteer needs a path, not a command name: the first `chromium` on PATH. */
const chromium = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'chromium')).find((path) => existsSync(path)) ?? 'chromium';

const htmlMemo = [
  '<!doctype html><html><head><title>Update</title></head><body>',
  '<p>Our new assistant will replace the measurers, who are now obsolete.</p>',
  '<p>Quoted from the draft: &lt;script&gt;document.title="pwned"&lt;/script&gt; and &lt;b onmouseover=alert(1)&gt;.</p>',
  '</body></html>',
  '',
].join('\n');
const markdownMemo = '# Rollout\n\nAutomation is coming for your jobs, whether you like it or not. <img src=x onerror="document.title=\'pwned\'">\n';

interface JsonFile {
  filePath: string;
  messages: Array<{ ruleId: string | null; category: string | null; message: string }>;
}

describe.skipIf(!hasChromium)('the HTML report in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let files: JsonFile[];
  const requests: string[] = [];
  const dialogs: string[] = [];
  const shotDir = join(repoRoot, 'test-results');

  beforeAll(async () => {
    const dir = tempDir('html-report');
    writeFileSync(join(dir, 'memo.docx'), await layoffMemo());
    writeFileSync(join(dir, 'memo.html'), htmlMemo);
    writeFileSync(join(dir, 'memo.md'), markdownMemo);
    const env = isolatedEnv(dir);
    const inputs = ['memo.docx', 'memo.html', 'memo.md'];
    const html = await run(process.execPath, [tonelintBin, ...inputs, '-f', 'html', '-o', 'report.html'], { cwd: dir, env, timeoutMs: 60_000 });
    expect(html.code, report(html)).toBe(1);
    expect(html.stdout, report(html)).toBe('');
    const json = await run(process.execPath, [tonelintBin, ...inputs, '-f', 'json'], { cwd: dir, env, timeoutMs: 60_000 });
    files = JSON.parse(json.stdout) as JsonFile[];

    const puppeteer = await import('puppeteer-core');
    browser = await puppeteer.launch({
      executablePath: chromium,
      headless: true,
      // Root in CI and containers: Chromium's sandbox needs user namespaces it may not have.
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
      timeout: 120_000,
    });
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 1000 });
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith('file:')) requests.push(url);
      if (url.startsWith('file:')) void request.continue();
      else void request.abort();
    });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(pathToFileURL(join(dir, 'report.html')).href, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
    removeTempDirs();
  });

  /** Runs `check`; on failure writes a screenshot and names it in the error. */
  async function withScreenshot(name: string, check: () => Promise<void>): Promise<void> {
    try {
      await check();
    } catch (error) {
      mkdirSync(shotDir, { recursive: true });
      const path = join(shotDir, `html-report-${name}.png`);
      await page.screenshot({ path, fullPage: true }).catch(() => undefined);
      if (error instanceof Error) error.message += `\nScreenshot of the page: ${path}`;
      throw error;
    }
  }

  it('highlights every finding of every document, with its category as a text label, and lists it beside the text', async () => {
    await withScreenshot('highlights', async () => {
      expect(files.map((file) => file.messages.length).every((count) => count > 0)).toBe(true);
      const sections = await page.$$eval('section.file', (nodes) => nodes.map((node) => node.querySelector('h2')!.textContent));
      expect(sections).toEqual(['memo.docx', 'memo.html', 'memo.md']);
      for (const [index, file] of files.entries()) {
        const fileNumber = index + 1;
        for (const [i, message] of file.messages.entries()) {
          const number = i + 1;
          const seen = await page.evaluate(
            (fileNumber, number) => {
              const section = document.getElementById(`file-${fileNumber}`)!;
              const marks = [...section.querySelectorAll(`.document mark[data-finding="${number}"]`)] as HTMLElement[];
              const item = document.getElementById(`finding-${fileNumber}-${number}`);
              const tag = marks[0]?.querySelector('a.tag') as HTMLAnchorElement | null;
              return {
                marks: marks.length,
                category: marks[0]?.dataset.category,
                background: marks[0] ? getComputedStyle(marks[0]).backgroundColor : '',
                tag: tag?.textContent ?? '',
                tagTarget: tag?.getAttribute('href') ?? '',
                item: item?.textContent ?? '',
                badge: item?.querySelector('.badge')?.textContent ?? '',
                visible: item ? item.getBoundingClientRect().height > 0 : false,
              };
            },
            fileNumber,
            number,
          );
          const where = `${file.filePath} finding ${number} (${message.ruleId})`;
          expect(seen.marks, where).toBeGreaterThan(0);
          expect(seen.category, where).toBe(message.category ?? 'other');
          // The stylesheet applied (its CSP hash is right): a highlight has a colour of its own.
          expect(seen.background, where).not.toBe('rgba(0, 0, 0, 0)');
          expect(seen.tag, where).toMatch(new RegExp(`^${number} \\S`));
          expect(seen.tag.toLowerCase(), where).toContain((message.category ?? 'note').slice(0, 6));
          expect(seen.tagTarget, where).toBe(`#finding-${fileNumber}-${number}`);
          expect(seen.item, where).toContain(message.message);
          expect(seen.badge.toLowerCase(), where).toContain((message.category ?? 'note').slice(0, 6));
          expect(seen.visible, where).toBe(true);
        }
      }
    });
  });

  it('tells categories apart without colour: each has its own underline style and label', async () => {
    await withScreenshot('categories', async () => {
      const styles = await page.$$eval('section.file .document mark', (marks) =>
        [...new Set(marks.map((mark) => `${(mark as HTMLElement).dataset.category}=${getComputedStyle(mark).textDecorationStyle}`))].sort(),
      );
      const byCategory = new Map(styles.map((entry) => entry.split('=') as [string, string]));
      expect(byCategory.size).toBeGreaterThanOrEqual(3);
      expect(new Set(byCategory.values()).size).toBe(byCategory.size);
    });
  });

  it('shows the memo-level verdict and the counts by category at the top', async () => {
    await withScreenshot('summary', async () => {
      const docx = await page.$eval('#file-1', (section) => ({
        verdict: section.querySelector('.verdict')!.textContent!.replace(/\s+/g, ' '),
        dehumanizing: section.querySelector('table.counts tr[data-category="dehumanizing"] td.n')!.textContent,
      }));
      expect(docx.verdict).toContain('This memo announces job cuts (paragraph 2)');
      expect(docx.verdict).toMatch(/Says who made the decision: missing/);
      const expected = files[0].messages.filter((message) => message.category === 'dehumanizing').length;
      expect(docx.dehumanizing).toBe(String(expected));
    });
  });

  it('keeps script and markup from a memo as text: nothing runs, nothing loads', async () => {
    await withScreenshot('injection', async () => {
      const state = await page.evaluate(() => ({
        title: document.title,
        scripts: document.querySelectorAll('script').length,
        images: document.querySelectorAll('img').length,
        handlers: document.querySelectorAll('[onmouseover], [onerror]').length,
        text: document.body.textContent ?? '',
      }));
      expect(state.title).toBe('tonelint report: 3 documents');
      expect(state.scripts).toBe(0);
      expect(state.images).toBe(0);
      expect(state.handlers).toBe(0);
      expect(state.text).toContain('<script>document.title="pwned"</script><img src=x onerror=alert(1)>');
      expect(state.text).toContain('Quoted from the draft: <script>document.title="pwned"</script> and <b onmouseover=alert(1)>.');
      expect(state.text).toContain('<img src=x onerror="document.title=\'pwned\'">');
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([]);
      const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (meta) => meta.getAttribute('content'));
      expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
    });
  });

  it('prints as one column with the highlights kept', async () => {
    await withScreenshot('print', async () => {
      await page.emulateMediaType('print');
      const layout = await page.$eval('.layout', (node) => getComputedStyle(node).display);
      const adjust = await page.$eval('mark', (node) => getComputedStyle(node).getPropertyValue('print-color-adjust'));
      await page.emulateMediaType('screen');
      expect(layout).toBe('block');
      expect(adjust).toBe('exact');
      const pdf = await page.pdf({ format: 'A4' });
      expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    });
  });
});
