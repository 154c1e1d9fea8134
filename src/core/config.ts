// The lint configuration as data: what a config file or the API caller may set.
import type { Category, SeverityOrOff } from './finding.js';

export type PresetName = 'recommended' | 'all';
export const presetNames: readonly PresetName[] = ['recommended', 'all'];

export interface LintConfig {
  /** `recommended` (default): tonelint's own rules. `all`: adds the `inclusive` category (retext-equality). */
  preset?: PresetName;
  /** Per-rule severity overrides, by rule id (`equality/*` ids included). */
  rules?: Record<string, SeverityOrOff>;
  /** Per-category severity overrides; a rule override wins over its category's. */
  categories?: Partial<Record<Category, SeverityOrOff>>;
  /** Organisation vocabulary that must never be flagged (matched as whole words, case-insensitively). */
  allow?: string[];
  /** Path patterns (gitignore syntax) the CLI skips; ignored by `lint()`. */
  ignorePatterns?: string[];
}

export const configKeys = ['preset', 'rules', 'categories', 'allow', 'ignorePatterns'] as const;
