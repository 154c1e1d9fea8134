// Lints with hand-written rules instead of the built-in packs, through the real retext plugin,
// so engine behaviour is specified independently of today's vocabulary.
import remarkParse from 'remark-parse';
import remarkRetext from 'remark-retext';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Finding } from '../../src/core/finding.js';
import { compileRules, type CompiledRules, type RuleSource } from '../../src/core/rule.js';
import retextTonelint from '../../src/plugin/index.js';

export function rule(id: string, fields: Record<string, unknown>, category = 'dehumanizing'): RuleSource {
  return {
    file: `rules/${category}/${id}.yml`,
    lines: {},
    data: {
      id,
      category,
      severity: 'error',
      summary: 'A test rule.',
      message: '“{actual}” is flagged.',
      rationale: 'Because.',
      suggestions: ['a rewrite'],
      examples: { flags: ['a', 'b', 'c'], passes: ['d', 'e', 'f'] },
      ...fields,
    },
  };
}

export function vocabulary(name: string, terms: string[]): RuleSource {
  return { file: `rules/vocabulary/${name}.yml`, lines: {}, data: { name, summary: 'Test words.', terms } };
}

export const baseVocabularies: RuleSource[] = [
  vocabulary('negation', ['not', 'never', 'no', "won't", "don't", 'without']),
  vocabulary('negation-exceptions', ['no longer', 'not only']),
  vocabulary('rejection-cues', ["don't think so", 'we disagree', 'so-called', 'reject~']),
  vocabulary('report-rebuttals', ['we disagree', 'disagree', 'reject~ that', 'which we reject~']),
  vocabulary('mention-frames', ['so-called', 'described as']),
  vocabulary('reported-speech', ['post claiming', 'questions about whether', 'asked whether']),
  vocabulary('told-by-others', ['[told|warned] us that?', '[management|she] [told|warned] [staff|them]?']),
  vocabulary('people', ['employees', 'staff', 'colleagues', 'people', 'customer service reps', 'analysts']),
];

export function compile(...sources: RuleSource[]): CompiledRules {
  return compileRules([...baseVocabularies, ...sources]);
}

export async function lintWith(rules: CompiledRules, text: string, format: 'markdown' | 'text' = 'text'): Promise<Finding[]> {
  const retext = unified().use(retextEnglish).use(retextTonelint, { rules, format });
  const processor = format === 'markdown' ? unified().use(remarkParse).use(remarkRetext, retext.freeze() as never) : retext;
  const file = new VFile({ value: text });
  await (processor as any).run((processor as any).parse(file), file);
  return file.data.tonelintFindings ?? [];
}

export const actuals = (findings: Finding[]) => findings.map((finding) => finding.actual);

/** A finding on line 1 between two offsets, for tests of merging and ordering. */
export const findingAt = (ruleId: string, category: Finding['category'], start: number, end: number, confidence?: number): Finding => ({
  ruleId,
  category,
  severity: 'warning',
  message: ruleId,
  start: { line: 1, column: start + 1, offset: start },
  end: { line: 1, column: end + 1, offset: end },
  actual: '',
  suggestions: [],
  url: '',
  confidence,
});
