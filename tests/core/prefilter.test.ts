// Engine#mayMatch decides, from a block's raw text, whether the block is worth parsing into
// sentences. It must never turn away a block a rule would match in (the rule examples and the
// fast-path comparison with the full pipeline test that), and it should turn away prose that only
// shares a pattern's common words.
import { describe, expect, it } from 'vitest';
import { blockPrefilter, Engine } from '../../src/core/engine.js';
import { engineFor } from '../../src/plugin/index.js';
import { compile, rule } from './helpers.js';

const engineOf = (fields: Record<string, unknown>) => new Engine(compile(rule('test-rule', fields)), { severityOf: (compiled) => compiled.severity });

describe('the block pre-filter', () => {
  it('needs a term of each condition list that must find one, not only the pattern words', () => {
    const engine = engineOf({ patterns: [{ match: 'the team', preceded_by: ['automate away', 'swap out'], near: ['robot'] }] });
    expect(engine.mayMatch('The team reviewed the plan.')).toBe(false);
    expect(engine.mayMatch('The team will automate away the backlog.')).toBe(false);
    expect(engine.mayMatch('A robot may automate away the team.')).toBe(true);
    expect(engine.mayMatch('A robot will swap out the team.')).toBe(true);
  });

  it('asks nothing of not_near or unless lists', () => {
    const engine = engineOf({ patterns: [{ match: 'layoffs', not_near: ['weather'], unless_preceded_by: ['no'] }] });
    expect(engine.mayMatch('No layoffs in the weather team.')).toBe(true);
    expect(engine.mayMatch('The weather team met.')).toBe(false);
  });

  it('looks for each alternative of a requirement vocabulary under its own words', () => {
    // The built-in rules: benchmark-led's user-value requirement is one vocabulary of phrases.
    const engine = engineFor({ scorer: { enabled: false } });
    expect(engine.mayMatch('Please pass the options object.')).toBe(false);
    expect(engine.mayMatch('We reviewed the plan with the team.')).toBe(false);
  });

  it('uses the pre-filter stored with the packs when there is one', () => {
    const compiled = compile(rule('test-rule', { patterns: ['layoffs'] }));
    expect(new Engine(compiled, { severityOf: (one) => one.severity }).mayMatch('More layoffs.')).toBe(true);
    const stored = { ...compiled, prefilter: { rules: compiled.rules, index: new Map() } };
    expect(new Engine(stored, { severityOf: (one) => one.severity }).mayMatch('More layoffs.')).toBe(false);
    expect(blockPrefilter(compiled.rules).has('layoffs')).toBe(true);
  });

  it('builds its own when the rules of the packs are not the list the stored one was built from', () => {
    const compiled = compile(rule('test-rule', { patterns: ['layoffs'] }));
    const stored = { ...compiled, prefilter: { rules: compiled.rules, index: new Map() } };
    const extended = { ...stored, rules: [...compiled.rules, ...compile(rule('added-rule', { patterns: ['realignment'] })).rules] };
    const engine = new Engine(extended, { severityOf: (one) => one.severity });
    expect(engine.mayMatch('We announce a synergy realignment.')).toBe(true);
    expect(engine.mayMatch('More layoffs.')).toBe(true);
  });

  it('indexes a condition list whose terms share key sets once per distinct set', () => {
    const prefilter = blockPrefilter(compile(rule('test-rule', { patterns: [{ match: 'the team', near: ['robot', 'job', 'robot'] }] })).rules);
    const needs = [...prefilter.values()].flat().find((entry) => entry.length === 3)!;
    expect(needs).toBeDefined();
    const nearNeed = needs.find((anyOf) => anyOf.some((keys) => keys.has('robot')))!;
    expect(nearNeed.map((keys) => [...keys].sort().join(' ')).sort()).toEqual(['job', 'robot']);
  });
});
