// The language server's behaviour on a connection: the document store, debounced linting of the
// latest version only, code actions, hover and configuration. Protocol shapes come from the pure
// conversions in convert.ts; findings come from the core through IncrementalLinter.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  MessageType,
  TextDocumentSyncKind,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
  type TextDocumentContentChangeEvent,
  type WorkspaceEdit,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getRule, lint } from '../index.js';
import type { LintConfig } from '../core/config.js';
import { isTonelintError } from '../core/errors.js';
import { createLineIndex, type LineIndex } from '../core/position.js';
import {
  disableFileEdit,
  disableLineEdit,
  findingToDiagnostic,
  findingTouches,
  fixAllEdits,
  hoverMarkdown,
  negotiateEncoding,
  positionToOffset,
  rangeOf,
  suggestionEdit,
  suggestionTitle,
  type DocumentFormat,
  type LspTextEdit,
  type PositionEncoding,
} from './convert.js';
import { IncrementalLinter, type DocumentLintResult } from './incremental.js';
import { isConfigFile, mergeConfig, noConfigFiles, readSettings, type ConfigLoaderFactory, type TonelintSettings } from './config.js';

export const defaultDebounceMs = 150;
export const fixAllKind = 'source.fixAll.tonelint';
// Editors name plain text `plaintext` (LSP) or `text` (Helix, Neovim filetype); both are linted.
const languageFormats: Record<string, DocumentFormat> = { markdown: 'markdown', plaintext: 'text', text: 'text' };

export interface ServerOptions {
  /** Makes the loader that finds a document's project config (the CLI's loader). */
  createConfigLoader?: ConfigLoaderFactory;
  /** Overrides the debounce for every document (the bench sets 0). */
  debounceMs?: number;
}

/** The findings of one document version, with the text they were computed on. */
interface LintSnapshot {
  version: number;
  /** Which config load the findings were computed with. */
  generation: number;
  index: LineIndex;
  result: DocumentLintResult;
}

interface OpenDocument {
  document: TextDocument;
  format: DocumentFormat;
  linter: IncrementalLinter;
  timer?: NodeJS.Timeout;
  snapshot?: LintSnapshot;
}

interface ClientSupport {
  configuration: boolean;
  watchedFilesRegistration: boolean;
  documentChanges: boolean;
  markdownHover: boolean;
}

