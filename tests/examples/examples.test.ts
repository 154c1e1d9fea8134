// The example memos in examples/ as specifications: which rules fire on each, on which phrase, and
// that the honest versions and the technical uses of trigger words stay clean.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { lint } from '../../src/index.js';
import { runIndex, sharedRuns } from '../../src/eval/overlap.js';

const examplesDir = new URL('../../examples/', import.meta.url);
const read = (name: string) => readFileSync(fileURLToPath(new URL(name, examplesDir)), 'utf8');

async function findingsIn(name: string): Promise<{ text: string; findings: Finding[] }> {
  const text = read(name);
  return { text, findings: (await lint(text, { format: 'markdown' })).findings };
}

const qualified = (finding: Finding) => `${finding.category}/${finding.ruleId}`;
const describeAll = (findings: Finding[]) => findings.map((finding) => `${qualified(finding)} on "${finding.actual}"`);

/** The finding of `rule` that overlaps `phrase` (its first occurrence in the text), if any. */
function findingOn(text: string, findings: Finding[], rule: string, phrase: string): Finding | undefined {
  const start = text.indexOf(phrase);
  expect(start, `"${phrase}" is in the example`).toBeGreaterThanOrEqual(0);
  const end = start + phrase.length;
  return findings.find((finding) => qualified(finding) === rule && finding.start.offset < end && start < finding.end.offset);
}

interface Expectation {
  file: string;
  /** [rule, phrase]: the rule fires on (overlapping) that phrase today. */
  fires: [string, string][];
  /** [rule, phrase]: the rule should fire there but the rule pack misses it today; allowed, not required. */
  pending: [string, string][];
  /** [rule, phrase]: the learned scorer fires there today and should not; allowed, listed so they stay visible. */
  knownFalsePositives?: [string, string][];
}

const flagged: Expectation[] = [
  {
    file: 'layoff-memo.md',
    fires: [
      ['evasive/euphemism', 'we are rightsizing the planning organization'],
      ['dehumanizing/people-as-units', 'cut 140 heads'],
      ['alarmist/threat', 'Your role could be next'],
      ['evasive/missing-acknowledgment', 'We will cut 140 heads'],
      ['evasive/scored-evasive', 'Positions that no longer fit the operating model have been eliminated'],
    ],
    pending: [
      ['dehumanizing/obsolete-people', 'Lumen has made the measurers obsolete'],
      ['evasive/ai-as-agent', 'Lumen has made the measurers obsolete'],
      ['evasive/agentless-passive', 'Positions that no longer fit the operating model have been eliminated'],
      ['evasive/euphemism', 'impacted individuals'],
      ['evasive/minimizing', 'this is a minor course correction'],
      ['alarmist/threat', 'If you believe ten years of tenure puts you out of reach'],
      ['alarmist/scored-alarmist', 'The market rewards companies that move first'],
    ],
    knownFalsePositives: [['dehumanizing/scored-dehumanizing', 'Every team runs its weekly numbers through Lumen']],
  },
  {
    file: 'product-announcement.md',
    fires: [['framing/benchmark-first', 'Atlas 2 beats Orion Pro on MMLU by 4 points']],
    pending: [],
    knownFalsePositives: [['alarmist/scored-alarmist', 'Draft replies in your own voice']],
  },
];

for (const example of flagged) {
  describe(example.file, () => {
    const allowed = new Set([...example.fires, ...example.pending, ...(example.knownFalsePositives ?? [])].map(([rule]) => rule));

    it(`fires ${[...new Set(example.fires.map(([rule]) => rule))].join(', ')} and no other rule`, async () => {
      const { findings } = await findingsIn(example.file);
      const fired = new Set(findings.map(qualified));
      for (const [rule] of example.fires) expect(fired, `${rule} should fire`).toContain(rule);
      const unexpected = findings.filter((finding) => !allowed.has(qualified(finding)));
      expect(describeAll(unexpected)).toEqual([]);
    });

    for (const [rule, phrase] of example.fires) {
      it(`${rule} flags "${phrase}"`, async () => {
        const { text, findings } = await findingsIn(example.file);
        expect(findingOn(text, findings, rule, phrase), describeAll(findings).join('\n')).toBeDefined();
      });
    }

    for (const [rule, phrase] of example.pending) it.todo(`${rule} should flag "${phrase}" (missed by the rule pack today)`);
  });
}

