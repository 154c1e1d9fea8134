// Loads the bundled CLI (dist/bundle/cli.cjs, see scripts/bundle.mjs) with the V8 code cache the
// build made for it (cli.cjs.cache, bytecode of what a lint of a memo runs): a cold start then
// neither parses the bundle nor compiles the functions the first lint calls. A cache this V8
// cannot use (another Node version or other V8 flags) or a missing one is ignored: V8 compiles
// the source as usual. Nothing is written at run time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

export interface BundledCli {
  runCli(): Promise<void>;
  main(argv: readonly string[], io: import('./run.js').CliIO): Promise<number>;
}

export const bundlePath = fileURLToPath(new URL('../bundle/cli.cjs', import.meta.url));
export const codeCachePath = `${bundlePath}.cache`;

/** The bundle compiled (from the cache where V8 accepts it) and evaluated, and its exports. */
export function loadBundledCli(useCache = true): { cli: BundledCli; script: Script } {
  const source = readFileSync(bundlePath, 'utf8');
  let cachedData: Buffer | undefined;
  if (useCache) {
    try {
      cachedData = readFileSync(codeCachePath);
    } catch {
      cachedData = undefined;
    }
  }
  // The same wrapper as Node's for CommonJS, so the bundle sees require, module and __filename.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundlePath, cachedData });
  const module = { exports: {} as BundledCli };
  script.runInThisContext()(module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  return { cli: module.exports, script };
}
