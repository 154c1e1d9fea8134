// The bundled executables (scripts/bundle.mjs): the rule packs they load with v8.deserialize are
// the packs the library compiles, and the CLI's code cache is one this Node accepts.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/core/engine.js';
import { compileRules, type CompiledRules } from '../../src/core/rule.js';
import { engineSettings } from '../../src/core/settings.js';
import { tokenizeSentence } from '../../src/core/match/tokens.js';
import { builtinRuleSources } from '../../src/generated/rule-sources.js';
import { bin, repoRoot } from './helpers.js';

describe('the bundled rule store', () => {
  it('lints every rule example exactly as the freshly compiled packs do', () => {
    const fresh = compileRules(builtinRuleSources);
    const stored = deserialize(readFileSync(join(repoRoot, 'dist', 'bundle', 'compiled-rules.v8'))) as CompiledRules;
    expect(stored.rules.map((rule) => rule.id)).toEqual(fresh.rules.map((rule) => rule.id));
    const engines = [fresh, stored].map((rules) => new Engine(rules, engineSettings({})));
    const lintWith = (engine: Engine, text: string) =>
      engine
        .lint(text, [{ start: 0, end: text.length, sentences: [tokenizeSentence(text)] }])
        .map((finding) => `${finding.ruleId}@${finding.start.offset}-${finding.end.offset}:${finding.suggestions.join('|')}`);
    let examples = 0;
    for (const rule of fresh.rules) {
      for (const text of [...rule.examples.flags, ...rule.examples.passes]) {
        expect(lintWith(engines[1], text)).toEqual(lintWith(engines[0], text));
        examples++;
      }
    }
    expect(examples).toBeGreaterThan(fresh.rules.length);
  });
});

describe('the CLI bundle', () => {
  it('compiles from the code cache the build made (a rejected cache costs every start ~50 ms, silently)', () => {
    // In a fresh process with no flags, as bin/tonelint.js runs: V8 rejects a cache made with other flags.
    const probe = `const { loadBundledCli } = require(${JSON.stringify(bin)}); const { cli, script } = loadBundledCli(); process.stdout.write(JSON.stringify({ rejected: script.cachedDataRejected, exports: Object.keys(cli).sort() }));`;
    const result = JSON.parse(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } })) as { rejected: boolean; exports: string[] };
    expect(result.exports).toEqual(expect.arrayContaining(['main', 'runCli']));
    expect(result.rejected).toBe(false);
  });
});
