// Writing a fixed file atomically: a temp file in the same directory, renamed over the
// original, so a crash or a full disk never leaves a half-written memo.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TonelintError } from '../core/errors.js';

export interface AtomicWriteOptions {
  /** Permission bits for the new file (the original's). */
  mode: number;
  /** The bytes the caller read; the write is refused if the file no longer holds them. */
  expected?: Uint8Array;
}

/**
 * Replaces the file at `path` with `content`. A symlink is followed so the link stays a link.
 * Throws `InputUnreadable` when the file changed on disk since it was read.
 */
export async function writeFileAtomic(path: string, content: Uint8Array, options: AtomicWriteOptions): Promise<void> {
  let target: string;
  try {
    target = await fs.realpath(path);
  } catch {
    throw new TonelintError('InputMissing', 'disappeared before the fix could be written; not fixed', { file: path });
  }
  if (options.expected) {
    let current: Buffer;
    try {
      current = await fs.readFile(target);
    } catch {
      throw new TonelintError('InputUnreadable', 'disappeared before the fix could be written; not fixed', { file: path });
    }
    if (!current.equals(options.expected)) {
      throw new TonelintError('InputUnreadable', 'changed on disk while it was being linted; not fixed', { file: path });
    }
  }
  const temp = join(dirname(target), `.${basename(target)}.tonelint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temp, content, { flag: 'wx', mode: options.mode });
    // writeFile's mode is filtered by the umask; set it exactly.
    await fs.chmod(temp, options.mode);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    throw new TonelintError('InputUnreadable', `could not write the fix: ${message}`, { file: path });
  }
}
