// lint() parses into sentences only the blocks where a rule could match. That must never change
// what is found: the full retext pipeline over every sentence is the reference.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRetext from 'remark-retext';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { ParseEnglish } from 'parse-english';
import { markdownChunks, markdownParagraphs, SLICE_CHARACTERS, textParagraphs } from '../../src/plugin/blocks.js';
import { paragraphsFromNlcst } from '../../src/plugin/nlcst-tokens.js';
import retextTonelint, { engineFor, retextTonelintScorer } from '../../src/plugin/index.js';
import { loadMemoHeads, loadScorerModel } from '../../src/node/scorer-model.js';
import { parseMarkdown } from '../../src/plugin/processor.js';

const fullPipeline = {
  markdown: unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(remarkRetext, unified().use(retextEnglish).use(retextTonelint, { format: 'markdown', memoHeads: loadMemoHeads }).use(retextTonelintScorer, { model: loadScorerModel }).freeze() as never)
    .freeze(),
  text: unified().use(retextEnglish).use(retextTonelint, { format: 'text', memoHeads: loadMemoHeads }).use(retextTonelintScorer, { model: loadScorerModel }).freeze(),
};

async function reference(text: string, format: 'markdown' | 'text') {
  const processor = fullPipeline[format] as any;
  const file = new VFile({ value: text });
  await processor.run(processor.parse(file), file);
  return (file.data.tonelintFindings ?? []).map((f) => `${f.ruleId}@${f.start.offset}-${f.end.offset}`).sort();
}

async function fast(text: string, format: 'markdown' | 'text') {
  return (await lint(text, { format })).findings.map((f) => `${f.ruleId}@${f.start.offset}-${f.end.offset}`).sort();
}

const examplesDir = new URL('../../examples/', import.meta.url).pathname;
const examples = existsSync(examplesDir) ? readdirSync(examplesDir).filter((name) => name.endsWith('.md')) : [];
const devSet = new URL('../../eval/dev/dev.jsonl', import.meta.url).pathname;
const devTexts = existsSync(devSet)
  ? readFileSync(devSet, 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { text: string }).text)
  : [];

describe('the fast path', () => {
  it('has examples to compare', () => {
    expect(examples.length).toBeGreaterThan(2);
  });

  it.each(examples)('finds what the full pipeline finds in examples/%s', async (name) => {
    const text = readFileSync(`${examplesDir}${name}`, 'utf8');
    expect(await fast(text, 'markdown')).toEqual(await reference(text, 'markdown'));
  });

  // Heavy in-process work (every dev text through both pipelines; a long document parsed twice):
  // seconds on a busy 2-core machine, so a generous limit rather than vitest's 5 s.
  it('finds what the full pipeline finds on every development-set text, in both formats', async () => {
    expect(devTexts.length).toBeGreaterThan(200);
    for (const text of devTexts) {
      for (const format of ['markdown', 'text'] as const) {
        // Directives are applied by lint() only; dev texts have none, so the sets compare directly.
        expect(await fast(text, format), text).toEqual(await reference(text, format));
      }
    }
  }, 60_000);

  it('lints tables cell by cell', async () => {
    const { findings } = await lint('| team | plan |\n| --- | --- |\n| support | cut 40 heads |\n');
    expect(findings.filter((f) => f.ruleId === 'people-as-units').map((f) => [f.ruleId, f.start.line])).toEqual([['people-as-units', 3]]);
    expect(findings.every((f) => f.start.line === 3)).toBe(true);
  });
});

describe('long Markdown is parsed in pieces', () => {
  const memo = examples.map((name) => readFileSync(`${examplesDir}${name}`, 'utf8')).join('\n\n');
  const tricky = [
    '```text\nfirst line\n\nWe will cut 40 heads from support.\n\nstill code\n```',
    '<!--\na comment\n\nWe will cut 40 heads from support.\n\n-->',
    '- a list item\n\n    We will cut 40 heads from support, said the indented continuation.',
    'Honest paragraph about the [v1 API][old], which is obsolete.\n\n[old]: https://example.com/v1',
  ].join('\n\n');
  const long = Array.from({ length: 40 }, (_, index) => `## Part ${index}\n\n${memo}\n\n${tricky}`).join('\n\n');

  it('cuts only where pieces parse alone to the same blocks, and covers the text exactly', () => {
    const chunks = markdownChunks(long, 4096);
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks[0][0]).toBe(0);
    expect(chunks.at(-1)![1]).toBe(long.length);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i][0]).toBe(chunks[i - 1][1]);
    for (const [start] of chunks.slice(1)) {
      const piece = long.slice(start);
      expect(piece).not.toMatch(/^(still code|-->|\s)/);
    }
  });

  it('finds exactly what parsing the whole text at once finds', async () => {
    const engine = engineFor({});
    const whole = engine.lint(long, markdownParagraphs(parseMarkdown(long), long, engine)).map((f) => `${f.ruleId}@${f.start.offset}`);
    const pieces = (await lint(long, { config: { scorer: { enabled: false } } })).findings.map((f) => `${f.ruleId}@${f.start.offset}`);
    expect(long.length).toBeGreaterThan(64 * 1024);
    expect(pieces.sort()).toEqual(whole.sort());
  }, 60_000);
});

describe('a block longer than a slice is parsed in slices', () => {
  const sentences = [
    'The team reviewed the quarterly plan and agreed on next steps.',
    'We will cut 40 heads from support, said nobody who writes well?',
    'Resistance is futile!',
    'The depot "closes on Friday," she said.',
    'It will be a bloodbath for jobs (or so the column claimed.)',
  ];
  const line = Array.from({ length: 2400 }, (_, index) => sentences[index % sentences.length]).join(' ');
  const everything = { mayMatch: () => true };
  const shape = (paragraphs: { sentences: { start: number; end: number; tokens: { text: string }[] }[] }[]) =>
    paragraphs.map((paragraph) => paragraph.sentences.map((sentence) => `${sentence.start}-${sentence.end}:${sentence.tokens.map((token) => token.text).join(' ')}`));

  it('gives the sentences, tokens and offsets of parsing the block at once, as one paragraph', () => {
    expect(line.length).toBeGreaterThan(3 * SLICE_CHARACTERS);
    const whole = shape(paragraphsFromNlcst(new ParseEnglish().parse(line), line, 0));
    expect(whole).toHaveLength(1);
    expect(shape(textParagraphs(line, everything))).toEqual(whole);
    const markdown = `# Title\n\n${line}\n`;
    const offset = '# Title\n\n'.length;
    const inMarkdown = markdownParagraphs(parseMarkdown(markdown), markdown, everything);
    expect(shape(inMarkdown.slice(1))).toEqual(shape(paragraphsFromNlcst(new ParseEnglish().parse(line), line, offset)));
  });

  it('cuts a long run with no sentence end at a space, losing no word', () => {
    // A sentence end only at the very end: the cuts still fall near every slice, at spaces.
    const run = `${Array.from({ length: 12_000 }, (_, index) => `word${index}`).join(' ')} end. Last sentence here.`;
    const paragraphs = textParagraphs(run, everything);
    expect(paragraphs).toHaveLength(1);
    const words = paragraphs[0].sentences.flatMap((sentence) => sentence.tokens.filter((token) => token.kind === 'word').map((token) => token.text));
    expect(words).toEqual(run.replace(/\./g, '').split(' '));
    expect(paragraphs[0].sentences.length).toBeGreaterThan(3);
  });
});
