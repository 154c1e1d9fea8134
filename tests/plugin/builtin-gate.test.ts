// The built-in scorer gate (rules/vocabulary/scorer-topic.yml and the scorer rules' gate terms):
// which sentences the learned scorer reads at all.
import { describe, expect, it } from 'vitest';
import { tokenizeSentence } from '../../src/core/match/tokens.js';
import { reportedOnlyAtStrict, scorerSettings } from '../../src/core/scorer/findings.js';
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
  it('reads a sentence on the topic only through a pronoun, but only at the strict threshold', () => {
    const strictOnly = (sentence: string) => {
      const tokens = tokenizeSentence(sentence);
      return reportedOnlyAtStrict(gate.admission(tokens)!, tokens);
    };
    const friendly = 'Noel, you already did a long morning, are you ok for tonight?';
    expect(admits(friendly)).toBe(true);
    expect(strictOnly(friendly)).toBe(true);
    // A topic word as well: reported at the usual threshold.
    expect(strictOnly('Noel, you already did a long shift this morning, are you ok for tonight?')).toBe(false);
    expect(strictOnly('If you skip the training, your job goes to the machine.')).toBe(false);
    // A fragment is strict-only whatever its words.
    expect(strictOnly('Our staff, replaced.')).toBe(true);
  });
});
