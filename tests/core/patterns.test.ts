import { describe, expect, it } from 'vitest';
import { actuals, compile, lintWith, rule, vocabulary } from './helpers.js';

describe('token patterns', () => {
  it('match inflections with ~, including irregular and doubled forms', async () => {
    const rules = compile(rule('cuts', { patterns: ['[cut~|lay~] off? {number} heads'] }));
    expect(actuals(await lintWith(rules, 'We are cutting 40 heads. They cut 3 heads. He laid off 2 heads.'))).toEqual([
      'cutting 40 heads',
      'cut 3 heads',
      'laid off 2 heads',
    ]);
  });

  it('read numbers with separators, scale suffixes and words', async () => {
    const rules = compile(rule('counts', { patterns: ['{number} jobs'], suggestions: ['{number} people’s jobs'] }));
    const findings = await lintWith(rules, '1,200 jobs; $38M jobs; 2.3k jobs; forty-two jobs; two hundred jobs; dozens of jobs; a few hundred jobs.');
    expect(actuals(findings)).toEqual(['1,200 jobs', '$38M jobs', '2.3k jobs', 'forty-two jobs', 'two hundred jobs', 'dozens of jobs', 'a few hundred jobs']);
    expect(findings[0].suggestions).toEqual(['1,200 people’s jobs']);
  });

  it('read shares and fractions as numbers', async () => {
    const rules = compile(rule('shares', { patterns: ['[cut~|release~] {number} of? our? staff'] }));
    expect(actuals(await lintWith(rules, 'We cut 10% of our staff. We cut 15 percent of staff. We cut two-thirds of our staff. We cut one in five staff. We cut a third of staff.'))).toEqual([
      'cut 10% of our staff',
      'cut 15 percent of staff',
      'cut two-thirds of our staff',
      'cut one in five staff',
      'cut a third of staff',
    ]);
  });

  it('may open with an optional word and an optional wildcard', async () => {
    const rules = compile(rule('det', { patterns: ['[the|our]? *? analysts are obsolete'] }));
    expect(actuals(await lintWith(rules, 'Our junior analysts are obsolete. Analysts are obsolete.'))).toEqual(['Our junior analysts are obsolete', 'Analysts are obsolete']);
  });

  it('bridge up to six words with ..., but not across punctuation other than a whole aside', async () => {
    const rules = compile(rule('gap', { patterns: ['positions ... will be eliminated'] }));
    expect(actuals(await lintWith(rules, 'Positions in the Lisbon finance office will be eliminated. Positions will be eliminated. Positions; sadly; will be eliminated. Positions in one two three four five six seven will be eliminated.'))).toEqual([
      'Positions in the Lisbon finance office will be eliminated',
      'Positions will be eliminated',
    ]);
  });

  it('let ... step over a whole aside in parentheses or between dashes, counting none of its words', async () => {
    const rules = compile(rule('aside', { patterns: ['positions ... will be eliminated'] }));
    const text = [
      'Positions in billing (coders, charge entry clerks and their two leads) will be eliminated.',
      'Positions in billing \u2014 coders and their leads \u2014 will be eliminated.',
      'Positions in coding (12% of the team) will be eliminated.',
      // Six words, then an aside: the aside counts none.
      'Positions a b c d e f (in billing) will be eliminated.',
      // Not one aside: unclosed, a different closing dash, other punctuation inside, or too long.
      'Positions in billing (coders and leads will be eliminated.',
      'Positions in billing \u2014 coders and leads \u2013 will be eliminated.',
      'Positions in billing (see the list; it is long) will be eliminated.',
      `Positions in billing (${'word '.repeat(21).trim()}) will be eliminated.`,
      // Commas are no aside for a plain gap.
      'Positions in billing, sadly, will be eliminated.',
      // At most two asides in one gap.
      'Positions (a) (b) (c) will be eliminated.',
    ].join(' ');
    expect(actuals(await lintWith(rules, text))).toEqual([
      'Positions in billing (coders, charge entry clerks and their two leads) will be eliminated',
      'Positions in billing \u2014 coders and their leads \u2014 will be eliminated',
      'Positions in coding (12% of the team) will be eliminated',
      'Positions a b c d e f (in billing) will be eliminated',
    ]);
  });

  it('let ... go on through a list of places or teams it has opened with a preposition', async () => {
    const rules = compile(rule('list', { patterns: ['positions ... will be eliminated'] }));
    const text = [
      'Positions in production, maintenance and quality control will be eliminated.',
      'Positions across sales, marketing, and support will be eliminated.',
      'Positions at Leith, Rosyth or Perth will be eliminated.',
      // The words of the list count towards the six.
      'Positions in production, maintenance, packing, shipping and quality will be eliminated.',
      // No preposition before the comma, or no "and" / "or" to end the list: no list.
      'Positions, sadly, and many more will be eliminated.',
      'Positions in production, as planned will be eliminated.',
      'Positions in production, maintenance; and quality will be eliminated.',
      // A comma before "and" that opens no list joins two clauses.
      'Positions in Hull, and the night bus will be eliminated.',
    ].join(' ');
    expect(actuals(await lintWith(rules, text))).toEqual([
      'Positions in production, maintenance and quality control will be eliminated',
      'Positions across sales, marketing, and support will be eliminated',
      'Positions at Leith, Rosyth or Perth will be eliminated',
    ]);
  });

  it('let ,..., step over an aside between commas too, but a short one only', async () => {
    const rules = compile(rule('commas', { patterns: ['board ,..., approved'] }));
    const text = [
      'The board, chaired by our chief executive, approved it.',
      'The board, which met on a wet Tuesday in the old hall in March, approved it.',
      'The board (all nine of us) approved it.',
    ].join(' ');
    expect(actuals(await lintWith(rules, text))).toEqual(['board, chaired by our chief executive, approved', 'board (all nine of us) approved']);
  });

  it('match hyphen, compound and spaced variants of a hyphenated pattern word', async () => {
    const rules = compile(rule('hc', { patterns: ['head-count cut~'] }));
    expect(actuals(await lintWith(rules, 'A headcount cut. A head-count cut. A head count cut. A Head-Count cuts.'))).toEqual([
      'headcount cut',
      'head-count cut',
      'head count cut',
      'Head-Count cuts',
    ]);
  });

  it('match straight and curly apostrophes and possessives alike', async () => {
    const rules = compile(rule('poss', { patterns: ["don't need @people"] }));
    expect(actuals(await lintWith(rules, "We don’t need staff’s input. We don't need employees' help."))).toEqual(['don’t need staff’s', "don't need employees"]);
  });

  it('skip quotes and emphasis between words but stop at other punctuation', async () => {
    const rules = compile(rule('q', { patterns: ['obsolete @people'] }));
    expect(actuals(await lintWith(rules, 'The “obsolete” staff. The obsolete, staff. The *obsolete* employees.'))).toEqual([
      'obsolete” staff',
      'obsolete* employees',
    ]);
  });

  it('may start with optional elements and then prefers the longest match', async () => {
    const rules = compile(rule('opt', { patterns: ['[planned|natural]? evolution of our? workforce'] }));
    expect(actuals(await lintWith(rules, 'A natural evolution of our workforce. An evolution of workforce.'))).toEqual([
      'natural evolution of our workforce',
      'evolution of workforce',
    ]);
  });

  it('capture vocabulary words for messages and rewrites', async () => {
    const rules = compile(rule('cap', { patterns: ['obsolete {number}? @people'], suggestions: ['our {number} {people}', 'the {people} we employ'] }));
    const [withNumber, without] = await lintWith(rules, 'The obsolete 40 analysts left. The obsolete customer service reps left.');
    expect(withNumber.suggestions).toEqual(['our 40 analysts', 'the analysts we employ']);
    expect(without.suggestions).toEqual(['the customer service reps we employ']);
  });

  it('never match inside inline code, code blocks or URLs', async () => {
    const rules = compile(rule('code', { patterns: ['kill~ {number}? heads'] }));
    const text = 'Run `kill 40 heads` or see https://example.com/kill-40-heads.\n\n```\nkill 40 heads\n```\n\nBut kill 40 heads here.\n';
    expect(actuals(await lintWith(rules, text, 'markdown'))).toEqual(['kill 40 heads']);
  });
});

