// Ignore rules in gitignore syntax: `.tonelintignore` (or `--ignore-path`) and a config's
// `ignorePatterns`, each relative to its own base directory.
import { promises as fs } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import ignore from 'ignore';
import { TonelintError } from '../core/errors.js';
import { readTextFile } from './read.js';

export const ignoreFileName = '.tonelintignore';

/** Tells whether an absolute path is ignored; paths outside the base directory never are. */
export type IgnoreMatcher = (absolutePath: string, isDirectory?: boolean) => boolean;

export const ignoreNothing: IgnoreMatcher = () => false;

export function createIgnoreMatcher(patterns: readonly string[], baseDir: string): IgnoreMatcher {
  if (patterns.length === 0) return ignoreNothing;
  const rules = ignore().add(patterns);
  return (absolutePath, isDirectory = false) => {
    const rel = relative(baseDir, absolutePath);
    // The `ignore` package only takes paths inside its base; anything else is not ours to ignore.
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false;
    const posix = sep === '/' ? rel : rel.split(sep).join('/');
    return rules.ignores(isDirectory ? `${posix}/` : posix);
  };
}

/**
 * Reads an ignore file's patterns. A missing default `.tonelintignore` is no patterns; a
 * missing file named with `--ignore-path` is an error.
 */
export async function readIgnoreFile(path: string, required: boolean): Promise<string[]> {
  try {
    await fs.access(path);
  } catch {
    if (!required) return [];
    throw new TonelintError('InputMissing', 'ignore file not found (--ignore-path)', { file: path });
  }
  const { text } = await readTextFile(path, 1024 * 1024);
  return text.split(/\r?\n/);
}
