// Reading a text file safely: regular files only, a size limit, and a clear error value for
// binary, non-UTF-8 or vanished files, so one bad file never stops the others.
import { constants, promises as fs } from 'node:fs';
import { TonelintError } from '../core/errors.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** A decoded text file and what is needed to write it back byte-for-byte the same way. */
export interface TextFile {
  /** The text without its byte-order mark. */
  text: string;
  encoding: TextEncoding;
  bom: boolean;
  /** The bytes as read, to detect a change on disk before writing a fix. */
  bytes: Buffer;
  /** Permission bits, kept when a fix is written. */
  mode: number;
}

export const defaultMaxFileSize = 10 * 1024 * 1024;

/** How many leading bytes are searched for a NUL, as git does to call a file binary. */
const binarySniffLength = 8000;

/** Reads `path` as text; every failure is a `TonelintError` naming the file. */
export async function readTextFile(path: string, maxFileSize = defaultMaxFileSize): Promise<TextFile> {
  const { bytes, mode } = await readRegularFile(path, maxFileSize);
  return { ...decodeText(bytes, path), bytes, mode };
}

/** Reads the bytes of a regular file within the size limit; every failure is a `TonelintError` naming the file. */
export async function readRegularFile(path: string, maxFileSize = defaultMaxFileSize): Promise<{ bytes: Buffer; mode: number }> {
  let handle: fs.FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO must not hang waiting for a writer; it is refused below.
    handle = await fs.open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw ioError(error, path);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new TonelintError('InputUnreadable', 'is a directory, not a file', { file: path });
    if (!stat.isFile()) {
      throw new TonelintError('InputUnreadable', 'is not a regular file (FIFO, socket or device); skipped', { file: path });
    }
    if (stat.size > maxFileSize) {
      throw new TonelintError(
        'InputTooLarge',
        `is ${formatBytes(stat.size)}, over the ${formatBytes(maxFileSize)} limit (--max-file-size); skipped`,
        { file: path },
      );
    }
    const bytes = await handle.readFile();
    if (bytes.length > maxFileSize) {
      throw new TonelintError('InputTooLarge', `grew over the ${formatBytes(maxFileSize)} limit while being read; skipped`, { file: path });
    }
    return { bytes, mode: stat.mode & 0o7777 };
  } catch (error) {
    throw ioError(error, path);
  } finally {
    await handle.close();
  }
}

/** Decodes file bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM; refuses binary and invalid UTF-8. */
export function decodeText(bytes: Uint8Array, file?: string): Pick<TextFile, 'text' | 'encoding' | 'bom'> {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeStrict('utf-8', bytes.subarray(3), file), encoding: 'utf-8', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeStrict('utf-16le', bytes.subarray(2), file), encoding: 'utf-16le', bom: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeStrict('utf-16be', bytes.subarray(2), file), encoding: 'utf-16be', bom: true };
  }
  const sniff = bytes.subarray(0, binarySniffLength);
  if (sniff.includes(0)) {
    throw new TonelintError('InputBinary', 'looks binary (contains NUL bytes); skipped', { file });
  }
  return { text: decodeStrict('utf-8', bytes, file), encoding: 'utf-8', bom: false };
}

/** Encodes text back the way it was read: same encoding, BOM kept. */
export function encodeText(text: string, encoding: TextEncoding, bom: boolean): Buffer {
  if (encoding === 'utf-8') return Buffer.from(bom ? `\uFEFF${text}` : text, 'utf8');
  const le = Buffer.from(bom ? `\uFEFF${text}` : text, 'utf16le');
  return encoding === 'utf-16le' ? le : le.swap16();
}

function decodeStrict(encoding: TextEncoding, bytes: Uint8Array, file?: string): string {
  try {
    // ignoreBOM: the BOM was already handled by the caller; a second one is content.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const name = encoding === 'utf-8' ? 'UTF-8' : encoding.toUpperCase();
    throw new TonelintError('InputEncoding', `is not valid ${name} text; skipped (convert it to UTF-8)`, { file });
  }
}

/** Maps a Node I/O error to a one-line `TonelintError`. */
export function ioError(error: unknown, path: string): TonelintError {
  if (error instanceof TonelintError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return new TonelintError('InputMissing', 'no such file', { file: path });
    case 'EACCES':
    case 'EPERM':
      return new TonelintError('InputUnreadable', 'permission denied', { file: path });
    case 'EISDIR':
      return new TonelintError('InputUnreadable', 'is a directory, not a file', { file: path });
    case 'ELOOP':
      return new TonelintError('InputUnreadable', 'symbolic link loop', { file: path });
    case 'ENXIO':
      return new TonelintError('InputUnreadable', 'is not a regular file (FIFO, socket or device); skipped', { file: path });
    default: {
      const message = error instanceof Error ? error.message : String(error);
      const wrapped = new TonelintError('InputUnreadable', `cannot be read: ${message}`, { file: path });
      if (error instanceof Error) wrapped.cause = error;
      return wrapped;
    }
  }
}

/** Parses a size such as `10MB`, `512kb`, `2048` (bytes). */
export function parseByteSize(value: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|kib|mb|m|mib|gb|g|gib)?\s*$/i.exec(value);
  if (!match) return undefined;
  const unit = (match[2] ?? 'b').toLowerCase();
  const scale = unit.startsWith('g') ? 1024 ** 3 : unit.startsWith('m') ? 1024 ** 2 : unit.startsWith('k') ? 1024 : 1;
  return Math.floor(Number(match[1]) * scale);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