describe('safe fixes', () => {
  it('come from the pattern that carries one, capitalised at a sentence start, and lead the suggestions', async () => {
    const rules = compile(rule('units', { patterns: [{ match: 'cut~ {number} heads', fix: '{number} people' }, 'heads'] }));
    const findings = await lintWith(rules, 'Cut 40 heads. Ten heads.');
    expect(findings.map((f) => [f.actual, f.fix?.text])).toEqual([
      ['Cut 40 heads', '40 people'],
      ['heads', undefined],
    ]);
    expect(findings[0].suggestions[0]).toBe('40 people');
    expect(findings[0].fix?.range).toEqual([0, 'Cut 40 heads'.length]);
  });
});

describe('job titles and per-pattern rewrites', () => {
  it('{role} matches @people terms and plural job-title shapes, but not excluded things', async () => {
    const rules = compile(
      vocabulary('not-roles', ['servers', 'printers']),
      rule('obs', { patterns: [{ match: 'obsolete {role}', suggestions: ['the {role} whose work is changing'] }] }),
    );
    const findings = await lintWith(rules, 'Obsolete measurers. Obsolete stock-takers. Obsolete servers. Obsolete printers. Obsolete customer service reps.');
    expect(actuals(findings)).toEqual(['Obsolete measurers', 'Obsolete stock-takers', 'Obsolete customer service reps']);
    expect(findings[0].suggestions).toEqual(['The measurers whose work is changing']);
  });
});

