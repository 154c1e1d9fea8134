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
import retextTonelint from '../../src/plugin/index.js';

const fullPipeline = {
  markdown: unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(remarkRetext, unified().use(retextEnglish).use(retextTonelint, { format: 'markdown' }).freeze() as never)
    .freeze(),
  text: unified().use(retextEnglish).use(retextTonelint, { format: 'text' }).freeze(),
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
const devSet = new URL('../../../shared/eval/dev.jsonl', import.meta.url).pathname;
const devTexts = existsSync(devSet)
  ? readFileSync(devSet, 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { text: string }).text)
  : [];

describe('the fast path', () => {
  it.each(examples)('finds what the full pipeline finds in examples/%s', async (name) => {
    const text = readFileSync(`${examplesDir}${name}`, 'utf8');
    expect(await fast(text, 'markdown')).toEqual(await reference(text, 'markdown'));
  });

  it('finds what the full pipeline finds on every development-set text, in both formats', async () => {
    for (const text of devTexts) {
      for (const format of ['markdown', 'text'] as const) {
        // Directives are applied by lint() only; dev texts have none, so the sets compare directly.
        expect(await fast(text, format), text).toEqual(await reference(text, format));
      }
    }
  });

  it('lints tables cell by cell', async () => {
    const { findings } = await lint('| team | plan |\n| --- | --- |\n| support | cut 40 heads |\n');
    expect(findings.map((f) => [f.ruleId, f.start.line])).toEqual([['people-as-units', 3]]);
  });
});
