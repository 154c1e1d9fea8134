// A small rule pack with `fix: true` rules, run through the public unified plugin, so the fix
// properties exercise the engine's fix generation whatever the built-in packs contain today.
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRetext from 'remark-retext';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Finding } from '../../src/index.js';
import { compileRules, type RuleSource } from '../../src/core/rule.js';
import { builtinRuleSources } from '../../src/generated/rule-sources.js';
import { retextTonelint } from '../../src/plugin/index.js';

const examples = { flags: ['x', 'y', 'z'], passes: ['x', 'y', 'z'] };

function rule(id: string, patterns: string[], suggestion: string): RuleSource {
  return {
    file: `rules/dehumanizing/${id}.yml`,
    lines: {},
    data: { id, category: 'dehumanizing', severity: 'warning', summary: 's', rationale: 'r', message: '“{actual}”', patterns, suggestions: [suggestion], fix: true, examples },
  };
}

export const fixRuleSources: RuleSource[] = [
  ...builtinRuleSources.filter((source) => source.file.includes('/vocabulary/')),
  rule('fix-heads', ['[cut~|trim~] {number} [heads|bodies]'], 'cut {number} roles'),
  rule('fix-resources', ['human resources department'], 'people team'),
  rule('fix-rif', ['reduction in force', 'rif~'], 'layoffs'),
  rule('fix-replace', ['replace~ our? @people'], 'support {people}'),
];

/** Words the fix pack triggers on, for generators. */
export const fixTriggers = [
  'cut 40 heads', 'trimmed 1,200 bodies', 'cutting forty heads', 'Cut two hundred heads', 'human resources department',
  'reduction in force', 'RIF', 'rifs', 'replace our staff', 'replacing employees', 'Replace colleagues', 'replaced our people',
];

const compiled = compileRules(fixRuleSources);
const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkRetext, unified().use(retextEnglish).use(retextTonelint, { rules: compiled }).freeze() as never).freeze();
const text = unified().use(retextEnglish).use(retextTonelint, { rules: compiled, format: 'text' }).freeze();

/** Lints with the fix pack only (no built-in rules). */
export async function lintWithFixPack(value: string, format: 'markdown' | 'text'): Promise<Finding[]> {
  const file = new VFile({ value });
  const processor = (format === 'markdown' ? markdown : text) as unknown as { parse(f: VFile): unknown; run(t: unknown, f: VFile): Promise<unknown> };
  await processor.run(processor.parse(file), file);
  return file.data.tonelintFindings ?? [];
}