describe('conditions', () => {
  it('also_near requires a second context besides near', async () => {
    const rules = compile(rule('both', { patterns: [{ match: 'flag~', near: ['@people'], also_near: ['profile~', 'directory'] }] }));
    expect(actuals(await lintWith(rules, 'We flagged analysts in the directory. We flagged analysts. We flagged the build in the directory.'))).toEqual(['flagged']);
  });

  it('{role} works in conditions too', async () => {
    const rules = compile(rule('roles-near', { patterns: [{ match: 'obsolete', near: ['{role}'] }] }));
    expect(actuals(await lintWith(rules, 'The adjusters are obsolete now. The v1 API is obsolete.'))).toEqual(['obsolete']);
  });

  it('a pattern can ignore negation while its rule respects it', async () => {
    const rules = compile(rule('ult', { patterns: [{ match: "or you'll be let go", negation: 'ignore' }, 'replace~ @people'] }, 'alarmist'));
    expect(actuals(await lintWith(rules, "Don't skip training, or you'll be let go. We won't replace staff."))).toEqual(["or you'll be let go"]);
  });

  it('near: counts only with a people word in the sentence', async () => {
    const rules = compile(rule('near', { patterns: [{ match: 'obsolete', near: ['@people'] }] }));
    expect(actuals(await lintWith(rules, 'The v1 API is obsolete. Our analysts are obsolete now.'))).toEqual(['obsolete']);
    const [finding] = await lintWith(rules, 'The v1 API is obsolete. Our analysts are obsolete now.');
    expect(finding.start.offset).toBe('The v1 API is obsolete. Our analysts are '.length);
  });

  it('not_near and unless_preceded_by: quiet in the technical sense', async () => {
    const rules = compile(
      rule('tech', { patterns: ['redundant'], conditions: { not_near: ['power', 'supplies'], unless_preceded_by: ['make', 'made'] } }),
    );
    expect(actuals(await lintWith(rules, 'Redundant power supplies. We made 40 roles redundant. The redundant ones went.'))).toEqual(['redundant']);
  });

  it('not_around: a term inside the match or beside it vetoes; one further off does not', async () => {
    const rules = compile(rule('around', { patterns: [{ match: '{number} roles ... will be removed', not_around: ['config', 'iam'] }] }));
    const text = [
      'The 40 roles we keep for each tenant in the config will be removed.',
      'Twelve IAM roles will be removed.',
      'Twelve roles will be removed from the IAM account.',
      '30 roles will be removed this spring while the team rewrites the config.',
    ].join(' ');
    expect(actuals(await lintWith(rules, text))).toEqual(['30 roles will be removed']);
  });

  it('window widens or narrows how far preceded_by and not_around look', async () => {
    const wide = compile(rule('wide', { patterns: [{ match: 'roles will be removed', not_around: ['config'], window: 6 }] }));
    const narrow = compile(rule('narrow', { patterns: [{ match: 'roles will be removed', preceded_by: ['cloud'], window: 1 }] }));
    expect(actuals(await lintWith(wide, 'Roles will be removed from the old tenant config.'))).toEqual([]);
    expect(actuals(await lintWith(narrow, 'Cloud roles will be removed. Cloud console roles will be removed.'))).toEqual(['roles will be removed']);
  });

  it('scope paragraph looks at the other sentences of the paragraph', async () => {
    const rules = compile(rule('para', { patterns: [{ match: 'sunset~', near: ['@people'], scope: 'paragraph' }] }));
    expect(actuals(await lintWith(rules, 'We sunset the team. Analysts were told.\n\nWe sunset the API.'))).toEqual(['sunset']);
  });
});

