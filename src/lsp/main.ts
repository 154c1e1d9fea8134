// The connection: stdio (or given streams) in, the server behaviour attached, the process kept
// alive through any error. `tonelint lsp --stdio` and `tonelint-language-server --stdio` call
// startServer().
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node.js';
import { attachServer, type ServerOptions } from './server.js';
import { projectConfigLoader } from './project-config.js';

export interface StartServerOptions extends ServerOptions {
  /** Defaults to process.stdin; the bench passes an in-process stream. */
  input?: NodeJS.ReadableStream;
  /** Defaults to process.stdout. */
  output?: NodeJS.WritableStream;
}

export function startServer(options: StartServerOptions = {}): Connection {
  const usesStdio = options.output === undefined;
  if (usesStdio) protectStdout();
  // Raw stdio streams let vscode-languageserver exit when the client closes stdin; in-process
  // streams are wrapped so ending them never exits the host (the bench).
  const connection = usesStdio
    ? createConnection(ProposedFeatures.all, process.stdin, process.stdout)
    : createConnection(ProposedFeatures.all, new StreamMessageReader(options.input ?? process.stdin), new StreamMessageWriter(options.output!));
  if (usesStdio) {
    // An error anywhere must not end the session the writer is typing in: log it and go on.
    process.on('uncaughtException', (error) => connection.console.error(`tonelint: uncaught: ${error.stack ?? error.message}`));
    process.on('unhandledRejection', (reason) => connection.console.error(`tonelint: unhandled rejection: ${String(reason)}`));
  }
  attachServer(connection, { createConfigLoader: projectConfigLoader, ...options });
  connection.listen();
  return connection;
}

/** stdout carries the protocol; a stray console.log from any library would corrupt it. */
function protectStdout(): void {
  const toStderr = (...args: unknown[]) => process.stderr.write(`${args.map(String).join(' ')}\n`);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
}
