// The commands that do not lint: --list-rules, --explain, --init, --print-config.
import { promises as fs } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { closestName, TonelintError } from '../core/errors.js';
import type { RuleInfo } from '../lint.js';
import { ConfigResolver, configFileNames, loadConfigFile } from '../node/config.js';
import { loadScorerModel, shippedScorerPath } from '../node/scorer-model.js';
import type { ScoredCategory } from '../core/scorer/model.js';
import type { FormatterName } from './formatters/report.js';
import type { Problems } from './problems.js';
import type { CliIO } from './run.js';

type Engine = typeof import('../index.js');

export function listRulesCommand(engine: Engine, format: FormatterName, io: CliIO): number {
  // listRules() orders them by category, then id.
  const rules = engine.listRules();
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
    return 0;
  }
  if (rules.length === 0) {
    io.stdout.write('No rules are loaded.\n');
    return 0;
  }
  const idWidth = Math.max(...rules.map((rule) => rule.id.length));
  const categoryWidth = Math.max(...rules.map((rule) => rule.category.length));
  for (const rule of rules) {
    const fix = rule.fix ? 'fix' : '   ';
    io.stdout.write(`${rule.id.padEnd(idWidth)}  ${rule.category.padEnd(categoryWidth)}  ${rule.severity.padEnd(7)}  ${fix}  ${rule.summary}\n`);
  }
  io.stdout.write(`\n${rules.length} rules. tonelint --explain <rule> shows one in full.\n`);
  return 0;
}

export function explainCommand(engine: Engine, id: string, format: FormatterName, io: CliIO, problems: Problems): number {
  const rule = engine.getRule(id);
  if (!rule) {
    const closest = closestName(id, engine.listRules().map((each) => each.id));
    problems.fail(new TonelintError('RuleUnknown', `unknown rule "${id}"${closest ? `; did you mean "${closest}"?` : '; tonelint --list-rules shows every rule'}`));
    problems.flush();
    return 2;
  }
  const model = rule.scope === 'scorer' ? describeScorer(rule.category) : undefined;
  io.stdout.write(format === 'json' ? `${JSON.stringify(model ? { ...rule, scorer: model } : rule, null, 2)}\n` : describeRule(rule, model));
  return 0;
}

interface ScorerDescription {
  weights: string;
  reportAt?: number;
  strictAt?: number;
  trainedOn?: Record<string, unknown>;
  problem?: string;
}

/** What the shipped model says about a scorer rule: its thresholds and what it was trained on. */
function describeScorer(category: string): ScorerDescription {
  try {
    const model = loadScorerModel();
    const thresholds = model.thresholds[category as ScoredCategory];
    return { weights: relative(process.cwd(), shippedScorerPath) || shippedScorerPath, reportAt: thresholds.report, strictAt: thresholds.strict, trainedOn: model.about };
  } catch (error) {
    // --explain still explains the rule when the weights are broken; linting reports the error.
    return { weights: shippedScorerPath, problem: error instanceof TonelintError ? error.message : String(error) };
  }
}

