// The built-in scorer gate (rules/vocabulary/scorer-topic.yml and the scorer rules' gate terms):
// which sentences the learned scorer reads at all.
import { describe, expect, it } from 'vitest';
import { tokenizeSentence } from '../../src/core/match/tokens.js';
import { scorerSettings } from '../../src/core/scorer/findings.js';
import { compileBuiltinRules } from '../../src/plugin/builtin.js';

describe('the built-in scorer gate', () => {
  const gate = scorerSettings(compileBuiltinRules(), {}).gate;
  const admits = (sentence: string) => gate.admits(tokenizeSentence(sentence));
  it('reads people counted as heads or bodies', () => {
    expect(admits('Forty heads come out of the Leeds floor by June.')).toBe(true);
    expect(admits('We just need warm bodies on the night shift.')).toBe(true);
  });
  it('does not read request or message bodies in technical prose', () => {
    expect(admits('Parse incoming request bodies in a middleware before the route runs.')).toBe(false);
    expect(admits('When set to true, deflated bodies will be inflated.')).toBe(false);
  });
});
