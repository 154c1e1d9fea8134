// TEMPORARY contract stub: replaced by the real engine in the core commit.
import type { Finding, Category, Severity } from './core/finding.js';
import type { LintConfig } from './core/config.js';

export interface LintOptions {
  format?: 'markdown' | 'text';
  config?: LintConfig;
  /** Also return disable directives that suppressed nothing. */
  reportUnusedDisableDirectives?: boolean;
}

export interface DisableDirective {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  ruleIds: string[];
  line: number;
  column: number;
  offset: number;
  endOffset: number;
  reason?: string;
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
  /** `rules/<category>/<id>.yml`, or `retext-equality` for `equality/*` rules. */
  source: string;
}

export async function lint(_text: string, _options: LintOptions = {}): Promise<LintResult> {
  return { findings: [], unusedDisableDirectives: [] };
}

export function listRules(): RuleInfo[] {
  return [];
}

export function getRule(_id: string): RuleInfo | undefined {
  return undefined;
}
