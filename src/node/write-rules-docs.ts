// `npm run docs`: writes rules/README.md from the built-in rules.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderRulesReadme } from '../core/rules-docs.js';
import { listRules } from '../lint.js';

export const rulesReadmePath = fileURLToPath(new URL('../../rules/README.md', import.meta.url));

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(rulesReadmePath, renderRulesReadme(listRules()));
  console.log(`wrote ${rulesReadmePath}`);
}
