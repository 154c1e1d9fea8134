// lint(): the package's front door. Text in, findings out; no disk, no globals beyond caches.
import type { LintConfig } from './core/config.js';
import { RULES_DOCS_URL } from './core/engine.js';
import { compareFindings, type Category, type Finding, type Severity } from './core/finding.js';
import { assertValidConfig, EQUALITY_PREFIX, inclusiveEnabled, severityFor } from './core/settings.js';
import { applyDirectives, parseDirectives, type DisableDirective } from './core/suppress.js';
import { compileBuiltinRules } from './plugin/builtin.js';
import { textParagraphs } from './plugin/blocks.js';
import { SOURCE, engineFor } from './plugin/index.js';
import { processorFor } from './plugin/processor.js';
import { VFile } from 'vfile';
import { createLineIndex } from './core/position.js';

export type { DisableDirective };

export interface LintOptions {
  format?: 'markdown' | 'text';
  config?: LintConfig;
  /** Also return disable directives that suppressed nothing. */
  reportUnusedDisableDirectives?: boolean;
}

export interface LintResult {
  findings: Finding[];
  unusedDisableDirectives: DisableDirective[];
}

export interface RuleInfo {
  id: string;
  category: Category;
  severity: Severity;
  summary: string;
  rationale: string;
  message: string;
  suggestions: string[];
  fix: boolean;
  url: string;
  examples: { flags: string[]; passes: string[] };
  /** `rules/<category>/<id>.yml` */
  source: string;
}

/** Lints one text. Throws a TonelintError (`ConfigInvalid`, `RuleInvalid`) for bad configuration. */
export async function lint(text: string, options: LintOptions = {}): Promise<LintResult> {
  const format = options.format ?? 'markdown';
  const config = options.config ?? {};
  assertValidConfig(config, ruleIds());
  let findings: Finding[];
  if (format === 'text' && !inclusiveEnabled(config)) {
    // Plain text needs no syntax tree: only paragraphs that may match are parsed into sentences.
    const engine = engineFor(config);
    findings = engine.lint(text, textParagraphs(text, engine));
  } else {
    const processor = processorFor(format, config);
    const file = new VFile({ value: text });
    await processor.run(processor.parse(file), file);
    findings = [...(file.data.tonelintFindings ?? []), ...inclusiveFindings(file, text, config)];
  }
  const { findings: kept, unused } = applyDirectives(findings, parseDirectives(text, format));
  return {
    findings: kept.sort(compareFindings),
    unusedDisableDirectives: options.reportUnusedDisableDirectives ? unused : [],
  };
}

/** retext-equality's messages as Findings in the `inclusive` category. */
function inclusiveFindings(file: VFile, text: string, config: LintConfig): Finding[] {
  const lines = createLineIndex(text);
  const findings: Finding[] = [];
  for (const message of file.messages) {
    if (message.source === SOURCE || !message.place || !('start' in message.place)) continue;
    const ruleId = `${EQUALITY_PREFIX}${message.ruleId ?? 'unknown'}`;
    const severity = severityFor(config, ruleId, 'inclusive', 'warning');
    if (severity === 'off') continue;
    const start = message.place.start.offset ?? lines.offsetAt(message.place.start.line, message.place.start.column);
    const end = message.place.end.offset ?? lines.offsetAt(message.place.end.line, message.place.end.column);
    findings.push({
      ruleId,
      category: 'inclusive',
      severity,
      message: message.reason,
      start: lines.pointAt(start),
      end: lines.pointAt(end),
      actual: text.slice(start, end),
      suggestions: Array.isArray(message.expected) ? message.expected : [],
      url: message.url ?? 'https://github.com/retextjs/retext-equality#readme',
    });
  }
  return findings;
}

let ruleIdList: string[] | undefined;
function ruleIds(): string[] {
  ruleIdList ??= compileBuiltinRules().rules.map((rule) => rule.id);
  return ruleIdList;
}

/** Every built-in rule with its documentation, ordered by category then id. */
export function listRules(): RuleInfo[] {
  return compileBuiltinRules()
    .rules.map((rule) => ({
      id: rule.id,
      category: rule.category,
      severity: rule.severity,
      summary: rule.summary,
      rationale: rule.rationale,
      message: rule.message,
      suggestions: rule.suggestions,
      fix: rule.fix || (rule.scope === 'phrase' && rule.patterns.some((pattern) => pattern.fix !== undefined)),
      url: rule.url ?? `${RULES_DOCS_URL}#${rule.id}`,
      examples: rule.examples,
      source: rule.file,
    }))
    .sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id));
}

export function getRule(id: string): RuleInfo | undefined {
  return listRules().find((rule) => rule.id === id);
}
