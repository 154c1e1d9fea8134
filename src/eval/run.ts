// `npm run eval`: reads the development set from disk, lints it through the public API and
// prints and writes the report. The numbers are computed in evaluate.ts and rendered in report.ts.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { lint, listRules } from '../index.js';
import { labels } from './dataset.js';
import { lintAll } from './evaluate.js';
import { readEvalData, type EvalData } from './load.js';
import { buildReport, renderMarkdown, renderSummary } from './report.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const usage = `Usage: npm run eval -- [options]

Lints eval/dev/dev.jsonl and neutral-dev/*.txt with the default preset and reports
precision, recall, false positives and misses. Writes eval/RESULTS.md for unfiltered runs.

Options:
  --data DIR          the eval directory (default: eval/dev)
  --items FILE        a JSONL file of items instead of DIR/dev.jsonl (e.g. eval/heldout/heldout-b.jsonl)
  --neutral DIR       a folder of neutral .txt prose instead of DIR/neutral-dev
  --label LABEL       only items with this label (alarmist, dehumanizing, evasive, ok)
  --category NAME     only items with this category (e.g. hard-negative, euphemism)
  --format FORMAT     markdown (default) or text
  --out FILE          write the Markdown report here (default: eval/RESULTS.md, unfiltered runs only)
  --json              print the report as JSON instead of Markdown
  --quiet             print only the headline summary
  -h, --help          show this help`;

interface Options {
  dataDir: string;
  itemsPath?: string;
  neutralPath?: string;
  label?: string;
  category?: string;
  format: 'markdown' | 'text';
  out?: string;
  json: boolean;
  quiet: boolean;
}

function parseOptions(argv: string[]): Options | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      items: { type: 'string' },
      neutral: { type: 'string' },
      label: { type: 'string' },
      category: { type: 'string' },
      format: { type: 'string', default: 'markdown' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return undefined;
  if (values.format !== 'markdown' && values.format !== 'text') throw new Error(`--format must be markdown or text, not "${values.format}"`);
  if (values.label !== undefined && !(labels as readonly string[]).includes(values.label)) {
    throw new Error(`--label must be one of ${labels.join(', ')}, not "${values.label}"`);
  }
  return {
    dataDir: values.data ? resolve(values.data) : resolve(repoRoot, 'eval/dev'),
    itemsPath: values.items ? resolve(values.items) : undefined,
    neutralPath: values.neutral ? resolve(values.neutral) : undefined,
    label: values.label,
    category: values.category,
    format: values.format,
    out: values.out,
    json: values.json,
    quiet: values.quiet,
  };
}

function gitCommit(): string | undefined {
  try {
    const run = (args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const commit = run(['rev-parse', '--short', 'HEAD']);
    const dirty = run(['status', '--porcelain', '--', 'rules', 'src']) !== '';
    return dirty ? `${commit} + uncommitted changes in rules/ or src/` : commit;
  } catch {
    return undefined;
  }
}

function commandLine(argv: string[]): string {
  const args = argv.map((arg) => (/^[\w./=:-]+$/.test(arg) ? arg : JSON.stringify(arg))).join(' ');
  if (process.env.npm_lifecycle_event === 'eval') return `npm run eval${args ? ` -- ${args}` : ''}`;
  return `node dist/eval/run.js${args ? ` ${args}` : ''}`;
}

async function main(argv: string[]): Promise<number> {
  let options: Options | undefined;
  try {
    options = parseOptions(argv);
  } catch (error) {
    process.stderr.write(`tonelint eval: ${(error as Error).message}\n\n${usage}\n`);
    return 2;
  }
  if (!options) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  let data: EvalData;
  try {
    data = readEvalData(options.dataDir, options.itemsPath, options.neutralPath);
  } catch (error) {
    process.stderr.write(`tonelint eval: cannot read the data in ${options.dataDir}: ${(error as Error).message}\n`);
    return 2;
  }
  const items = data.items.filter(
    (item) => (options.label === undefined || item.label === options.label) && (options.category === undefined || item.category === options.category),
  );
  if (items.length === 0) {
    process.stderr.write('tonelint eval: no items match the filters\n');
    return 2;
  }

  const format = options.format;
  const run = await lintAll(items, data.neutral, async (text) => (await lint(text, { format })).findings);
  const report = buildReport(run, {
    command: commandLine(argv),
    date: new Date().toISOString().slice(0, 10),
    commit: gitCommit(),
    dataDir: relative(repoRoot, options.dataDir) || '.',
    format,
    preset: 'recommended (default)',
    ruleIds: listRules().map((rule) => rule.id),
    filters: { label: options.label, category: options.category },
  });

  const markdown = renderMarkdown(report);
  // Filtered runs and other data sets never overwrite the development set's report.
  const filtered = options.label !== undefined || options.category !== undefined || options.itemsPath !== undefined || options.neutralPath !== undefined;
  const out = options.out ? resolve(options.out) : filtered ? undefined : join(repoRoot, 'eval/RESULTS.md');
  if (out) {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, markdown);
  }

  if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    if (!options.quiet) process.stdout.write(`${markdown}\n`);
    process.stdout.write(`${renderSummary(report)}\n`);
    process.stderr.write(out ? `report written to ${relative(process.cwd(), out) || out}\n` : 'filtered run: report not written (use --out FILE)\n');
  }
  return report.errors.length > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
