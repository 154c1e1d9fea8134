#!/usr/bin/env node
// Writes dist/bundle/cli.cjs.cache (scripts/bundle.mjs runs this after bundling): loads the bundled
// CLI with bin/tonelint.js's loader, lints a memo in process (the output goes nowhere), then stores
// V8's code cache of the bundle, which now holds the bytecode of every function that lint ran.
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const { codeCachePath, loadBundledCli } = createRequire(import.meta.url)('../bin/tonelint.js');

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
rmSync(codeCachePath, { force: true });
const memo = 'examples/layoff-memo.md';
// Without the example (a copy without it), no cache: the CLI compiles from source as it would anyway.
if (!existsSync(memo)) process.exit(0);
const { cli, script } = loadBundledCli(false);
const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
const code = await cli.main([memo], { cwd: root, env: {}, stdout: sink, stderr: sink, stdin: process.stdin, version: '0.0.0' });
// The memo has findings (exit 1); anything else means the warm-up did not run a lint.
if (code !== 1) throw new Error(`code-cache: the warm-up lint of ${memo} exited ${code}`);
// Written aside and renamed, so an interrupted build never leaves half a cache in place.
writeFileSync(`${codeCachePath}.tmp`, script.createCachedData());
renameSync(`${codeCachePath}.tmp`, codeCachePath);
