#!/usr/bin/env node
// The tonelint executable. It runs the bundled CLI (dist/bundle/cli.cjs, see scripts/bundle.mjs)
// compiled with the V8 code cache the build made for it (cli.cjs.cache, scripts/code-cache.mjs:
// bytecode of what a lint of a memo runs), so a cold start neither parses the bundle nor compiles
// the functions the first lint calls. A cache this V8 cannot use (another Node version, other V8
// flags) or a missing one is ignored: V8 compiles the source as usual. Nothing is written at run
// time. CommonJS (bin/package.json), so a start-up needs no ES module loader.
'use strict';
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');
const { Script } = require('node:vm');

const bundlePath = path.join(__dirname, '..', 'dist', 'bundle', 'cli.cjs');
const codeCachePath = `${bundlePath}.cache`;

/** The bundle compiled (from the cache where V8 accepts it) and evaluated: its exports and its Script. */
function loadBundledCli(useCache = true) {
  // ASCII (scripts/bundle.mjs makes sure), so latin1 reads the same string, without UTF-8 decoding.
  const source = readFileSync(bundlePath, 'latin1');
  let cachedData;
  if (useCache) {
    try {
      cachedData = readFileSync(codeCachePath);
    } catch {
      cachedData = undefined;
    }
  }
  // The same wrapper as Node's for CommonJS, so the bundle sees require, module and __filename.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundlePath, cachedData });
  const bundle = { exports: {} };
  script.runInThisContext()(bundle.exports, createRequire(bundlePath), bundle, bundlePath, path.dirname(bundlePath));
  return { cli: bundle.exports, script };
}

if (require.main === module) loadBundledCli().cli.runCli();
else module.exports = { bundlePath, codeCachePath, loadBundledCli };
