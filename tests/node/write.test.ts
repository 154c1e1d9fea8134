// writeFileAtomic's refusals, in process: each one names the file, says why, leaves the original
// as it was and no temp file behind. (tests/safety/write.test.ts covers the happy paths, modes,
// symlinks and a full disk.)
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TonelintError } from '../../src/core/errors.js';
import { writeFileAtomic } from '../../src/node/write.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tonelint-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function refusal(promise: Promise<void>): Promise<TonelintError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(TonelintError);
  return error as TonelintError;
}

describe('writeFileAtomic refuses', () => {
  it('a file that no longer exists', async () => {
    const path = join(dir, 'gone.md');
    const error = await refusal(writeFileAtomic(path, Buffer.from('x'), { mode: 0o644 }));
    expect([error.code, error.message, error.file]).toEqual(['InputMissing', 'disappeared before the fix could be written; not fixed', path]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a file whose bytes changed since they were read, leaving it as it is now', async () => {
    const path = join(dir, 'memo.md');
    writeFileSync(path, 'edited meanwhile\n');
    const error = await refusal(writeFileAtomic(path, Buffer.from('fixed\n'), { mode: 0o644, expected: Buffer.from('as read\n') }));
    expect([error.code, error.message, error.file]).toEqual(['InputUnreadable', 'changed on disk while it was being linted; not fixed', path]);
    expect(readFileSync(path, 'utf8')).toBe('edited meanwhile\n');
    expect(readdirSync(dir)).toEqual(['memo.md']);
  });

  it('a path that cannot be read back to compare', async () => {
    const path = join(dir, 'folder');
    mkdirSync(path);
    const error = await refusal(writeFileAtomic(path, Buffer.from('fixed\n'), { mode: 0o644, expected: Buffer.from('as read\n') }));
    expect([error.code, error.message, error.file]).toEqual(['InputUnreadable', 'disappeared before the fix could be written; not fixed', path]);
    expect(readdirSync(dir)).toEqual(['folder']);
  });

  it('a write that fails, removing its temp file', async () => {
    // The rename of a file over a directory fails after the temp file was written.
    const path = join(dir, 'folder');
    mkdirSync(path);
    writeFileSync(join(path, 'inside'), 'x');
    const error = await refusal(writeFileAtomic(path, Buffer.from('fixed\n'), { mode: 0o644 }));
    expect(error.code).toBe('InputUnreadable');
    expect(error.message).toMatch(/^could not write the fix: E[A-Z]+: /);
    expect(error.file).toBe(path);
    expect(readdirSync(dir)).toEqual(['folder']);
  });
});

describe('writeFileAtomic without the bytes as read', () => {
  it('writes without comparing', async () => {
    const path = join(dir, 'memo.md');
    writeFileSync(path, 'whatever is there\n');
    await writeFileAtomic(path, Buffer.from('fixed\n'), { mode: 0o644 });
    expect(readFileSync(path, 'utf8')).toBe('fixed\n');
  });

  it('writes when the bytes are unchanged', async () => {
    const path = join(dir, 'memo.md');
    writeFileSync(path, 'as read\n');
    await writeFileAtomic(path, Buffer.from('fixed\n'), { mode: 0o644, expected: Buffer.from('as read\n') });
    expect(readFileSync(path, 'utf8')).toBe('fixed\n');
  });
});
