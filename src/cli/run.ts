// One CLI run: inputs -> configs -> lint (and fix) with bounded concurrency -> one report.
// Returns the exit code; every problem is one line on stderr naming its file.
import { promises as fs } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { LintConfig } from '../core/config.js';
import { TonelintError } from '../core/errors.js';
import type { Finding, Point } from '../core/finding.js';
import type { DisableDirective, LintResult } from '../lint.js';
import { ConfigErrors, ConfigResolver, loadConfigFile, type LoadedConfig } from '../node/config.js';
import { expandInputs, type InputFile } from '../node/files.js';
import { formatForPath, type DocumentFormat } from '../node/format.js';
import { createIgnoreMatcher, ignoreFileName, ignoreNothing, readIgnoreFile, type IgnoreMatcher } from '../node/ignore.js';
import { decodeText, encodeText, formatBytes, readTextFile, type TextFile } from '../node/read.js';
import { loadFormatter } from './formatters/index.js';
import { lintInPool, lintThreads, poolMinFiles, type LintTask, type LintTaskResult } from './lint-pool.js';
import { countSeverities, totals, type FileReport, type ReportMessage } from './formatters/report.js';
import type { RunOptions } from './options.js';
import { Problems } from './problems.js';
import { lintWordFile, lintWordStdin } from './word.js';
import { isWordPath } from '../node/word.js';

export type Engine = typeof import('../index.js');

export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  version: string;
}

/** How many files are read and linted at once: enough to overlap I/O, few enough to bound memory. */
const concurrency = 8;
/** ESLint's limit: fixes can uncover or unblock other fixes, so apply them in passes. */
const maxFixPasses = 10;

export interface Outcome {
  report?: FileReport;
  /** The unified diff of the safe fixes (--fix-dry-run). */
  diff?: string;
  /** The bytes to print for `--stdin --fix`. */
  stdoutBytes?: Buffer;
}

export async function lintCommand(options: RunOptions, io: CliIO, engine: Engine, problems: Problems): Promise<number> {
  const ruleIds = new Set(engine.listRules().map((rule) => rule.id));
  const resolver = new ConfigResolver({ ruleIds, warn: (warning) => problems.warn(warning) });

  let explicitConfig: LoadedConfig | undefined;
  if (options.config !== undefined) {
    try {
      explicitConfig = await loadConfigFile(resolve(io.cwd, options.config), { ruleIds }, { requireField: true });
    } catch (error) {
      problems.fail(error);
      return 2;
    }
  }

  let isIgnored: IgnoreMatcher = ignoreNothing;
  if (options.ignore) {
    const path = resolve(io.cwd, options.ignorePath ?? ignoreFileName);
    try {
      isIgnored = createIgnoreMatcher(await readIgnoreFile(path, options.ignorePath !== undefined), io.cwd);
    } catch (error) {
      problems.fail(error);
      return 2;
    }
  }

  const configFor = async (directory: string): Promise<LoadedConfig> =>
    explicitConfig ?? (await resolver.forDirectory(directory)) ?? { config: {}, baseDir: io.cwd };
  const ignoredByConfig = configIgnoreMatcher(options.ignore);

  let outcomes: Outcome[];
  if (options.stdin) {
    const filePath = options.stdinFilename !== undefined ? resolve(io.cwd, options.stdinFilename) : undefined;
    let loaded: LoadedConfig;
    try {
      loaded = await configFor(filePath ? dirname(filePath) : io.cwd);
    } catch (error) {
      problems.fail(error);
      return 2;
    }
    problems.debug(`<stdin>: config ${loaded.file ?? '(defaults)'}`);
    outcomes = [await lintStdin(filePath, loaded, isIgnored, ignoredByConfig, options, io, engine, problems)];
  } else {
    const expanded = await expandInputs(options.inputs, { cwd: io.cwd, extensions: options.extensions, isIgnored });
    expanded.warnings.forEach((warning) => problems.warn(warning));
    expanded.errors.forEach((error) => problems.fail(error));
    // Every config is loaded and checked before any file is linted: a bad config stops the run.
    const configs = new Map<string, LoadedConfig>();
    let configFailed = false;
    for (const file of expanded.files) {
      try {
        const loaded = await configFor(dirname(file.path));
        configs.set(file.path, loaded);
        problems.debug(`${display(file.path, io.cwd)}: config ${loaded.file ? display(loaded.file, io.cwd) : '(defaults)'}`);
      } catch (error) {
        problems.fail(error);
        configFailed = true;
      }
    }
    if (configFailed) return 2;
    const files = expanded.files.filter((file) => {
      const loaded = configs.get(file.path)!;
      if (!ignoredByConfig(loaded)(file.path)) return true;
      if (file.explicit) {
        problems.warn(new TonelintError('InputMissing', `file ignored by ignorePatterns in ${loaded.file ? display(loaded.file, io.cwd) : 'the config'}; use --no-ignore to lint it`, { file: file.path }));
      }
      return false;
    });
    // A child buffer per file, created in file order, keeps stderr in sorted order too.
    const threads = lintThreads(files.length, await totalSize(files), io.env);
    problems.debug(`linting ${files.length} file${files.length === 1 ? '' : 's'} in ${threads} thread${threads === 1 ? '' : 's'}`);
    if (threads > 1) {
      const tasks = files.map((file): LintTask => ({ file, config: configs.get(file.path)!.config, options, cwd: io.cwd }));
      const children = files.map(() => problems.child());
      const results = await lintInPool(tasks, threads, (task) => lintFileTask(task, engine, new Problems(io.stderr, io.cwd, options.debug)));
      results.forEach((result, index) => children[index].absorb(result.problems));
      outcomes = results.map((result) => result.outcome);
    } else {
      outcomes = await mapLimit(files, concurrency, (file) => lintFile(file, configs.get(file.path)!.config, options, io, engine, problems.child()));
    }
  }

  const reports = outcomes.flatMap((outcome) => (outcome.report ? [outcome.report] : []));
  const sum = totals(reports);
  problems.flush();

  if (options.stdin && options.fix) {
    const bytes = outcomes[0]?.stdoutBytes;
    if (bytes) io.stdout.write(bytes);
    if (options.outputFile) await writeReport(reports, options, io, problems, engine);
  } else if (options.fixDryRun) {
    const diff = outcomes.map((outcome) => outcome.diff ?? '').join('');
    if (diff) io.stdout.write(diff);
  } else {
    await writeReport(reports, options, io, problems, engine);
  }

  if (problems.failed) return 2;
  if (sum.errorCount > 0) return 1;
  if (options.maxWarnings !== undefined && sum.warningCount > options.maxWarnings) {
    io.stderr.write(`tonelint found ${sum.warningCount} warnings, more than the maximum of ${options.maxWarnings} (--max-warnings).\n`);
    return 1;
  }
  return 0;
}

