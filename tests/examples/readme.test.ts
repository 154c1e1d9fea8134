// README's before/after table is a promise to readers: each "before" is flagged in its
// category, each "after" lints clean.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## The rule categories'), readme.indexOf('\n## ', readme.indexOf('## The rule categories') + 5));
const rows = [...section.matchAll(/^\| (\w+) \| "(.+?)" \| "(.+?)" \|$/gm)].map((match) => ({ category: match[1], before: match[2], after: match[3] }));

describe("README's before/after table", () => {
  it('has a row for every category', () => {
    expect(rows.map((row) => row.category)).toEqual(['alarmist', 'dehumanizing', 'evasive', 'framing']);
  });
  it.each(rows)('$category: the before is flagged and the after is clean', async ({ category, before, after }) => {
    const flagged = (await lint(before, { format: 'text' })).findings;
    expect(flagged.map((finding) => finding.category)).toContain(category);
    expect((await lint(after, { format: 'text' })).findings.map((finding) => `${finding.ruleId}: ${finding.actual}`)).toEqual([]);
  });
});
