// The language server on a connection: wires the protocol's notifications and requests to the
// document store (documents.ts), the config cache (config-cache.ts) and the pure handlers for
// code actions and hover. Protocol shapes come from the pure conversions in convert.ts.
import { DidChangeWatchedFilesNotification, MessageType, type CodeAction, type Connection, type Hover } from 'vscode-languageserver/node.js';
import { configWatchers, negotiate, noClientSupport, type ClientSupport } from './capabilities.js';
import { codeActions } from './code-actions.js';
import { isConfigFile, noConfigFiles, readSettings, type ConfigLoaderFactory } from './config.js';
import { ConfigCache, uriPath } from './config-cache.js';
import type { PositionEncoding } from './convert.js';
import { DocumentStore } from './documents.js';
import { hoverAt } from './hover.js';

export { fixAllKind } from './capabilities.js';

export const defaultDebounceMs = 150;

export interface ServerOptions {
  /** Makes the loader that finds a document's project config (the CLI's loader). */
  createConfigLoader?: ConfigLoaderFactory;
  /** Overrides the debounce for every document (the bench sets 0). */
  debounceMs?: number;
}

/** Wires tonelint onto an LSP connection. Returns nothing: the connection owns the lifetime. */
export function attachServer(connection: Connection, options: ServerOptions = {}): void {
  let encoding: PositionEncoding = 'utf-16';
  let support: ClientSupport = noClientSupport;

  let lastLogged = '';
  const logError = (what: string, error: unknown) => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    const line = `tonelint: ${what}: ${detail}`;
    // The same failure on every keystroke (a broken rule pack) is logged once, not per edit.
    if (line === lastLogged) return;
    lastLogged = line;
    connection.console.error(line);
  };

  const configs = new ConfigCache({
    createConfigLoader: options.createConfigLoader ?? noConfigFiles,
    warn: (message) => connection.console.warn(`tonelint: ${message}`),
    logError,
    showError: (message) => void connection.sendNotification('window/showMessage', { type: MessageType.Error, message }),
  });
  const documents = new DocumentStore({
    configs,
    encoding: () => encoding,
    debounceMs: () => options.debounceMs ?? configs.settings.debounceMs ?? configs.initSettings.debounceMs ?? defaultDebounceMs,
    sendDiagnostics: (params) => connection.sendDiagnostics(params),
    logError,
  });

  connection.onInitialize((params) => {
    const negotiated = negotiate(params);
    encoding = negotiated.encoding;
    support = negotiated.support;
    configs.initSettings = readSettings(params.initializationOptions);
    return negotiated.result;
  });

  connection.onInitialized(() => {
    if (support.watchedFilesRegistration) {
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: configWatchers() }).catch((error) => logError('registering file watchers', error));
    }
    if (support.configuration) void pullSettings();
  });

  async function pullSettings(): Promise<void> {
    try {
      const [value] = await connection.workspace.getConfiguration([{ section: 'tonelint' }]);
      if (configs.applySettings(value)) documents.relintAll();
    } catch (error) {
      logError('reading settings', error);
    }
  }

  connection.onDidChangeConfiguration((params) => {
    if (support.configuration) void pullSettings();
    else if (configs.applySettings(params.settings)) documents.relintAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (!params.changes.some((change) => isConfigFile(uriPath(change.uri) ?? change.uri))) return;
    configs.reload();
    documents.relintAll();
  });

  connection.onDidOpenTextDocument((params) => documents.open(params));
  connection.onDidChangeTextDocument((params) => documents.change(params));
  connection.onDidCloseTextDocument(({ textDocument }) => documents.close(textDocument.uri));

  connection.onCodeAction(async (params): Promise<CodeAction[]> => {
    try {
      const open = documents.get(params.textDocument.uri);
      const snapshot = open && (await documents.lintCurrent(open));
      if (open === undefined || snapshot === undefined) return [];
      return codeActions({ uri: open.document.uri, format: open.format, snapshot }, params, encoding, support.documentChanges);
    } catch (error) {
      logError('code actions', error);
      return [];
    }
  });

  connection.onHover(async (params): Promise<Hover | null> => {
    try {
      const open = documents.get(params.textDocument.uri);
      const snapshot = open && (await documents.lintCurrent(open));
      if (snapshot === undefined) return null;
      return hoverAt(snapshot, params.position, encoding, support.markdownHover);
    } catch (error) {
      logError('hover', error);
      return null;
    }
  });

  connection.onShutdown(() => documents.shutdown());
}