async function writeReport(reports: FileReport[], options: RunOptions, io: CliIO, problems: Problems, engine: Engine): Promise<void> {
  const shown = options.quiet ? reports.map(onlyErrors) : reports;
  const toFile = options.outputFile !== undefined;
  const color = options.color ?? (!toFile && wantsColor(io));
  const formatter = await loadFormatter(options.format);
  const text = formatter(shown, { cwd: io.cwd, color, rules: engine.listRules(), version: io.version });
  if (!toFile) {
    if (text) io.stdout.write(text);
    return;
  }
  const path = resolve(io.cwd, options.outputFile!);
  try {
    await fs.mkdir(dirname(path), { recursive: true });
    await fs.writeFile(path, text);
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^\w+: /, '') : String(error);
    problems.fail(new TonelintError('InputUnreadable', `cannot write the report (--output-file): ${message}`, { file: path }));
    problems.flush();
  }
}

function wantsColor(io: CliIO): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return Boolean(io.stdout.isTTY);
}

function onlyErrors(report: FileReport): FileReport {
  const messages = report.messages.filter((message) => message.severity === 'error');
  return { ...report, messages, ...countSeverities(messages) };
}

function configIgnoreMatcher(enabled: boolean): (loaded: LoadedConfig) => IgnoreMatcher {
  const cache = new WeakMap<LoadedConfig, IgnoreMatcher>();
  return (loaded) => {
    if (!enabled || !loaded.config.ignorePatterns?.length) return ignoreNothing;
    let matcher = cache.get(loaded);
    if (!matcher) {
      matcher = createIgnoreMatcher(loaded.config.ignorePatterns, loaded.baseDir);
      cache.set(loaded, matcher);
    }
    return matcher;
  };
}

/** One file of a pooled run, in whichever thread: its outcome and the problems it recorded. */
export async function lintFileTask(task: LintTask, engine: Engine, problems: Problems): Promise<LintTaskResult> {
  const outcome = await lintFile(task.file, task.config, task.options, { cwd: task.cwd }, engine, problems);
  return { outcome, problems: problems.recorded() };
}

