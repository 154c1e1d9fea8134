// Reading a file as text: what the CLI reads, refuses and writes back, byte for byte.
import { chmodSync, mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { TonelintError } from '../../src/core/errors.js';
import { decodeText, encodeText, formatBytes, ioError, parseByteSize, readTextFile } from '../../src/node/read.js';

const dir = mkdtempSync(join(tmpdir(), 'tonelint-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array | string, mode?: number): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  if (mode !== undefined) chmodSync(path, mode);
  return path;
}

async function failure(promise: Promise<unknown>): Promise<TonelintError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(TonelintError);
  return error as TonelintError;
}

describe('readTextFile', () => {
  it('reads UTF-8 text with its bytes and its permission bits', async () => {
    const path = file('memo.md', 'Café staff\n', 0o640);
    const read = await readTextFile(path);
    expect(read).toMatchObject({ text: 'Café staff\n', encoding: 'utf-8', bom: false, mode: 0o640 });
    expect(read.bytes.equals(Buffer.from('Café staff\n'))).toBe(true);
  });

  it('keeps the setgid and sticky bits but not the file type in the mode', async () => {
    const path = file('special.md', 'text', 0o3775);
    expect((await readTextFile(path)).mode).toBe(0o3775);
  });

  it('reads a file of exactly the size limit, and refuses one byte more', async () => {
    const path = file('limit.md', 'a'.repeat(100));
    expect((await readTextFile(path, 100)).text).toHaveLength(100);
    const error = await failure(readTextFile(path, 99));
    expect(error.code).toBe('InputTooLarge');
    expect(error.message).toContain('is 100 bytes, over the 99 bytes limit (--max-file-size); skipped');
    expect(error.file).toBe(path);
  });

  it('names a missing file', async () => {
    const path = join(dir, 'absent.md');
    const error = await failure(readTextFile(path));
    expect([error.code, error.message, error.file]).toEqual(['InputMissing', 'no such file', path]);
  });

  it('refuses a directory', async () => {
    const path = join(dir, 'folder');
    mkdirSync(path);
    const error = await failure(readTextFile(path));
    expect([error.code, error.message]).toEqual(['InputUnreadable', 'is a directory, not a file']);
  });

  it('refuses a FIFO without waiting for a writer', async () => {
    const path = join(dir, 'pipe');
    execFileSync('mkfifo', [path]);
    const error = await failure(readTextFile(path));
    expect(error.code).toBe('InputUnreadable');
    expect(error.message).toContain('not a regular file');
  });

  it('reports a symbolic link loop', async () => {
    const path = join(dir, 'loop');
    symlinkSync(path, path);
    const error = await failure(readTextFile(path));
    expect([error.code, error.message]).toEqual(['InputUnreadable', 'symbolic link loop']);
  });

  it('refuses binary files and invalid UTF-8 with a code each', async () => {
    expect((await failure(readTextFile(file('image.png', new Uint8Array([0x89, 0x50, 0x00, 0x47]))))).code).toBe('InputBinary');
    const invalid = await failure(readTextFile(file('latin1.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9]))));
    expect([invalid.code, invalid.message]).toEqual(['InputEncoding', 'is not valid UTF-8 text; skipped (convert it to UTF-8)']);
  });
});

describe('decodeText and encodeText', () => {
  const text = 'Hi 👋 café\r\n';
  it.each([
    ['utf-8', true, [0xef, 0xbb, 0xbf]],
    ['utf-8', false, []],
    ['utf-16le', true, [0xff, 0xfe]],
    ['utf-16be', true, [0xfe, 0xff]],
  ] as const)('round-trips %s (BOM %s) byte for byte', (encoding, bom, mark) => {
    const bytes = encodeText(text, encoding, bom);
    expect([...bytes.subarray(0, mark.length)]).toEqual(mark);
    expect(decodeText(bytes)).toEqual({ text, encoding, bom });
    expect(encodeText(decodeText(bytes).text, encoding, bom).equals(bytes)).toBe(true);
  });

  it('writes UTF-16BE as swapped UTF-16LE', () => {
    expect([...encodeText('A', 'utf-16be', true)]).toEqual([0xfe, 0xff, 0x00, 0x41]);
    expect([...encodeText('A', 'utf-16le', true)]).toEqual([0xff, 0xfe, 0x41, 0x00]);
  });

  it('keeps a second BOM as content', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61])).text).toBe('\uFEFFa');
  });

  it('looks for NUL bytes in the first 8000 bytes only, as git does', () => {
    const late = new Uint8Array(8001).fill(0x61);
    late[8000] = 0;
    expect(decodeText(late).text).toHaveLength(8001);
    const early = new Uint8Array(8000).fill(0x61);
    early[7999] = 0;
    expect(() => decodeText(early, 'x.md')).toThrow(expect.objectContaining({ code: 'InputBinary', file: 'x.md' }));
  });

  it('names the encoding a file fails to decode in', () => {
    expect(() => decodeText(new Uint8Array([0xff, 0xfe, 0x00, 0xd8]))).toThrow('is not valid UTF-16LE text');
    expect(() => decodeText(new Uint8Array([0xfe, 0xff, 0xd8, 0x00]))).toThrow('is not valid UTF-16BE text');
    expect(() => decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xc3]))).toThrow('is not valid UTF-8 text');
  });

  it('reads a file that only starts like a BOM as UTF-8', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0x61]).subarray(2))).toEqual({ text: 'a', encoding: 'utf-8', bom: false });
    expect(() => decodeText(new Uint8Array([0xef, 0xbb]))).toThrow('is not valid UTF-8 text');
    expect(() => decodeText(new Uint8Array([0xff, 0x61]))).toThrow('is not valid UTF-8 text');
    expect(() => decodeText(new Uint8Array([0xfe, 0x61]))).toThrow('is not valid UTF-8 text');
  });
});

