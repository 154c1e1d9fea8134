// The commander program: flags, help with examples, and the validated options a run uses.
import { Command, InvalidArgumentError } from 'commander';
import { closestName } from '../core/errors.js';
import { defaultMaxFileSize, formatBytes, parseByteSize } from '../node/read.js';
import { defaultExtensions, parseExtensions } from '../node/files.js';
import { formatterNames, type FormatterName } from './formatters/report.js';

export interface RunOptions {
  inputs: string[];
  stdin: boolean;
  stdinFilename?: string;
  config?: string;
  extensions: string[];
  ignorePath?: string;
  ignore: boolean;
  format: FormatterName;
  outputFile?: string;
  quiet: boolean;
  maxWarnings?: number;
  reportUnusedDisableDirectives: boolean;
  fix: boolean;
  fixDryRun: boolean;
  maxFileSize: number;
  color?: boolean;
  explain?: string;
  listRules: boolean;
  init: boolean;
  printConfig?: string;
  debug: boolean;
}

const examples = `
Examples:
  $ tonelint memo.md                      lint one file
  $ tonelint docs/ "drafts/**/*.txt"      lint a directory (.md, .markdown, .txt) and a glob
  $ cat memo.md | tonelint --stdin --stdin-filename memo.md
  $ tonelint --fix-dry-run docs/          show the safe fixes as a diff, write nothing
  $ tonelint --fix docs/                  apply the safe fixes in place
  $ tonelint -f sarif -o tonelint.sarif . code-scanning upload
  $ tonelint -f github .                  annotations in a GitHub Actions run
  $ tonelint --max-warnings 0 docs/       fail CI on warnings too
  $ tonelint --explain people-as-units    why a rule exists and what to write instead
  $ tonelint lsp --stdio                  start the language server (editors)

Exit codes: 0 no error-level findings; 1 error-level findings or more warnings than
--max-warnings; 2 usage, config, rule-pack or I/O error.

Config (.tonelintrc.json, .tonelintrc.yml, .tonelintrc.yaml or "tonelint" in package.json) is
found from each file's directory upward; the nearest one applies. Config files are data only.`;

export function createProgram(version: string): Command {
  const program = new Command('tonelint')
    .description('Lint how your writing talks about AI and jobs: alarmist, dehumanizing and evasive language, with value-focused rewrites.')
    .usage('[options] [files, directories or globs...]')
    .argument('[inputs...]', 'files, directories (walked for --ext files) or globs; "-" reads standard input')
    .option('--stdin', 'lint text from standard input')
    .option('--stdin-filename <path>', 'name for standard input in output, config lookup and format detection')
    .option('-c, --config <path>', 'use this config file instead of looking for one')
    .option('--ext <extensions>', `file extensions to lint in directories, comma-separated, repeatable (default: ${defaultExtensions.join(',')})`, collect)
    .option('--ignore-path <path>', 'ignore file to use instead of ./.tonelintignore')
    .option('--no-ignore', 'lint files even if .tonelintignore or ignorePatterns exclude them')
    .option('-f, --format <name>', `output format: ${formatterNames.join(', ')}`, 'stylish')
    .option('-o, --output-file <path>', 'write the report to a file instead of standard output')
    .option('--quiet', 'report errors only (warnings still count for --max-warnings)')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', parseCount)
    .option('--report-unused-disable-directives', 'warn about tonelint-disable comments that suppress nothing')
    .option('--fix', 'apply safe fixes to the files (with --stdin: print the fixed text)')
    .option('--fix-dry-run', 'print the safe fixes as a unified diff; write nothing')
    .option('--max-file-size <size>', `skip files larger than this (default: ${formatBytes(defaultMaxFileSize)}; e.g. 512KB, 20MB)`, parseSize)
    .option('--color', 'force coloured output')
    .option('--no-color', 'disable coloured output (also: NO_COLOR=1)')
    .option('--explain <rule>', "print a rule's rationale, examples and suggestions")
    .option('--list-rules', 'list every rule with its category, severity and summary')
    .option('--init', 'write a commented starter .tonelintrc.yml (never overwrites)')
    .option('--print-config <file>', 'print the config that applies to a file, as JSON')
    .option('--debug', 'show stack traces and which config each file uses')
    .version(version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText('after', examples)
    .showSuggestionAfterError(true)
    .exitOverride();
  return program;
}

/** Turns commander's parsed values into `RunOptions`, or a usage message. */
export function toRunOptions(inputs: string[], raw: Record<string, unknown>): RunOptions | string {
  const stdinDash = inputs.includes('-');
  const files = inputs.filter((input) => input !== '-');
  const stdin = Boolean(raw.stdin) || stdinDash;
  if (stdin && files.length > 0) return 'give either files or standard input (--stdin / -), not both';
  if (raw.stdinFilename !== undefined && !stdin) return '--stdin-filename needs --stdin (or -)';
  if (raw.fix && raw.fixDryRun) return 'give either --fix or --fix-dry-run, not both';
  const format = raw.format as string;
  if (!(formatterNames as readonly string[]).includes(format)) {
    const closest = closestName(format, formatterNames);
    return `unknown format "${format}"${closest ? `; did you mean "${closest}"?` : `; use one of ${formatterNames.join(', ')}`}`;
  }
  const extensions = raw.ext ? parseExtensions(raw.ext as string[]) : [...defaultExtensions];
  if (extensions.length === 0) return '--ext needs at least one extension, e.g. --ext .md,.txt';
  return {
    inputs: files,
    stdin,
    stdinFilename: raw.stdinFilename as string | undefined,
    config: raw.config as string | undefined,
    extensions,
    ignorePath: raw.ignorePath as string | undefined,
    ignore: raw.ignore !== false,
    format: format as FormatterName,
    outputFile: raw.outputFile as string | undefined,
    quiet: Boolean(raw.quiet),
    maxWarnings: raw.maxWarnings as number | undefined,
    reportUnusedDisableDirectives: Boolean(raw.reportUnusedDisableDirectives),
    fix: Boolean(raw.fix),
    fixDryRun: Boolean(raw.fixDryRun),
    maxFileSize: (raw.maxFileSize as number | undefined) ?? defaultMaxFileSize,
    color: raw.color === undefined ? undefined : Boolean(raw.color),
    explain: raw.explain as string | undefined,
    listRules: Boolean(raw.listRules),
    init: Boolean(raw.init),
    printConfig: raw.printConfig as string | undefined,
    debug: Boolean(raw.debug),
  };
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number of warnings, e.g. 0.');
  return Number(value);
}

function parseSize(value: string): number {
  const size = parseByteSize(value);
  if (size === undefined || size <= 0) throw new InvalidArgumentError('expected a size such as 10MB, 512KB or 4096 (bytes).');
  return size;
}
