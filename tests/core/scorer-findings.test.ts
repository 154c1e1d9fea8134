// From scores to findings: thresholds in force, short sentences, severities, the allow list, the
// nearest rewrite, the gate, quoted mentions and the memo heads, with small hand-built models.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { tokenizeSentence, type Paragraph } from '../../src/core/match/tokens.js';
import { createLineIndex } from '../../src/core/position.js';
import { compileRules } from '../../src/core/rule.js';
import { hashFeature, type FeatureOptions } from '../../src/core/scorer/features.js';
import {
  dropQuotedMentions,
  effectiveThresholds,
  learnedGate,
  mergeScorerFindings,
  nearestExample,
  scorerFindings,
  scorerSettings,
  SHORT_SENTENCE,
} from '../../src/core/scorer/findings.js';
import { announceHead, memoEvidence, requirementHead } from '../../src/core/scorer/memo-evidence.js';
import { scorerClasses, type ScorerExample, type ScorerModel } from '../../src/core/scorer/model.js';
import { baseVocabularies, findingAt as at, rule, vocabulary } from './helpers.js';

const features: FeatureOptions = { bits: 12, charRange: [0, 0], trigrams: false };
const size = 1 << features.bits;
const thresholds = { alarmist: { report: 0.6, strict: 0.9 }, dehumanizing: { report: 0.6, strict: 0.9 }, evasive: { report: 0.6, strict: 0.9 } };

function model(evidence: Record<string, [klass: string, weight: number]>, examples: ScorerExample[] = [], classes: readonly string[] = scorerClasses, bias = [2, 0, 0, 0]): ScorerModel {
  const weights = classes.map(() => new Float32Array(size));
  for (const [word, [klass, weight]] of Object.entries(evidence)) weights[classes.indexOf(klass)][hashFeature(`w|${word}`) & (size - 1)] += weight;
  return { features, classes, activation: classes === scorerClasses ? 'softmax' : 'sigmoid', weights, bias: Float32Array.from(bias), thresholds, about: {}, examples: () => examples };
}

/** One paragraph of the given sentences, separated by a space, with their offsets. */
function paragraph(...sentences: string[]): { text: string; paragraphs: Paragraph[] } {
  let text = '';
  const parsed = sentences.map((sentence) => {
    if (text) text += ' ';
    const parsedSentence = tokenizeSentence(sentence, text.length);
    text += sentence;
    return parsedSentence;
  });
  return { text, paragraphs: [{ start: 0, end: text.length, sentences: parsed }] };
}

const rules = compileRules([
  ...baseVocabularies,
  vocabulary('ai', ['ai', 'model']),
  rule('scored-alarmist', { scope: 'scorer', gate: ['@people', '@ai'], gate_strict: ['you'], message: 'alarmist ({confidence}): {cues}', suggestions: ['Like: {example} -> {rewrite}', 'Say what happens and when.'] }, 'alarmist'),
  rule('scored-evasive', { scope: 'scorer', severity: 'info', gate: ['@people'], message: 'evasive: {cues}', suggestions: ['Name who decided.'] }, 'evasive'),
  rule('people-as-units', { patterns: ['cut {number} heads'] }),
]);

const doom = model({ doom: ['alarmist', 30], bloodbath: ['alarmist', 45], quietly: ['evasive', 45], atlas: ['alarmist', 45] });
function run(sentences: string[], config = {}, m = doom): Finding[] {
  const { text, paragraphs } = paragraph(...sentences);
  return scorerFindings(() => m, scorerSettings(rules, config)!, text, createLineIndex(text), paragraphs);
}

describe('effectiveThresholds', () => {
  it('replaces only the report threshold asked for, and keeps strict at least as high', () => {
    expect(effectiveThresholds(doom, { alarmist: 0.5, evasive: 0.95 })).toEqual({
      alarmist: { report: 0.5, strict: 0.9 },
      dehumanizing: { report: 0.6, strict: 0.9 },
      evasive: { report: 0.95, strict: 0.95 },
    });
    expect(doom.thresholds.alarmist).toEqual({ report: 0.6, strict: 0.9 });
  });
});

