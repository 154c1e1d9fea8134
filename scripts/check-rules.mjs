#!/usr/bin/env node
// Validates and compiles the built-in rule packs once after the build, so a bad rule file fails
// `npm run build` with `rules/x/y.yml:12: ...` lines instead of failing later at lint time.
import { compileBuiltinRules } from '../dist/plugin/builtin.js';
import { isTonelintError } from '../dist/core/errors.js';

try {
  const compiled = compileBuiltinRules();
  if (process.argv.includes('--verbose')) console.log(`${compiled.rules.length} rules, ${compiled.vocabularies.size} vocabularies`);
} catch (error) {
  if (isTonelintError(error)) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
