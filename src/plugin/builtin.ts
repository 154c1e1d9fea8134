// The built-in rule packs, compiled once per process from the data the build extracted from rules/.
import { compileRules, type CompiledRules } from '../core/rule.js';
import { builtinRuleSources } from '../generated/rule-sources.js';

let compiled: CompiledRules | undefined;

/** Validates and compiles rules/**\/*.yml (as built); throws a RuleInvalid error listing every problem. */
export function compileBuiltinRules(): CompiledRules {
  compiled ??= compileRules(builtinRuleSources);
  return compiled;
}
