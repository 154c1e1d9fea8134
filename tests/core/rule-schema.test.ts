import { describe, expect, it } from 'vitest';
import { compileRules } from '../../src/core/rule.js';
import { baseVocabularies, rule } from './helpers.js';

function problemsOf(...sources: Parameters<typeof compileRules>[0]): string {
  try {
    compileRules([...baseVocabularies, ...sources]);
    return '';
  } catch (error) {
    expect((error as { code?: string }).code).toBe('RuleInvalid');
    return (error as Error).message;
  }
}

describe('the rule schema', () => {
  it('names the file and line of an unknown key and suggests the right one', () => {
    const source = rule('x', { pattern: ['obsolete'], patterns: ['obsolete'] });
    source.lines = { pattern: 12 };
    expect(problemsOf(source)).toBe('rules/dehumanizing/x.yml:12: unknown key "pattern" (did you mean "patterns"?)');
  });

  it('rejects patterns that could make matching super-linear or unindexable', () => {
    const message = problemsOf(
      rule('a', { patterns: ['* staff', 'obsolete? staff?', 'a? b? c? d? e? f', 'a b c d e f g h i j k l m', 'a ... b ... c', '... staff'] }),
    );
    expect(message).toMatch(/pattern "\* staff": a pattern must start with a word/);
    expect(message).toMatch(/pattern "obsolete\? staff\?": a pattern needs at least one element that is not optional/);
    expect(message).toMatch(/optional elements \(at most 4\)/);
    expect(message).toMatch(/more than 12 elements in one sequence/);
    expect(message).toMatch(/at most one \.\.\. per pattern/);
    expect(message).toMatch(/pattern "\.\.\. staff": a pattern must start with a word/);
  });

  it('rejects unknown placeholders, vocabularies, categories and too few examples', () => {
    const message = problemsOf(
      rule('b', { patterns: ['obsolete @robots'], category: 'scary', suggestions: ['{team} people'], examples: { flags: ['x'], passes: ['a', 'b', 'c'] } }),
    );
    expect(message).toMatch(/unknown vocabulary "@robots"/);
    expect(message).toMatch(/unknown category "scary"/);
    expect(message).toMatch(/unknown placeholder \{team\}/);
    expect(message).toMatch(/examples.flags" needs at least 3/);
  });

  it('rejects a requirement whose unless is not a list of terms', () => {
    const source = rule('d', {
      scope: 'document',
      announce: ['we will cut {number} roles'],
      requires: [{ id: 'support', says: 'states support', any: ['severance'], unless: 'vessels' }],
      message: 'This announcement never {missing}{present}.',
    });
    expect(problemsOf(source)).toMatch(/d\.yml:\d+: "unless" is a list of terms/);
  });

  it('takes only respect or ignore for negation and reported speech, on a rule or a pattern', () => {
    const message = problemsOf(rule('r', { patterns: [{ match: 'obsolete', reported: 'sometimes' }], negation: 'yes', reported: 'no' }));
    expect(message).toMatch(/"negation" is "respect" \(default\) or "ignore"/);
    expect(message).toMatch(/"reported" is "respect" \(default\) or "ignore"/);
    expect(message).toMatch(/"reported" is "respect" or "ignore"$/m);
  });

  it('requires the id to equal the file name', () => {
    const source = rule('c', { patterns: ['obsolete'] });
    (source.data as { id: string }).id = 'other';
    expect(problemsOf(source)).toMatch(/id "other" must equal the file name "c"/);
  });

  it('rejects a pattern fix that uses a capture the pattern may not make', () => {
    const message = problemsOf(rule('d', { patterns: [{ match: 'cut~ {number}? heads', fix: '{number} people' }] }));
    expect(message).toMatch(/the fix uses \{number\}, which this pattern does not always capture/);
  });

  it('rejects a window that is not a whole number of words from 1 to 12', () => {
    for (const window of [0, 13, 2.5, 'three']) {
      expect(problemsOf(rule('e', { patterns: [{ match: 'obsolete', not_around: ['api'], window }] }))).toMatch(/"window" is a whole number of words from 1 to 12/);
    }
  });
});
