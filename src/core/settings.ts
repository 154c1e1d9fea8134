// From a LintConfig to what the engine needs: each rule's effective severity and the allow list.
import type { LintConfig } from './config.js';
import { TonelintError, closestName } from './errors.js';
import { categories, type Category, type SeverityOrOff } from './finding.js';
import { PatternError, checkPattern, parsePattern, type Element } from './match/pattern.js';
import type { CompiledRule } from './rule.js';
import type { EngineSettings } from './engine.js';
import { configKeys, presetNames, scorerConfigProblems } from './config.js';

const levels: readonly SeverityOrOff[] = ['off', 'info', 'warning', 'error'];
/** retext-equality's rules, wired in as the `inclusive` category. */
export const EQUALITY_PREFIX = 'equality/';

export function validateConfig(config: LintConfig, ruleIds: readonly string[]): string[] {
  const problems: string[] = [];
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return ['the configuration must be an object'];
  for (const key of Object.keys(config)) {
    if (!(configKeys as readonly string[]).includes(key)) {
      const hint = closestName(key, configKeys);
      problems.push(`unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
    }
  }
  if (config.preset !== undefined && !presetNames.includes(config.preset)) {
    problems.push(`unknown preset "${String(config.preset)}" (${presetNames.join(' or ')})`);
  }
  const checkLevel = (where: string, value: unknown) => {
    if (!levels.includes(value as SeverityOrOff)) problems.push(`${where} must be one of ${levels.join(', ')}, not ${JSON.stringify(value)}`);
  };
  if (config.rules !== undefined) {
    if (typeof config.rules !== 'object' || config.rules === null || Array.isArray(config.rules)) problems.push('"rules" must be a mapping of rule id to level');
    else {
      for (const [id, level] of Object.entries(config.rules)) {
        if (!id.startsWith(EQUALITY_PREFIX) && !ruleIds.includes(id)) {
          const hint = closestName(id, ruleIds);
          problems.push(`unknown rule "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
        }
        checkLevel(`rules.${id}`, level);
      }
    }
  }
  if (config.categories !== undefined) {
    if (typeof config.categories !== 'object' || config.categories === null || Array.isArray(config.categories)) problems.push('"categories" must be a mapping of category to level');
    else {
      for (const [name, level] of Object.entries(config.categories)) {
        if (!categories.includes(name as Category)) {
          const hint = closestName(name, categories);
          problems.push(`unknown category "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
        }
        checkLevel(`categories.${name}`, level);
      }
    }
  }
  for (const key of ['allow', 'ignorePatterns'] as const) {
    const value = config[key];
    if (value !== undefined && (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))) problems.push(`"${key}" must be a list of strings`);
  }
  if (config.scorer !== undefined) problems.push(...scorerConfigProblems(config.scorer).map((problem) => problem.message));
  return problems;
}

/** Throws ConfigInvalid with every problem of `config`, one per line. */
export function assertValidConfig(config: LintConfig, ruleIds: readonly string[]): void {
  const problems = validateConfig(config, ruleIds);
  if (problems.length > 0) throw new TonelintError('ConfigInvalid', problems.join('\n'));
}

export function severityFor(config: LintConfig, ruleId: string, category: Category, defaultSeverity: SeverityOrOff): SeverityOrOff {
  return config.rules?.[ruleId] ?? config.categories?.[category] ?? defaultSeverity;
}

/** Whether retext-equality runs: preset `all`, or the category or one of its rules switched on. */
export function inclusiveEnabled(config: LintConfig): boolean {
  const category = config.categories?.inclusive;
  if (category !== undefined) return category !== 'off';
  if (config.preset === 'all') return true;
  return Object.entries(config.rules ?? {}).some(([id, level]) => id.startsWith(EQUALITY_PREFIX) && level !== 'off');
}

export function engineSettings(config: LintConfig): EngineSettings {
  const allow: Element[][] = [];
  for (const phrase of config.allow ?? []) {
    // Allowed phrases are plain words: brackets and slots are taken literally, never as patterns.
    const words = phrase.split(/\s+/).map((word) => word.replace(/[^\p{L}\p{M}\p{N}'\u2019-]/gu, '')).filter(Boolean);
    if (words.length === 0) continue;
    try {
      const elements = parsePattern(words.join(' '), () => undefined);
      checkPattern(elements);
      allow.push(elements);
    } catch (error) {
      if (!(error instanceof PatternError)) throw error;
    }
  }
  return {
    severityOf: (rule: CompiledRule) => severityFor(config, rule.id, rule.category, rule.severity),
    allow,
  };
}