/** The bytes to lint, to decide whether a pool of threads pays for its start-up. */
async function totalSize(files: readonly InputFile[]): Promise<number> {
  if (files.length < poolMinFiles) return 0;
  const sizes = await mapLimit(files, concurrency, (file) => fs.stat(file.path).then((stat) => stat.size, () => 0));
  return sizes.reduce((sum, size) => sum + size, 0);
}

async function lintFile(file: InputFile, config: LintConfig, options: RunOptions, io: Pick<CliIO, 'cwd'>, engine: Engine, problems: Problems): Promise<Outcome> {
  if (isWordPath(file.path)) return lintWordFile(file, config, options, io, engine, problems);
  let source: TextFile;
  try {
    source = await readTextFile(file.path, options.maxFileSize);
  } catch (error) {
    reportReadProblem(error, file, problems);
    return {};
  }
  const shownPath = display(file.path, io.cwd);
  const linted = await lintAndFix(source.text, formatForPath(file.path), config, options, engine, problems, file.path);
  if (!linted) return {};
  let { text, result } = linted;
  let diff: string | undefined;
  if (text !== source.text) {
    if (options.fixDryRun) {
      diff = await unifiedDiff(shownPath, source.text, text);
    } else if (options.fix) {
      // Loaded only by runs that write (it brings node:crypto into the start-up).
      const { writeFileAtomic } = await import('../node/write.js');
      try {
        await writeFileAtomic(file.path, encodeText(text, source.encoding, source.bom), { mode: source.mode, expected: source.bytes });
      } catch (error) {
        problems.fail(error);
        // Not written: report what is in the file, not what would have been.
        const original = await lintAndFix(source.text, formatForPath(file.path), config, { ...options, fix: false, fixDryRun: false }, engine, problems, file.path);
        if (!original) return {};
        ({ text, result } = original);
      }
    }
  }
  return { report: withDocument(toReport(file.path, shownPath, text, result), options, formatForPath(file.path), text), diff };
}

async function lintStdin(
  filePath: string | undefined,
  loaded: LoadedConfig,
  isIgnored: IgnoreMatcher,
  ignoredByConfig: (loaded: LoadedConfig) => IgnoreMatcher,
  options: RunOptions,
  io: CliIO,
  engine: Engine,
  problems: Problems,
): Promise<Outcome> {
  const name = filePath ?? '<stdin>';
  let bytes: Buffer;
  try {
    bytes = await readAll(io.stdin, options.maxFileSize);
  } catch (error) {
    problems.fail(error instanceof TonelintError ? new TonelintError(error.code, error.message, { file: name }) : error);
    return {};
  }
  if (filePath && (isIgnored(filePath) || ignoredByConfig(loaded)(filePath))) {
    problems.warn(new TonelintError('InputMissing', 'file ignored by an ignore pattern; use --no-ignore to lint it', { file: filePath }));
    // An editor formatting on save must get its text back untouched.
    return options.fix ? { stdoutBytes: bytes } : {};
  }
  if (filePath && isWordPath(filePath)) return lintWordStdin(bytes, filePath, loaded.config, options, io, engine, problems);
  let source: Pick<TextFile, 'text' | 'encoding' | 'bom'>;
  try {
    source = decodeText(bytes, name);
  } catch (error) {
    problems.fail(error);
    return options.fix ? { stdoutBytes: bytes } : {};
  }
  const linted = await lintAndFix(source.text, formatForPath(filePath), loaded.config, options, engine, problems, name);
  if (!linted) return options.fix ? { stdoutBytes: bytes } : {};
  const shownPath = filePath ? display(filePath, io.cwd) : '<stdin>';
  const outcome: Outcome = { report: withDocument(toReport(filePath ?? '<stdin>', shownPath, linted.text, linted.result), options, formatForPath(filePath), linted.text) };
  if (options.fix) outcome.stdoutBytes = encodeText(linted.text, source.encoding, source.bom);
  if (options.fixDryRun && linted.text !== source.text) outcome.diff = await unifiedDiff(shownPath, source.text, linted.text);
  return outcome;
}