describe('ioError', () => {
  const errno = (code: string) => Object.assign(new Error(`${code}: failed`), { code });
  it.each([
    ['ENOENT', 'InputMissing', 'no such file'],
    ['EACCES', 'InputUnreadable', 'permission denied'],
    ['EPERM', 'InputUnreadable', 'permission denied'],
    ['EISDIR', 'InputUnreadable', 'is a directory, not a file'],
    ['ELOOP', 'InputUnreadable', 'symbolic link loop'],
    ['ENXIO', 'InputUnreadable', 'is not a regular file (FIFO, socket or device); skipped'],
  ])('maps %s to %s: %s', (code, expected, message) => {
    const error = ioError(errno(code), 'memo.md');
    expect([error.code, error.message, error.file]).toEqual([expected, message, 'memo.md']);
  });

  it('wraps any other error with its message and cause', () => {
    const cause = errno('EIO');
    const error = ioError(cause, 'memo.md');
    expect([error.code, error.message]).toEqual(['InputUnreadable', 'cannot be read: EIO: failed']);
    expect(error.cause).toBe(cause);
    expect(ioError('odd', 'memo.md').message).toBe('cannot be read: odd');
    expect(ioError('odd', 'memo.md').cause).toBeUndefined();
  });

  it('passes a TonelintError through', () => {
    const original = new TonelintError('InputBinary', 'looks binary', { file: 'a.md' });
    expect(ioError(original, 'b.md')).toBe(original);
  });
});

describe('sizes', () => {
  it.each([
    ['2048', 2048],
    [' 10MB ', 10 * 1024 ** 2],
    ['512kb', 512 * 1024],
    ['1.5k', 1536],
    ['2KiB', 2048],
    ['1m', 1024 ** 2],
    ['3MiB', 3 * 1024 ** 2],
    ['1g', 1024 ** 3],
    ['2GB', 2 * 1024 ** 3],
    ['1gib', 1024 ** 3],
    ['7b', 7],
    ['0.5b', 0],
  ])('parses %j as %d bytes', (value, bytes) => {
    expect(parseByteSize(value)).toBe(bytes);
  });

  it.each(['', 'MB', '-1', '10 TB', '1e3', '10MBs', 'x10'])('refuses %j', (value) => {
    expect(parseByteSize(value)).toBeUndefined();
  });

  it('formats bytes, kilobytes and megabytes with at most one decimal', () => {
    expect([0, 1023, 1024, 1536, 1024 ** 2 - 1, 1024 ** 2, 10.25 * 1024 ** 2].map(formatBytes)).toEqual([
      '0 bytes',
      '1023 bytes',
      '1 KB',
      '1.5 KB',
      '1024 KB',
      '1 MB',
      '10.3 MB',
    ]);
  });
});
