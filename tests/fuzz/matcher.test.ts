// The matcher stays linear: rule packs whose patterns could blow up are refused when they load,
// and pathological text completes. The probes run the BUILT package in a process of their own, so
// a runaway match is killed by the probe's deadline instead of wedging the test runner. Each group
// of cases shares one probe process (loading the package once, not once per case), which runs the
// cases in order and prints a line for each; every case keeps its own deadline, counted from the
// previous case's line. There is no timing assertion: the deadline is two orders of magnitude
// above what a linear matcher needs.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const fixtures = fileURLToPath(new URL('../fixtures/safety/', import.meta.url));
/**
 * Seconds a probe case may run before it counts as a hang. One probe process at a time (five at
 * once on a busy 2-core machine once took one past 30 s), and the limit leaves room for a loaded
 * machine while still catching a matcher that never finishes.
 */
const probeSeconds = Number(process.env.PROBE_TIMEOUT ?? 120);

interface ProbeResult {
  /** 0 once the case printed its line and the process went on (or exited 0 after the last case); else the exit code. */
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  json?: Record<string, unknown>;
}

/**
 * Runs `script` with `args` in one process that prints one JSON line per case, in order. Returns
 * one promise per case: a case resolves when its line arrives (the last one when the process
 * exits, with its exit code). A case that prints nothing for `probeSeconds` is a hang: the
 * process is killed, that case is reported timed out and the cases after it as never run.
 */
function probeBatch(script: string, args: string[], cases: number): Promise<ProbeResult>[] {
  const settle: ((result: ProbeResult) => void)[] = [];
  const results = Array.from({ length: cases }, () => new Promise<ProbeResult>((resolve) => settle.push(resolve)));
  const child = spawn(process.execPath, [fixtures + script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let pending = '';
  let next = 0;
  let timedOut = false;
  let timer: NodeJS.Timeout;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, probeSeconds * 1000);
  };
  arm();
  const resolveNext = (line: string, code: number | null, signal: NodeJS.Signals | null) => {
    let json: Record<string, unknown> | undefined;
    try {
      json = JSON.parse(line);
    } catch {
      json = undefined;
    }
    settle[next]({ code, signal, timedOut: false, stdout: line, stderr, json });
    next += 1;
  };
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk;
    let end: number;
    // The last case's line waits for the exit code.
    while ((end = pending.indexOf('\n')) !== -1 && next < cases - 1) {
      resolveNext(pending.slice(0, end), 0, null);
      pending = pending.slice(end + 1);
      arm();
    }
  });
  child.on('close', (code, signal) => {
    clearTimeout(timer);
    if (!timedOut && next === cases - 1 && pending.trim() !== '') {
      resolveNext(pending.trim().split('\n').at(-1) ?? '', code, signal);
      return;
    }
    // A hang, a crash or a missing line: the case under way gets the process's fate, the rest never ran.
    for (let index = next; index < cases; index += 1) {
      const current = index === next;
      settle[index]({
        code: current ? code : null,
        signal: current ? signal : null,
        timedOut: current && timedOut,
        stdout: current ? pending : '',
        stderr: current ? stderr : `never run: the probe process ended on an earlier case (${timedOut ? 'timed out' : `exit ${code}`})\n${stderr}`,
      });
    }
  });
  return results;
}

function explain(result: ProbeResult): string {
  if (result.timedOut) return `still running after ${probeSeconds}s (killed)`;
  return `exit ${result.code}${result.signal ? ` (${result.signal})` : ''}: ${result.stderr.split('\n').find((line) => /Error|never run/.test(line)) ?? result.stdout}`;
}

const words = (n: number) => Array.from({ length: n }, () => 'a').join(' ');
const rulePack = (patterns: string[], text: string, vocabulary?: string[]) => JSON.stringify({ patterns, text, vocabulary });
const probeTimeout = probeSeconds * 1000 + 10_000;

describe('compileRules refuses patterns that break the linear-matching limits (rules/FORMAT.md)', () => {
  const cases: [string, string[], RegExp][] = [
    ['more than 4 optional elements', ['x a? b? c? d? e?'], /optional elements/],
    ['a pattern starting with *', ['* staff'], /must start with/],
    ['a pattern starting with ...', ['... staff'], /must start with/],
    ['more than 12 elements', ['a b c d e f g h i j k l m'], /more than 12 elements/],
    ['only optional elements', ['a? b?'], /not optional/],
    ['two ... gaps', ['a ... b ... c'], /\.\.\./],
    ['optional elements hidden in a group', ['x [a? b? c? d? e?]'], /optional elements/],
  ];
  let probes: Promise<ProbeResult>[];
  beforeAll(() => {
    probes = probeBatch('rule-probe.mjs', [`[${cases.map(([, patterns]) => rulePack(patterns, 'x a b c d e')).join(',')}]`], cases.length);
  });
  it.each(cases.map((each, index) => [...each, index] as const))('%s', async (_name, _patterns, reason, index) => {
    const result = await probes[index];
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
  let probes: Promise<ProbeResult>[];
  beforeAll(() => {
    probes = probeBatch('rule-probe.mjs', [`[${cases.map(([, pack]) => pack).join(',')}]`], cases.length);
  });
  it.each(cases.map((each, index) => [...each, index] as const))('%s', async (_name, _pack, index) => {
    const result = await probes[index];
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
    // One probe process per format, started when the first of its cases runs.
    let probes: Promise<ProbeResult>[] | undefined;
    const start = () => (probes ??= probeBatch('lint-probe.mjs', ['--cases', JSON.stringify(cases.map(([, kind, count]) => [kind, count, format]))], cases.length));
    cases.forEach(([name, kind], index) => {
      it(`${name} (${format})`, async () => {
        const result = await start()[index];
        expect(result.timedOut, explain(result)).toBe(false);
        expect(result.code, explain(result)).toBe(0);
        expect(result.json).toMatchObject({ kind });
        console.info(JSON.stringify(result.json));
      }, probeTimeout);
    });
  }
});
