// Output formats, exit codes and the informational commands.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { cleanSentence, fixableSample, parseJson, project, repoRoot, ruleExample, rules, tonelint } from './helpers.js';

const errorExample = () => ruleExample((rule) => rule.severity === 'error', 'error-level');
const warningExample = () => ruleExample((rule) => rule.severity === 'warning', 'warning-level');
const ansi = /\u001b\[/;

describe('stylish (default)', () => {
  it('groups by file, shows position, severity, message, rule id and the suggested rewrite below', () => {
    const { id, text } = errorExample();
    const cwd = project({ 'docs/memo.md': `# Update\n\n${text}\n` });
    const result = tonelint(['docs/memo.md'], { cwd });
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('docs/memo.md');
    const row = lines.findIndex((line) => line.includes(id));
    expect(lines[row]).toMatch(/^\s+3:\d+-3:\d+\s+error\s+\S/);
    expect(lines[row + 1]).toMatch(/^\s+(try|fix): “/);
    expect(result.stdout).toMatch(/✖ \d+ errors?/);
  });

  it('has no colour when piped or with NO_COLOR, colour with --color or FORCE_COLOR', () => {
    const { text } = errorExample();
    const cwd = project({ 'memo.md': `${text}\n` });
    expect(tonelint(['memo.md'], { cwd }).stdout).not.toMatch(ansi);
    expect(tonelint(['memo.md'], { cwd, env: { FORCE_COLOR: '1' } }).stdout).toMatch(ansi);
    expect(tonelint(['memo.md'], { cwd, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(ansi);
    expect(tonelint(['memo.md', '--color'], { cwd }).stdout).toMatch(ansi);
    expect(tonelint(['memo.md', '--no-color'], { cwd, env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(ansi);
  });

  it('prints nothing and exits 0 for clean files', () => {
    const cwd = project({ 'memo.md': `${cleanSentence}\n` });
    const result = tonelint(['memo.md'], { cwd });
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });
});

describe('json', () => {
  it('is ESLint-shaped with string severities and every field', () => {
    const { id, text } = errorExample();
    const cwd = project({ 'memo.md': `${text}\n`, 'clean.md': `${cleanSentence}\n` });
    const result = tonelint(['memo.md', 'clean.md', '-f', 'json'], { cwd });
    const files = parseJson(result);
    expect(files.map((file) => file.filePath)).toEqual([join(cwd, 'clean.md'), join(cwd, 'memo.md')]);
    const noFindings = { alarmist: 0, dehumanizing: 0, evasive: 0, framing: 0, inclusive: 0 };
    expect(files[0]).toEqual({
      filePath: join(cwd, 'clean.md'),
      messages: [],
      errorCount: 0,
      warningCount: 0,
      infoCount: 0,
      summary: { announcesCuts: false, benchmarkLed: false, counts: noFindings },
    });
    const message = files[1].messages.find((m) => m.ruleId === id)!;
    const keys = Object.keys(message);
    expect(keys.slice(0, 10)).toEqual(['ruleId', 'category', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'suggestions', 'fix']);
    // The scorer's confidence, when it also scored the sentence, is the only addition.
    expect(keys.slice(10).every((key) => key === 'confidence')).toBe(true);
    expect(files[1].summary.counts[files[1].messages.find((m) => m.ruleId === id)!.category as keyof typeof noFindings]).toBeGreaterThan(0);
    expect(message.severity).toBe('error');
    expect(message.line).toBe(1);
    expect(message.suggestions.length).toBeGreaterThan(0);
    expect(files[1].errorCount).toBe(files[1].messages.filter((m) => m.severity === 'error').length);
  });
});

describe('sarif', () => {
  it('is valid SARIF 2.1.0 with a rules table, relative URIs and fixes', () => {
    const { id, text } = errorExample();
    // A fix: true rule, when the pack has one, puts SARIF `fixes` under the schema check too.
    const fixable = fixableSample?.text ?? '';
    const cwd = project({ 'docs/a memo.md': `${text}\n\n${fixable}\n` });
    const result = tonelint(['docs', '-f', 'sarif'], { cwd });
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout);
    const schema = JSON.parse(readFileSync(join(repoRoot, 'tests/fixtures/cli/sarif-2.1.0-subset.schema.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(expect.arrayContaining(rules().map((rule) => rule.id)));
    const finding = run.results.find((r: { ruleId: string }) => r.ruleId === id);
    expect(run.tool.driver.rules[finding.ruleIndex].id).toBe(id);
    expect(finding.level).toBe('error');
    expect(finding.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'docs/a%20memo.md', uriBaseId: '%SRCROOT%' });
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${cwd}/`);
    if (fixable) expect(run.results.some((r: { fixes?: unknown[] }) => r.fixes && r.fixes.length > 0)).toBe(true);
  });

  it('the schema fixture rejects a broken log (the validation can fail)', () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'tests/fixtures/cli/sarif-2.1.0-subset.schema.json'), 'utf8'));
    const validate = new Ajv({ strict: false, validateFormats: false }).compile(schema);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 't' } }, results: [{ level: 'fatal', message: { text: 'x' } }] }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 't' } }, results: [{ message: { text: 'x' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a' }, region: { startLine: 0 } } }] }] }] })).toBe(false);
  });
});

describe('github', () => {
  it('prints workflow commands with escaped properties and data', () => {
    const { id, text } = errorExample();
    const cwd = project({ 'a,b:c.md': `${text}\n` });
    const result = tonelint(['a,b:c.md', '-f', 'github'], { cwd });
    expect(result.code).toBe(1);
    const line = result.stdout.split('\n').find((each) => each.includes(id))!;
    expect(line).toMatch(new RegExp(`^::error file=a%2Cb%3Ac\\.md,line=1,col=\\d+,endLine=1,endColumn=\\d+,title=tonelint \\(${id}\\)::`));
    expect(line).toContain('%0A');
    expect(line.split('::').length).toBe(3);
  });
});

describe('exit codes and filters', () => {
  it('--quiet shows errors only; warnings do not fail the run by default', () => {
    const warning = warningExample();
    const cwd = project({ 'memo.md': `${warning.text}\n` });
    const plain = parseJson(tonelint(['memo.md', '-f', 'json'], { cwd }));
    expect(plain[0].warningCount).toBeGreaterThan(0);
    const quiet = tonelint(['memo.md', '-f', 'json', '--quiet'], { cwd });
    expect(parseJson(quiet)[0].messages.every((m) => m.severity === 'error')).toBe(true);
    expect(quiet.code).toBe(plain[0].errorCount > 0 ? 1 : 0);
  });

  it('--max-warnings N fails the run with too many warnings', () => {
    const warning = warningExample();
    const cwd = project({ 'memo.md': `${warning.text}\n`, '.tonelintrc.yml': 'categories:\n  alarmist: warning\n  dehumanizing: warning\n  evasive: warning\n  framing: warning\n' });
    const count = parseJson(tonelint(['memo.md', '-f', 'json'], { cwd }))[0].warningCount;
    expect(count).toBeGreaterThan(0);
    expect(tonelint(['memo.md', '--max-warnings', String(count)], { cwd }).code).toBe(0);
    const over = tonelint(['memo.md', '--max-warnings', String(count - 1)], { cwd });
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/more than the maximum of \d+ \(--max-warnings\)/);
    expect(tonelint(['memo.md', '--max-warnings', 'lots'], { cwd }).code).toBe(2);
  });

  it('--output-file writes the report there and nothing to stdout', () => {
    const { text } = errorExample();
    const cwd = project({ 'memo.md': `${text}\n` });
    const result = tonelint(['memo.md', '-f', 'json', '-o', 'reports/tonelint.json'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(cwd, 'reports/tonelint.json'), 'utf8'))[0].errorCount).toBeGreaterThan(0);
  });
});

describe('informational commands', () => {
  it('--version prints the package version', () => {
    const version = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version;
    expect(tonelint(['--version'], { cwd: repoRoot })).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('--help lists every flag with examples', () => {
    const result = tonelint(['--help'], { cwd: repoRoot });
    expect(result.code).toBe(0);
    for (const flag of ['--stdin', '--stdin-filename', '--config', '--ext', '--ignore-path', '--no-ignore', '--format', '--output-file', '--quiet', '--max-warnings', '--report-unused-disable-directives', '--fix', '--fix-dry-run', '--max-file-size', '--explain', '--list-rules', '--init', '--debug', '--version']) {
      expect(result.stdout).toContain(flag);
    }
    expect(result.stdout).toMatch(/Examples:/);
  });

  it('--list-rules lists every rule; --explain shows one; an unknown rule is exit 2 with a suggestion', () => {
    const { id, rule } = errorExample();
    const list = tonelint(['--list-rules'], { cwd: repoRoot });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(id);
    const explain = tonelint(['--explain', id], { cwd: repoRoot });
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain(rule.summary);
    expect(explain.stdout).toContain(rule.examples.flags[0]);
    const unknown = tonelint(['--explain', id.slice(0, -1)], { cwd: repoRoot });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe(`tonelint: error: unknown rule "${id.slice(0, -1)}"; did you mean "${id}"?`);
  });
});
