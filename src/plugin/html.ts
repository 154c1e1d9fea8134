// HTML to the prose tonelint reads: rehype-parse (parse5, with positions) to hast, then the
// text of each block (paragraph, heading, list item, table cell) as one plain-text paragraph,
// with the source offset of every character. Code, scripts, styles and hidden elements are
// skipped, as Markdown code is. Word documents come here too, as the HTML mammoth writes.
import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { BlockPlace, ReadBlock, ReadText } from '../core/place.js';

/** Elements whose content is not prose to check (code as in Markdown; machinery; hidden things). */
const skippedElements = new Set([
  'script', 'style', 'code', 'pre', 'kbd', 'samp', 'template', 'noscript', 'head', 'textarea', 'svg', 'math', 'iframe', 'object', 'select',
]);

/** Elements that start and end a block: their text is never read as part of a neighbour's sentence. */
const blockElements = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'legend', 'li', 'main', 'nav', 'ol', 'p',
  'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

const characterReference = /^&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)/;

/** Reads an HTML document (or, with `fragment`, a fragment such as mammoth's output). */
export function readHtml(source: string, options: { fragment?: boolean } = {}): ReadText {
  const tree = unified().use(rehypeParse, { fragment: options.fragment ?? false }).parse(source) as Root;
  const reader = new BlockReader(source);
  reader.walk(tree.children);
  return reader.finish();
}

class BlockReader {
  #text = '';
  #offsets: number[] = [];
  #blocks: ReadBlock[] = [];
  #pending = '';
  #pendingOffsets: number[] = [];
  #lastEnd = 0;
  #paragraphs = 0;
  #tableCount = 0;
  #tables: { table: number; row: number; column: number }[] = [];
  readonly #source: string;

  constructor(source: string) {
    this.#source = source;
  }

  walk(nodes: readonly RootContent[]): void {
    for (const node of nodes) {
      if (node.type === 'text') this.#textNode(node.value, node.position?.start.offset, node.position?.end.offset);
      else if (node.type === 'element') this.#element(node);
    }
  }

  #element(node: Element): void {
    const name = node.tagName.toLowerCase();
    if (skippedElements.has(name) || (node.properties?.hidden !== undefined && node.properties.hidden !== false)) return;
    // A footnote's reference mark ("[1]") and its way back ("↑") are not words of the sentence.
    if (name === 'a' && /^#(?:foot|end)note/.test(String(node.properties?.href ?? ''))) return;
    if (name === 'br') {
      this.#pending += '\n';
      this.#pendingOffsets.push(node.position?.start.offset ?? this.#lastEnd);
      return;
    }
    const block = blockElements.has(name);
    if (block) this.#close();
    if (name === 'table') this.#tables.push({ table: ++this.#tableCount, row: 0, column: 0 });
    const table = this.#tables.at(-1);
    if (table && name === 'tr') {
      table.row++;
      table.column = 0;
    }
    if (table && (name === 'td' || name === 'th')) table.column++;
    this.walk(node.children);
    if (block) this.#close();
    if (name === 'table') this.#tables.pop();
  }

  #textNode(value: string, start: number | undefined, end: number | undefined): void {
    const offsets = start !== undefined && end !== undefined ? align(value, this.#source, start, end) : value.split('').map(() => this.#lastEnd);
    // Line ends inside a block are spaces, as a browser shows them: a wrapped line in the source
    // never splits a paragraph.
    this.#pending += value.replace(/[\t\n\f\r\v]/g, ' ');
    for (const offset of offsets) this.#pendingOffsets.push(offset);
    if (end !== undefined) this.#lastEnd = end;
  }

  #close(): void {
    const pending = this.#pending;
    const offsets = this.#pendingOffsets;
    this.#pending = '';
    this.#pendingOffsets = [];
    if (pending.trim() === '') return;
    if (this.#text !== '') this.#append('\n\n', [offsets[0], offsets[0]]);
    const start = this.#text.length;
    this.#append(pending, offsets);
    const table = this.#tables.at(-1);
    const place: BlockPlace = { paragraph: ++this.#paragraphs, ...(table && table.row > 0 ? { table: { ...table } } : {}) };
    this.#blocks.push({ start, end: this.#text.length, place });
  }

  #append(text: string, offsets: readonly number[]): void {
    this.#text += text;
    for (const offset of offsets) this.#offsets.push(offset);
  }

  finish(): ReadText {
    this.#close();
    this.#offsets.push(this.#lastEnd);
    return { text: this.#text, blocks: this.#blocks, sourceOffsets: this.#offsets };
  }
}

/** The source offset of each code unit of a text node's decoded value (references and CRLF are longer in the source). */
function align(value: string, source: string, start: number, end: number): number[] {
  const offsets = new Array<number>(value.length);
  let j = start;
  for (let i = 0; i < value.length; i++) {
    offsets[i] = Math.min(j, end);
    const reference = source[j] === '&' ? characterReference.exec(source.slice(j, j + 40)) : null;
    // `&amp;` reads as `&`, but so does a bare `&` as in "R&D" (no semicolon, and the same character).
    if (source[j] === value[i] && !(reference && (reference[0].endsWith(';') || value[i] !== '&'))) {
      j++;
    } else if (reference) {
      const code = value.charCodeAt(i);
      // A reference to a character outside the BMP reads as two code units.
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) offsets[++i] = Math.min(j, end);
      j += reference[0].length;
    } else if (source[j] === '\r' && value[i] === '\n') {
      j += source[j + 1] === '\n' ? 2 : 1;
    } else {
      j++;
    }
  }
  return offsets;
}