function describeRule(rule: RuleInfo, scorer?: ScorerDescription): string {
  const lines = [
    `${rule.id}  (${rule.category}, ${rule.severity}${rule.fix ? ', fixable with --fix' : ''})`,
    rule.summary,
    '',
    'Why:',
    ...wrap(rule.rationale.trim(), 76).map((line) => `  ${line}`),
    '',
    'Message:',
    `  ${rule.message}`,
    '',
    'Write instead:',
    ...rule.suggestions.map((suggestion) => `  - ${suggestion}`),
  ];
  if (scorer) {
    lines.push('', 'How it decides:');
    const about = scorer.trainedOn ?? {};
    const text = scorer.problem
      ? `The learned scorer cannot be loaded: ${scorer.problem}`
      : `A linear model over word and character n-grams (${String(about.chosen ?? 'hashed n-grams')}) scores each sentence about people, work or AI. It was trained on ${String(about.trainingItems ?? '?')} written examples and calibrated on ${String(about.calibrationItems ?? '?')} more by other writers. It reports at confidence ${scorer.reportAt} or above, at this rule's severity from ${scorer.strictAt}, as a warning below that. Weights: ${scorer.weights}. Change the threshold with scorer: { thresholds: { ${rule.category}: 0.8 } }, or turn the scorer off with scorer: { enabled: false }.`;
    lines.push(...wrap(text, 76).map((line) => `  ${line}`));
  }
  if (rule.examples.flags.length > 0) lines.push('', 'Flagged:', ...rule.examples.flags.map((example) => `  ✗ ${example}`));
  if (rule.examples.passes.length > 0) lines.push('', 'Not flagged:', ...rule.examples.passes.map((example) => `  ✓ ${example}`));
  lines.push('', `Source: ${rule.source}`);
  if (rule.url) lines.push(`Docs:   ${rule.url}`);
  lines.push('', `Turn it off or change its level in .tonelintrc.yml:  rules: { ${rule.id}: off }`);
  return `${lines.join('\n')}\n`;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}

export const starterConfigName = '.tonelintrc.yml';

export async function initCommand(io: CliIO, problems: Problems): Promise<number> {
  for (const name of configFileNames) {
    if (name === 'package.json') continue;
    const path = join(io.cwd, name);
    if (await exists(path)) {
      problems.fail(new TonelintError('UsageInvalid', 'a config file already exists here; --init never overwrites one', { file: path }));
      problems.flush();
      return 2;
    }
  }
  const path = join(io.cwd, starterConfigName);
  try {
    await fs.writeFile(path, starterConfig, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.fail(
      new TonelintError('UsageInvalid', code === 'EEXIST' ? 'a config file already exists here; --init never overwrites one' : `cannot write: ${(error as Error).message}`, { file: path }),
    );
    problems.flush();
    return 2;
  }
  io.stdout.write(`Wrote ${starterConfigName}. Edit it, then run: tonelint .\n`);
  return 0;
}

export async function printConfigCommand(engine: Engine, file: string, configPath: string | undefined, io: CliIO, problems: Problems): Promise<number> {
  const ruleIds = new Set(engine.listRules().map((rule) => rule.id));
  try {
    const loaded = configPath
      ? await loadConfigFile(resolve(io.cwd, configPath), { ruleIds }, { requireField: true })
      : await new ConfigResolver({ ruleIds, warn: (warning) => problems.warn(warning) }).forDirectory(dirname(resolve(io.cwd, file)));
    problems.flush();
    io.stdout.write(`${JSON.stringify({ configFile: loaded?.file ?? null, config: loaded?.config ?? {} }, null, 2)}\n`);
    return 0;
  } catch (error) {
    problems.fail(error);
    problems.flush();
    return 2;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}

const starterConfig = `# tonelint configuration. Data only: tonelint never runs code from a config file.
# tonelint looks for it from each file's directory upward; the nearest one applies.
# Severities: off | info | warning | error. Only "error" findings make tonelint exit 1.

# recommended: tonelint's own rules. all: adds inclusive-language rules (retext-equality).
preset: recommended

# How loud each category is (a rule's own level is used when its category is not listed).
# categories:
#   alarmist: warning       # "AI will make your jobs obsolete"
#   dehumanizing: error     # "cut 40 heads", "human resources to be released"
#   evasive: warning        # "rightsizing", "a workforce realignment"
#   framing: info           # humans vs machines framing

# One rule at a time: tonelint --list-rules shows the ids, tonelint --explain <id> explains one.
# rules:
#   people-as-units: error

# Your organisation's vocabulary that must never be flagged (whole words, any case).
# allow:
#   - head of people

# Paths to skip, in .gitignore syntax, relative to this file.
# ignorePatterns:
#   - CHANGELOG.md
#   - archive/
`;
