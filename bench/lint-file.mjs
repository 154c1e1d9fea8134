// Fallback for the whole-process row when the CLI cannot run: lint() on each file named, print
// the finding count. bench/run.mjs uses bin/tonelint.js when it works.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../dist/index.js';

const files = process.argv.slice(2).flatMap((input) =>
  statSync(input).isDirectory() ? readdirSync(input).sort().map((name) => join(input, name)) : [input],
);
let findings = 0;
for (const file of files) findings += (await lint(readFileSync(file, 'utf8'), { format: 'markdown' })).findings.length;
console.log(`${findings} findings in ${files.length} files`);
