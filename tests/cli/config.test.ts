// Config: discovery upward from each file, every file format, data only, and errors that name
// the file and line and suggest the closest valid name.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJson, project, ruleExample, rules, tonelint } from './helpers.js';

const errorExample = () => ruleExample((rule) => rule.severity === 'error', 'error-level');

describe('config discovery', () => {
  const sources: Array<[string, (id: string) => Record<string, string>]> = [
    ['.tonelintrc.json', (id) => ({ '.tonelintrc.json': JSON.stringify({ rules: { [id]: 'off' } }) })],
    ['.tonelintrc.yml', (id) => ({ '.tonelintrc.yml': `rules:\n  ${id}: off\n` })],
    ['.tonelintrc.yaml', (id) => ({ '.tonelintrc.yaml': `rules:\n  ${id}: off\n` })],
    ['package.json "tonelint"', (id) => ({ 'package.json': JSON.stringify({ name: 'memos', tonelint: { rules: { [id]: 'off' } } }) })],
  ];
  for (const [name, files] of sources) {
    it(`reads ${name} from a parent directory`, () => {
      const { id, text } = errorExample();
      const cwd = project({ ...files(id), 'docs/memo.md': `${text}\n` });
      const result = tonelint(['docs/memo.md', '-f', 'json'], { cwd });
      expect(result.stderr).toBe('');
      expect(parseJson(result)[0].messages.map((m) => m.ruleId)).not.toContain(id);
    });
  }

  it('the nearest config wins, per file', () => {
    const { id, text } = errorExample();
    const cwd = project({
      '.tonelintrc.yml': `rules:\n  ${id}: off\n`,
      'team/.tonelintrc.json': JSON.stringify({ rules: { [id]: 'info' } }),
      'a.md': `${text}\n`,
      'team/b.md': `${text}\n`,
    });
    const [a, b] = parseJson(tonelint(['a.md', 'team/b.md', '-f', 'json'], { cwd }));
    expect(a.messages.filter((m) => m.ruleId === id)).toHaveLength(0);
    expect(b.messages.filter((m) => m.ruleId === id).map((m) => m.severity)).toEqual(['info']);
  });

  it('a package.json without a "tonelint" field is passed over', () => {
    const { id, text } = errorExample();
    const cwd = project({ '.tonelintrc.yml': `rules:\n  ${id}: off\n`, 'pkg/package.json': '{"name":"x"}', 'pkg/memo.md': `${text}\n` });
    const [file] = parseJson(tonelint(['pkg/memo.md', '-f', 'json'], { cwd }));
    expect(file.messages.map((m) => m.ruleId)).not.toContain(id);
  });

  it('--config overrides discovery; a missing --config is exit 2', () => {
    const { id, text } = errorExample();
    const cwd = project({ '.tonelintrc.yml': `rules:\n  ${id}: off\n`, 'strict.json': '{}', 'memo.md': `${text}\n` });
    const result = tonelint(['memo.md', '--config', 'strict.json', '-f', 'json'], { cwd });
    expect(parseJson(result)[0].messages.map((m) => m.ruleId)).toContain(id);
    const missing = tonelint(['memo.md', '--config', 'nope.yml'], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe('tonelint: error: nope.yml: config file not found');
  });

  it('categories and allow change what is reported', () => {
    const { id, text, rule } = errorExample();
    const cwd = project({ 'cat/.tonelintrc.yml': `categories:\n  ${rule.category}: warning\n`, 'cat/memo.md': `${text}\n` });
    const [file] = parseJson(tonelint(['cat/memo.md', '-f', 'json'], { cwd }));
    expect(file.messages.filter((m) => m.ruleId === id).every((m) => m.severity === 'warning')).toBe(true);
    const match = file.messages.find((m) => m.ruleId === id)!;
    const phrase = text.split('\n')[match.line - 1].slice(match.column - 1, match.endColumn - 1);
    const allowDir = project({ '.tonelintrc.json': JSON.stringify({ allow: [phrase] }), 'memo.md': `${text}\n` });
    const [allowed] = parseJson(tonelint(['memo.md', '-f', 'json'], { cwd: allowDir }));
    expect(allowed.messages.map((m) => m.ruleId)).not.toContain(id);
  });

  it('never runs a JavaScript config: .tonelintrc.js is ignored with a warning', () => {
    const cwd = project({
      '.tonelintrc.js': "require('fs').writeFileSync('pwned', 'x'); module.exports = {};",
      '.tonelintrc.cjs': "require('fs').writeFileSync('pwned', 'x');",
      'memo.md': 'Hello.\n',
    });
    const result = tonelint(['memo.md'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: \.tonelintrc\.js: ignored: tonelint never runs code from a config file/);
    expect(existsSync(join(cwd, 'pwned'))).toBe(false);
    const explicit = tonelint(['memo.md', '--config', '.tonelintrc.js'], { cwd });
    expect(explicit.code).toBe(2);
    expect(existsSync(join(cwd, 'pwned'))).toBe(false);
  });

  it('--print-config shows the config that applies to a file', () => {
    const cwd = project({ 'docs/.tonelintrc.yml': 'allow:\n  - head of people\n' });
    const result = tonelint(['--print-config', 'docs/memo.md'], { cwd });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ configFile: join(cwd, 'docs/.tonelintrc.yml'), config: { allow: ['head of people'] } });
  });
});

