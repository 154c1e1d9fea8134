// Config discovery, loading and validation. A config is data only: JSON or YAML, never code,
// so a config file in a cloned repository cannot run anything on the reader's machine.
import { promises as fs } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { LintConfig } from '../core/config.js';
import { configKeys, presetNames, scorerConfigProblems } from '../core/config.js';
import { closestName, TonelintError } from '../core/errors.js';
import { categories } from '../core/finding.js';
import type { SeverityOrOff } from '../core/finding.js';
import { readTextFile } from './read.js';

/** Looked for in each directory, in this order; the first one present wins. */
export const configFileNames = ['.tonelintrc.json', '.tonelintrc.yml', '.tonelintrc.yaml', 'package.json'] as const;

/** Config files that would have to be executed: never loaded, reported with a warning. */
export const codeConfigFileNames = ['.tonelintrc.js', '.tonelintrc.cjs', '.tonelintrc.mjs', '.tonelintrc.ts', 'tonelint.config.js', 'tonelint.config.mjs', 'tonelint.config.cjs'] as const;

const severityValues = ['off', 'info', 'warning', 'error'] as const;

/** A YAML alias may be expanded this many times at most: stops "billion laughs" alias bombs. */
const maxAliasCount = 100;
const maxConfigSize = 1024 * 1024;

export interface LoadedConfig {
  config: LintConfig;
  /** The file it came from; undefined for the built-in defaults. */
  file?: string;
  /** The directory `ignorePatterns` are relative to. */
  baseDir: string;
}

export interface ConfigContext {
  /** Every rule id a config may name (from `listRules()`). */
  ruleIds: ReadonlySet<string>;
  /** Reports a non-fatal problem (a code config file that was skipped). */
  warn: (warning: TonelintError) => void;
}

/** Thrown when a config file is invalid: every problem found in it, each naming file and line. */
export class ConfigErrors extends Error {
  readonly errors: TonelintError[];
  constructor(errors: TonelintError[]) {
    super(errors.map((e) => e.format()).join('\n'));
    this.name = 'ConfigErrors';
    this.errors = errors;
  }
}

/** Finds and caches the config that applies to each directory (nearest file upward wins). */
export class ConfigResolver {
  readonly #context: ConfigContext;
  readonly #byDirectory = new Map<string, Promise<LoadedConfig | undefined>>();
  readonly #warned = new Set<string>();

  constructor(context: ConfigContext) {
    this.#context = context;
  }

  /** The config for files in `directory`, or undefined when none is found up to the root. */
  forDirectory(directory: string): Promise<LoadedConfig | undefined> {
    const dir = resolve(directory);
    let pending = this.#byDirectory.get(dir);
    if (!pending) {
      pending = this.#lookup(dir);
      this.#byDirectory.set(dir, pending);
    }
    return pending;
  }

  async #lookup(dir: string): Promise<LoadedConfig | undefined> {
    for (const name of codeConfigFileNames) {
      const path = join(dir, name);
      if (!this.#warned.has(path) && (await isFile(path))) {
        this.#warned.add(path);
        this.#context.warn(
          new TonelintError('ConfigInvalid', 'ignored: tonelint never runs code from a config file; use .tonelintrc.json or .tonelintrc.yml', { file: path }),
        );
      }
    }
    for (const name of configFileNames) {
      const path = join(dir, name);
      if (!(await isFile(path))) continue;
      const config = await loadConfigFile(path, this.#context, { requireField: name !== 'package.json' });
      if (config) return config;
    }
    const parent = dirname(dir);
    return parent === dir ? undefined : this.forDirectory(parent);
  }
}

/**
 * Loads one config file. For a `package.json` without a `tonelint` field, returns undefined
 * unless `requireField` is set (an explicit `--config package.json`).
 */
