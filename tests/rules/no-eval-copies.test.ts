// Rules describe patterns; they are judged on text nobody here has seen. The development set's
// README (rule 6) forbids copying its items into rules, so this test fails when a rule file
// shares a run of six words with an item of eval/dev/dev.jsonl.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = new URL('../../', import.meta.url).pathname;
const devSet = join(repo, 'eval', 'dev', 'dev.jsonl');
const RUN = 6;

const words = (text: string) => text.toLowerCase().replace(/[\u2018\u2019]/g, "'").match(/[a-z0-9']+/g) ?? [];
function runs(text: string): Set<string> {
  const list = words(text);
  const found = new Set<string>();
  for (let i = 0; i + RUN <= list.length; i++) found.add(list.slice(i, i + RUN).join(' '));
  return found;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? yamlFiles(full) : full.endsWith('.yml') ? [full] : [];
  });
}

describe.skipIf(!existsSync(devSet))('rule files', () => {
  const items = readFileSync(devSet, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; text: string; rewrite: string });
  const itemRuns = new Map<string, string>();
  for (const item of items) for (const run of [...runs(item.text), ...runs(item.rewrite)]) itemRuns.set(run, item.id);

  it.each(yamlFiles(join(repo, 'rules')).map((file) => [relative(repo, file), file]))(
    '%s is written in its own words, not copied from the development set',
    (_, file) => {
      const copied = [...runs(readFileSync(file, 'utf8'))].filter((run) => itemRuns.has(run)).map((run) => `${itemRuns.get(run)}: "${run}"`);
      expect(copied, 'rewrite these examples from the pattern, with other words, numbers and settings').toEqual([]);
    },
  );
});
