// The built-in rule packs, compiled once per process. The build stores them compiled in dist/
// (see scripts/check-rules.mjs); from src/ (tests) they are compiled from the extracted data.
import { fromPortable } from '../core/portable.js';
import { compileRules, type CompiledRules } from '../core/rule.js';
import { compiledRules } from '../generated/compiled-rules.js';
import { builtinRuleSources } from '../generated/rule-sources.js';

let compiled: CompiledRules | undefined;

/** Validates and compiles rules/**\/*.yml (as built); throws a RuleInvalid error listing every problem. */
export function compileBuiltinRules(): CompiledRules {
  compiled ??= compiledRules ? fromPortable<CompiledRules>(compiledRules) : compileRules(builtinRuleSources);
  return compiled;
}
