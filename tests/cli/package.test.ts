// What `npm install tonelint` gets: what a user runs (the CLI, the built library with types, the
// rule packs and the scorer's weights), and not the project's tooling or maps to absent sources.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';

describe('the npm package', () => {
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as {
    files: { path: string; size: number }[];
  }[];
  const paths = pack.files.map((file) => file.path);

  it('ships the CLI, the library with types, the rules and the weights', () => {
    for (const path of ['bin/tonelint.js', 'bin/tonelint-language-server.js', 'dist/index.js', 'dist/index.d.ts', 'dist/plugin.js', 'rules/README.md', 'models/scorer.bin', 'models/memo-heads.bin']) {
      expect(paths, path).toContain(path);
    }
  });

  it('leaves out source maps, the evaluation harness, the bench and docs tools, scripts and tests', () => {
    expect(paths.filter((path) => path.endsWith('.map') || path.startsWith('dist/eval/') || path.startsWith('dist/lsp/measure.') || path.startsWith('dist/node/write-rules-docs.') || path.startsWith('scripts/') || path.startsWith('tests/') || path.startsWith('data/'))).toEqual([]);
  });

  it('ships no script that points at a source map (the maps and src/ are not shipped)', () => {
    const scripts = paths.filter((path) => path.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(50);
    expect(scripts.filter((path) => readFileSync(join(repoRoot, path), 'utf8').includes('sourceMappingURL'))).toEqual([]);
  });

  it('keeps the weights within 8 MB', () => {
    const weights = pack.files.filter((file) => file.path.startsWith('models/')).reduce((sum, file) => sum + file.size, 0);
    expect(weights).toBeGreaterThan(0);
    expect(weights).toBeLessThanOrEqual(8 * 1024 * 1024);
  });
});