/** Wires tonelint onto an LSP connection. Returns nothing: the connection owns the lifetime. */
export function attachServer(connection: Connection, options: ServerOptions = {}): void {
  const createConfigLoader = options.createConfigLoader ?? noConfigFiles;
  const documents = new Map<string, OpenDocument>();
  const configs = new Map<string, Promise<LintConfig | undefined>>();
  const reportedConfigErrors = new Set<string>();
  let encoding: PositionEncoding = 'utf-16';
  let settings: TonelintSettings = {};
  let initSettings: TonelintSettings = {};
  let support: ClientSupport = { configuration: false, watchedFilesRegistration: false, documentChanges: false, markdownHover: false };
  let shuttingDown = false;
  // Bumped on every config reload, so findings computed under an old config are never published.
  let generation = 0;

  let lastLogged = '';
  const logError = (what: string, error: unknown) => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    const line = `tonelint: ${what}: ${detail}`;
    // The same failure on every keystroke (a broken rule pack) is logged once, not per edit.
    if (line === lastLogged) return;
    lastLogged = line;
    connection.console.error(line);
  };
  const newLoader = () => createConfigLoader((message) => connection.console.warn(`tonelint: ${message}`));
  let loadConfig = newLoader();

  const debounceMs = () => options.debounceMs ?? settings.debounceMs ?? initSettings.debounceMs ?? defaultDebounceMs;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities ?? {};
    const general = capabilities.general as { positionEncodings?: string[] } | undefined;
    // clangd's pre-3.17 extension, which some clients (Neovim 0.7 users, via on_init) still use.
    const legacy = (capabilities as { offsetEncoding?: string[] }).offsetEncoding;
    encoding = negotiateEncoding(general?.positionEncodings ?? legacy);
    support = {
      configuration: capabilities.workspace?.configuration === true,
      watchedFilesRegistration: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
      markdownHover: capabilities.textDocument?.hover?.contentFormat?.includes('markdown') ?? false,
    };
    initSettings = readSettings(params.initializationOptions);
    const result: InitializeResult & { offsetEncoding?: string } = {
      capabilities: {
        positionEncoding: encoding,
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind], resolveProvider: false },
        hoverProvider: true,
      },
      serverInfo: { name: 'tonelint-language-server' },
    };
    if (general?.positionEncodings === undefined && legacy !== undefined) result.offsetEncoding = encoding;
    return result;
  });

  connection.onInitialized(() => {
    if (support.watchedFilesRegistration) {
      const watchers = [{ globPattern: '**/{.tonelintrc.json,.tonelintrc.yml,.tonelintrc.yaml,package.json}' }];
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch((error) => logError('registering file watchers', error));
    }
    if (support.configuration) void pullSettings();
  });

  async function pullSettings(): Promise<void> {
    try {
      const [value] = await connection.workspace.getConfiguration([{ section: 'tonelint' }]);
      applySettings(readSettings(value));
    } catch (error) {
      logError('reading settings', error);
    }
  }

  function applySettings(next: TonelintSettings): void {
    const changed = JSON.stringify(next) !== JSON.stringify(settings);
    settings = next;
    if (changed) reloadConfig();
  }

  function reloadConfig(): void {
    loadConfig = newLoader();
    generation++;
    configs.clear();
    reportedConfigErrors.clear();
    for (const uri of documents.keys()) schedule(uri, 0);
  }

  connection.onDidChangeConfiguration((params) => {
    if (support.configuration) void pullSettings();
    else applySettings(readSettings(params.settings));
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((change) => isConfigFile(uriPath(change.uri) ?? change.uri))) reloadConfig();
  });

  /** The config for a document, resolved once per directory until a reload. */
  function configFor(uri: string): Promise<LintConfig | undefined> {
    const file = uriPath(uri);
    const key = file ? path.dirname(file) : '';
    let pending = configs.get(key);
    if (pending === undefined) {
      pending = (file ? loadConfig(file) : Promise.resolve({ config: undefined }))
        .then(
          (loaded) => mergeConfig(settings, loaded.config),
          (error: unknown) => {
            reportConfigError(error);
            return mergeConfig(settings, undefined);
          },
        )
        .then(async (config) => {
          // The core validates a config on every lint; checking it once here turns a bad
          // setting into one message and default linting, not an error per keystroke.
          if (config === undefined) return undefined;
          try {
            await lint('', { config });
            return config;
          } catch (error) {
            if (!isTonelintError(error) || error.code !== 'ConfigInvalid') throw error;
            reportConfigError(error);
            return undefined;
          }
        });
      configs.set(key, pending);
    }
    return pending;
  }

  /**
   * Tells the writer once (per distinct problem, until the next reload) why findings may be
   * missing: an invalid config file or setting, or a rule pack that does not compile.
   */
  function reportConfigError(error: unknown): void {
    // A ConfigErrors lists every problem, one `file:line: message` per line.
    const text = isTonelintError(error) ? error.format() : error instanceof Error ? error.message : String(error);
    const isConfig = (isTonelintError(error) && error.code.startsWith('Config')) || (error instanceof Error && error.name === 'ConfigErrors');
    if (reportedConfigErrors.has(text)) return;
    reportedConfigErrors.add(text);
    logError(isConfig ? 'invalid config' : 'error', error);
    void connection.sendNotification('window/showMessage', {
      type: MessageType.Error,
      message: isConfig ? `tonelint: ${text} (linting with the default config until it is fixed)` : `tonelint: ${text}`,
    });
  }

  connection.onDidOpenTextDocument(({ textDocument }) => {
    const format = languageFormats[textDocument.languageId];
    if (format === undefined) return;
    const document = TextDocument.create(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text);
    documents.set(textDocument.uri, { document, format, linter: new IncrementalLinter({ onError: reportConfigError }) });
    schedule(textDocument.uri, 0);
  });

  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    const open = documents.get(textDocument.uri);
    if (open === undefined) return;
    const changes = encoding === 'utf-16' ? contentChanges : contentChanges.map((change) => toUtf16Change(open.document, change));
    open.document = TextDocument.update(open.document, changes, textDocument.version);
    schedule(textDocument.uri, debounceMs());
  });

  /** Re-expresses a change's range in UTF-16, the unit TextDocument.update counts in. */
  function toUtf16Change(document: TextDocument, change: TextDocumentContentChangeEvent): TextDocumentContentChangeEvent {
    if (!('range' in change)) return change;
    const index = createLineIndex(document.getText());
    const start = document.positionAt(positionToOffset(index, change.range.start, encoding));
    const end = document.positionAt(positionToOffset(index, change.range.end, encoding));
    return { range: { start, end }, text: change.text };
  }

  connection.onDidCloseTextDocument(({ textDocument }) => {
    const open = documents.get(textDocument.uri);
    if (open === undefined) return;
    clearTimeout(open.timer);
    documents.delete(textDocument.uri);
    void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
  });

  function schedule(uri: string, delay: number): void {
    const open = documents.get(uri);
    if (open === undefined || shuttingDown) return;
    clearTimeout(open.timer);
    open.timer = setTimeout(() => {
      open.timer = undefined;
      void publish(uri);
    }, delay);
  }

  /** Lints the current version and publishes it, unless the document moved on meanwhile. */
  async function publish(uri: string): Promise<void> {
    const open = documents.get(uri);
    if (open === undefined) return;
    const snapshot = await lintCurrent(open);
    if (snapshot === undefined || documents.get(uri) !== open || open.document.version !== snapshot.version || snapshot.generation !== generation) return;
    const diagnostics = snapshot.result.findings.map((finding) => findingToDiagnostic(finding, snapshot.index, encoding));
    for (const directive of snapshot.result.unusedDisableDirectives) {
      diagnostics.push({
        range: rangeOf(snapshot.index, directive.offset, directive.endOffset, encoding),
        severity: 4,
        code: 'unused-disable-directive',
        source: 'tonelint',
        message: `Unused tonelint-${directive.kind} directive${directive.ruleIds.length > 0 ? ` (${directive.ruleIds.join(', ')})` : ''}: nothing here is reported.`,
        tags: [1],
      });
    }
    await connection.sendDiagnostics({ uri, version: snapshot.version, diagnostics });
  }

  /** The findings for the document's current version, linting it now if needed. */
  async function lintCurrent(open: OpenDocument): Promise<LintSnapshot | undefined> {
    const { document } = open;
    if (open.snapshot?.version === document.version && open.snapshot.generation === generation) return open.snapshot;
    // TextDocument.update mutates the document in place: read the version with the text, before
    // any await, or a result for old text could be published under the newest version.
    const text = document.getText();
    const version = document.version;
    const startedIn = generation;
    try {
      const config = await configFor(document.uri);
      const result = await open.linter.lint(text, open.format, config);
      const snapshot: LintSnapshot = { version, generation: startedIn, index: createLineIndex(text), result };
      if (open.document.version === snapshot.version && generation === startedIn) open.snapshot = snapshot;
      return snapshot;
    } catch (error) {
      logError(`linting ${document.uri}`, error);
      return undefined;
    }
  }

  connection.onCodeAction(async (params: CodeActionParams): Promise<CodeAction[]> => {
    try {
      return await codeActions(params);
    } catch (error) {
      logError('code actions', error);
      return [];
    }
  });

  async function codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const open = documents.get(params.textDocument.uri);
    if (open === undefined) return [];
    const snapshot = await lintCurrent(open);
    if (snapshot === undefined) return [];
    const { index } = snapshot;
    const findings = snapshot.result.findings;
    const only = params.context.only;
    const wants = (kind: string) => only === undefined || only.some((prefix) => kind === prefix || kind.startsWith(`${prefix}.`));
    const start = positionToOffset(index, params.range.start, encoding);
    const end = positionToOffset(index, params.range.end, encoding);
    const asked = new Set(params.context.diagnostics.filter((d) => d.source === 'tonelint').map((d) => `${String(d.code)}@${d.range.start.line}`));
    // Innermost first, as in hover: the phrase the cursor is on comes before a sentence-level finding around it.
    const selected = findings
      .filter((finding) => findingTouches(finding, start, end) || asked.has(`${finding.ruleId}@${rangeOf(index, finding.start.offset, finding.start.offset, encoding).start.line}`))
      .sort((a, b) => a.end.offset - a.start.offset - (b.end.offset - b.start.offset));
    const edit = (edits: LspTextEdit[]): WorkspaceEdit =>
      support.documentChanges
        ? { documentChanges: [{ textDocument: { uri: open.document.uri, version: snapshot.version }, edits }] }
        : { changes: { [open.document.uri]: edits } };
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      for (const finding of selected) {
        const diagnostics = [findingToDiagnostic(finding, index, encoding)];
        // A scorer finding's suggestions are advice about the whole sentence: shown on hover, never pasted over it.
        const rewrites = finding.advice ? [] : [...new Set(finding.suggestions)];
        for (const suggestion of rewrites) {
          actions.push({
            title: suggestionTitle(finding, suggestion),
            kind: CodeActionKind.QuickFix,
            diagnostics,
            isPreferred: finding.fix !== undefined && finding.fix.text === suggestion && finding.fix.range[0] === finding.start.offset && finding.fix.range[1] === finding.end.offset,
            edit: edit([suggestionEdit(finding, suggestion, index, encoding)]),
          });
        }
        if (finding.fix && !(rewrites.includes(finding.fix.text) && finding.fix.range[0] === finding.start.offset && finding.fix.range[1] === finding.end.offset)) {
          actions.push({
            title: `Fix: replace with “${finding.fix.text}”`,
            kind: CodeActionKind.QuickFix,
            diagnostics,
            isPreferred: true,
            edit: edit(fixAllEdits([finding], index, encoding)),
          });
        }
      }
      const lines = new Set<string>();
      const files = new Set<string>();
      for (const finding of selected) {
        const diagnostics = [findingToDiagnostic(finding, index, encoding)];
        const lineKey = `${finding.ruleId}@${finding.start.line}`;
        if (!lines.has(lineKey)) {
          lines.add(lineKey);
          actions.push({
            title: `Disable ${finding.ruleId} for this line`,
            kind: CodeActionKind.QuickFix,
            diagnostics,
            edit: edit([disableLineEdit(finding, index, open.format)]),
          });
        }
      }
      for (const finding of selected) {
        if (files.has(finding.ruleId)) continue;
        files.add(finding.ruleId);
        actions.push({
          title: `Disable ${finding.ruleId} for this file`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [findingToDiagnostic(finding, index, encoding)],
          edit: edit([disableFileEdit(finding.ruleId, index, open.format)]),
        });
      }
    }
    if (wants(fixAllKind)) {
      const edits = fixAllEdits(findings, index, encoding);
      if (edits.length > 0) {
        actions.push({ title: 'Fix all safe tonelint problems', kind: fixAllKind, edit: edit(edits) });
      }
    }
    return actions;
  }

  connection.onHover(async (params: HoverParams): Promise<Hover | null> => {
    try {
      const open = documents.get(params.textDocument.uri);
      if (open === undefined) return null;
      const snapshot = await lintCurrent(open);
      if (snapshot === undefined) return null;
      const offset = positionToOffset(snapshot.index, params.position, encoding);
      // Innermost first: a phrase finding inside a sentence-level one (the scorer's, a memo's) is what the writer pointed at.
      const here = snapshot.result.findings
        .filter((finding) => finding.start.offset <= offset && offset <= finding.end.offset)
        .sort((a, b) => a.end.offset - a.start.offset - (b.end.offset - b.start.offset));
      if (here.length === 0) return null;
      const value = here.map((finding) => hoverMarkdown(finding, getRule(finding.ruleId))).join('\n\n---\n\n');
      return {
        contents: { kind: support.markdownHover ? 'markdown' : 'plaintext', value },
        range: rangeOf(snapshot.index, here[0].start.offset, here[0].end.offset, encoding),
      };
    } catch (error) {
      logError('hover', error);
      return null;
    }
  });

  connection.onShutdown(() => {
    shuttingDown = true;
    for (const open of documents.values()) clearTimeout(open.timer);
  });
}

function uriPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

