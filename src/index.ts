// The public API of the `tonelint` package.
export { lint, listRules, getRule, ruleIdsOfScope } from './lint.js';
export type { LintOptions, LintResult, RuleInfo, DisableDirective } from './lint.js';
export type { Finding, Point, Fix, Severity, SeverityOrOff, Category } from './core/finding.js';
export { categories, compareFindings } from './core/finding.js';
export type { LintConfig, PresetName } from './core/config.js';
export { presetNames, configKeys } from './core/config.js';
export { TonelintError, isTonelintError, closestName } from './core/errors.js';
export type { TonelintErrorCode } from './core/errors.js';
export { applyFixes } from './core/fix.js';