export async function loadConfigFile(
  path: string,
  context: Pick<ConfigContext, 'ruleIds'>,
  options: { requireField?: boolean } = {},
): Promise<LoadedConfig | undefined> {
  const file = resolve(path);
  const ext = extname(file).toLowerCase();
  if (['.js', '.cjs', '.mjs', '.ts', '.cts', '.mts'].includes(ext)) {
    throw new TonelintError('ConfigInvalid', 'tonelint never runs code from a config file; use .tonelintrc.json or .tonelintrc.yml', { file: path });
  }
  let text: string;
  try {
    text = (await readTextFile(file, maxConfigSize)).text;
  } catch (error) {
    if (error instanceof TonelintError && error.code === 'InputMissing') {
      throw new TonelintError('ConfigNotFound', 'config file not found', { file: path });
    }
    if (error instanceof TonelintError) throw new TonelintError('ConfigInvalid', error.message, { file: path });
    throw error;
  }
  const isPackageJson = basename(file) === 'package.json';
  // Most package.json files have no tonelint field: no need to load a parser to find that out.
  if (isPackageJson && !options.requireField && !text.includes('"tonelint"')) return undefined;
  // Loaded here, not at start-up, so runs without a config never pay for the YAML parser.
  const yaml = await import('yaml');
  const parsed = ext === '.json' ? parseJson(text, path, yaml) : parseYaml(text, path, yaml);
  let raw = parsed.value;
  let prefix: string[] = [];
  if (isPackageJson) {
    if (!isPlainObject(raw) || !('tonelint' in raw)) {
      if (options.requireField) throw new TonelintError('ConfigInvalid', 'has no "tonelint" field', { file: path });
      return undefined;
    }
    raw = raw.tonelint;
    prefix = ['tonelint'];
  }
  const errors: TonelintError[] = [];
  const config = validateConfig(raw, context.ruleIds, (message, keyPath) => {
    errors.push(new TonelintError('ConfigInvalid', message, { file: path, line: parsed.lineOf([...prefix, ...keyPath]) }));
  });
  if (errors.length > 0) throw new ConfigErrors(errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  return { config, file, baseDir: dirname(file) };
}

type Report = (message: string, keyPath: string[]) => void;

/** Checks a parsed config value; reports each problem with the key path it is at. */
export function validateConfig(raw: unknown, ruleIds: ReadonlySet<string>, report: Report): LintConfig {
  if (raw === null || raw === undefined) return {};
  if (!isPlainObject(raw)) {
    report(`a config must be a mapping of settings (${configKeys.join(', ')}), not ${describe(raw)}`, []);
    return {};
  }
  const config: LintConfig = {};
  for (const key of Object.keys(raw)) {
    if (!(configKeys as readonly string[]).includes(key)) report(`unknown key "${key}"${hint(key, configKeys)}`, [key]);
  }
  if ('preset' in raw) {
    const preset = raw.preset;
    if (typeof preset === 'string' && (presetNames as readonly string[]).includes(preset)) config.preset = preset as LintConfig['preset'];
    else report(`"preset" must be one of ${presetNames.join(', ')}, not ${describe(preset)}${typeof preset === 'string' ? hint(preset, presetNames) : ''}`, ['preset']);
  }
  if ('rules' in raw) {
    const rules = raw.rules;
    if (!isPlainObject(rules)) report(`"rules" must be a mapping of rule id to ${severityValues.join('|')}, not ${describe(rules)}`, ['rules']);
    else {
      config.rules = {};
      for (const [id, value] of Object.entries(rules)) {
        if (id.startsWith('equality/')) {
          if (config.preset !== 'all') report(`rule "${id}" comes from retext-equality, which only runs with "preset: all"`, ['rules', id]);
        } else if (!ruleIds.has(id)) {
          report(`unknown rule "${id}"${hint(id, ruleIds) || '; tonelint --list-rules shows every rule'}`, ['rules', id]);
          continue;
        }
        const severity = checkSeverity(value, `rule "${id}"`, ['rules', id], report);
        if (severity) config.rules[id] = severity;
      }
    }
  }
  if ('categories' in raw) {
    const value = raw.categories;
    if (!isPlainObject(value)) report(`"categories" must be a mapping of category to ${severityValues.join('|')}, not ${describe(value)}`, ['categories']);
    else {
      config.categories = {};
      for (const [name, level] of Object.entries(value)) {
        if (!(categories as readonly string[]).includes(name)) {
          report(`unknown category "${name}"${hint(name, categories) || `; use one of ${categories.join(', ')}`}`, ['categories', name]);
          continue;
        }
        const severity = checkSeverity(level, `category "${name}"`, ['categories', name], report);
        if (severity) config.categories[name as keyof typeof config.categories] = severity;
      }
    }
  }
  for (const key of ['allow', 'ignorePatterns'] as const) {
    if (!(key in raw)) continue;
    const value = raw[key];
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item.trim() === '')) {
      report(`"${key}" must be a list of non-empty strings, not ${describe(value)}`, [key]);
    } else config[key] = value as string[];
  }
  if ('scorer' in raw) {
    const problems = scorerConfigProblems(raw.scorer);
    for (const problem of problems) report(problem.message, problem.path);
    if (problems.length === 0) config.scorer = raw.scorer as LintConfig['scorer'];
  }
  return config;
}

