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
  /** The learned sentence scorer (the `scored-*` rules). */
  scorer?: ScorerConfig;
}

export interface ScorerConfig {
  /** false: the scorer is not loaded and reports nothing (the phrase rules still run). */
  enabled?: boolean;
  /** Report a category's finding at or above this confidence (0 < t < 1), instead of the calibrated one. */
  thresholds?: Partial<Record<'alarmist' | 'dehumanizing' | 'evasive', number>>;
}

export const configKeys = ['preset', 'rules', 'categories', 'allow', 'ignorePatterns', 'scorer'] as const;
export const scorerConfigKeys = ['enabled', 'thresholds'] as const;
export const scorerThresholdKeys = ['alarmist', 'dehumanizing', 'evasive'] as const;

/** Problems with a `scorer` setting, each with the key path it is at (shared by every config reader). */
export function scorerConfigProblems(value: unknown): { message: string; path: string[] }[] {
  const problems: { message: string; path: string[] }[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ message: '"scorer" must be a mapping with "enabled" and/or "thresholds"', path: ['scorer'] }];
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(scorerConfigKeys as readonly string[]).includes(key)) problems.push({ message: `unknown key "scorer.${key}" (use ${scorerConfigKeys.join(' or ')})`, path: ['scorer', key] });
  }
  if ('enabled' in record && typeof record.enabled !== 'boolean') problems.push({ message: '"scorer.enabled" must be true or false', path: ['scorer', 'enabled'] });
  if ('thresholds' in record) {
    const thresholds = record.thresholds;
    if (typeof thresholds !== 'object' || thresholds === null || Array.isArray(thresholds)) {
      problems.push({ message: '"scorer.thresholds" must map alarmist, dehumanizing or evasive to a number between 0 and 1', path: ['scorer', 'thresholds'] });
    } else {
      for (const [name, level] of Object.entries(thresholds)) {
        if (!(scorerThresholdKeys as readonly string[]).includes(name)) problems.push({ message: `unknown scorer category "${name}" (use ${scorerThresholdKeys.join(', ')})`, path: ['scorer', 'thresholds', name] });
        else if (typeof level !== 'number' || !(level > 0 && level < 1)) problems.push({ message: `"scorer.thresholds.${name}" must be a number between 0 and 1 (exclusive), not ${JSON.stringify(level)}`, path: ['scorer', 'thresholds', name] });
      }
    }
  }
  return problems;
}
