// The open documents: their text as the editor has it, debounced linting of the latest version
// only, and publishing its diagnostics unless the document or the config moved on meanwhile.
import type { DidChangeTextDocumentParams, DidOpenTextDocumentParams, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLineIndex, type LineIndex } from '../core/position.js';
import type { ConfigCache } from './config-cache.js';
import { findingToDiagnostic, positionToOffset, rangeOf, type DocumentFormat, type LspDiagnostic, type PositionEncoding } from './convert.js';
import { IncrementalLinter, type DocumentLintResult } from './incremental.js';

// Editors name plain text `plaintext` (LSP) or `text` (Helix, Neovim filetype); both are linted.
// HTML (an email body, a web draft) is linted as its prose, with findings in the HTML source.
const languageFormats: Record<string, DocumentFormat> = { markdown: 'markdown', plaintext: 'text', text: 'text', html: 'html' };

/** The findings of one document version, with the text they were computed on. */
export interface LintSnapshot {
  version: number;
  /** Which config load the findings were computed with. */
  generation: number;
  index: LineIndex;
  result: DocumentLintResult;
}

export interface OpenDocument {
  document: TextDocument;
  format: DocumentFormat;
  linter: IncrementalLinter;
  timer?: NodeJS.Timeout;
  snapshot?: LintSnapshot;
}

export interface DocumentStoreOptions {
  configs: ConfigCache;
  encoding(): PositionEncoding;
  debounceMs(): number;
  sendDiagnostics(params: PublishDiagnosticsParams): Promise<void>;
  logError(what: string, error: unknown): void;
}

export class DocumentStore {
  private readonly documents = new Map<string, OpenDocument>();
  private shuttingDown = false;

  constructor(private readonly options: DocumentStoreOptions) {}

  get(uri: string): OpenDocument | undefined {
    return this.documents.get(uri);
  }

  open({ textDocument }: DidOpenTextDocumentParams): void {
    const format = languageFormats[textDocument.languageId];
    if (format === undefined) return;
    const document = TextDocument.create(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text);
    const linter = new IncrementalLinter({ onError: (error) => this.options.configs.reportError(error) });
    this.documents.set(textDocument.uri, { document, format, linter });
    this.schedule(textDocument.uri, 0);
  }

  change({ textDocument, contentChanges }: DidChangeTextDocumentParams): void {
    const open = this.documents.get(textDocument.uri);
    if (open === undefined) return;
    const encoding = this.options.encoding();
    const changes = encoding === 'utf-16' ? contentChanges : contentChanges.map((change) => toUtf16Change(open.document, change, encoding));
    open.document = TextDocument.update(open.document, changes, textDocument.version);
    this.schedule(textDocument.uri, this.options.debounceMs());
  }

  /** Forgets the document and clears its diagnostics in the editor. */
  close(uri: string): void {
    const open = this.documents.get(uri);
    if (open === undefined) return;
    clearTimeout(open.timer);
    this.documents.delete(uri);
    void this.options.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Lints every open document again now: the config changed. */
  relintAll(): void {
    for (const uri of this.documents.keys()) this.schedule(uri, 0);
  }

  shutdown(): void {
    this.shuttingDown = true;
    for (const open of this.documents.values()) clearTimeout(open.timer);
  }

  /** The findings for the document's current version, linting it now if needed. */
  async lintCurrent(open: OpenDocument): Promise<LintSnapshot | undefined> {
    const { document } = open;
    const { configs } = this.options;
    if (open.snapshot?.version === document.version && open.snapshot.generation === configs.generation) return open.snapshot;
    // TextDocument.update mutates the document in place: read the version with the text, before
    // any await, or a result for old text could be published under the newest version.
    const text = document.getText();
    const version = document.version;
    const startedIn = configs.generation;
    try {
      const config = await configs.configFor(document.uri);
      const result = await open.linter.lint(text, open.format, config);
      const snapshot: LintSnapshot = { version, generation: startedIn, index: createLineIndex(text), result };
      if (open.document.version === snapshot.version && configs.generation === startedIn) open.snapshot = snapshot;
      return snapshot;
    } catch (error) {
      this.options.logError(`linting ${document.uri}`, error);
      return undefined;
    }
  }

  private schedule(uri: string, delay: number): void {
    const open = this.documents.get(uri);
    if (open === undefined || this.shuttingDown) return;
    clearTimeout(open.timer);
    open.timer = setTimeout(() => {
      open.timer = undefined;
      void this.publish(uri);
    }, delay);
  }

  /** Lints the current version and publishes it, unless the document moved on meanwhile. */
  private async publish(uri: string): Promise<void> {
    const open = this.documents.get(uri);
    if (open === undefined) return;
    const snapshot = await this.lintCurrent(open);
    if (
      snapshot === undefined ||
      this.documents.get(uri) !== open ||
      open.document.version !== snapshot.version ||
      snapshot.generation !== this.options.configs.generation
    ) {
      return;
    }
    await this.options.sendDiagnostics({ uri, version: snapshot.version, diagnostics: diagnosticsOf(snapshot, this.options.encoding()) });
  }
}

/** A snapshot's findings and its unused disable directives (faded, as unnecessary code). */
function diagnosticsOf(snapshot: LintSnapshot, encoding: PositionEncoding): LspDiagnostic[] {
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
  return diagnostics;
}

/** Re-expresses a change's range in UTF-16, the unit TextDocument.update counts in. */
function toUtf16Change(document: TextDocument, change: TextDocumentContentChangeEvent, encoding: PositionEncoding): TextDocumentContentChangeEvent {
  if (!('range' in change)) return change;
  const index = createLineIndex(document.getText());
  const start = document.positionAt(positionToOffset(index, change.range.start, encoding));
  const end = document.positionAt(positionToOffset(index, change.range.end, encoding));
  return { range: { start, end }, text: change.text };
}
