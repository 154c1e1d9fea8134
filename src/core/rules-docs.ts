// rules/README.md, rendered from the rule data: the reference a writer reads.
import type { RuleInfo } from './rule.js';

const categoryIntro: Record<string, string> = {
  alarmist: 'Fear-driven framing of what AI does to people: threats, doom, ultimatums, inevitability, panic.',
  dehumanizing: 'People reduced to costs, units or parts, called obsolete, swapped out like equipment, or branded with labels.',
  evasive: 'Wording that hides the decision and its human cost: euphemisms, agentless passives, the technology made the actor.',
  framing: 'Audience-facing claims about AI that lead with benchmarks instead of what people can now do.',
};

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

export function renderRulesReadme(rules: RuleInfo[]): string {
  const lines: string[] = [
    '# tonelint rules',
    '',
    '<!-- Generated from rules/**/*.yml by `npm run docs`. Do not edit by hand: edit the YAML. -->',
    '',
    'Each rule is one YAML file (format: [FORMAT.md](FORMAT.md)); its examples below are also its tests.',
    'Severity is the default; a config file can change it (`rules: { id: off|info|warning|error }`).',
    '',
    '| rule | category | severity | fix | summary |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const rule of rules) {
    lines.push(`| [${rule.id}](#${rule.id}) | ${rule.category} | ${rule.severity} | ${rule.fix ? 'yes' : 'suggestion'} | ${escapeCell(rule.summary)} |`);
  }
  let category = '';
  for (const rule of rules) {
    if (rule.category !== category) {
      category = rule.category;
      lines.push('', `## ${category}`, '', categoryIntro[category] ?? '');
    }
    lines.push(
      '',
      `### ${rule.id}`,
      '',
      `${rule.summary} Severity: **${rule.severity}**${rule.fix ? ', fixable with `--fix`' : ''}. Source: [\`${rule.source}\`](../${rule.source}).`,
      '',
      rule.rationale.trim(),
      '',
      ...(rule.scope === 'scorer'
        ? [
            'This rule reports the learned scorer (see [the README](../README.md#the-learned-scorer)): a sentence about people, work or AI whose most likely problem is this category, above the calibrated confidence. Its message names the words that weighed most; its first rewrite is that of the most similar sentence in the training corpus. `scorer: { thresholds: { ' +
              rule.category +
              ': 0.8 } }` in a config reports only surer findings; `scorer: { enabled: false }` turns the scorer off.',
            '',
          ]
        : []),
      '**Rewrites offered:**',
      '',
      ...rule.suggestions.map((suggestion) => `- ${suggestion}`),
      '',
      '**Flags:**',
      '',
      ...rule.examples.flags.map((example) => `- ❌ ${example}`),
      '',
      '**Leaves alone:**',
      '',
      ...rule.examples.passes.map((example) => `- ✅ ${example}`),
    );
  }
  return `${lines.join('\n')}\n`;
}