describe('scorerSettings and learnedGate', () => {
  it('collects the scorer rules that are on, with their severities and the threshold overrides', () => {
    const settings = scorerSettings(rules, { rules: { 'scored-alarmist': 'warning' }, scorer: { thresholds: { evasive: 0.7 } } })!;
    expect([...settings.rules.keys()]).toEqual(['alarmist', 'evasive']);
    expect(settings.rules.get('alarmist')!.severity).toBe('warning');
    expect(settings.rules.get('evasive')!.severity).toBe('info');
    expect(settings.overrides).toEqual({ evasive: 0.7 });
    expect(settings.allow).toBeUndefined();
    expect(scorerSettings(rules, { allow: ['Atlas'] })!.allow).toBeDefined();
    expect(scorerSettings(rules, { allow: ['!!'] })!.allow).toBeUndefined();
  });

  it('gates on the terms of the rules that are on', () => {
    const evasiveOnly = scorerSettings(rules, { rules: { 'scored-alarmist': 'off' } })!;
    expect(evasiveOnly.gate.admits(tokenizeSentence('The model is new.'))).toBe(false);
    expect(evasiveOnly.gate.admits(tokenizeSentence('The staff are new.'))).toBe(true);
  });

  it('gives the memo heads a gate of every scorer rule, even when all are off, unless the scorer is disabled', () => {
    const gate = learnedGate(rules, { categories: { alarmist: 'off', evasive: 'off' } })!;
    expect(gate.admits(tokenizeSentence('The model is new.'))).toBe(true);
    expect(learnedGate(rules, { scorer: { enabled: false } })).toBeUndefined();
    expect(learnedGate(compileRules([...baseVocabularies, rule('people-as-units', { patterns: ['cut {number} heads'] })]), {})).toBeUndefined();
  });

  it('tells from raw text whether any word could pass the gate', () => {
    const { gate } = scorerSettings(rules, {})!;
    expect(gate.mayMatch('Our colleagues\u2019 plans')).toBe(true);
    expect(gate.mayMatch('The AI roadmap')).toBe(true);
    expect(gate.mayMatch('Lunch is at noon. Bring 40 chairs.')).toBe(false);
    // Words joined by U+2010 and U+2011 (Word exports them) are one word, as the tokenizer reads them.
    expect(gate.mayMatch('The mo\u2011del changes it.')).toBe(true);
    expect(gate.mayMatch('The mo\u2010del changes it.')).toBe(true);
    expect(gate.mayMatch('')).toBe(false);
    // The same gate twice in a row: the word pattern's position does not carry over.
    expect(gate.mayMatch('staff')).toBe(true);
    expect(gate.mayMatch('staff')).toBe(true);
  });

  it('lets raw text through only when it has every word some term needs', () => {
    const gated = compileRules([...baseVocabularies, vocabulary('topic', ['the team', '{number} heads']), rule('scored-alarmist', { scope: 'scorer', gate: ['@topic'], message: 'm' }, 'alarmist')]);
    const gate = learnedGate(gated, {})!;
    // A word a term starts with is not enough ("the", a number)...
    expect(gate.mayMatch('Read the manual, then run it 40 times.')).toBe(false);
    // ...its rarest word and the others must be there, wherever the tokenizer cuts ("40-heads" is 40, -, heads).
    expect(gate.mayMatch('Thank the team.')).toBe(true);
    expect(gate.mayMatch('We cut a few heads.')).toBe(true);
    expect(gate.mayMatch('A 40-heads rota.')).toBe(true);
    expect(gate.mayMatch('Heads or tails.')).toBe(false);
    // Never stricter than the gate itself on parsed sentences.
    for (const text of ['Thank the team.', 'We cut a few heads.', 'A 40-heads rota.', 'Heads or tails.', 'Read the manual.']) {
      if (gate.admits(tokenizeSentence(text))) expect(gate.mayMatch(text)).toBe(true);
    }
  });
});

