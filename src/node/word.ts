// Word documents (.docx, also what Google Docs exports): mammoth reads the document XML into
// HTML, and the HTML reader turns that into paragraphs of prose with their places (paragraph
// number, table cell). A Word document has no lines a person can go to, so its findings are
// found again by paragraph and the words around them (core/place.ts).
import { TonelintError } from '../core/errors.js';
import type { ReadText } from '../core/place.js';
import { readRegularFile } from './read.js';

export const wordExtensions: ReadonlySet<string> = new Set(['.docx']);

export function isWordPath(path: string): boolean {
  const dot = path.lastIndexOf('.');
  return dot >= 0 && wordExtensions.has(path.slice(dot).toLowerCase());
}

/** Reads a .docx file; every failure is a `TonelintError` naming the file (`InputDocument` when it is not a readable Word document). */
export async function readWordFile(path: string, maxFileSize?: number): Promise<ReadText> {
  const { bytes } = await readRegularFile(path, maxFileSize);
  return readWordDocument(bytes, path);
}

/** The prose of a .docx file's bytes. */
export async function readWordDocument(bytes: Buffer, file?: string): Promise<ReadText> {
  // Word saves a password-protected document as an OLE compound file, as it saved the old .doc.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new TonelintError(
      'InputDocument',
      'is password-protected or an old-style Word file (.doc), which tonelint cannot read; save a copy as .docx without a password; skipped',
      { file },
    );
  }
  if (!startsWith(bytes, [0x50, 0x4b])) {
    throw new TonelintError('InputDocument', 'is not a Word document (a .docx file is a zip archive); skipped', { file });
  }
  let html: string;
  try {
    // mammoth is CommonJS: its module.exports is `default` both in Node and in the esbuild bundle
    // (which gives a dynamically imported CommonJS package no named exports).
    const { default: mammoth } = await import('mammoth');
    html = (await mammoth.convertToHtml({ buffer: bytes })).value;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new TonelintError('InputDocument', `cannot be read as a Word document (${reason}); skipped`, { file });
  }
  // The HTML reader (rehype-parse) is loaded only by runs that read HTML or Word documents.
  const { readHtml } = await import('../plugin/html.js');
  const { text, blocks } = readHtml(html, { fragment: true });
  return { text, blocks };
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}
