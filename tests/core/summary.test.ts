// The document summary: what a memo-level verdict says, read from what the document rules saw.
import { describe, expect, it } from 'vitest';
import { scorerConfigProblems } from '../../src/core/config.js';
import type { DocumentCheck } from '../../src/core/engine.js';
import type { Finding } from '../../src/core/finding.js';
import { createLineIndex } from '../../src/core/position.js';
import { validateConfig } from '../../src/core/settings.js';
import { summarizeDocument, summaryLine } from '../../src/core/summary.js';

const text = 'Title\n\nWe will cut 40 roles.\nI decided this.\nEveryone gets 12 weeks of pay.\n';
const at = (phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });
const finding = (ruleId: string, category: Finding['category']): Finding => ({
  ruleId,
  category,
  severity: 'warning',
  message: '',
  start: { line: 1, column: 1, offset: 0 },
  end: { line: 1, column: 2, offset: 1 },
  actual: '',
  suggestions: [],
  url: '',
});

describe('summarizeDocument', () => {
  const cut: DocumentCheck = {
    ruleId: 'missing-acknowledgment',
    announcement: at('We will cut 40 roles'),
    requirements: [
      { id: 'acknowledgment', says: 'acknowledges' },
      { id: 'decision-owner', says: 'says who', met: at('I decided') },
      { id: 'support', says: 'states support', met: at('12 weeks of pay') },
    ],
  };

  it('reports the announcement and each element with its line', () => {
    const summary = summarizeDocument(text, createLineIndex(text), [cut], [finding('missing-acknowledgment', 'evasive'), finding('threat', 'alarmist'), finding('people-as-units', 'dehumanizing')]);
    expect(summary).toEqual({
      announcesCuts: true,
      announcement: { line: 3, text: 'We will cut 40 roles' },
      elements: { acknowledgment: { present: false }, 'decision-owner': { present: true, line: 4 }, support: { present: true, line: 5 } },
      benchmarkLed: false,
      counts: { alarmist: 1, dehumanizing: 1, evasive: 1, framing: 0, inclusive: 0 },
    });
    expect(summaryLine(summary)).toBe('announces job cuts (line 3); missing: acknowledgment; has: who decided (line 4), support (line 5)');
  });

  it('says nothing about cuts when no rule saw an announcement, and reads benchmark-led from its finding', () => {
    const summary = summarizeDocument(text, createLineIndex(text), [], [finding('benchmark-led', 'framing')]);
    expect(summary.announcesCuts).toBe(false);
    expect(summary.elements).toBeUndefined();
    expect(summary.benchmarkLed).toBe(true);
    expect(summaryLine(summary)).toBe('an AI announcement led by benchmarks, with no word on what users can now do');
    expect(summaryLine(summarizeDocument(text, createLineIndex(text), [], []))).toBeUndefined();
  });
});

describe('scorer settings in a config', () => {
  it('accepts enabled and thresholds between 0 and 1', () => {
    expect(scorerConfigProblems({ enabled: false })).toEqual([]);
    expect(scorerConfigProblems({ thresholds: { alarmist: 0.5, evasive: 0.99 } })).toEqual([]);
  });

  it.each([
    [[], ['scorer']],
    [{ enable: true }, ['scorer', 'enable']],
    [{ enabled: 'yes' }, ['scorer', 'enabled']],
    [{ thresholds: 0.5 }, ['scorer', 'thresholds']],
    [{ thresholds: { panic: 0.5 } }, ['scorer', 'thresholds', 'panic']],
    [{ thresholds: { alarmist: 1 } }, ['scorer', 'thresholds', 'alarmist']],
    [{ thresholds: { alarmist: 0 } }, ['scorer', 'thresholds', 'alarmist']],
    [{ thresholds: { alarmist: '0.5' } }, ['scorer', 'thresholds', 'alarmist']],
  ])('rejects %j at the key where the problem is', (value, path) => {
    const problems = scorerConfigProblems(value);
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toEqual(path);
  });

  it('is checked by the API config validator too', () => {
    expect(validateConfig({ scorer: { thresholds: { evasive: 2 } } }, [])).toEqual(['"scorer.thresholds.evasive" must be a number between 0 and 1 (exclusive), not 2']);
    expect(validateConfig({ scorer: { enabled: true } }, [])).toEqual([]);
  });
});

describe('elements under a negation', async () => {
  const { lint } = await import('../../src/index.js');
  it('count when any occurrence in the sentence is not negated', async () => {
    const memo = 'We are laying off 40 people in support. I decided this, and I am sorry. There is no question about severance: severance is twelve weeks of pay.';
    expect((await lint(memo, { config: { scorer: { enabled: false } } })).summary.elements?.support).toEqual({ present: true, line: 1 });
  });
  it('do not count when the only occurrence is negated', async () => {
    const memo = 'We are laying off 40 people in support. I decided this, and I am sorry. There will be no severance.';
    expect((await lint(memo, { config: { scorer: { enabled: false } } })).summary.elements?.support).toEqual({ present: false });
  });
});

describe('a question about cuts', async () => {
  const { lint } = await import('../../src/index.js');
  const padding = 'The trial runs on the night shift from March to May, and team leaders approve every rota it drafts. ';
  it('does not announce them: a works council asking whether a tool will cut jobs gets no memo-level finding', async () => {
    const minutes = `${padding.repeat(4)}\n\nIs this going to be used to cut jobs?\n\nNo. The headcount plan is to fill eleven vacancies with permanent posts.`;
    const result = await lint(minutes);
    expect(result.summary.announcesCuts).toBe(false);
    expect(result.findings.map((finding) => finding.ruleId)).not.toContain('missing-acknowledgment');
  });
  it('leaves the answer that does announce them to be judged', async () => {
    const faq = `${padding.repeat(4)}\n\nWill jobs be cut?\n\nYes. We will cut 40 jobs in the planning team by June.`;
    const result = await lint(faq, { config: { scorer: { enabled: false } } });
    expect(result.summary.announcesCuts).toBe(true);
    expect(result.summary.announcement?.line).toBe(5);
  });
});

