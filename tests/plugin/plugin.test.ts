import remarkParse from 'remark-parse';
import remarkRetext from 'remark-retext';
import retextEnglish from 'retext-english';
import retextEquality from 'retext-equality';
import { retext } from 'retext';
import { unified } from 'unified';
import { reporter } from 'vfile-reporter';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import retextTonelint, { presets } from '../../src/plugin.js';

const memo = 'We will cut 40 heads from support.';

describe('retextTonelint in a unified pipeline', () => {
  it('emits vfile messages with ruleId, source, actual, expected, url and the full place', async () => {
    const file = await retext().use(retextTonelint).process(memo);
    const [message] = file.messages.filter((m) => m.source === 'tonelint');
    expect(message.ruleId).toBe('people-as-units');
    expect(message.actual).toMatch(/40 heads$/);
    expect(message.expected?.length).toBeGreaterThan(0);
    expect(message.url).toMatch(/rules\/README\.md#people-as-units$/);
    const start = memo.indexOf(message.actual!);
    const end = start + message.actual!.length;
    expect(message.place).toMatchObject({ start: { line: 1, column: start + 1, offset: start }, end: { line: 1, column: end + 1, offset: end } });
    expect(message.fatal).toBe(true);
    expect(reporter([file])).toContain('people-as-units');
  });

  it('runs beside retext-equality and keeps both sets of messages', async () => {
    const file = await retext().use(retextTonelint).use(retextEquality).process(`${memo} Hey guys.`);
    const sources = new Set(file.messages.map((m) => m.source));
    expect(sources).toEqual(new Set(['tonelint', 'retext-equality']));
  });

  it('works in a remark pipeline bridged to retext', async () => {
    const processor = unified().use(remarkParse).use(remarkRetext, unified().use(retextEnglish).use(retextTonelint).freeze() as never);
    const file = new VFile({ value: `# Memo\n\n\`cut 40 heads\` is code, but:\n\n${memo}\n`, path: 'memo.md' });
    await processor.run(processor.parse(file), file);
    // The memo-level check sees the same sentence announce a cut with nothing else said.
    expect(file.messages.map((m) => [m.ruleId, m.line])).toEqual([['people-as-units', 5], ['missing-acknowledgment', 5]]);
  });

  it('reports the learned scorer through the recommended preset, with confidence and cues', async () => {
    const text = 'Swap the night-shift clerks for the agent and bank the savings.';
    const file = await retext().use(presets.recommended).process(text);
    const scored = file.data.tonelintFindings?.filter((finding) => finding.ruleId.startsWith('scored-')) ?? [];
    expect(scored.map((finding) => finding.ruleId)).toEqual(['scored-dehumanizing']);
    expect(scored[0]).toMatchObject({ advice: true, confidence: expect.any(Number), cues: expect.any(Array) });
    expect(file.messages.map((message) => message.ruleId)).toContain('scored-dehumanizing');
  });

  it('withdraws a quoted phrase the scorer reads as reported speech, and keeps the same phrase used', async () => {
    const reported = 'Readers wrote in after the chairman called the branch clerks "surplus staff" on the radio.';
    const used = 'The branch clerks are surplus staff now that the app is live.';
    const rulesOnly = await retext().use(retextTonelint).process(reported);
    expect(rulesOnly.messages.map((m) => m.ruleId)).toContain('obsolete-people');
    const withScorer = await retext().use(presets.recommended).process(reported);
    expect(withScorer.messages.filter((m) => m.source === 'tonelint')).toEqual([]);
    expect(withScorer.data.tonelintFindings).toEqual([]);
    const stillUsed = await retext().use(presets.recommended).process(used);
    expect(stillUsed.messages.map((m) => m.ruleId)).toContain('obsolete-people');
  });

  it('withdraws a quoted phrase whose paragraph refuses the word itself, and keeps it when the paragraph refuses something else', async () => {
    // The rules alone, so the test does not move with the learned scorer's retrains.
    const ruleIds = async (text: string) => (await retext().use(retextTonelint).process(text)).messages.map((m) => m.ruleId);
    expect(await ruleIds("From the ops review: 'the branch clerks are surplus staff'. Let's not use that word for them.")).toEqual([]);
    expect(await ruleIds("From the ops review: 'the branch clerks are surplus staff'. Let's not use the canteen for them.")).toContain('obsolete-people');
  });

  it('ships presets: recommended (tonelint only) and all (adds retext-equality)', async () => {
    const recommended = await retext().use(presets.recommended).process('Hey guys, we will cut 40 heads.');
    const all = await retext().use(presets.all).process('Hey guys, we will cut 40 heads.');
    expect(new Set(recommended.messages.map((m) => m.source))).toEqual(new Set(['tonelint']));
    expect(new Set(all.messages.map((m) => m.source))).toEqual(new Set(['tonelint', 'retext-equality']));
  });
});

describe('lint() and configuration', () => {
  it('drops a rule match quoted as reported speech when the scorer reads the sentence as fine; rules alone keep it', async () => {
    const cases = [
      // Reported with what came of it, by a person (a document that "said" or "promised" a quote is
      // a rejection cue of the rules' own since 2026-12-06, so the rules alone leave that alone).
      ['She told the stewards the night shift had become "dead weight" once the sorters arrived, and they asked her what she meant.', 'obsolete-people'],
      ['The manager promised a "workforce harmonisation" across both plants, and the stewards asked for the figures behind it.', 'euphemism'],
    ] as const;
    for (const [text, ruleId] of cases) {
      expect((await lint(text, { config: { scorer: { enabled: false } } })).findings.map((f) => f.ruleId)).toEqual([ruleId]);
      expect((await lint(text)).findings).toEqual([]);
    }
    // A document that "said" the quote is reported framing to the rules themselves.
    expect((await lint('Her email said the night shift had become "dead weight" once the sorters arrived.', { config: { scorer: { enabled: false } } })).findings).toEqual([]);
    // Unquoted, the same words are a use, and both rule and scorer agree.
    expect((await lint('The night shift has become dead weight since the sorters arrived.')).findings.map((f) => f.ruleId)).toEqual(['obsolete-people']);
  });

  it('maps retext-equality to the inclusive category only when asked', async () => {
    const text = 'Hey guys, thanks.';
    expect((await lint(text)).findings).toEqual([]);
    const { findings } = await lint(text, { config: { preset: 'all' } });
    expect(findings[0]).toMatchObject({ ruleId: expect.stringMatching(/^equality\//), category: 'inclusive', actual: 'guys' });
  });

  it('applies rule and category severities, rule over category', async () => {
    const dehumanizing = (findings: { category: string; severity: string; ruleId: string }[]) => findings.filter((f) => f.category === 'dehumanizing');
    const byCategory = await lint(memo, { config: { categories: { dehumanizing: 'info' } } });
    expect(dehumanizing(byCategory.findings).map((f) => [f.ruleId, f.severity])).toEqual([['people-as-units', 'info']]);
    const off = await lint(memo, { config: { categories: { dehumanizing: 'info' }, rules: { 'people-as-units': 'off', 'scored-dehumanizing': 'off' } } });
    expect(dehumanizing(off.findings)).toEqual([]);
    // The memo-level finding on the same sentence keeps its own category's level (info: a one-line text).
    const untouched = await lint(memo, { config: { categories: { dehumanizing: 'info', evasive: 'error' } } });
    expect(untouched.findings.filter((f) => f.category === 'evasive').map((f) => [f.ruleId, f.severity])).toEqual([['missing-acknowledgment', 'info']]);
  });

  it('never flags allowed organisation vocabulary', async () => {
    const { findings } = await lint(memo, { config: { allow: ['40 heads'] } });
    expect(findings).toEqual([]);
  });

  it('rejects an unknown rule with the closest valid name', async () => {
    await expect(lint(memo, { config: { rules: { 'people-as-unit': 'off' } } })).rejects.toThrow(/unknown rule "people-as-unit" \(did you mean "people-as-units"\?\)/);
  });
});
