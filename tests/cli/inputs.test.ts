// Inputs: files, directories, globs, standard input, ignore files, and the usage errors.
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanSentence, parseJson, project, ruleExample, tonelint } from './helpers.js';

const errorExample = () => ruleExample((rule) => rule.severity === 'error', 'error-level');
const paths = (stdout: string, cwd: string) => parseJsonPaths(stdout).map((path) => path.slice(cwd.length + 1));
const parseJsonPaths = (stdout: string) => (JSON.parse(stdout) as Array<{ filePath: string }>).map((file) => file.filePath);

describe('inputs', () => {
  it('lints a named file and exits 1 on an error-level finding', () => {
    const { id, text } = errorExample();
    const cwd = project({ 'memo.md': `${text}\n` });
    const result = tonelint(['memo.md', '-f', 'json'], { cwd });
    expect(result.code).toBe(1);
    const [file] = parseJson(result);
    expect(file.filePath).toBe(join(cwd, 'memo.md'));
    expect(file.messages.map((m) => m.ruleId)).toContain(id);
    expect(file.errorCount).toBeGreaterThan(0);
  });

  it('flags the issue example "We will cut 40 heads from support." at error level', () => {
    const cwd = project({ 'memo.md': 'We will cut 40 heads from support.\n' });
    const result = tonelint(['memo.md', '-f', 'json'], { cwd });
    expect(result.code).toBe(1);
    const [file] = parseJson(result);
    expect(file.messages.some((m) => m.severity === 'error' && m.category === 'dehumanizing')).toBe(true);
  });

  it('walks directories for .md, .markdown and .txt, skipping node_modules and .git, in sorted order', () => {
    const cwd = project({
      'docs/b.md': `${cleanSentence}\n`,
      'docs/a.txt': `${cleanSentence}\n`,
      'docs/sub/c.markdown': `${cleanSentence}\n`,
      'docs/notes.rst': `${cleanSentence}\n`,
      'docs/node_modules/pkg/readme.md': `${cleanSentence}\n`,
      'docs/.git/description.md': `${cleanSentence}\n`,
    });
    const result = tonelint(['docs', '-f', 'json'], { cwd });
    expect(result.code).toBe(0);
    expect(paths(result.stdout, cwd)).toEqual(['docs/a.txt', 'docs/b.md', 'docs/sub/c.markdown']);
  });

  it('--ext changes which files a directory walk picks up', () => {
    const cwd = project({ 'docs/a.md': `${cleanSentence}\n`, 'docs/b.rst': `${cleanSentence}\n`, 'docs/c.TXT': `${cleanSentence}\n` });
    const result = tonelint(['docs', '--ext', 'rst,.txt', '-f', 'json'], { cwd });
    expect(result.code).toBe(0);
    expect(paths(result.stdout, cwd)).toEqual(['docs/b.rst', 'docs/c.TXT']);
  });

  it('expands globs and lints each file once', () => {
    const cwd = project({ 'a/x.md': `${cleanSentence}\n`, 'b/y.md': `${cleanSentence}\n`, 'b/z.txt': `${cleanSentence}\n` });
    const result = tonelint(['**/*.md', 'a/x.md', '-f', 'json'], { cwd });
    expect(result.code).toBe(0);
    expect(paths(result.stdout, cwd)).toEqual(['a/x.md', 'b/y.md']);
  });

  it('reads standard input with - and names it with --stdin-filename', () => {
    const { id, text } = errorExample();
    const cwd = project();
    const dash = tonelint(['-', '-f', 'json'], { cwd, input: `${text}\n` });
    expect(dash.code).toBe(1);
    expect(parseJson(dash)[0].filePath).toBe('<stdin>');
    expect(parseJson(dash)[0].messages.map((m) => m.ruleId)).toContain(id);
    const named = tonelint(['--stdin', '--stdin-filename', 'drafts/memo.md', '-f', 'json'], { cwd, input: `${text}\n` });
    expect(named.code).toBe(1);
    expect(parseJson(named)[0].filePath).toBe(join(cwd, 'drafts/memo.md'));
  });

  it('treats .md standard input as Markdown: code spans are not prose', () => {
    const { text } = errorExample();
    const cwd = project();
    const input = `\`\`\`\n${text}\n\`\`\`\n`;
    expect(tonelint(['--stdin', '--stdin-filename', 'memo.md'], { cwd, input }).code).toBe(0);
    expect(tonelint(['--stdin', '--stdin-filename', 'memo.txt'], { cwd, input }).code).toBe(1);
  });

  it('prints usage and exits 2 with no inputs', () => {
    const result = tonelint([], { cwd: project() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Usage: tonelint/);
    expect(result.stdout).toBe('');
  });

  it('refuses files and standard input together, and unknown options, with exit 2', () => {
    const cwd = project({ 'memo.md': 'x\n' });
    expect(tonelint(['memo.md', '-'], { cwd }).code).toBe(2);
    const unknown = tonelint(['--fixx', 'memo.md'], { cwd });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option '--fixx'/);
    const format = tonelint(['-f', 'jsn', 'memo.md'], { cwd });
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/unknown format "jsn"; did you mean "json"\?/);
  });

  it('a missing file is one error line naming it; the other files are still linted; exit 2', () => {
    const { text } = errorExample();
    const cwd = project({ 'memo.md': `${text}\n` });
    const result = tonelint(['missing.md', 'memo.md', '-f', 'json'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('tonelint: error: missing.md: no such file or directory');
    expect(parseJson(result)).toHaveLength(1);
  });

  it('a directory with no matching files is an error; so is a glob that matches nothing', () => {
    const cwd = project({ 'empty/notes.rst': 'x\n' });
    const dir = tonelint(['empty'], { cwd });
    expect(dir.code).toBe(2);
    expect(dir.stderr).toMatch(/^tonelint: error: empty: no files with extension \.md, \.markdown, \.txt/);
    const glob = tonelint(['nothing/**/*.md'], { cwd });
    expect(glob.code).toBe(2);
    expect(glob.stderr).toMatch(/^tonelint: error: nothing\/\*\*\/\*\.md: no files match this pattern/);
    expect(dir.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('ignore files', () => {
  const files = () => {
    const { text } = errorExample();
    return { 'docs/keep.md': `${cleanSentence}\n`, 'docs/drafts/old.md': `${text}\n`, 'docs/skip.md': `${text}\n` };
  };

  it('.tonelintignore (gitignore syntax) skips walked files silently', () => {
    const cwd = project({ ...files(), '.tonelintignore': '# old drafts\ndrafts/\ndocs/skip.md\n' });
    const result = tonelint(['docs', '-f', 'json'], { cwd });
    expect(result.code).toBe(0);
    expect(paths(result.stdout, cwd)).toEqual(['docs/keep.md']);
    expect(result.stderr).toBe('');
  });

  it('an explicitly named ignored file is skipped with a warning, not silently', () => {
    const cwd = project({ ...files(), '.tonelintignore': 'docs/skip.md\n' });
    const result = tonelint(['docs/skip.md'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/tonelint: warning: docs\/skip\.md: file ignored by an ignore pattern; use --no-ignore/);
  });

  it('--ignore-path uses another file; --no-ignore lints everything', () => {
    const cwd = project({ ...files(), '.tonelintignore': 'docs/skip.md\n', 'ci.ignore': 'drafts/\n' });
    const custom = tonelint(['docs', '--ignore-path', 'ci.ignore', '-f', 'json'], { cwd });
    expect(paths(custom.stdout, cwd)).toEqual(['docs/keep.md', 'docs/skip.md']);
    const all = tonelint(['docs', '--no-ignore', '-f', 'json'], { cwd });
    expect(paths(all.stdout, cwd)).toEqual(['docs/drafts/old.md', 'docs/keep.md', 'docs/skip.md']);
    const missing = tonelint(['docs', '--ignore-path', 'nope.ignore'], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.ignore: ignore file not found/);
  });

  it('ignorePatterns in a config are relative to the config file', () => {
    const cwd = project({ ...files(), 'docs/.tonelintrc.json': JSON.stringify({ ignorePatterns: ['drafts/', 'skip.md'] }) });
    const result = tonelint(['docs', '-f', 'json'], { cwd });
    expect(result.code).toBe(0);
    expect(paths(result.stdout, cwd)).toEqual(['docs/keep.md']);
    const named = tonelint(['docs/skip.md'], { cwd });
    expect(named.stderr).toMatch(/docs\/skip\.md: file ignored by ignorePatterns in docs\/\.tonelintrc\.json/);
  });

  it('survives a directory symlink loop, with a warning', () => {
    const cwd = project({ 'docs/a.md': `${cleanSentence}\n` });
    mkdirSync(join(cwd, 'docs/sub'));
    symlinkSync('..', join(cwd, 'docs/sub/up'));
    const result = tonelint(['docs', '-f', 'json'], { cwd });
    expect(result.code).toBe(0);
    expect(paths(result.stdout, cwd)).toEqual(['docs/a.md']);
    expect(result.stderr).toMatch(/docs\/sub\/up: symbolic link loop/);
  });
});
