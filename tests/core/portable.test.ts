import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/core/engine.js';
import { fromPortable, toPortable } from '../../src/core/portable.js';
import { compileRules, type CompiledRules } from '../../src/core/rule.js';
import { engineSettings } from '../../src/core/settings.js';
import { tokenizeSentence } from '../../src/core/match/tokens.js';
import { builtinRuleSources } from '../../src/generated/rule-sources.js';

describe('the stored form of compiled rules', () => {
  it('keeps Sets, Maps and shared references', () => {
    const shared = [1, 2];
    const decoded = fromPortable<{ a: number[]; b: number[]; s: Set<string>; m: Map<string, number[]> }>(
      JSON.parse(JSON.stringify(toPortable({ a: shared, b: shared, s: new Set(['x']), m: new Map([['k', shared]]) }))),
    );
    expect(decoded.a).toBe(decoded.b);
    expect(decoded.m.get('k')).toBe(decoded.a);
    expect(decoded.s).toEqual(new Set(['x']));
  });

  // Compiles every rule twice and lints ~1,000 examples: seconds on a busy 2-core machine.
  it('lints every rule example exactly as the freshly compiled packs do', () => {
    const fresh = compileRules(builtinRuleSources);
    const stored = fromPortable<CompiledRules>(JSON.parse(JSON.stringify(toPortable(fresh))));
    const engines = [fresh, stored].map((rules) => new Engine(rules, engineSettings({})));
    const lintWith = (engine: Engine, text: string) =>
      engine
        .lint(text, [{ start: 0, end: text.length, sentences: [tokenizeSentence(text)] }])
        .map((finding) => `${finding.ruleId}@${finding.start.offset}-${finding.end.offset}:${finding.suggestions.join('|')}`);
    for (const rule of fresh.rules) {
      for (const text of [...rule.examples.flags, ...rule.examples.passes]) expect(lintWith(engines[1], text)).toEqual(lintWith(engines[0], text));
    }
  }, 60_000);
});
