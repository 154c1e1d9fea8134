// From a config to what the engine runs: validation messages, effective severities, the allow list.
import { describe, expect, it } from 'vitest';
import type { LintConfig } from '../../src/core/config.js';
import { TonelintError } from '../../src/core/errors.js';
import type { CompiledRule } from '../../src/core/rule.js';
import { assertValidConfig, engineSettings, inclusiveEnabled, severityFor, validateConfig } from '../../src/core/settings.js';

const ruleIds = ['people-as-units', 'euphemism', 'threat'];
const problems = (config: unknown) => validateConfig(config as LintConfig, ruleIds);

describe('validateConfig', () => {
  it('accepts a full, valid config', () => {
    expect(
      problems({
        preset: 'all',
        rules: { 'people-as-units': 'error', 'equality/gals-men': 'off' },
        categories: { evasive: 'info', inclusive: 'warning' },
        allow: ['headcount'],
        ignorePatterns: ['drafts/**'],
        scorer: { enabled: true, thresholds: { alarmist: 0.5 } },
      }),
    ).toEqual([]);
    expect(problems({})).toEqual([]);
  });

  it.each([null, [], 'recommended', 3])('refuses %j as a whole', (config) => {
    expect(problems(config)).toEqual(['the configuration must be an object']);
  });

  it('names unknown keys, with the closest known one when it is close', () => {
    expect(problems({ rule: {}, colour: 1 })).toEqual(['unknown key "rule" (did you mean "rules"?)', 'unknown key "colour"']);
  });

  it('names an unknown preset and the known ones', () => {
    expect(problems({ preset: 'strict' })).toEqual(['unknown preset "strict" (recommended or all)']);
  });

  it('names unknown rules (equality/* rules are retext-equality\'s, never unknown) and wrong levels', () => {
    expect(problems({ rules: { 'people-as-unit': 'warning', 'equality/anything': 'on', nonsense: 'off' } })).toEqual([
      'unknown rule "people-as-unit" (did you mean "people-as-units"?)',
      'rules.equality/anything must be one of off, info, warning, error, not "on"',
      'unknown rule "nonsense"',
    ]);
  });

  it.each(['off', 'info', 'warning', 'error'])('accepts the level %s', (level) => {
    expect(problems({ rules: { threat: level }, categories: { alarmist: level } })).toEqual([]);
  });

  it('refuses rules and categories that are not mappings', () => {
    for (const value of [null, ['threat'], 'threat']) {
      expect(problems({ rules: value, categories: value })).toEqual([
        '"rules" must be a mapping of rule id to level',
        '"categories" must be a mapping of category to level',
      ]);
    }
  });

  it('names unknown categories and wrong category levels', () => {
    expect(problems({ categories: { evasiv: 'warning', framing: 2 } })).toEqual([
      'unknown category "evasiv" (did you mean "evasive"?)',
      'categories.framing must be one of off, info, warning, error, not 2',
    ]);
  });

  it('wants allow and ignorePatterns as lists of strings', () => {
    expect(problems({ allow: 'headcount', ignorePatterns: ['a', 1] })).toEqual([
      '"allow" must be a list of strings',
      '"ignorePatterns" must be a list of strings',
    ]);
    expect(problems({ allow: [], ignorePatterns: [] })).toEqual([]);
  });

  it('includes the scorer problems', () => {
    expect(problems({ scorer: { enabled: 'yes' } })).toEqual(['"scorer.enabled" must be true or false']);
  });

  it('throws every problem at once, one per line, as ConfigInvalid', () => {
    const error = (() => {
      try {
        assertValidConfig({ preset: 'strict', allow: 'x' } as unknown as LintConfig, ruleIds);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(TonelintError);
    expect((error as TonelintError).code).toBe('ConfigInvalid');
    expect((error as TonelintError).message).toBe('unknown preset "strict" (recommended or all)\n"allow" must be a list of strings');
    expect(() => assertValidConfig({}, ruleIds)).not.toThrow();
  });
});

describe('severityFor', () => {
  it('takes the rule override over the category override over the default', () => {
    const config: LintConfig = { rules: { threat: 'info' }, categories: { alarmist: 'error' } };
    expect(severityFor(config, 'threat', 'alarmist', 'warning')).toBe('info');
    expect(severityFor(config, 'other', 'alarmist', 'warning')).toBe('error');
    expect(severityFor(config, 'other', 'evasive', 'warning')).toBe('warning');
    expect(severityFor({}, 'threat', 'alarmist', 'off')).toBe('off');
  });
});

describe('inclusiveEnabled', () => {
  it('is off by default and on with preset all', () => {
    expect(inclusiveEnabled({})).toBe(false);
    expect(inclusiveEnabled({ preset: 'recommended' })).toBe(false);
    expect(inclusiveEnabled({ preset: 'all' })).toBe(true);
  });

  it('follows the inclusive category over the preset', () => {
    expect(inclusiveEnabled({ preset: 'all', categories: { inclusive: 'off' } })).toBe(false);
    expect(inclusiveEnabled({ categories: { inclusive: 'info' } })).toBe(true);
    expect(inclusiveEnabled({ categories: { evasive: 'error' } })).toBe(false);
  });

  it('is on when one equality rule is switched on, not when one is switched off', () => {
    expect(inclusiveEnabled({ rules: { 'equality/gals-men': 'warning' } })).toBe(true);
    expect(inclusiveEnabled({ rules: { 'equality/gals-men': 'off' } })).toBe(false);
    expect(inclusiveEnabled({ rules: { threat: 'error' } })).toBe(false);
  });
});

describe('engineSettings', () => {
  const rule = { id: 'threat', category: 'alarmist', severity: 'warning' } as CompiledRule;

  it('gives each rule its effective severity', () => {
    expect(engineSettings({ rules: { threat: 'error' } }).severityOf(rule)).toBe('error');
    expect(engineSettings({ categories: { alarmist: 'off' } }).severityOf(rule)).toBe('off');
    expect(engineSettings({}).severityOf(rule)).toBe('warning');
  });

  it('compiles each allowed phrase once, as words', () => {
    const { allow } = engineSettings({ allow: ['headcount', 'Project  Atlas', "people's [team]", 'self-serve'] });
    expect(allow).toHaveLength(4);
    expect(allow.map((elements) => elements.length)).toEqual([1, 2, 2, 1]);
  });

  it('skips phrases with no words left', () => {
    expect(engineSettings({ allow: ['', '  ', '[]', '!!'] }).allow).toEqual([]);
    expect(engineSettings({}).allow).toEqual([]);
  });
});
