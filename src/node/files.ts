// Turning command-line inputs (files, directories, globs) into the list of files to lint.
import { promises as fs } from 'node:fs';
import type { Dirent } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { TonelintError } from '../core/errors.js';
import type { IgnoreMatcher } from './ignore.js';
import { ioError } from './read.js';

export const defaultExtensions = ['.md', '.markdown', '.txt', '.html', '.htm', '.docx'] as const;

/** Directory names never walked into. */
const skippedDirectories = new Set(['node_modules', '.git']);

export interface ExpandOptions {
  cwd: string;
  /** Lower-case extensions with the dot, for files found in directories. */
  extensions: readonly string[];
  /** The `.tonelintignore` rules (or `ignoreNothing` with `--no-ignore`). */
  isIgnored: IgnoreMatcher;
}

export interface InputFile {
  path: string;
  /** Named on the command line (not found by walking a directory or matching a glob). */
  explicit: boolean;
}

export interface ExpandResult {
  /** Absolute paths, unique, sorted. */
  files: InputFile[];
  /** Inputs that could not be used: missing files, empty directories, globs matching nothing. */
  errors: TonelintError[];
  /** Skipped with a reason the user should see: an explicitly named ignored file, a link loop. */
  warnings: TonelintError[];
}

export async function expandInputs(inputs: readonly string[], options: ExpandOptions): Promise<ExpandResult> {
  const found = new Map<string, InputFile>();
  const errors: TonelintError[] = [];
  const warnings: TonelintError[] = [];
  const add = (path: string, explicit: boolean) => {
    const existing = found.get(path);
    if (!existing || (explicit && !existing.explicit)) found.set(path, { path, explicit });
  };

  for (const input of inputs) {
    const absolute = resolve(options.cwd, input);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && (await isGlob(input))) {
        const matches = await globFiles(input, options);
        if (matches.length === 0) errors.push(new TonelintError('InputMissing', 'no files match this pattern', { file: input }));
        for (const match of matches) add(match, false);
      } else if (code === 'ENOENT') {
        errors.push(new TonelintError('InputMissing', 'no such file or directory', { file: input }));
      } else {
        errors.push(ioError(error, input));
      }
      continue;
    }
    if (stat.isDirectory()) {
      if (options.isIgnored(absolute, true)) {
        warnings.push(new TonelintError('InputMissing', 'directory ignored by an ignore pattern; use --no-ignore to lint it', { file: input }));
        continue;
      }
      const before = found.size;
      await walkDirectory(absolute, options, new Set(), add, warnings, errors);
      if (found.size === before) {
        errors.push(
          new TonelintError('InputMissing', `no files with extension ${options.extensions.join(', ')} in this directory (--ext changes them)`, { file: input }),
        );
      }
    } else if (options.isIgnored(absolute)) {
      warnings.push(new TonelintError('InputMissing', 'file ignored by an ignore pattern; use --no-ignore to lint it', { file: input }));
    } else {
      // A FIFO or device named explicitly is refused by the reader with a clear message.
      add(absolute, true);
    }
  }

  // One file reached under two names (a link back up the tree, two links to one place) is linted
  // once, under the first name in path order; an explicitly named one wins.
  const byPath = (a: InputFile, b: InputFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const byRealPath = new Map<string, InputFile>();
  for (const file of [...found.values()].sort(byPath)) {
    const real = await fs.realpath(file.path).catch(() => file.path);
    const previous = byRealPath.get(real);
    if (!previous || (file.explicit && !previous.explicit)) byRealPath.set(real, file);
  }
  const files = [...byRealPath.values()].sort(byPath);
  return { files, errors, warnings };
}

async function walkDirectory(
  directory: string,
  options: ExpandOptions,
  visited: Set<string>,
  add: (path: string, explicit: boolean) => void,
  warnings: TonelintError[],
  errors: TonelintError[],
): Promise<void> {
  let real: string;
  try {
    real = await fs.realpath(directory);
  } catch (error) {
    errors.push(ioError(error, directory));
    return;
  }
  // A directory reached twice (a symlink loop or two links to one place) is walked once.
  if (visited.has(real)) {
    warnings.push(new TonelintError('InputUnreadable', 'symbolic link loop (links back to a directory being walked); skipped', { file: directory }));
    return;
  }
  visited.add(real);
  let entries: Dirent[];
  try {
    entries = await fs.readdir(directory, { withFileTypes: true });
  } catch (error) {
    errors.push(ioError(error, directory));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await fs.stat(path);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ELOOP') warnings.push(new TonelintError('InputUnreadable', 'symbolic link loop; skipped', { file: path }));
        // A dangling link is not a file to lint.
        continue;
      }
    }
    if (isDirectory) {
      if (skippedDirectories.has(entry.name) || options.isIgnored(path, true)) continue;
      await walkDirectory(path, options, visited, add, warnings, errors);
    } else if (isFile) {
      if (!options.extensions.includes(extname(entry.name).toLowerCase())) continue;
      if (options.isIgnored(path)) continue;
      add(path, false);
    }
  }
  visited.delete(real);
}

async function isGlob(input: string): Promise<boolean> {
  const { isDynamicPattern } = await import('tinyglobby');
  return isDynamicPattern(input);
}

async function globFiles(pattern: string, options: ExpandOptions): Promise<string[]> {
  const { glob } = await import('tinyglobby');
  const matches = await glob(pattern, {
    cwd: options.cwd,
    absolute: true,
    onlyFiles: true,
    expandDirectories: false,
    ignore: ['**/node_modules/**', '**/.git/**'],
  });
  return matches.map((match) => resolve(match)).filter((match) => !options.isIgnored(match));
}

/** Normalises `--ext` values (`md,txt` or `.md`) to lower-case extensions with a dot. */
export function parseExtensions(values: readonly string[]): string[] {
  const extensions = values
    .flatMap((value) => value.split(','))
    .map((value) => value.trim().toLowerCase())
    .filter((value) => value !== '')
    .map((value) => (value.startsWith('.') ? value : `.${value}`));
  return [...new Set(extensions)];
}
