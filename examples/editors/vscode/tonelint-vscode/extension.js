// A minimal VS Code client for tonelint-language-server. `npm install` in this folder, then
// open the folder in VS Code and press F5, or `npx @vscode/vsce package` to build a .vsix.
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function serverCommand() {
  const configured = vscode.workspace.getConfiguration('tonelint').get('serverPath');
  if (configured) return configured;
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const local = path.join(folder.uri.fsPath, 'node_modules', '.bin', process.platform === 'win32' ? 'tonelint-language-server.cmd' : 'tonelint-language-server');
    if (fs.existsSync(local)) return local;
  }
  return 'tonelint-language-server';
}

function activate(context) {
  const command = serverCommand();
  const server = { command, args: ['--stdio'], transport: TransportKind.stdio, options: { shell: process.platform === 'win32' } };
  client = new LanguageClient(
    'tonelint',
    'tonelint',
    { run: server, debug: server },
    {
      documentSelector: [
        { language: 'markdown' },
        { language: 'plaintext' },
      ],
      synchronize: {
        configurationSection: 'tonelint',
        fileEvents: vscode.workspace.createFileSystemWatcher('**/{.tonelintrc.json,.tonelintrc.yml,.tonelintrc.yaml,package.json}'),
      },
      initializationOptions: { tonelint: vscode.workspace.getConfiguration('tonelint') },
    },
  );
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
