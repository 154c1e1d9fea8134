// The matcher stays linear: rule packs whose patterns could blow up are refused when they load,
// and pathological text completes. Each probe runs the BUILT package in its own process, so a
// runaway match is killed by the probe's timeout instead of wedging the test runner. There is no
// timing assertion: the timeout is two orders of magnitude above what a linear matcher needs.
import { runWithDeadline, type Finished } from '../helpers/spawn.js';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const fixtures = fileURLToPath(new URL('../fixtures/safety/', import.meta.url));
/**
 * Seconds a probe may run before it counts as a hang. Probes run one at a time (five at
 * once on a busy 2-core machine once took one past 30 s), and the limit leaves room for a loaded
 * machine while still catching a matcher that never finishes.
 */
const probeSeconds = Number(process.env.PROBE_TIMEOUT ?? 120);

interface ProbeResult extends Finished {
  json?: Record<string, unknown>;
}

async function probe(script: string, args: string[]): Promise<ProbeResult> {
  const result = await runWithDeadline(process.execPath, [fixtures + script, ...args], probeSeconds);
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '');
  } catch {
    json = undefined;
  }
  return { ...result, json };
}

function explain(result: ProbeResult): string {
  if (result.timedOut) return `still running after ${probeSeconds}s (killed)`;
  return `exit ${result.code}${result.signal ? ` (${result.signal})` : ''}: ${result.stderr.split('\n').find((line) => /Error/.test(line)) ?? result.stdout}`;
}

const words = (n: number) => Array.from({ length: n }, () => 'a').join(' ');
const rulePack = (patterns: string[], text: string, vocabulary?: string[]) => JSON.stringify({ patterns, text, vocabulary });
const probeTimeout = probeSeconds * 1000 + 10_000;

describe('compileRules refuses patterns that break the linear-matching limits (rules/FORMAT.md)', () => {
  it.each([
    ['more than 4 optional elements', ['x a? b? c? d? e?'], /optional elements/],
    ['a pattern starting with *', ['* staff'], /must start with/],
    ['a pattern starting with ...', ['... staff'], /must start with/],
    ['more than 12 elements', ['a b c d e f g h i j k l m'], /more than 12 elements/],
    ['only optional elements', ['a? b?'], /not optional/],
    ['two ... gaps', ['a ... b ... c'], /\.\.\./],
    ['optional elements hidden in a group', ['x [a? b? c? d? e?]'], /optional elements/],
  ])('%s', async (_name, patterns, reason) => {
    const result = await probe('rule-probe.mjs', [rulePack(patterns, 'x a b c d e')]);
    expect(result.json, explain(result)).toHaveProperty('rejected');
    expect(result.json?.code).toBe('RuleInvalid');
    expect(String(result.json?.rejected)).toMatch(reason);
    expect(String(result.json?.rejected)).toMatch(/^rules\/alarmist\/probe\.yml:\d+: /);
  }, probeTimeout);
});

describe('a rule pack within the written limits either loads and matches in bounded work, or is refused', () => {
  const cases: [string, string][] = [
    // 11 groups of 8 identical alternatives: 8^11 ways to match 11 words, all enumerated.
    ['a dozen groups of identical alternatives', rulePack([`x ${Array.from({ length: 11 }, () => '[a|a|a|a|a|a|a|a]').join(' ')}`], `x ${words(40)}`)],
    // The 12-element and 4-optional limits count top-level elements only; a group hides 30 more.
    ['thirty ambiguous elements inside one group', rulePack([`x [${Array.from({ length: 30 }, () => '[a|a a]').join(' ')}]`], `x ${words(40)}`)],
    // Vocabulary terms are parsed but never checked against the limits.
    ['a vocabulary term with 30 optional words', rulePack(['x @probe-words'], `x ${words(40)}`, [`${'a? '.repeat(30)}a`])],
  ];
  it.each(cases)('%s', async (_name, pack) => {
    const result = await probe('rule-probe.mjs', [pack]);
    expect(result.timedOut, explain(result)).toBe(false);
    expect(result.json, explain(result)).toBeDefined();
    if (result.json && 'rejected' in result.json) expect(result.json.code).toBe('RuleInvalid');
    else expect(result.json).toHaveProperty('completed');
  }, probeTimeout);
});

describe('pathological text completes (the bench measures the time; this only checks it finishes)', () => {
  const cases: [string, string, string][] = [
    ['a line of 1M hyphens', 'hyphens', '1000000'],
    ['500k characters of hyphenated words', 'hyphen-words', '100000'],
    ['100k repetitions of one trigger word', 'repeat-word', '100000'],
    ['100k one-word sentences that each trigger', 'repeat-sentence', '100000'],
    ['100k numbers before a trigger', 'repeat-number', '100000'],
    ['100k nested emphasis markers around a trigger', 'emphasis', '50000'],
    ['100k alternating emphasis markers around a trigger', 'emphasis-pairs', '50000'],
    ['100k unclosed link brackets', 'brackets', '100000'],
    ['100k backticks', 'backticks', '100000'],
    ['20k unclosed HTML tags', 'html-open', '20000'],
    ['10k block quotes nested in one another', 'nested-quotes', '10000'],
  ];
  for (const format of ['markdown', 'text']) {
    for (const [name, kind, count] of cases) {
      it(`${name} (${format})`, async () => {
        const result = await probe('lint-probe.mjs', [kind, count, format]);
        expect(result.timedOut, explain(result)).toBe(false);
        expect(result.code, explain(result)).toBe(0);
        expect(result.json).toMatchObject({ kind });
        console.info(JSON.stringify(result.json));
      }, probeTimeout);
    }
  }
});