/** Lints `text`; with --fix or --fix-dry-run applies safe fixes in passes and lints the result. */
export async function lintAndFix(
  original: string,
  format: DocumentFormat,
  config: LintConfig,
  options: RunOptions,
  engine: Engine,
  problems: Problems,
  file: string,
): Promise<{ text: string; result: LintResult } | undefined> {
  const lintOptions = { format, config, reportUnusedDisableDirectives: options.reportUnusedDisableDirectives };
  try {
    let text = original;
    let result = await engine.lint(text, lintOptions);
    if (options.fix || options.fixDryRun) {
      for (let pass = 0; pass < maxFixPasses; pass++) {
        const { output, applied } = engine.applyFixes(text, result.findings.map((finding) => finding.fix));
        if (applied === 0 || output === text) break;
        text = output;
        result = await engine.lint(text, lintOptions);
      }
    }
    return { text, result };
  } catch (error) {
    if (error instanceof TonelintError) problems.fail(error);
    else problems.fail(error, `internal error while linting ${file}`);
    return undefined;
  }
}

export function reportReadProblem(error: unknown, file: InputFile, problems: Problems): void {
  if (!(error instanceof TonelintError)) {
    problems.fail(error);
    return;
  }
  switch (error.code) {
    case 'InputBinary':
    case 'InputEncoding':
      // Named on the command line, a file tonelint cannot read as text is a usage error (exit 2):
      // the user asked for it. Found by walking a directory, it is skipped with a warning.
      if (file.explicit) problems.fail(error);
      else problems.warn(error);
      return;
    case 'InputDocument':
    case 'InputTooLarge':
      problems.warn(error);
      return;
    case 'InputMissing':
      // It was there when the inputs were listed: deleted or moved while tonelint ran.
      problems.warn(new TonelintError('InputMissing', 'disappeared before it could be read; skipped', { file: file.path }));
      return;
    default:
      if (/not a regular file/.test(error.message)) problems.warn(error);
      else problems.fail(error);
  }
}

export function toReport(filePath: string, displayPath: string, text: string, result: LintResult): FileReport {
  const messages: ReportMessage[] = [
    ...result.findings.map(findingToMessage),
    ...result.unusedDisableDirectives.map((directive) => directiveToMessage(directive, text)),
  ].sort((a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset || String(a.ruleId).localeCompare(String(b.ruleId)));
  return { filePath, displayPath, messages, ...countSeverities(messages), summary: result.summary };
}

/** The html report shows the document itself: only then is its text kept in the report. */
export function withDocument(report: FileReport, options: RunOptions, format: NonNullable<FileReport['document']>['format'], text: string): FileReport {
  return options.format === 'html' ? { ...report, document: { format, text } } : report;
}

function findingToMessage(finding: Finding): ReportMessage {
  return {
    ruleId: finding.ruleId,
    category: finding.category,
    severity: finding.severity,
    message: finding.message,
    start: finding.start,
    end: finding.end,
    suggestions: finding.suggestions,
    ...(finding.fix ? { fix: finding.fix } : {}),
    url: finding.url,
    ...(finding.confidence !== undefined ? { confidence: finding.confidence } : {}),
    ...(finding.cues !== undefined ? { cues: finding.cues } : {}),
    ...(finding.advice ? { advice: true } : {}),
  };
}

function directiveToMessage(directive: DisableDirective, text: string): ReportMessage {
  const what = directive.ruleIds.length > 0 ? `no ${directive.ruleIds.map((id) => `"${id}"`).join(' or ')} finding` : 'no finding';
  return {
    ruleId: null,
    category: null,
    severity: 'warning',
    message: `Unused tonelint-${directive.kind} directive (${what} was reported here).`,
    start: { line: directive.line, column: directive.column, offset: directive.offset },
    end: pointAt(text, directive.endOffset),
    suggestions: [],
  };
}

/** The 1-based line/column of a UTF-16 offset. */
function pointAt(text: string, offset: number): Point {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1, offset };
}

async function unifiedDiff(path: string, before: string, after: string): Promise<string> {
  const { createTwoFilesPatch } = await import('diff');
  const patch = createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { context: 3 });
  // Drop the "=====" banner so the output is a plain `git apply`-able patch.
  return patch.replace(/^=+\n/, '');
}

async function readAll(stream: NodeJS.ReadableStream, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > limit) throw new TonelintError('InputTooLarge', `standard input is over the ${formatBytes(limit)} limit (--max-file-size)`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Runs `task` over `items` with at most `limit` at once; results keep the input order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A path as people see it: relative to the working directory when inside it, `/`-separated. */
export function display(path: string, cwd: string): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(cwd, path);
  const shown = rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
  return sep === '/' ? shown : shown.split(sep).join('/');
}
