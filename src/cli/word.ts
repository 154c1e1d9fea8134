// A Word document through the CLI: read its prose (node/word.ts), lint it as plain text, and
// give every message its place (paragraph, table cell, the words around it). --fix never writes
// a .docx: rewriting Word's XML safely is not tonelint's job, and a memo's author edits in Word.
import { TonelintError } from '../core/errors.js';
import { messageInParagraphs, placeOf, summaryInParagraphs, type ReadText } from '../core/place.js';
import type { LintConfig } from '../core/config.js';
import type { InputFile } from '../node/files.js';
import { readWordDocument, readWordFile } from '../node/word.js';
import type { RunOptions } from './options.js';
import type { Problems } from './problems.js';
import { display, lintAndFix, reportReadProblem, toReport, withDocument, type CliIO, type Engine, type Outcome } from './run.js';

export async function lintWordFile(file: InputFile, config: LintConfig, options: RunOptions, io: Pick<CliIO, 'cwd'>, engine: Engine, problems: Problems): Promise<Outcome> {
  let read: ReadText;
  try {
    read = await readWordFile(file.path, options.maxFileSize);
  } catch (error) {
    reportReadProblem(error, file, problems);
    return {};
  }
  return lintWordProse(read, file.path, display(file.path, io.cwd), config, options, engine, problems);
}

/**
 * A Word document on standard input (`--stdin --stdin-filename memo.docx`). With --fix its bytes
 * go back untouched, as for an ignored file: an editor formatting on save must get them back.
 */
export async function lintWordStdin(bytes: Buffer, filePath: string, config: LintConfig, options: RunOptions, io: Pick<CliIO, 'cwd'>, engine: Engine, problems: Problems): Promise<Outcome> {
  const untouched: Outcome = options.fix ? { stdoutBytes: bytes } : {};
  let read: ReadText;
  try {
    read = await readWordDocument(bytes, filePath);
  } catch (error) {
    reportReadProblem(error, { path: filePath, explicit: true }, problems);
    return untouched;
  }
  return { ...(await lintWordProse(read, filePath, display(filePath, io.cwd), config, options, engine, problems)), ...untouched };
}

async function lintWordProse(read: ReadText, path: string, shownPath: string, config: LintConfig, options: RunOptions, engine: Engine, problems: Problems): Promise<Outcome> {
  if (options.fix || options.fixDryRun) {
    problems.warn(new TonelintError('UsageInvalid', `${options.fix ? '--fix' : '--fix-dry-run'} does not change Word documents; checked without fixing (make the changes in Word)`, { file: path }));
  }
  const linted = await lintAndFix(read.text, 'text', config, { ...options, fix: false, fixDryRun: false }, engine, problems, path);
  if (!linted) return {};
  const report = toReport(path, shownPath, read.text, linted.result);
  const messages = report.messages.map((message) => {
    const place = placeOf(read, message.start.offset, message.end.offset);
    // A fix's offsets point into the prose tonelint read, not into the file: there is none to apply.
    const { fix: _fix, ...rest } = message;
    const text = messageInParagraphs(rest.message, read);
    return place ? { ...rest, message: text, place } : { ...rest, message: text };
  });
  const summary = report.summary ? summaryInParagraphs(report.summary, read) : undefined;
  return { report: withDocument({ ...report, messages, ...(summary ? { summary } : {}) }, options, 'word', read.text) };
}