describe('negation and mention', () => {
  it('does not count a negated match', async () => {
    const rules = compile(rule('replace', { patterns: ['replace~ our? @people'] }));
    expect(actuals(await lintWith(rules, 'AI will not replace our people. AI will replace our people.'))).toEqual(['replace our people']);
  });

  it('treats "no longer" as no negation', async () => {
    const rules = compile(rule('need', { patterns: ['need @people'] }));
    expect(actuals(await lintWith(rules, 'We no longer need analysts.'))).toEqual(['need analysts']);
  });

  it('lets a rule opt out when its pattern carries the negation itself', async () => {
    const rules = compile(rule('panic', { patterns: ["if you're not terrified"], negation: 'ignore' }, 'alarmist'));
    expect(actuals(await lintWith(rules, "If you're not terrified, you are not paying attention."))).toEqual(["If you're not terrified"]);
  });

  it('does not count words someone else said, reported and then rejected', async () => {
    const rules = compile(rule('ult', { patterns: ['will be let go'] }, 'alarmist'));
    const threat = 'anyone who refuses the tool will be let go.';
    // Reported and rebutted in the next sentence, or in the same one: a report, not a use.
    expect(actuals(await lintWith(rules, `Management told us that ${threat} We reject that.`))).toEqual([]);
    expect(actuals(await lintWith(rules, `She warned staff that ${threat.replace('.', '')}, which we reject.`))).toEqual([]);
    // Reported and let stand: read as the words it reports.
    expect(actuals(await lintWith(rules, `Management told us that ${threat} The meeting is on Friday.`))).toEqual(['will be let go']);
    // The rebuttal two sentences on is about something else.
    expect(actuals(await lintWith(rules, `Management told us that ${threat} The meeting is on Friday. We reject the new rota.`))).toEqual(['will be let go']);
    // The writer's own words, repeated, are no report.
    expect(actuals(await lintWith(rules, `I have told the reps that ${threat} Some reject that.`))).toEqual(['will be let go']);
    // A rebuttal negated endorses the report.
    expect(actuals(await lintWith(rules, `Management told us that ${threat} I don't disagree.`))).toEqual(['will be let go']);
    // A rebuttal in quotation marks is someone else's again, not the writer's.
    expect(actuals(await lintWith(rules, `Management told us that ${threat} "We disagree," some said. It is true.`))).toEqual(['will be let go']);
    // The words come before the report: they are the writer's ("... will be let go; management told us otherwise, which we reject").
    expect(actuals(await lintWith(rules, 'Anyone who refuses the tool will be let go; management told us otherwise, which we reject.'))).toEqual(['will be let go']);
    // A rebuttal that opens a qualification endorses the rest: "we disagree on the timetable, not the goal".
    expect(actuals(await lintWith(rules, `Management told us that ${threat} We disagree on the timetable, not the goal.`))).toEqual(['will be let go']);
    // A rebuttal on the next speaker's line counts; quoted there, it is someone else's again.
    expect(actuals(await lintWith(rules, `HOST: Management told us that ${threat}\nGUEST: We disagree.`))).toEqual([]);
    expect(actuals(await lintWith(rules, `HOST: Management told us that ${threat}\nGUEST: "We disagree," some say. Wrongly.`))).toEqual(['will be let go']);
    // A word that rejects wording is no rebuttal of a report.
    expect(actuals(await lintWith(rules, `Management told us that ${threat} Avoid the so-called rumour mill.`))).toEqual(['will be let go']);
  });

  it('lets a rule or a pattern read reported words as used', async () => {
    const text = 'Management told us that anyone who refuses will be let go. We reject that.';
    const byRule = compile(rule('ult', { patterns: ['will be let go'], reported: 'ignore' }, 'alarmist'));
    expect(actuals(await lintWith(byRule, text))).toEqual(['will be let go']);
    const byPattern = compile(rule('ult', { patterns: [{ match: 'will be let go', reported: 'ignore' }, 'refuses'] }, 'alarmist'));
    expect(actuals(await lintWith(byPattern, text))).toEqual(['will be let go']);
  });

  it('does not count a phrase quoted in order to reject it', async () => {
    const rules = compile(rule('apoc', { patterns: ['jobs apocalypse'] }, 'alarmist'));
    expect(actuals(await lintWith(rules, 'Some headlines call this a “jobs apocalypse.” We don’t think so.'))).toEqual([]);
    expect(actuals(await lintWith(rules, 'This is a “jobs apocalypse.” Prepare.'))).toEqual(['jobs apocalypse']);
  });

  it('counts a phrase named by a frame, with no quote marks, as quoted', async () => {
    const rules = compile(rule('wave', { patterns: ['tidal wave'] }, 'alarmist'));
    expect(actuals(await lintWith(rules, 'I heard AI described as a tidal wave. We disagree.\n\nIt is a tidal wave.'))).toEqual(['tidal wave']);
  });

  it("reads the next speaker's reply on the next line of a transcript, and nothing else after a paragraph", async () => {
    const rules = compile(rule('apoc', { patterns: ['jobs apocalypse'] }, 'alarmist'));
    const found = async (text: string) => actuals(await lintWith(rules, text));
    expect(await found('HOST: Is this a “jobs apocalypse”?\nGUEST: We disagree.')).toEqual([]);
    expect(await found('HOST: Is this a “jobs apocalypse”?\r\nDR OKAFOR: We disagree.')).toEqual([]);
    expect(await found('[06:02] Riaan: Is this a “jobs apocalypse”?\n[06:05] Thabo: No, we disagree.')).toEqual([]);
    expect(await found('HOST: _Is this a “jobs apocalypse”?_\nGUEST: We disagree.')).toEqual([]);
    // Not a reply: the same speaker, no speakers at all, a list item, a blank line between.
    expect(await found('MANAGER: This is a “jobs apocalypse”.\nMANAGER: Avoid being on that list.')).toEqual(['jobs apocalypse']);
    expect(await found('This is a “jobs apocalypse”.\nAvoid the canteen on Tuesday.')).toEqual(['jobs apocalypse']);
    expect(await found('- This is a “jobs apocalypse”.\n- Avoid the canteen on Tuesday.')).toEqual(['jobs apocalypse']);
    expect(await found('HOST: This is a “jobs apocalypse”.\n\nGUEST: We disagree.')).toEqual(['jobs apocalypse']);
    expect(await found('HOST: Is this a “jobs apocalypse”?\nGUEST: It is.')).toEqual(['jobs apocalypse']);
  });

  it('counts reported speech only in the quote\'s own sentence', async () => {
    const rules = compile(rule('apoc', { patterns: ['jobs apocalypse'] }, 'alarmist'));
    expect(actuals(await lintWith(rules, 'I saw a post claiming this is a “jobs apocalypse”.'))).toEqual([]);
    expect(actuals(await lintWith(rules, 'There are questions about whether we hit the date. This is a “jobs apocalypse”.'))).toEqual(['jobs apocalypse']);
  });

  it('treats a quoted preceded_by trigger as quoted only with a cue in its own sentence', async () => {
    const rules = compile(rule('swap', { patterns: [{ match: '{role} for', preceded_by: ['swap~'] }] }));
    const found = async (text: string) => actuals(await lintWith(rules, text));
    expect(await found("Asked if the bank would 'swap' tellers for kiosks, she rejected the word.")).toEqual([]);
    expect(await found("We will 'swap' tellers for kiosks in May. We reject any idea of queues, so two staff stay on.")).toEqual(['tellers for']);
    expect(await found("We will swap 'legacy' tellers for kiosks, and we reject any delay.")).toEqual(['tellers for']);
  });

  it('counts a match that runs into a quote as quoted ("a \'light trim\'")', async () => {
    const rules = compile(rule('trim', { patterns: ['a? light trim'] }, 'evasive'));
    expect(actuals(await lintWith(rules, 'They call it a “light trim”. We disagree.\n\nThis is a light trim.'))).toEqual(['a light trim']);
    expect(actuals(await lintWith(rules, 'This is a “light trim” for everyone.'))).toEqual(['a “light trim']);
  });
});

