// Where the server's LintConfig comes from: the project's config files (the CLI's loader) under
// the editor's `tonelint` settings. Resolved per document directory and cached until a config
// file or the settings change; never read per keystroke.
import path from 'node:path';
import type { LintConfig } from '../core/config.js';
import { configFileNames } from '../node/config.js';

/** The config that applies to a file, and the file it came from (none: defaults). */
export interface LoadedConfig {
  config: LintConfig | undefined;
  file?: string;
}

/** Finds and reads the config for a document path; throws when a config file is invalid. */
export type ConfigLoader = (documentPath: string) => Promise<LoadedConfig>;

/**
 * Makes a fresh loader (with empty caches): once at start and again whenever a config file or
 * the settings change. `warn` receives non-fatal problems, such as a skipped code config file.
 */
export type ConfigLoaderFactory = (warn: (message: string) => void) => ConfigLoader;

/** The editor-side settings (section `tonelint`). */
export interface TonelintSettings {
  debounceMs?: number;
  preset?: LintConfig['preset'];
  rules?: LintConfig['rules'];
  categories?: LintConfig['categories'];
  allow?: LintConfig['allow'];
}

// The same names the CLI looks for: one list, in node/config.ts.
export { configFileNames } from '../node/config.js';

/** Reads settings leniently: a wrong-typed key is dropped, not fatal. */
export function readSettings(value: unknown): TonelintSettings {
  if (typeof value !== 'object' || value === null) return {};
  const raw = value as Record<string, unknown>;
  const source = typeof raw.tonelint === 'object' && raw.tonelint !== null ? (raw.tonelint as Record<string, unknown>) : raw;
  const settings: TonelintSettings = {};
  if (typeof source.debounceMs === 'number' && Number.isFinite(source.debounceMs) && source.debounceMs >= 0) {
    settings.debounceMs = source.debounceMs;
  }
  if (source.preset === 'recommended' || source.preset === 'all') settings.preset = source.preset;
  if (isRecord(source.rules)) settings.rules = source.rules as LintConfig['rules'];
  if (isRecord(source.categories)) settings.categories = source.categories as LintConfig['categories'];
  if (Array.isArray(source.allow)) settings.allow = source.allow.filter((word): word is string => typeof word === 'string');
  return settings;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The editor settings as defaults, the project's config file over them. */
export function mergeConfig(settings: TonelintSettings, file: LintConfig | undefined): LintConfig | undefined {
  const base: LintConfig = {};
  if (settings.preset) base.preset = settings.preset;
  if (settings.rules) base.rules = settings.rules;
  if (settings.categories) base.categories = settings.categories;
  if (settings.allow) base.allow = settings.allow;
  if (file === undefined) return Object.keys(base).length > 0 ? base : undefined;
  return {
    ...base,
    ...file,
    rules: base.rules || file.rules ? { ...base.rules, ...file.rules } : undefined,
    categories: base.categories || file.categories ? { ...base.categories, ...file.categories } : undefined,
    allow: base.allow || file.allow ? [...(base.allow ?? []), ...(file.allow ?? [])] : undefined,
  };
}

/** Whether a changed file can affect config resolution. */
export function isConfigFile(filePath: string): boolean {
  return (configFileNames as readonly string[]).includes(path.basename(filePath));
}

/** No config files, only settings: for documents outside any project and for tests. */
export const noConfigFiles: ConfigLoaderFactory = () => async () => ({ config: undefined });
