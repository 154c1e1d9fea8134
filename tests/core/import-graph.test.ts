// Imports point inward: cli, lsp -> node -> plugin -> core. The core never touches node:* or
// the outer layers, so it runs in a browser, a worker or a test without a file system.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const srcDir = new URL('../../src/', import.meta.url).pathname;
const layers = ['core', 'plugin', 'node', 'cli', 'lsp', 'eval'] as const;
// Which layers each layer may import from (itself included).
const allowed: Record<string, string[]> = {
  core: ['core'],
  plugin: ['plugin', 'core', 'generated'],
  node: ['node', 'plugin', 'core', 'root'],
  cli: ['cli', 'node', 'plugin', 'core', 'root', 'lsp'],
  lsp: ['lsp', 'node', 'plugin', 'core', 'root'],
  eval: ['eval', 'node', 'plugin', 'core', 'root'],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

function layerOf(file: string): string {
  const first = relative(srcDir, file).split('/')[0];
  return /\.[jt]s$/.test(first) ? 'root' : first;
}

describe('the import graph', () => {
  const sources = files(srcDir).filter((file) => (layers as readonly string[]).includes(layerOf(file)));
  it.each(sources.map((file) => [relative(srcDir, file), file]))('%s imports only inward', (_, file) => {
    const layer = layerOf(file);
    const text = readFileSync(file, 'utf8');
    const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const specifiers = [
      ...[...code.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((match) => match[1]),
      // Dynamic imports count too: `await import('node:fs')` is still an import.
      ...[...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => match[1]),
    ];
    if (layer === 'core') {
      // The pure core reads no environment and touches no process: globals are I/O too.
      // Any mention counts, not only `process.env`: `const { env } = process` reads it as well.
      expect(code, 'process, Buffer, require, __dirname or globalThis in the pure core').not.toMatch(/\b(?:process|Buffer|require|__dirname|__filename|globalThis)\b/);
      expect(code, 'a non-literal dynamic import in the pure core').not.toMatch(/\bimport\(\s*[^'"\s]/);
    }
    for (const specifier of specifiers) {
      if (layer === 'core') expect(specifier, `${specifier} in the pure core`).not.toMatch(/^node:|^(fs|path|os|child_process)$/);
      if (!specifier.startsWith('.')) continue;
      const target = layerOf(join(file, '..', specifier));
      expect(allowed[layer], `${relative(srcDir, file)} imports ${specifier} (${target})`).toContain(target);
    }
  });
});