describe('config errors', () => {
  const lintWith = (files: Record<string, string>) => tonelint(['memo.md'], { cwd: project({ ...files, 'memo.md': 'Hello.\n' }) });

  it('an unknown key names file and line and suggests the closest key', () => {
    const result = lintWith({ '.tonelintrc.yml': 'preset: recommended\nrule:\n  x: off\n' });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('tonelint: error: .tonelintrc.yml:2: unknown key "rule"; did you mean "rules"?');
  });

  it('an unknown rule id suggests the closest rule', () => {
    const { id } = errorExample();
    const typo = `${id.slice(0, -1)}`;
    const result = lintWith({ '.tonelintrc.json': `{\n  "rules": {\n    "${typo}": "off"\n  }\n}\n` });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`.tonelintrc.json:3: unknown rule "${typo}"; did you mean "${id}"?`);
  });

  it('unknown categories, severities and presets are errors with suggestions, all reported', () => {
    const result = lintWith({ '.tonelintrc.yml': 'preset: recomended\ncategories:\n  evasiv: warning\n  alarmist: warn\n' });
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^tonelint: error: \.tonelintrc\.yml:1: "preset" .*did you mean "recommended"\?/),
      expect.stringMatching(/^tonelint: error: \.tonelintrc\.yml:3: unknown category "evasiv"; did you mean "evasive"\?/),
      expect.stringMatching(/^tonelint: error: \.tonelintrc\.yml:4: .*"warn".*did you mean "warning"\?/),
    ]);
  });

  it('equality/* rule ids are accepted only with preset: all', () => {
    expect(lintWith({ '.tonelintrc.yml': 'preset: all\nrules:\n  equality/he-she: off\n' }).code).toBe(0);
    const result = lintWith({ '.tonelintrc.yml': 'rules:\n  equality/he-she: off\n' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\.tonelintrc\.yml:2: rule "equality\/he-she" .*preset: all/);
  });

  it('invalid YAML names the line', () => {
    const result = lintWith({ '.tonelintrc.yml': 'rules:\n  a: off\n b: [\n' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^tonelint: error: \.tonelintrc\.yml:\d+: invalid YAML: /);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('invalid JSON names the line', () => {
    const result = lintWith({ '.tonelintrc.json': '{\n  "preset": "all",\n  "rules": {,}\n}\n' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^tonelint: error: \.tonelintrc\.json:3: invalid JSON: /);
  });

  it('a YAML alias bomb is refused, quickly', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g']]) {
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const result = lintWith({ '.tonelintrc.yml': `${bomb.join('\n')}\n` });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\.tonelintrc\.yml: invalid YAML: too many alias expansions/);
  });

  it('YAML tags cannot smuggle code or types in', () => {
    const result = lintWith({ '.tonelintrc.yml': 'allow: !!js/function "function () {}"\n' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\.tonelintrc\.yml:1: invalid YAML/);
  });

  it('a wrong value type names the key', () => {
    const result = lintWith({ '.tonelintrc.yml': 'allow: head of people\n' });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('tonelint: error: .tonelintrc.yml:1: "allow" must be a list of non-empty strings, not "head of people"');
  });

  it('a bad config stops the run before any file is linted, with no stack trace', () => {
    const result = lintWith({ '.tonelintrc.yml': 'bogus: 1\n' });
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(/\s+at /);
    const debug = tonelint(['memo.md', '--debug'], { cwd: project({ '.tonelintrc.yml': 'bogus: 1\n', 'memo.md': 'x\n' }) });
    expect(debug.stderr).toMatch(/unknown key "bogus"/);
  });
});

describe('--init', () => {
  it('writes a commented starter .tonelintrc.yml that lints cleanly, and never overwrites', () => {
    const cwd = project({ 'memo.md': 'Hello.\n' });
    const first = tonelint(['--init'], { cwd });
    expect(first.code).toBe(0);
    const written = readFileSync(join(cwd, '.tonelintrc.yml'), 'utf8');
    expect(written).toMatch(/^# tonelint configuration/);
    expect(written).toMatch(/preset: recommended/);
    expect(tonelint(['memo.md'], { cwd }).code).toBe(0);
    const again = tonelint(['--init'], { cwd });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/\.tonelintrc\.yml: a config file already exists here; --init never overwrites one/);
    expect(readFileSync(join(cwd, '.tonelintrc.yml'), 'utf8')).toBe(written);
  });

  it('lists the rule ids it knows in --list-rules', () => {
    expect(rules().length).toBeGreaterThan(0);
  });
});
