// The built language server under random but well-formed edit sequences, and under malformed
// JSON-RPC. The client keeps its own model of each document (vscode-languageserver-textdocument);
// after every sequence the server's diagnostics must equal those of a fresh document opened with
// the client's final text (so the server's copy equals the client's), and stay inside the text.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { params, seed, timeout, triggerText, unicodeText } from './arbitraries.js';

const serverBin = fileURLToPath(new URL('../../bin/tonelint-language-server.js', import.meta.url));

interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  code?: string;
  message: string;
}
interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

class Server {
  readonly child: ChildProcessWithoutNullStreams;
  readonly connection: MessageConnection;
  stderr = '';
  private waiters: { test: (p: Published) => boolean; resolve: (p: Published) => void }[] = [];
  readonly published: Published[] = [];

  constructor() {
    this.child = spawn(process.execPath, [serverBin, '--stdio'], { stdio: 'pipe' });
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      this.published.push(p);
      for (const waiter of [...this.waiters]) {
        if (waiter.test(p)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(p);
        }
      }
    });
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('window/showMessage', () => undefined);
    this.connection.listen();
  }

  async initialize(): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { general: { positionEncodings: ['utf-16'] } },
      initializationOptions: { debounceMs: 0 },
    });
    await this.connection.sendNotification('initialized', {});
    return result as { capabilities: Record<string, unknown> };
  }

  diagnostics(uri: string, version: number, ms = 20_000): Promise<Published> {
    const test = (p: Published) => p.uri === uri && p.version === version;
    const already = this.published.find(test);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${ms} ms; stderr: ${this.stderr.slice(-500)}`)), ms);
      this.waiters.push({ test, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }
}

let server: Server;
let documents = 0;
beforeAll(async () => {
  server = new Server();
  const init = await server.initialize();
  expect(init.capabilities.positionEncoding ?? 'utf-16').toBe('utf-16');
});
afterAll(async () => {
  if (server.child.exitCode === null) {
    await server.connection.sendRequest('shutdown').catch(() => undefined);
    await server.connection.sendNotification('exit').catch(() => undefined);
  }
  server.connection.dispose();
  server.child.kill();
});

/** One edit as fractions of the current length, so it is valid whatever the text has become. */
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat(12),
  insert: fc.oneof(fc.constant(''), triggerText, unicodeText, fc.constantFrom('\n', '\r\n', '\r', '😱', '\ud83d', '\ude31', ' bloodbath ', 'AI will replace our staff. ')),
});

function inRange(document: TextDocument, diagnostic: Diagnostic): string | undefined {
  const { start, end } = diagnostic.range;
  for (const point of [start, end]) {
    if (point.line < 0 || point.line >= document.lineCount || point.character < 0) return `position ${JSON.stringify(point)} outside ${document.lineCount} lines`;
    const lineEnd = document.offsetAt({ line: point.line + 1, character: 0 });
    const lineStart = document.offsetAt({ line: point.line, character: 0 });
    if (point.character > lineEnd - lineStart) return `character ${point.character} past the end of line ${point.line}`;
  }
  if (document.offsetAt(start) > document.offsetAt(end)) return 'start after end';
  return undefined;
}

const comparable = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code ?? ''} ${d.message}`).sort();

describe(`language server under random edit sequences (seed ${seed})`, () => {
  // Guards a race found here: TextDocument.update mutates the document in place, so a version
  // read after `await lint(...)` published old findings under the newest version.
  it('keeps its document equal to the client model and every diagnostic in range', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(triggerText, unicodeText), fc.array(edit, { minLength: 1, maxLength: 15 }), fc.constantFrom('markdown', 'plaintext'), async (initial, edits, languageId) => {
        const uri = `file:///fuzz/doc-${++documents}.${languageId === 'markdown' ? 'md' : 'txt'}`;
        let model = TextDocument.create(uri, languageId, 1, initial);
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text: initial } });
        for (const { at, length, insert } of edits) {
          const text = model.getText();
          // Offsets are UTF-16 code units, so an edit may well start or end inside a surrogate pair.
          const start = Math.floor(at * text.length);
          const end = Math.min(text.length, start + length);
          const range = { start: model.positionAt(start), end: model.positionAt(end) };
          const change = { range, text: insert };
          model = TextDocument.update(model, [change], model.version + 1);
          await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: model.version }, contentChanges: [change] });
        }
        const edited = await server.diagnostics(uri, model.version);
        for (const diagnostic of edited.diagnostics) {
          const problem = inRange(model, diagnostic);
          if (problem) throw new Error(`${diagnostic.code}: ${problem}`);
        }
        // A fresh document with the client's final text: same diagnostics, or the copies differ.
        const fresh = `${uri}.fresh`;
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: fresh, languageId, version: 1, text: model.getText() } });
        const reference = await server.diagnostics(fresh, 1);
        expect(comparable(edited.diagnostics)).toEqual(comparable(reference.diagnostics));
        await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: fresh } });
      }),
      params(40),
    );
    expect(server.child.exitCode).toBeNull();
  }, timeout * 2);
});

describe('language server under malformed JSON-RPC', () => {
  const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  /** A request the server must answer: hover on an open document. */
  async function stillServes(label: string): Promise<void> {
    const uri = `file:///fuzz/alive-${++documents}.md`;
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: 'It will be a bloodbath for jobs.\n' } });
    const published = await server.diagnostics(uri, 1, 10_000).catch((error: Error) => {
      throw new Error(`after ${label}: ${error.message}`);
    });
    expect(published.diagnostics.length, `after ${label}`).toBeGreaterThan(0);
    const hover = await Promise.race([
      server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 16 } }),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no hover answer after ${label}`)), 10_000)),
    ]);
    expect(hover === null || typeof hover === 'object').toBe(true);
  }

  it.each([
    ['a body that is not JSON', frame('{"jsonrpc": "2.0", "id": 9001, "method": ')],
    ['JSON that is not JSON-RPC', frame('{"hello": "world"}')],
    ['an array batch', frame('[{"jsonrpc":"2.0","id":9002,"method":"shutdown"}, 1, "x"]')],
    ['a request for an unknown method', frame('{"jsonrpc":"2.0","id":9003,"method":"tonelint/doesNotExist","params":{}}')],
    ['hover with params of the wrong types', frame('{"jsonrpc":"2.0","id":9004,"method":"textDocument/hover","params":{"textDocument":5,"position":"x"}}')],
    ['didChange for a document never opened', frame('{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///nope.md","version":2},"contentChanges":[{"text":"x"}]}}')],
    ['didChange with a range past the end', frame(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///fuzz/short.md","languageId":"markdown","version":1,"text":"ab"}}}`) + frame('{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///fuzz/short.md","version":2},"contentChanges":[{"range":{"start":{"line":99,"character":5},"end":{"line":-1,"character":1e9}},"text":"bloodbath"}]}}')],
    ['didOpen with text that is not a string', frame('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///fuzz/num.md","languageId":"markdown","version":1,"text":42}}}')],
    ['a NUL-filled body of the declared length', `Content-Length: 16\r\n\r\n${'\u0000'.repeat(16)}`],
  ])('answers or drops %s, then keeps serving', async (label, bytes) => {
    server.child.stdin.write(bytes);
    await stillServes(label);
    expect(server.child.exitCode, server.stderr.slice(-1000)).toBeNull();
  }, 30_000);

  it('answers an unknown method request with a MethodNotFound error', async () => {
    await expect(server.connection.sendRequest('tonelint/doesNotExist', {})).rejects.toMatchObject({ code: -32601 });
    await stillServes('an unknown request');
  });
});
