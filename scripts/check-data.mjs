// Checks training data against the evaluation sets: no item may share six words in a row with
// the development set, held-out A or B, or blind set D (the same test as tests/data). With
// --drop, rewrites the given files without the items that do (how new writers' files come in).
//
//   node scripts/check-data.mjs data/corpus/*.jsonl            report
//   node scripts/check-data.mjs --drop data/corpus/w9.jsonl    remove offending items
//   node scripts/check-data.mjs --drop data/neutral/workplace/train/n12-*.txt
//                                                             prose: remove offending paragraphs
import { readFileSync, writeFileSync } from 'node:fs';
import { sharedRuns } from '../dist/eval/overlap.js';
import { protectedIndex } from '../dist/eval/protected-sets.js';

const drop = process.argv.includes('--drop');
const files = process.argv.slice(2).filter((arg) => arg !== '--drop');
const evalIndex = protectedIndex(process.cwd());
let found = 0;
for (const file of files) {
  if (file.endsWith('.txt')) {
    // Prose: the unit is a paragraph (blank-line separated).
    const paragraphs = readFileSync(file, 'utf8').split(/\n\s*\n/);
    const kept = paragraphs.filter((paragraph, index) => {
      const shared = sharedRuns(paragraph, evalIndex);
      if (shared.length === 0) return true;
      found++;
      process.stdout.write(`${file}: paragraph ${index + 1} shares ${shared.slice(0, 2).join('; ')}\n`);
      return false;
    });
    if (drop && kept.length !== paragraphs.length) writeFileSync(file, `${kept.join('\n\n').trimEnd()}\n`);
    continue;
  }
  const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim());
  const kept = [];
  for (const line of lines) {
    const item = JSON.parse(line);
    const shared = [...sharedRuns(item.text, evalIndex), ...sharedRuns(item.rewrite ?? '', evalIndex)];
    if (shared.length === 0) kept.push(line);
    else {
      found++;
      process.stdout.write(`${file}: ${item.id} shares ${shared.slice(0, 2).join('; ')}\n`);
    }
  }
  if (drop && kept.length !== lines.length) writeFileSync(file, `${kept.join('\n')}\n`);
}
process.stdout.write(`${found} item(s) or paragraph(s) share a six-word run with an evaluation set${drop && found ? ' (dropped)' : ''}\n`);
process.exitCode = found > 0 && !drop ? 1 : 0;
