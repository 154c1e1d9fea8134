// The config of each document directory, resolved once until a config file or the settings
// change, with each distinct config problem told to the writer once.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from '../index.js';
import type { LintConfig } from '../core/config.js';
import { isTonelintError } from '../core/errors.js';
import { mergeConfig, readSettings, type ConfigLoader, type ConfigLoaderFactory, type TonelintSettings } from './config.js';

export interface ConfigCacheOptions {
  createConfigLoader: ConfigLoaderFactory;
  /** Non-fatal problems from the loader, such as a skipped code config file. */
  warn(message: string): void;
  /** Logs a problem to the server's log. */
  logError(what: string, error: unknown): void;
  /** Shows a problem to the writer (window/showMessage). */
  showError(message: string): void;
}

export class ConfigCache {
  /** Bumped on every reload, so findings computed under an old config are never published. */
  generation = 0;
  /** The editor's `tonelint` settings; the project's config files apply over them. */
  settings: TonelintSettings = {};
  /** The settings sent with `initialize`, read for the debounce until the client sends its own. */
  initSettings: TonelintSettings = {};
  private loadConfig: ConfigLoader;
  private readonly configs = new Map<string, Promise<LintConfig | undefined>>();
  private readonly reported = new Set<string>();

  constructor(private readonly options: ConfigCacheOptions) {
    this.loadConfig = options.createConfigLoader(options.warn);
  }

  /** Takes new settings; true when they differ from the current ones (and the cache was reloaded). */
  applySettings(value: unknown): boolean {
    const next = readSettings(value);
    const changed = JSON.stringify(next) !== JSON.stringify(this.settings);
    this.settings = next;
    if (changed) this.reload();
    return changed;
  }

  /** Forgets every resolved config and reported problem: a config file or the settings changed. */
  reload(): void {
    this.loadConfig = this.options.createConfigLoader(this.options.warn);
    this.generation++;
    this.configs.clear();
    this.reported.clear();
  }

  /** The config for a document, resolved once per directory until a reload. */
  configFor(uri: string): Promise<LintConfig | undefined> {
    const file = uriPath(uri);
    const key = file ? path.dirname(file) : '';
    let pending = this.configs.get(key);
    if (pending === undefined) {
      pending = (file ? this.loadConfig(file) : Promise.resolve({ config: undefined }))
        .then(
          (loaded) => mergeConfig(this.settings, loaded.config),
          (error: unknown) => {
            this.reportError(error);
            return mergeConfig(this.settings, undefined);
          },
        )
        .then(async (config) => {
          // The core validates a config on every lint; checking it once here turns a bad
          // setting into one message and default linting, not an error per keystroke.
          if (config === undefined) return undefined;
          try {
            await lint('', { config });
            return config;
          } catch (error) {
            if (!isTonelintError(error) || error.code !== 'ConfigInvalid') throw error;
            this.reportError(error);
            return undefined;
          }
        });
      this.configs.set(key, pending);
    }
    return pending;
  }

  /**
   * Tells the writer once (per distinct problem, until the next reload) why findings may be
   * missing: an invalid config file or setting, or a rule pack that does not compile.
   */
  reportError(error: unknown): void {
    // A ConfigErrors lists every problem, one `file:line: message` per line.
    const text = isTonelintError(error) ? error.format() : error instanceof Error ? error.message : String(error);
    const isConfig = (isTonelintError(error) && error.code.startsWith('Config')) || (error instanceof Error && error.name === 'ConfigErrors');
    if (this.reported.has(text)) return;
    this.reported.add(text);
    this.options.logError(isConfig ? 'invalid config' : 'error', error);
    this.options.showError(isConfig ? `tonelint: ${text} (linting with the default config until it is fixed)` : `tonelint: ${text}`);
  }
}

/** The file path of a `file:` URI; undefined for any other scheme (an unsaved buffer). */
export function uriPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
