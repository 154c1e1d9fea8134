// What the client can do and what the server offers: read once from `initialize`.
import {
  CodeActionKind,
  TextDocumentSyncKind,
  type FileSystemWatcher,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node.js';
import { configFileNames } from '../node/config.js';
import { negotiateEncoding, type PositionEncoding } from './convert.js';

export const fixAllKind = 'source.fixAll.tonelint';

export interface ClientSupport {
  configuration: boolean;
  watchedFilesRegistration: boolean;
  documentChanges: boolean;
  markdownHover: boolean;
}

export const noClientSupport: ClientSupport = { configuration: false, watchedFilesRegistration: false, documentChanges: false, markdownHover: false };

export interface Negotiated {
  encoding: PositionEncoding;
  support: ClientSupport;
  result: InitializeResult & { offsetEncoding?: string };
}

/** The position encoding, the client features the server relies on, and the server's answer. */
export function negotiate(params: InitializeParams): Negotiated {
  const capabilities = params.capabilities ?? {};
  const general = capabilities.general as { positionEncodings?: string[] } | undefined;
  // clangd's pre-3.17 extension, which some clients (Neovim 0.7 users, via on_init) still use.
  const legacy = (capabilities as { offsetEncoding?: string[] }).offsetEncoding;
  const encoding = negotiateEncoding(general?.positionEncodings ?? legacy);
  const support: ClientSupport = {
    configuration: capabilities.workspace?.configuration === true,
    watchedFilesRegistration: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
    markdownHover: capabilities.textDocument?.hover?.contentFormat?.includes('markdown') ?? false,
  };
  const result: Negotiated['result'] = {
    capabilities: {
      positionEncoding: encoding,
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind], resolveProvider: false },
      hoverProvider: true,
    },
    serverInfo: { name: 'tonelint-language-server' },
  };
  if (general?.positionEncodings === undefined && legacy !== undefined) result.offsetEncoding = encoding;
  return { encoding, support, result };
}

/** The files whose change can change a document's config: the CLI's list of config file names. */
export function configWatchers(): FileSystemWatcher[] {
  return [{ globPattern: `**/{${configFileNames.join(',')}}` }];
}
