#!/usr/bin/env node
// Bundles the two executables (dist/cli/main.js, dist/lsp/main.js) into dist/bundle/ after tsc:
// the language server (and the CLI's lint thread) as ES modules, one file per entry plus shared
// chunks for the lazily imported parts, so a start-up reads a few files instead of ~270 modules;
// the CLI as one CommonJS script with a V8 code cache (cli.cjs, below). The library entries
// (dist/index.js, dist/plugin.js) stay unbundled, with their types. bin/*.js import the bundle; `npm run build` always makes it.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });

// The compiled rule packs as v8.serialize wrote them (scripts/check-rules.mjs): decoding them is
// the largest part of a start-up, and v8.deserialize skips both parsing a 2 MB string literal
// and rebuilding the graph in JavaScript. Falls back to the JSON form if this Node cannot read it.
const compiledRulesLoader = `
import { readFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { fromPortable } from '../core/portable.js';
export const loadCompiledRules = () => {
  try {
    return deserialize(readFileSync(new URL('./compiled-rules.v8', import.meta.url)));
  } catch {
    return fromPortable(JSON.parse(readFileSync(new URL('./compiled-rules.json', import.meta.url), 'utf8')));
  }
};
`;
const v8Rules = {
  name: 'compiled-rules-v8',
  setup(build) {
    build.onLoad({ filter: /[\\/]dist[\\/]generated[\\/]compiled-rules\.js$/ }, () => ({ contents: compiledRulesLoader, loader: 'js', resolveDir: path.join(root, 'dist', 'generated') }));
  },
};

// esbuild hands a dynamic import() of a CommonJS package (yaml) its module.exports as `default`
// only; an ESM module in between gives the config loader the named exports it expects.
// (`export *` from CommonJS gives no static names either, hence the list.)
const yamlExports = ['Document', 'LineCounter', 'Parser', 'YAMLParseError', 'isMap', 'isPair', 'isScalar', 'isSeq', 'parse', 'parseDocument', 'stringify', 'visit'];
const esmYaml = {
  name: 'esm-yaml',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, (args) => (args.kind === 'dynamic-import' ? { path: 'yaml', namespace: 'esm-yaml' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'esm-yaml' }, () => ({ contents: `export { ${yamlExports.join(', ')} } from 'yaml';`, loader: 'js', resolveDir: root }));
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  // The bundle and its chunks sit at the same depth as dist/cli/, so `new URL('../../models/…', import.meta.url)`
  // still finds the weights and package.json.
  minifySyntax: true,
  minifyWhitespace: true,
  keepNames: false,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [v8Rules, esmYaml],
};

await build({
  ...common,
  entryPoints: { lsp: 'dist/lsp/main.js', 'lint-worker': 'dist/cli/lint-worker.js' },
  outdir,
  // Splitting keeps the dynamic imports lazy: `--help` does not load the engine, a lint does not
  // load the language server.
  splitting: true,
  chunkNames: '[name]-[hash]',
  format: 'esm',
  // vscode-languageserver is CommonJS and requires node builtins at run time.
  banner: { js: "import { createRequire as __tonelintRequire } from 'node:module'; const require = __tonelintRequire(import.meta.url);" },
});

// What bin/tonelint.js runs: the CLI as one CommonJS script, which bin/tonelint.js compiles
// with a V8 code cache (below). One script instead of a dozen ES modules also skips the module
// loader's resolving and linking; the lazily imported parts are still evaluated only when used.
await build({
  ...common,
  entryPoints: ['dist/cli/main.js'],
  outfile: path.join(outdir, 'cli.cjs'),
  format: 'cjs',
  // A script compiled with vm.Script has no dynamic import(): an import() left for a module outside
  // the bundle (a node: built-in) becomes require().
  supported: { 'dynamic-import': false },
  // import.meta.url as an ES module next to it would see it (the worker, the weights, package.json).
  define: { 'import.meta.url': '__tonelintUrl' },
  banner: { js: "const __tonelintUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// bin/tonelint.js reads the script as latin1, which is faster than UTF-8 on 2 MB and the same
// string when the bytes are ASCII. esbuild leaves a few characters in regular expressions as they
// are (’, €, £); \uXXXX means the same there, as in strings.
const cliPath = path.join(outdir, 'cli.cjs');
const ascii = readFileSync(cliPath, 'utf8').replace(/[^\0-\x7f]/gu, (character) => {
  const code = character.codePointAt(0);
  if (code > 0xffff) throw new Error(`bundle: ${character} (U+${code.toString(16)}) in the CLI bundle needs a surrogate pair; escape it in the source`);
  return `\\u${code.toString(16).padStart(4, '0')}`;
});
writeFileSync(cliPath, ascii);
for (const name of ['compiled-rules.v8', 'compiled-rules.json']) copyFileSync(path.join(root, 'dist', 'generated', name), path.join(outdir, name));

// The code cache: bytecode of everything a lint of a memo compiles, taken in a fresh process after
// that lint. Node versions whose V8 rejects it compile the bundle from source instead.
execFileSync(process.execPath, [path.join(root, 'scripts', 'code-cache.mjs')], { stdio: 'inherit' });