describe('a question about an element', async () => {
  const { lint } = await import('../../src/index.js');
  const cut = 'We are closing the Leeds depot and 40 roles will end in June. This is painful for colleagues who built it over twenty years.';
  it('does not give it: an FAQ that asks who decided and whether there is severance, and answers neither', async () => {
    const faq = `${cut}\n\n**Who made this decision?**\n\nIt followed a review of the network.\n\n**Will there be severance?**\n\nDetails will follow.`;
    const { summary } = await lint(faq, { config: { scorer: { enabled: false } } });
    expect(summary.elements?.['decision-owner']).toEqual({ present: false });
    expect(summary.elements?.support).toEqual({ present: false });
  });
  it('leaves the answers that do give them to be read', async () => {
    const faq = `${cut}\n\n**Who made this decision?**\n\nI did.\n\n**Will there be severance?**\n\nYes: twelve weeks of pay for everyone affected.`;
    const { summary } = await lint(faq, { config: { scorer: { enabled: false } } });
    expect(summary.elements?.support).toEqual({ present: true, line: 9 });
  });
});

describe('memo vocabulary that names no decider and gives no support', async () => {
  const { lint } = await import('../../src/index.js');
  const elementsOf = async (memo: string) => (await lint(memo, { config: { scorer: { enabled: false } } })).summary.elements;
  it('bare leadership, or the company concluding, is not a decision owner; a named team is', async () => {
    const ending = ' that 60 roles in claims will end in March. I am sorry for what this means for the people in claims.';
    expect((await elementsOf(`Leadership has concluded${ending}`))?.['decision-owner'].present).toBe(false);
    expect((await elementsOf(`The company has concluded${ending}`))?.['decision-owner'].present).toBe(false);
    expect((await elementsOf(`The executive leadership team has concluded${ending}`))?.['decision-owner'].present).toBe(true);
    expect((await elementsOf(`The trustees met on 4 March and decided, on my recommendation,${ending}`))?.['decision-owner'].present).toBe(true);
    expect((await elementsOf(`The Executive Committee, chaired by me, concluded${ending}`))?.['decision-owner'].present).toBe(true);
  });
  it('a pension as a cost line, or a coaching job, is not support; a pension the people keep is', async () => {
    const cut = 'I decided that 60 roles in claims will end in March, and I am sorry. ';
    expect((await elementsOf(`${cut}Our pension and energy costs have risen by £9m.`))?.support.present).toBe(false);
    expect((await elementsOf(`${cut}The junior coaching coordinator post goes too.`))?.support.present).toBe(false);
    expect((await elementsOf(`${cut}Your pension contributions continue until your last day.`))?.support.present).toBe(true);
  });
});

describe('thanks in a cut memo', async () => {
  const { lint } = await import('../../src/index.js');
  const ack = async (memo: string) => (await lint(memo, { config: { scorer: { enabled: false } } })).summary.elements?.acknowledgment.present;
  const cut = 'I decided that 60 roles in claims will end in March; everyone affected gets 12 weeks of pay. ';
  it('acknowledge the people leaving when they thank them for what they did', async () => {
    expect(await ack(`${cut}Thank you for the care you have shown our customers over the years.`)).toBe(true);
    expect(await ack(`${cut}I want to thank each of them.`)).toBe(true);
  });
  it('do not when they are a sign-off or thank everyone for something else', async () => {
    expect(await ack(`${cut}Thank you for your continued focus on our customers.`)).toBe(false);
    expect(await ack(`${cut}Thanks to all of you who came along to Thursday's open forum.`)).toBe(false);
  });
});


describe('the announcing sentence of a memo-level finding', async () => {
  const { lint } = await import('../../src/index.js');
  it('ends after a mark attached to its last figure, so the suggestion follows the whole sentence', async () => {
    const lead = 'Sorter 4, our triage model, now classifies 61% of letters with no manual touch, up from 37%.';
    const { findings } = await lint(`${lead}\n\nIt is live on every site.\n`, { config: { scorer: { enabled: false } } });
    const led = findings.find((finding) => finding.ruleId === 'benchmark-led');
    expect(led?.actual).toBe(lead.slice(0, -1));
    expect(led?.suggestions[0]).toMatch(/^Sorter 4.*up from 37%\. Customers can now/);
  });
});

describe('the end of an announcing sentence', async () => {
  const { lint } = await import('../../src/index.js');
  const lead = (sentence: string) => lint(`${sentence}\n\nIt is live on every site.\n`, { config: { scorer: { enabled: false } } });
  it('takes a bracket or quote that closes inside the sentence, and leaves one that opened before it', async () => {
    const bracketed = 'Sorter 4, our triage model, now classifies 61% of letters with no manual touch (up from 37%).';
    const led = (await lead(bracketed)).findings.find((finding) => finding.ruleId === 'benchmark-led');
    expect(led?.actual).toBe(bracketed.slice(0, -1));
    // The quote opened in the sentence before: its closing mark is not this sentence's.
    const quoted = '“Big news. Sorter 4, our triage model, now classifies 61% of letters with no manual touch”';
    const fromQuote = (await lead(quoted)).findings.find((finding) => finding.ruleId === 'benchmark-led');
    expect(fromQuote?.actual).toBe('Sorter 4, our triage model, now classifies 61% of letters with no manual touch');
  });
});