describe('scorerFindings', () => {
  it('covers the words of the sentence, from the first to the last', () => {
    const [finding] = run(['\u201cDoom awaits the staff!\u201d']);
    expect(finding.actual).toBe('Doom awaits the staff');
    expect(finding.start).toEqual({ line: 1, column: 2, offset: 1 });
    expect(finding.end).toEqual({ line: 1, column: 23, offset: 22 });
    expect(finding.url).toMatch(/#scored-alarmist$/);
    expect(finding.advice).toBe(true);
  });

  it('reports every sentence that clears its threshold, in each paragraph', () => {
    const findings = run(['Doom awaits the staff here.', 'Lunch is at noon today, staff.', 'A bloodbath awaits the staff.']);
    expect(findings.map((finding) => finding.actual)).toEqual(['Doom awaits the staff here', 'A bloodbath awaits the staff']);
  });

  it('holds a sentence of fewer than six words to the strict threshold', () => {
    expect(SHORT_SENTENCE).toBe(6);
    // "doom" at this weight clears report (0.6) but not strict (0.9): ~0.78 in five words, ~0.73 in six.
    const mild = model({ doom: ['alarmist', 11.6], bloodbath: ['alarmist', 45] });
    expect(run(['Doom for the staff now.'], {}, mild)).toEqual([]);
    expect(run(['Doom for the staff right now.'], {}, mild)).toHaveLength(1);
    expect(run(['A bloodbath for the staff.'])).toHaveLength(1);
  });

  it('lets a fragment warn at most, however sure the model is; a full sentence that sure takes the rule\'s severity', () => {
    const [fragment] = run(['A bloodbath for the staff.']);
    expect(fragment.severity).toBe('warning');
    const [sentence] = run(['A bloodbath awaits the staff here.']);
    expect(sentence.severity).toBe('error');
  });

  it('lets a sentence on the topic only through a pronoun warn at most, like a fragment: "you" alone is how friendly prose reaches the scorer', () => {
    const [pronounOnly] = run(['A bloodbath awaits you here tonight.']);
    expect([pronounOnly.ruleId, pronounOnly.severity]).toEqual(['scored-alarmist', 'warning']);
    const [onTopic] = run(['A bloodbath awaits the staff here tonight.']);
    expect(onTopic.severity).toBe('error');
  });

  it('never raises an info rule to a warning', () => {
    const [finding] = run(['Colleagues were quietly moved on last week.']);
    expect([finding.ruleId, finding.severity]).toEqual(['scored-evasive', 'info']);
  });

  it('renders the message and suggestions with the confidence, the cues and the nearest rewrite', () => {
    const examples = [
      { category: 'alarmist' as const, text: 'Doom awaits the warehouse staff.', rewrite: 'The warehouse closes in May.' },
      { category: 'evasive' as const, text: 'Doom awaits the staff here.', rewrite: 'Evasive rewrite.' },
    ];
    const [finding] = run(['Doom awaits the staff here today.'], {}, model({ doom: ['alarmist', 30] }, examples));
    expect(finding.message).toBe(`alarmist (${finding.confidence!.toFixed(2)}): “Doom”`);
    expect(finding.suggestions).toEqual(['Like: Doom awaits the warehouse staff. -> The warehouse closes in May.', 'Say what happens and when.']);
    expect(finding.cues).toEqual(['Doom']);
  });

  it('leaves out a suggestion that needs an example when there is none, and says "the sentence as a whole" without cues', () => {
    const flat = model({}, [], scorerClasses, [0, 3, 0, 0]);
    const [finding] = run(['The staff are here today, all of them.'], {}, flat);
    expect(finding.message).toMatch(/: the sentence as a whole$/);
    expect(finding.suggestions).toEqual(['Say what happens and when.']);
    expect(finding.cues).toEqual([]);
  });

  it('drops a finding whose strongest cue is an allowed word, but not one where the allowed word is elsewhere', () => {
    expect(run(['Atlas awaits the staff here today.'], { allow: ['Atlas'] })).toEqual([]);
    expect(run(['Atlas awaits the staff here today.'])).toHaveLength(1);
    expect(run(['Atlas and a bloodbath await the staff today.'], { allow: ['staff'] })).toHaveLength(1);
  });

  it('drops a finding whose strongest cue is quoted in a paragraph that rejects it, as the rules do', () => {
    expect(run(["Some staff call it a 'bloodbath'.", "We disagree."])).toEqual([]);
    // Quoted but not rejected: a speaker's own words.
    expect(run(["Some staff call it a 'bloodbath'.", 'We agree.'])).toHaveLength(1);
    // Rejected, but the strongest cue is outside the quote marks.
    expect(run(["A bloodbath for the staff, and 'doom' too.", 'We disagree.'])).toHaveLength(1);
    // Named by a frame without quote marks.
    expect(run(['The staff here described as a bloodbath.', 'We disagree.'])).toEqual([]);
  });

  it('skips a category whose rule is off', () => {
    expect(run(['Colleagues were quietly moved on last week.'], { rules: { 'scored-evasive': 'off' } })).toEqual([]);
  });
});

describe('nearestExample', () => {
  const examples: ScorerExample[] = [
    { category: 'alarmist', text: 'The robots will take every support job.', rewrite: 'r1' },
    { category: 'alarmist', text: 'Panic in the warehouse as robots arrive.', rewrite: 'r2' },
    { category: 'evasive', text: 'Every support job in the warehouse was impacted.', rewrite: 'r3' },
  ];
  const m = model({}, examples);
  const tokens = (text: string) => tokenizeSentence(text).tokens;

  it('picks the example of the category sharing the most content words', () => {
    expect(nearestExample(m, tokens('Robots will take the support jobs.'), 'alarmist')?.rewrite).toBe('r1');
    expect(nearestExample(m, tokens('Robots arrive at the warehouse.'), 'alarmist')?.rewrite).toBe('r2');
    expect(nearestExample(m, tokens('Support jobs in the warehouse.'), 'evasive')?.rewrite).toBe('r3');
  });

  it('finds none when nothing is shared or the category has no example', () => {
    expect(nearestExample(m, tokens('Lunch at noon.'), 'alarmist')).toBeUndefined();
    expect(nearestExample(m, tokens('Robots arrive.'), 'dehumanizing')).toBeUndefined();
    expect(nearestExample(m, [], 'alarmist')).toBeUndefined();
  });

  it('ignores stop words when comparing', () => {
    expect(nearestExample(m, tokens('The will in the.'), 'alarmist')).toBeUndefined();
  });

  it('prefers the shorter example when both share the same words', () => {
    const two = model({}, [
      { category: 'alarmist', text: 'Robots replace staff across every region and every office.', rewrite: 'long' },
      { category: 'alarmist', text: 'Robots replace staff.', rewrite: 'short' },
    ]);
    expect(nearestExample(two, tokens('Robots replace staff.'), 'alarmist')?.rewrite).toBe('short');
  });
});

describe('mergeScorerFindings', () => {
  const phrase = (id: string) => !id.startsWith('scored-') && id !== 'document-rule';

  it('drops the scorer finding under a phrase finding of another category, keeping that one\'s confidence', () => {
    const rule = at('people-as-units', 'dehumanizing', 10, 20, 0.5);
    expect(mergeScorerFindings([rule], [at('scored-alarmist', 'alarmist', 0, 40, 0.8)], phrase)).toEqual([rule]);
    expect(rule.confidence).toBe(0.5);
  });

  it('keeps the higher confidence', () => {
    const rule = at('people-as-units', 'dehumanizing', 10, 20, 0.95);
    mergeScorerFindings([rule], [at('scored-dehumanizing', 'dehumanizing', 0, 40, 0.8)], phrase);
    expect(rule.confidence).toBe(0.95);
  });

  it('keeps the scorer finding beside a touching but not overlapping phrase finding, or one outside its categories', () => {
    const scored = at('scored-alarmist', 'alarmist', 10, 20, 0.8);
    expect(mergeScorerFindings([at('threat', 'alarmist', 0, 10)], [scored], phrase)).toHaveLength(2);
    expect(mergeScorerFindings([at('threat', 'alarmist', 20, 30)], [scored], phrase)).toHaveLength(2);
    expect(mergeScorerFindings([at('gendered', 'inclusive', 12, 15)], [scored], phrase)).toHaveLength(2);
    expect(mergeScorerFindings([at('document-rule', 'alarmist', 12, 15)], [scored], phrase)).toHaveLength(2);
    expect(mergeScorerFindings([at('threat', 'alarmist', 19, 30)], [scored], phrase)).toHaveLength(1);
  });
});

describe('dropQuotedMentions', () => {
  const okModel = model({ union: ['ok', 20] });
  const phrase = (id: string) => id === 'people-as-units';
  const finding = (text: string, actual: string, ruleId = 'people-as-units', category: Finding['category'] = 'dehumanizing'): Finding => {
    const offset = text.indexOf(actual);
    return {
      ruleId,
      category,
      severity: 'warning',
      message: '',
      start: { line: 1, column: offset + 1, offset },
      end: { line: 1, column: offset + actual.length + 1, offset: offset + actual.length },
      actual,
      suggestions: [],
      url: '',
    };
  };

  it('drops a quoted phrase finding in a sentence the scorer reads as fine', () => {
    const { text, paragraphs } = paragraph('The union objected to "cut 40 heads" in the memo.');
    const quoted = finding(text, 'cut 40 heads');
    expect(dropQuotedMentions([quoted], () => okModel, 0.7, text, paragraphs, phrase)).toEqual([]);
  });

  it('keeps it when the sentence does not read as fine, when it is not quoted, or not a phrase rule', () => {
    const { text, paragraphs } = paragraph('Management said to "cut 40 heads" in the memo.');
    const quoted = finding(text, 'cut 40 heads');
    expect(dropQuotedMentions([quoted], () => model({ management: ['dehumanizing', 20] }), 0.7, text, paragraphs, phrase)).toEqual([quoted]);
    const plain = paragraph('The union objected: cut 40 heads in the memo.');
    const unquoted = finding(plain.text, 'cut 40 heads');
    expect(dropQuotedMentions([unquoted], () => okModel, 0.7, plain.text, plain.paragraphs, phrase)).toEqual([unquoted]);
    const { text: t2, paragraphs: p2 } = paragraph('The union objected to "cut 40 heads" in the memo.');
    const scorerOwn = finding(t2, 'cut 40 heads', 'scored-dehumanizing');
    expect(dropQuotedMentions([scorerOwn], () => okModel, 0.7, t2, p2, phrase)).toEqual([scorerOwn]);
    const inclusive = finding(t2, 'cut 40 heads', 'people-as-units', 'inclusive');
    expect(dropQuotedMentions([inclusive], () => okModel, 0.7, t2, p2, phrase)).toEqual([inclusive]);
  });

  it('judges each sentence on its own, and loads no model without a candidate', () => {
    const { text, paragraphs } = paragraph('Management said to "cut 40 heads" now.', 'The union objected to "cut 12 heads" then.');
    const first = finding(text, 'cut 40 heads');
    const second = finding(text, 'cut 12 heads');
    const both = model({ management: ['dehumanizing', 20], union: ['ok', 20] });
    expect(dropQuotedMentions([first, second], () => both, 0.7, text, paragraphs, phrase)).toEqual([first]);
    let loads = 0;
    expect(dropQuotedMentions([], () => (loads++, both), 0.7, text, paragraphs, phrase)).toEqual([]);
    expect(loads).toBe(0);
  });

  it('uses the threshold it is given', () => {
    const { text, paragraphs } = paragraph('The union objected to "cut 40 heads" in the memo.');
    const quoted = finding(text, 'cut 40 heads');
    // The prior alone: p(ok) = e^2 / (e^2 + 3) = 0.71.
    expect(dropQuotedMentions([quoted], () => model({}), 0.75, text, paragraphs, phrase)).toEqual([quoted]);
    expect(dropQuotedMentions([quoted], () => model({}), 0.7, text, paragraphs, phrase)).toEqual([]);
  });
});

describe('memoEvidence', () => {
  const heads = ['cuts/announce', 'cuts/support'];
  const headModel: ScorerModel = {
    ...model({ layoffs: ['cuts/announce', 20], severance: ['cuts/support', 20] }, [], heads, [-2, -2]),
    thresholds: { 'cuts/announce': { report: 0.5, strict: 0.5 }, 'cuts/support': { report: 0.5, strict: 0.5 } },
  };
  const gate = scorerSettings(rules, {})!.gate;
  const sentence = (text: string) => tokenizeSentence(text);

  it('names heads after the rule and the requirement', () => {
    expect([announceHead('cuts'), requirementHead('cuts', 'support')]).toEqual(heads);
  });

  it('answers from the head of that name, for gated sentences of six words or more', () => {
    const evidence = memoEvidence(() => headModel, gate);
    expect(evidence.announces('cuts', sentence('We announce layoffs for staff in support today.'), undefined)).toBe(true);
    expect(evidence.announces('cuts', sentence('We announce a picnic for staff in support today.'), undefined)).toBe(false);
    expect(evidence.meets('cuts', 'support', sentence('All staff affected get severance and extra help.'), undefined)).toBe(true);
    expect(evidence.meets('cuts', 'support', sentence('Layoffs for staff.'), undefined)).toBe(false);
    expect(evidence.meets('cuts', 'support', sentence('Everyone affected gets severance and extra help.'), undefined)).toBe(false);
    expect(evidence.meets('cuts', 'acknowledgment', sentence('All staff affected get severance and extra help.'), undefined)).toBe(false);
  });

  it('reads a doubtful announcement only between the corroborated and the sure threshold, and corroborates by the requirement head of this rule', () => {
    // The prior alone: sigmoid(-2) = 0.12; with "layoffs" (or "severance" for support), about 0.95.
    const thresholds = { ...headModel.thresholds, 'cuts/announce': { report: 0.9, strict: 0.9, corroborated: { report: 0.1, element: 0.9 } } };
    const doubtful = memoEvidence(() => ({ ...headModel, thresholds }), gate);
    const picnic = sentence('We announce a picnic for staff in support today.');
    expect(doubtful.announces('cuts', picnic, undefined)).toBe(false);
    expect(doubtful.doubtfulAnnouncement!('cuts', picnic, undefined)).toBeCloseTo(1 / (1 + Math.exp(2)), 5);
    // A sure reading is not a doubtful one, and a short sentence is not read at all.
    expect(doubtful.doubtfulAnnouncement!('cuts', sentence('We announce layoffs for staff in support today.'), undefined)).toBe(0);
    expect(doubtful.doubtfulAnnouncement!('cuts', sentence('Picnic for staff.'), undefined)).toBe(0);
    const severance = sentence('All staff affected get severance and extra help.');
    expect(doubtful.corroborates!('cuts', 'support', severance, undefined)).toBe(true);
    expect(doubtful.corroborates!('cuts', 'support', picnic, undefined)).toBe(false);
    // Only this rule's head of that requirement, and only where this rule has a corroborated threshold.
    expect(doubtful.corroborates!('cuts', 'acknowledgment', severance, undefined)).toBe(false);
    expect(doubtful.corroborates!('other', 'support', severance, undefined)).toBe(false);
    expect(doubtful.doubtfulAnnouncement!('other', picnic, undefined)).toBe(0);
    const plain = memoEvidence(() => headModel, gate);
    expect(plain.doubtfulAnnouncement!('cuts', picnic, undefined)).toBe(0);
    expect(plain.corroborates!('cuts', 'support', severance, undefined)).toBe(false);
  });

  it("never corroborates below the requirement head's own threshold", () => {
    const thresholds = { 'cuts/announce': { report: 0.99, strict: 0.99, corroborated: { report: 0.1, element: 0.5 } }, 'cuts/support': { report: 0.9, strict: 0.9 } };
    const strictSupport = memoEvidence(() => ({ ...headModel, thresholds }), gate);
    // "severance" reads about 0.95: above 0.9, below 0.99.
    expect(strictSupport.corroborates!('cuts', 'support', sentence('All staff affected get severance and extra help.'), undefined)).toBe(true);
    const stricter = memoEvidence(() => ({ ...headModel, thresholds: { ...thresholds, 'cuts/support': { report: 0.99, strict: 0.99 } } }), gate);
    expect(stricter.corroborates!('cuts', 'support', sentence('All staff affected get severance and extra help.'), undefined)).toBe(false);
  });

  it('loads the model only for a sentence it must judge, and scores each sentence once', () => {
    let loads = 0;
    const evidence = memoEvidence(() => (loads++, headModel), gate);
    expect(evidence.announces('cuts', sentence('Layoffs for staff.'), undefined)).toBe(false);
    expect(loads).toBe(0);
    const asked = sentence('We announce layoffs for staff in support today.');
    evidence.announces('cuts', asked, undefined);
    evidence.meets('cuts', 'support', asked, undefined);
    expect(loads).toBe(2);
  });
});

describe('the previous sentence as context', () => {
  const contextual = (evidence: Record<string, [string, number]>): ScorerModel => {
    const base = model({});
    for (const [word, [klass, weight]] of Object.entries(evidence)) base.weights[scorerClasses.indexOf(klass as never)][hashFeature(`p|${word}`) & (size - 1)] += weight;
    return { ...base, features: { ...features, contextWeight: 1 } };
  };

  it('is read by the scorer from the sentence before, not the one after', () => {
    const m = contextual({ bloodbath: ['alarmist', 60] });
    const before = run(['A bloodbath is coming.', 'The staff will hear more on Monday.'], {}, m);
    expect(before.map((finding) => finding.actual)).toEqual(['The staff will hear more on Monday']);
    expect(run(['The staff will hear more on Monday.', 'A bloodbath is coming.'], {}, m)).toEqual([]);
  });

  it('decides whether a quoted phrase is a mention, from the sentence before', () => {
    const m = contextual({ union: ['ok', 60] });
    const phrase = (id: string) => id === 'people-as-units';
    const at = (text: string, actual: string): Finding => {
      const offset = text.lastIndexOf(actual);
      return { ruleId: 'people-as-units', category: 'dehumanizing', severity: 'warning', message: '', start: { line: 1, column: offset + 1, offset }, end: { line: 1, column: offset + actual.length + 1, offset: offset + actual.length }, actual, suggestions: [], url: '' };
    };
    const after = paragraph('The union wrote to us.', 'It quoted "cut 40 heads" from the plan.');
    const quoted = at(after.text, 'cut 40 heads');
    expect(dropQuotedMentions([quoted], () => m, 0.9, after.text, after.paragraphs, phrase)).toEqual([]);
    const first = paragraph('It quoted "cut 40 heads" from the plan.', 'The union wrote to us.');
    const kept = at(first.text, 'cut 40 heads');
    expect(dropQuotedMentions([kept], () => m, 0.9, first.text, first.paragraphs, phrase)).toEqual([kept]);
  });
});

describe('quoted mentions, at the edges', () => {
  const okModel = model({ union: ['ok', 20] });
  const phrase = (id: string) => id === 'people-as-units';
  const at = (text: string, actual: string, from = 0): Finding => {
    const offset = text.indexOf(actual, from);
    return { ruleId: 'people-as-units', category: 'dehumanizing', severity: 'warning', message: '', start: { line: 1, column: offset + 1, offset }, end: { line: 1, column: offset + actual.length + 1, offset: offset + actual.length }, actual, suggestions: [], url: '' };
  };

  it('keeps a finding only partly inside the quotation marks', () => {
    const { text, paragraphs } = paragraph('The union objected to "cut 40" heads in the memo.');
    const partly = at(text, 'cut 40" heads');
    expect(dropQuotedMentions([partly], () => okModel, 0.7, text, paragraphs, phrase)).toEqual([partly]);
  });

  it('judges a finding by the paragraph and the sentence it is in', () => {
    const one = paragraph('The union objected to "cut 40 heads" in the memo.');
    const two = paragraph('Management said to "cut 12 heads" today, staff.');
    const text = `${one.text}\n\n${two.text}`;
    const shift = one.text.length + 2;
    const second: Paragraph = {
      start: shift,
      end: text.length,
      sentences: [tokenizeSentence(two.text, shift)],
    };
    const paragraphs = [one.paragraphs[0], second];
    const m = model({ union: ['ok', 20], management: ['dehumanizing', 20] });
    const first = at(text, 'cut 40 heads');
    const other = at(text, 'cut 12 heads');
    expect(dropQuotedMentions([first, other], () => m, 0.7, text, paragraphs, phrase)).toEqual([other]);
    expect(dropQuotedMentions([other, first], () => m, 0.7, text, [second, one.paragraphs[0]], phrase)).toEqual([other]);
  });
});


describe('the shared threshold and fragment tests', async () => {
  const { reaches, isShortSentence } = await import('../../src/core/scorer/findings.js');
  const { tokenizeSentence } = await import('../../src/core/match/tokens.js');
  it('never reach a threshold of 1 (strict 1 means never escalated), and reach any lower one at or above it', () => {
    expect(reaches(1, 1)).toBe(false);
    expect(reaches(0.9, 0.9)).toBe(true);
    expect(reaches(0.89, 0.9)).toBe(false);
  });
  it('count a sentence under six words, numbers included, as a fragment', () => {
    expect(isShortSentence(tokenizeSentence('- Crew dispatcher positions continue.'))).toBe(true);
    expect(isShortSentence(tokenizeSentence('We cut 40 roles in May.'))).toBe(false);
  });
});
