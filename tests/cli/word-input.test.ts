// Word memos as a first-class input: found in directories, each finding placed by paragraph,
// table cell and the words around it in every output format, never rewritten by --fix, and a
// file that is not a readable Word document is one warning while the others are still linted.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoffMemo } from '../helpers/word.js';
import { cleanSentence, parseJson, project, repoRoot, tonelint } from './helpers.js';

let memo: Buffer;
beforeAll(async () => {
  memo = await layoffMemo();
});

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('Word input', () => {
  it('places each finding by paragraph, table cell and the words around it (json), and the summary by paragraph', () => {
    const cwd = project({ 'memo.docx': memo });
    const result = tonelint(['memo.docx', '-f', 'json'], { cwd });
    expect(result.code).toBe(1);
    const [file] = parseJson(result);
    const byRule = new Map(file.messages.map((message) => [message.ruleId, message as typeof message & { place?: unknown }]));
    expect(byRule.get('people-as-units')?.place).toEqual({
      paragraph: 2,
      before: 'Dear team, we will cut ',
      text: '40 heads',
      after: ' from support next month.',
    });
    expect(byRule.get('threat')?.place).toMatchObject({ paragraph: 6, table: { table: 1, row: 2, column: 2 }, text: 'coming for your jobs' });
    // No safe fix is offered: there is nothing tonelint could apply to a .docx.
    expect(file.messages.every((message) => message.fix === null)).toBe(true);
    expect(file.summary.announcement).toMatchObject({ paragraph: 2 });
  });

  it('shows the place in stylish, github and SARIF output (SARIF valid, with a logical location)', () => {
    const cwd = project({ 'memo.docx': memo });
    const stylish = tonelint(['memo.docx'], { cwd });
    expect(stylish.stdout).toMatch(/paragraph 6 \(table 1, row 2, column 2\)\s+error\s+“coming for your jobs”/);
    expect(stylish.stdout).toContain('near: …Dear team, we will cut [40 heads] from support next month.');
    expect(stylish.stdout).toMatch(/memo: announces job cuts \(paragraph 2\)/);

    const github = tonelint(['memo.docx', '-f', 'github'], { cwd });
    const annotation = github.stdout.split('\n').find((line) => line.includes('people-as-units'))!;
    expect(annotation).toMatch(/^::error file=memo\.docx,title=tonelint \(people-as-units\)::paragraph 2: …Dear team, we will cut \[40 heads\]/);
    expect(annotation).not.toMatch(/line=/);

    const sarif = tonelint(['memo.docx', '-f', 'sarif'], { cwd });
    const log = JSON.parse(sarif.stdout);
    const schema = JSON.parse(readFileSync(join(repoRoot, 'tests/fixtures/cli/sarif-2.1.0-subset.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const threat = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'threat');
    expect(threat.locations[0].logicalLocations).toEqual([{ name: 'paragraph 6 (table 1, row 2, column 2)', kind: 'paragraph' }]);
    expect(threat.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'memo.docx', uriBaseId: '%SRCROOT%' } });
    expect(threat.message.text).toMatch(/^paragraph 6 \(table 1, row 2, column 2\): /);
  });

  it('walks directories for .docx; a corrupt, a password-protected and a non-zip .docx are one warning each and the rest are linted', () => {
    const encrypted = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
    const cwd = project({
      'memos/a-memo.docx': memo,
      'memos/b-corrupt.docx': memo.subarray(0, memo.length >> 1),
      'memos/c-locked.docx': encrypted,
      'memos/d-text.docx': 'Plain text saved with the wrong name.\n',
      'memos/e-notes.md': `${cleanSentence}\n`,
      'memos/drafts/f.docx': memo,
      '.tonelintignore': 'memos/drafts/\n',
    });
    const result = tonelint(['memos', '-f', 'json'], { cwd });
    // Error-level findings in a-memo.docx; unreadable documents are warnings, not exit 2.
    expect(result.code).toBe(1);
    expect(parseJson(result).map((file) => file.filePath.slice(cwd.length + 1))).toEqual(['memos/a-memo.docx', 'memos/e-notes.md']);
    const warnings = result.stderr.trim().split('\n');
    expect(warnings).toEqual([
      expect.stringMatching(/^tonelint: warning: memos\/b-corrupt\.docx: cannot be read as a Word document \(.+\); skipped$/),
      'tonelint: warning: memos/c-locked.docx: is password-protected or an old-style Word file (.doc), which tonelint cannot read; save a copy as .docx without a password; skipped',
      'tonelint: warning: memos/d-text.docx: is not a Word document (a .docx file is a zip archive); skipped',
    ]);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('--fix refuses a .docx in one line and never touches it, and still fixes the Markdown beside it', () => {
    const cwd = project({ 'memo.docx': memo, 'notes.md': 'We will cut 40 heads from support.\n' });
    const before = { sha: sha(join(cwd, 'memo.docx')), mtime: statSync(join(cwd, 'memo.docx')).mtimeMs };
    const result = tonelint(['memo.docx', 'notes.md', '--fix', '-f', 'json'], { cwd });
    expect(result.stderr).toBe('tonelint: warning: memo.docx: --fix does not change Word documents; checked without fixing (make the changes in Word)\n');
    expect(sha(join(cwd, 'memo.docx'))).toBe(before.sha);
    expect(statSync(join(cwd, 'memo.docx')).mtimeMs).toBe(before.mtime);
    expect(readFileSync(join(cwd, 'notes.md'), 'utf8')).toBe('We will cut 40 people from support.\n');
    expect(parseJson(result)[0].messages.map((message) => message.ruleId)).toContain('people-as-units');
  });

  it('reads a Word document from standard input when --stdin-filename names a .docx, and --fix gives its bytes back untouched', () => {
    const cwd = project({});
    const json = tonelint(['--stdin', '--stdin-filename', 'drafts/memo.docx', '-f', 'json'], { cwd, input: memo });
    expect(json.code).toBe(1);
    const [file] = parseJson(json);
    expect(file.filePath).toBe(join(cwd, 'drafts/memo.docx'));
    const units = file.messages.find((message) => message.ruleId === 'people-as-units') as { place?: unknown } | undefined;
    expect(units?.place).toMatchObject({ paragraph: 2, text: '40 heads' });

    const fixed = tonelint(['--stdin', '--stdin-filename', 'memo.docx', '--fix'], { cwd, input: memo });
    expect(fixed.stdoutBytes.equals(memo)).toBe(true);
    expect(fixed.stderr).toBe('tonelint: warning: memo.docx: --fix does not change Word documents; checked without fixing (make the changes in Word)\n');

    const notWord = tonelint(['--stdin', '--stdin-filename', 'memo.docx'], { cwd, input: 'We will cut 40 heads from support.' });
    expect(notWord.code).toBe(0);
    expect(notWord.stderr).toMatch(/^tonelint: warning: memo\.docx: is not a Word document \(a \.docx file is a zip archive\); skipped\n$/);
  });
});