function checkSeverity(value: unknown, what: string, keyPath: string[], report: Report): SeverityOrOff | undefined {
  if (typeof value === 'string' && (severityValues as readonly string[]).includes(value)) return value as SeverityOrOff;
  const aliases: Record<string, string> = { warn: 'warning', err: 'error', information: 'info', none: 'off', '0': 'off', '1': 'warning', '2': 'error', false: 'off' };
  const alias = aliases[String(value)];
  const suggestion = alias ? `; did you mean "${alias}"?` : typeof value === 'string' ? hint(value, severityValues) : '';
  report(`${what} has severity ${describe(value)}; use one of ${severityValues.join(', ')}${suggestion}`, keyPath);
  return undefined;
}

function hint(name: string, candidates: Iterable<string>): string {
  const closest = closestName(name, candidates);
  return closest ? `; did you mean "${closest}"?` : '';
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${String(value)}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await fs.stat(path)).isFile();
  } catch {
    return false;
  }
}

interface Parsed {
  value: unknown;
  /** The 1-based line of the key at `keyPath`, when it can be found. */
  lineOf: (keyPath: string[]) => number | undefined;
}

type Yaml = typeof import('yaml');

function parseJson(text: string, file: string, yaml: Yaml): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    const line = position ? lineAt(text, Number(position[1])) : text.trim() === '' ? 1 : undefined;
    const reason = text.trim() === '' ? 'the file is empty' : message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
    throw new TonelintError('ConfigInvalid', `invalid JSON: ${reason}`, { file, line });
  }
  // Positions come from the YAML parser (JSON is YAML); only used to name lines in errors.
  return { value, lineOf: keyLocator(text, yaml) };
}

function parseYaml(text: string, file: string, yaml: Yaml): Parsed {
  const { LineCounter, parseDocument } = yaml;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, schema: 'core' });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const line = problem.linePos?.[0]?.line ?? lineCounter.linePos(problem.pos[0]).line;
    throw new TonelintError('ConfigInvalid', `invalid YAML: ${problem.message.split('\n')[0]}`, { file, line });
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = /alias/i.test(message) ? `too many alias expansions (over ${maxAliasCount}); refusing a possible alias bomb` : message;
    throw new TonelintError('ConfigInvalid', `invalid YAML: ${reason}`, { file });
  }
  return { value, lineOf: (keyPath) => locateKey(doc.contents, keyPath, (offset) => lineCounter.linePos(offset).line) };
}

function keyLocator(text: string, yaml: Yaml): Parsed['lineOf'] {
  return (keyPath) => {
    try {
      const { LineCounter, parseDocument } = yaml;
      const lineCounter = new LineCounter();
      const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
      return locateKey(doc.contents, keyPath, (offset) => lineCounter.linePos(offset).line);
    } catch {
      return undefined;
    }
  };
}

function locateKey(node: unknown, keyPath: string[], lineOf: (offset: number) => number): number | undefined {
  let current = node as { items?: Array<{ key?: { value?: unknown; range?: [number, number, number] }; value?: unknown }>; range?: [number, number, number] } | null;
  let line: number | undefined = current?.range ? lineOf(current.range[0]) : undefined;
  for (const segment of keyPath) {
    const pair = current?.items?.find((item) => item.key && String(item.key.value) === segment);
    if (!pair) return line;
    if (pair.key?.range) line = lineOf(pair.key.range[0]);
    current = pair.value as typeof current;
  }
  return line;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
