// Engine#mayMatch decides, from a block's raw text, whether the block is worth parsing into
// sentences. It must never turn away a block a rule would match in (the rule examples and the
// fast-path comparison with the full pipeline test that), and it should turn away prose that only
// shares a pattern's common words.
import { describe, expect, it } from 'vitest';
import { blockPrefilter, Engine, phraseKeySets, type BlockPrefilter } from '../../src/core/engine.js';
import { compileRules } from '../../src/core/rule.js';
import { builtinRuleSources } from '../../src/generated/rule-sources.js';
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

  it('is the same built from the key sets the build stores as derived afresh', () => {
    const compiled = compileRules(builtinRuleSources);
    const stored = phraseKeySets(compiled);
    const shape = (prefilter: BlockPrefilter) =>
      [...prefilter].map(([key, lists]) => [key, lists.map((needs) => needs.map((anyOf) => anyOf.map((keys) => [...keys].sort().join(' ')).join(' | ')))]).sort();
    const fromStored = blockPrefilter(compiled.rules, (elements) => {
      const keySets = stored.get(elements);
      if (!keySets) throw new Error('the build stores no key sets for a sequence the pre-filter asks for');
      return keySets;
    });
    expect(fromStored.size).toBeGreaterThan(100);
    expect(shape(fromStored)).toEqual(shape(blockPrefilter(compiled.rules)));
  });
});
