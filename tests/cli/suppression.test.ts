// Inline suppression through the CLI, in Markdown and plain text, and unused directives.
import { describe, expect, it } from 'vitest';
import { parseJson, project, ruleExample, tonelint } from './helpers.js';

const errorExample = () => ruleExample((rule) => rule.severity === 'error', 'error-level');
const idsIn = (stdout: string) => JSON.parse(stdout)[0].messages.map((m: { ruleId: string | null }) => m.ruleId);

describe('inline suppression', () => {
  it('Markdown: disable ... enable covers the block between', () => {
    const { id, text } = errorExample();
    const cwd = project({ 'memo.md': `<!-- tonelint-disable ${id} -- quoting the old memo -->\n\n${text}\n\n<!-- tonelint-enable -->\n\n${text}\n` });
    const result = tonelint(['memo.md', '-f', 'json'], { cwd });
    const hits = parseJson(result)[0].messages.filter((m) => m.ruleId === id);
    expect(hits.map((m) => m.line)).toEqual([7]);
  });

  it('Markdown: disable-next-line covers one line', () => {
    const { id, text } = errorExample();
    const cwd = project({ 'memo.md': `<!-- tonelint-disable-next-line ${id} -->\n${text}\n` });
    const result = tonelint(['memo.md', '-f', 'json'], { cwd });
    expect(idsIn(result.stdout)).not.toContain(id);
  });

  for (const marker of ['#', '//']) {
    it(`plain text: "${marker} tonelint-disable-next-line" on its own line`, () => {
      const { id, text } = errorExample();
      const cwd = project({ 'memo.txt': `${marker} tonelint-disable-next-line ${id}\n${text}\n` });
      const result = tonelint(['memo.txt', '-f', 'json'], { cwd });
      expect(idsIn(result.stdout)).not.toContain(id);
    });
  }

  it('plain text: "# tonelint-disable" then "# tonelint-enable"', () => {
    const { id, text } = errorExample();
    const cwd = project({ 'memo.txt': `# tonelint-disable ${id}\n${text}\n# tonelint-enable ${id}\n${text}\n` });
    const hits = parseJson(tonelint(['memo.txt', '-f', 'json'], { cwd }))[0].messages.filter((m) => m.ruleId === id);
    expect(hits.map((m) => m.line)).toEqual([4]);
  });

  it('--report-unused-disable-directives reports a directive that suppresses nothing, as a warning', () => {
    const { id, text } = errorExample();
    const cwd = project({ 'memo.md': `<!-- tonelint-disable-next-line ${id} -->\nA calm sentence about the roadmap.\n\n${text}\n` });
    const without = parseJson(tonelint(['memo.md', '-f', 'json'], { cwd }))[0];
    expect(without.messages.filter((m) => m.ruleId === null)).toHaveLength(0);
    const result = tonelint(['memo.md', '-f', 'json', '--report-unused-disable-directives'], { cwd });
    const unused = parseJson(result)[0].messages.filter((m) => m.ruleId === null);
    expect(unused).toHaveLength(1);
    expect(unused[0]).toMatchObject({ severity: 'warning', line: 1, column: 1 });
    expect(unused[0].message).toContain(id);
    const stylish = tonelint(['memo.md', '--report-unused-disable-directives'], { cwd });
    expect(stylish.stdout).toMatch(/1:1-1:\d+\s+warning\s+Unused tonelint-disable-next-line directive/);
  });
});
