// A real LSP client for the built server: spawns `bin/tonelint-language-server.js --stdio` and
// speaks JSON-RPC to it with vscode-jsonrpc, recording every notification the server sends.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const serverBin = fileURLToPath(new URL('../../bin/tonelint-language-server.js', import.meta.url));

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface Diagnostic {
  range: Range;
  severity: number;
  code: string;
  codeDescription?: { href: string };
  source: string;
  message: string;
}
export interface PublishDiagnosticsParams {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}
export interface TextEdit {
  range: Range;
  newText: string;
}
export interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  edit?: { changes?: Record<string, TextEdit[]>; documentChanges?: { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[] };
}

export interface Client {
  connection: MessageConnection;
  child: ChildProcessWithoutNullStreams;
  stderr: () => string;
  published: PublishDiagnosticsParams[];
  messages: { type: number; message: string }[];
  logs: { type: number; message: string }[];
  initializeResult: { capabilities: Record<string, unknown> & { positionEncoding?: string } };
  /** Resolves with the first publish for `uri` (already received or still to come) that satisfies `test`. */
  diagnostics: (uri: string, test?: (p: PublishDiagnosticsParams) => boolean) => Promise<PublishDiagnosticsParams>;
  open: (uri: string, text: string, languageId?: string, version?: number) => Promise<void>;
  close: () => Promise<number | null>;
}

export function assertBuilt(): void {
  if (!existsSync(fileURLToPath(new URL('../../dist/lsp/main.js', import.meta.url)))) {
    throw new Error('dist/lsp/main.js is missing: run `npm run build` before the lsp tests');
  }
}

export async function startClient(
  options: { capabilities?: Record<string, unknown>; initializationOptions?: unknown; rootUri?: string | null; cwd?: string } = {},
): Promise<Client> {
  assertBuilt();
  const child = spawn(process.execPath, [serverBin, '--stdio'], { cwd: options.cwd ?? repoRoot, stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { uri: string; test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  const messages: Client['messages'] = [];
  const logs: Client['logs'] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && waiter.test(params)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  });
  connection.onNotification('window/showMessage', (params: { type: number; message: string }) => messages.push(params));
  connection.onNotification('window/logMessage', (params: { type: number; message: string }) => logs.push(params));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  connection.listen();
  const initializeResult = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: options.rootUri ?? null,
    capabilities: options.capabilities ?? {},
    initializationOptions: options.initializationOptions,
  })) as Client['initializeResult'];
  await connection.sendNotification('initialized', {});

  const client: Client = {
    connection,
    child,
    stderr: () => stderr,
    published,
    messages,
    logs,
    initializeResult,
    diagnostics(uri, test = () => true) {
      const already = published.find((p) => p.uri === uri && test(p));
      if (already) return Promise.resolve(already);
      return new Promise((resolve) => waiters.push({ uri, test, resolve }));
    },
    async open(uri, text, languageId = 'markdown', version = 1) {
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    },
    async close() {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      if (child.exitCode !== null) return child.exitCode;
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
  return client;
}

/** Applies LSP edits (UTF-16 positions) to a text, the way an editor applies a WorkspaceEdit. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: Position) => Math.min((starts[p.line] ?? text.length) + p.character, text.length);
  let output = text;
  for (const edit of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    output = output.slice(0, offset(edit.range.start)) + edit.newText + output.slice(offset(edit.range.end));
  }
  return output;
}

/** The edits of a code action for one document, whichever WorkspaceEdit form it uses. */
export function editsOf(action: CodeAction, uri: string): TextEdit[] {
  if (action.edit?.documentChanges) return action.edit.documentChanges.filter((c) => c.textDocument.uri === uri).flatMap((c) => c.edits);
  return action.edit?.changes?.[uri] ?? [];
}

/** The UTF-16 LSP position of an offset in `text`. */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}