describe('document rules', () => {
  const documentRule = rule(
    'missing-ack',
    {
      scope: 'document',
      announce: ['lay~ off {number} @people'],
      requires: [
        { says: 'acknowledges the people', any: ['thank~', 'severance'] },
        { says: 'names who decided', any: ['I decided', 'we decided'] },
      ],
      message: 'This announcement never {missing}.',
    },
    'evasive',
  );
  it('fires once, on the announcing sentence, naming what is missing', async () => {
    const findings = await lintWith(compile(documentRule), 'Q3 update.\n\nWe will lay off 40 analysts in May. Then we lay off 10 staff.');
    expect(findings).toHaveLength(1);
    expect(findings[0].actual).toBe('We will lay off 40 analysts in May');
    expect(findings[0].message).toBe('This announcement never acknowledges the people or names who decided.');
  });
  it('stays quiet when the text acknowledges the people and names the decision', async () => {
    expect(await lintWith(compile(documentRule), 'I decided we will lay off 40 analysts. Thank you; severance follows.')).toEqual([]);
  });
  it('reads a cut that is reported and disputed as announced', async () => {
    const findings = await lintWith(compile(documentRule), 'Management told us they will lay off 40 analysts. We reject that plan.');
    expect(findings.map((finding) => finding.actual)).toEqual(['Management told us they will lay off 40 analysts']);
  });
});
