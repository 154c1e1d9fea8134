// For `npm run bench`: drives the real server in-process over JSON-RPC and times each
// one-character edit from `didChange` to the `publishDiagnostics` of that version, with the
// debounce set to 0 so only re-lint and protocol time is measured.
import { PassThrough } from 'node:stream';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node.js';
import { startServer } from './main.js';

export interface RelintMeasureOptions {
  /** The document to edit, e.g. a 5,000-word memo. */
  text: string;
  languageId?: 'markdown' | 'plaintext';
  /** How many one-character edits to time. */
  edits: number;
  /** Edits not timed before the measured ones (JIT warm-up). */
  warmup?: number;
}

export interface RelintMeasurement {
  /** Milliseconds from didChange to the matching publishDiagnostics, one per timed edit. */
  samplesMs: number[];
  /** Diagnostics published for the last version. */
  lastDiagnostics: number;
  /** process.memoryUsage().heapUsed after the 10th timed edit and after the last one (after gc when `--expose-gc`). */
  heapAfter10: number;
  heapAfterAll: number;
  /** Diagnostics published for the document as opened. */
  firstDiagnostics: number;
  /** The document after every edit, as the server holds it (the edits applied to a copy). */
  finalText: string;
}

/**
 * Times re-lints after one-character edits. Each edit types or deletes one character at a
 * rotating point in the document, so a different block is touched each time, as when writing.
 */
export async function measureRelintLatency(options: RelintMeasureOptions): Promise<RelintMeasurement> {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  const server = startServer({ input: toServer, output: fromServer, debounceMs: 0 });
  const client = createMessageConnection(new StreamMessageReader(fromServer), new StreamMessageWriter(toServer));
  const uri = 'untitled:tonelint-bench.md';
  const waiters = new Map<number, (count: number) => void>();
  client.onNotification('textDocument/publishDiagnostics', (params: { version?: number; diagnostics: unknown[] }) => {
    if (params.version !== undefined) waiters.get(params.version)?.(params.diagnostics.length);
  });
  client.listen();
  try {
    await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
    await client.sendNotification('initialized', {});
    let version = 1;
    const firstDiagnostics = await published(waiters, version, () =>
      client.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: options.languageId ?? 'markdown', version, text: options.text },
      }),
    );
    let lastDiagnostics = firstDiagnostics;
    const lines = options.text.split('\n');
    const proseLines = lines.map((line, i) => (line.trim().length > 20 ? i : -1)).filter((i) => i >= 0);
    const samplesMs: number[] = [];
    const heap = () => {
      (globalThis as { gc?: () => void }).gc?.();
      return process.memoryUsage().heapUsed;
    };
    let heapAfter10 = 0;
    const total = (options.warmup ?? 0) + options.edits;
    for (let n = 0; n < total; n++) {
      // Type an `x` on even edits and delete that same `x` on the next: the document never drifts.
      // (Deleting at another line took a first character off 500 lines in 1,000 edits, fences
      // included, so later edits re-linted a different, larger document.)
      const line = proseLines.length > 0 ? proseLines[(Math.floor(n / 2) * 7) % proseLines.length] : 0;
      const typing = n % 2 === 0;
      const range = typing
        ? { start: { line, character: 0 }, end: { line, character: 0 } }
        : { start: { line, character: 0 }, end: { line, character: 1 } };
      lines[line] = typing ? `x${lines[line]}` : lines[line].slice(1);
      version++;
      const started = performance.now();
      lastDiagnostics = await published(waiters, version, () =>
        client.sendNotification('textDocument/didChange', {
          textDocument: { uri, version },
          contentChanges: [{ range, text: typing ? 'x' : '' }],
        }),
      );
      if (n >= (options.warmup ?? 0)) samplesMs.push(performance.now() - started);
      if (samplesMs.length === 10 && heapAfter10 === 0) heapAfter10 = heap();
    }
    return { samplesMs, lastDiagnostics, heapAfter10, heapAfterAll: heap(), firstDiagnostics, finalText: lines.join('\n') };
  } finally {
    client.dispose();
    server.dispose();
  }
}

async function published(
  waiters: Map<number, (count: number) => void>,
  version: number,
  send: () => Promise<void>,
): Promise<number> {
  const arrived = new Promise<number>((resolve) => waiters.set(version, resolve));
  await send();
  const count = await arrived;
  waiters.delete(version);
  return count;
}
