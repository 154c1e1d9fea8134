// The built-in rule packs, compiled once per process. The build stores them compiled in dist/
// (see scripts/check-rules.mjs; the bundled CLI reads them with v8.deserialize, see
// scripts/bundle.mjs); from src/ (tests) they are compiled from the extracted data.
import { compileRules, type CompiledRules } from '../core/rule.js';
import { loadCompiledRules } from '../generated/compiled-rules.js';
import { builtinRuleSources } from '../generated/rule-sources.js';

let compiled: CompiledRules | undefined;

/** Validates and compiles rules/**\/*.yml (as built); throws a RuleInvalid error listing every problem. */
export function compileBuiltinRules(): CompiledRules {
  compiled ??= loadCompiledRules ? loadCompiledRules() : compileRules(builtinRuleSources);
  return compiled;
}
