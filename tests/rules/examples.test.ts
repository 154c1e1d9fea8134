// Every rule's YAML examples are its specification: `flags` must fire the rule, `passes` must not.
import { describe, expect, it } from 'vitest';
import { lint, listRules } from '../../src/index.js';

const rules = listRules();

describe('the rule packs', () => {
  it('cover every category with at least one rule', () => {
    const categories = new Set(rules.map((rule) => rule.category));
    for (const category of ['alarmist', 'dehumanizing', 'evasive', 'framing']) expect(categories).toContain(category);
  });
});

// A scorer rule's examples are the model's behaviour on its own: with the phrase rules on, a
// sentence they also flag keeps only their finding (see mergeScorerFindings).
const scorerOnly = { rules: Object.fromEntries(rules.filter((rule) => rule.scope !== 'scorer').map((rule) => [rule.id, 'off' as const])) };

for (const rule of rules) {
  const config = rule.scope === 'scorer' ? scorerOnly : {};
  describe(rule.id, () => {
    it.each(rule.examples.flags)('flags: %s', async (text) => {
      const { findings } = await lint(text, { format: 'text', config });
      const own = findings.filter((finding) => finding.ruleId === rule.id);
      expect(own, `no ${rule.id} finding; got ${findings.map((f) => f.ruleId).join(', ') || 'none'}`).not.toHaveLength(0);
      for (const finding of own) {
        expect(finding.suggestions.length, 'every finding offers a rewrite').toBeGreaterThan(0);
        expect(text.slice(finding.start.offset, finding.end.offset)).toBe(finding.actual);
      }
    });
    it.each(rule.examples.passes)('passes: %s', async (text) => {
      const { findings } = await lint(text, { format: 'text', config });
      expect(findings.filter((finding) => finding.ruleId === rule.id).map((finding) => finding.actual)).toEqual([]);
    });
  });
}