describe('memo-level judgment on the example memos', () => {
  it('layoff-memo.md announces cuts and lacks all three elements, and says so in one warning', async () => {
    const { summary, findings } = await lint(read('layoff-memo.md'), { format: 'markdown' });
    expect(summary.announcesCuts).toBe(true);
    expect(summary.elements).toEqual({ acknowledgment: { present: false }, 'decision-owner': { present: false }, support: { present: false } });
    const finding = findings.find((f) => f.ruleId === 'missing-acknowledgment')!;
    expect(finding.severity).toBe('warning');
    expect(finding.message).toMatch(/acknowledges .* says who made the decision or states concrete support/);
    expect(finding.suggestions[0]).toMatch(/^We will cut 140 heads [^]*\. I know what this costs [^]*The decision is mine[^]*12 weeks of pay/);
  });

  it('its honest rewrite has every element, each on its line, and no memo-level finding', async () => {
    const text = read('layoff-memo-rewrite.md');
    const { summary, findings } = await lint(text, { format: 'markdown' });
    expect(findings.filter((f) => f.ruleId === 'missing-acknowledgment')).toEqual([]);
    const lineOf = (phrase: string) => text.slice(0, text.indexOf(phrase)).split('\n').length;
    expect(summary.elements).toEqual({
      acknowledgment: { present: true, line: expect.any(Number) },
      'decision-owner': { present: true, line: lineOf('I have decided') },
      support: { present: true, line: expect.any(Number) },
    });
  });

  it('product-announcement.md leads with a benchmark but says what users can do: no benchmark-led warning', async () => {
    const { summary, findings } = await lint(read('product-announcement.md'), { format: 'markdown' });
    expect(summary.benchmarkLed).toBe(false);
    expect(findings.filter((f) => f.ruleId === 'benchmark-led')).toEqual([]);
  });
});

describe('product-announcement.md', () => {
  const technical = [
    'The v1 completions API is now obsolete',
    'replace the filter with the new `policy` parameter',
    'is\nredundant once `policy` is set',
    'runs on redundant nodes',
    'losing one node\ndrains its traffic',
    'We cut median latency',
    'Existing seats carry over',
    '"model": "atlas-2"',
  ];
  for (const phrase of technical) {
    it(`stays quiet on the technical "${phrase.replace(/\n/g, ' ')}"`, async () => {
      const { text, findings } = await findingsIn('product-announcement.md');
      const start = text.indexOf(phrase);
      expect(start).toBeGreaterThanOrEqual(0);
      const end = start + phrase.length;
      const overlapping = findings.filter((finding) => finding.start.offset < end && start < finding.end.offset);
      expect(describeAll(overlapping)).toEqual([]);
    });
  }
});

for (const file of ['layoff-memo-rewrite.md', 'honest-layoff-uk.md']) {
  describe(file, () => {
    it('lints clean', async () => {
      const { findings } = await findingsIn(file);
      expect(describeAll(findings)).toEqual([]);
    });
  });
}

describe('the rewrite', () => {
  it('keeps the facts of the original memo: the number, the engine and the support', () => {
    const rewrite = read('layoff-memo-rewrite.md');
    expect(read('layoff-memo.md')).toContain('140');
    expect(rewrite).toContain('lay off 140 people');
    expect(rewrite).toContain('This was my decision');
    expect(rewrite).toMatch(/Health coverage/);
    expect(rewrite).toMatch(/Job-search help/);
  });
});

// The development set's README (rule 6) asks for new words, not its items: no example may share a
// run of six words with an item or a rewrite of it. (The blind sets B and D were written by people
// who never saw the examples; they share a few stock phrases with them by coincidence, such as
// "paid time off to attend interviews", and the examples are neither rules nor training data.)
describe('the examples are written in their own words', () => {
  const index = runIndex(
    ['eval/dev/dev.jsonl'].flatMap((path) =>
      readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8')
        .trim()
        .split('\n')
        .flatMap((line) => {
          const item = JSON.parse(line) as { id: string; text: string; rewrite: string };
          return [{ id: item.id, text: item.text }, { id: `${item.id} rewrite`, text: item.rewrite }];
        }),
    ),
  );
  it('are checked against the sets', () => {
    expect(index.size).toBeGreaterThan(5_000);
  });
  for (const file of ['layoff-memo.md', 'layoff-memo-rewrite.md', 'product-announcement.md', 'honest-layoff-uk.md']) {
    it(`${file} shares no six-word run with an evaluation set`, () => {
      expect(sharedRuns(read(file), index)).toEqual([]);
    });
  }
});
