#!/usr/bin/env node
// CommonJS (bin/package.json): the server is an ES module bundle, imported.
import('../dist/bundle/lsp.js').then((server) => server.startServer());
