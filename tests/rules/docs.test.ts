import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRulesReadme } from '../../src/core/rules-docs.js';
import { listRules } from '../../src/index.js';

describe('rules/README.md', () => {
  it('is regenerated from the YAML (run `npm run docs` after editing a rule)', () => {
    const committed = readFileSync(new URL('../../rules/README.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderRulesReadme(listRules()));
  });
});
