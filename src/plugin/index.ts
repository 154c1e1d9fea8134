// retextTonelint: the unified/retext plugin, usable in anyone's pipeline next to other retext
// plugins, and the presets. Messages follow the vfile conventions of retext-equality/alex:
// ruleId, source, actual, expected, url, and a place spanning the whole match.
import type { Root as MdastRoot } from 'mdast';
import type { Root } from 'nlcst';
import type { Plugin, Preset } from 'unified';
import type { VFile } from 'vfile';
import type { LintConfig } from '../core/config.js';
import { Engine } from '../core/engine.js';
import type { Finding } from '../core/finding.js';
import type { CompiledRules } from '../core/rule.js';
import { engineSettings } from '../core/settings.js';
import { applyDirectives, parseDirectives } from '../core/suppress.js';
import { compileBuiltinRules } from './builtin.js';
import { learnedBlockGate, markdownParagraphs } from './blocks.js';
import { paragraphsFromNlcst } from './nlcst-tokens.js';
import { createLineIndex } from '../core/position.js';
import { dropQuotedMentions, learnedGate, MENTION_OK, mergeScorerFindings, scorerFindings, scorerSettings, type ScorerGate } from '../core/scorer/findings.js';
import type { DocumentEvidence } from '../core/engine.js';
import { memoEvidence } from '../core/scorer/memo-evidence.js';
import type { ScorerModel } from '../core/scorer/model.js';

export const SOURCE = 'tonelint';

export interface TonelintPluginOptions {
  /** Severity overrides and the allow list (the same shape as a config file). */
  config?: LintConfig;
  /** How inline disable directives are written: `markdown` (HTML comments, default) or `text` (`#` / `//` lines). */
  format?: 'markdown' | 'text';
  /** Compiled rules to use instead of the built-in packs. */
  rules?: CompiledRules;
  /** The memo heads (learned evidence for document rules), or how to load them; without them, patterns only. */
  memoHeads?: ScorerModel | (() => ScorerModel);
}

/**
 * The memo heads' evidence and gate that a plugin's options ask for: on unless the config
 * disables the scorer, as in lint() (learnedGate), even when every scored-* rule is off.
 */
function learnedFor(options: TonelintPluginOptions): { evidence: DocumentEvidence; gate: ScorerGate } | undefined {
  if (!options.memoHeads) return undefined;
  const gate = learnedGate(options.rules ?? compileBuiltinRules(), options.config ?? {});
  if (!gate) return undefined;
  const heads = options.memoHeads;
  return { evidence: memoEvidence(typeof heads === 'function' ? heads : () => heads, gate), gate };
}

declare module 'vfile' {
  interface DataMap {
    /** Every tonelint finding before inline directives were applied. */
    tonelintFindings: Finding[];
  }
}

const engines = new Map<string, Engine>();

/** One engine (and so one phrase index) per distinct configuration, built once per process. */
export function engineFor(config: LintConfig = {}, rules?: CompiledRules): Engine {
  if (rules) return new Engine(rules, engineSettings(config));
  const key = JSON.stringify([config.rules ?? {}, config.categories ?? {}, config.allow ?? []]);
  let engine = engines.get(key);
  if (!engine) {
    engine = new Engine(compileBuiltinRules(), engineSettings(config));
    engines.set(key, engine);
  }
  return engine;
}

const retextTonelint: Plugin<[TonelintPluginOptions?], Root> = function (options = {}) {
  const engine = engineFor(options.config, options.rules);
  const learned = learnedFor(options);
  return function (tree: Root, file: VFile) {
    const text = String(file.value ?? '');
    reportFindings(file, engine.lintDocument(text, paragraphsFromNlcst(tree, text), learned?.evidence).findings, options.format);
  };
};

/**
 * The same checks as a remark plugin, for Markdown: only blocks where a rule could match are
 * parsed into sentences (with retext-english's parser), which is what makes large documents fast.
 */
export const remarkTonelint: Plugin<[TonelintPluginOptions?], MdastRoot> = function (options = {}) {
  const engine = engineFor(options.config, options.rules);
  const learned = learnedFor(options);
  // The memo heads read the blocks their gate admits and the lead too, as in lint().
  const blocks = learned ? learnedBlockGate(engine, learned.gate) : engine;
  return function (tree: MdastRoot, file: VFile) {
    const text = String(file.value ?? '');
    reportFindings(file, engine.lintDocument(text, markdownParagraphs(tree, text, blocks), learned?.evidence).findings, options.format ?? 'markdown');
  };
};

/** Stores every finding on `file.data` and emits a vfile message for each one no directive silences. */
export function reportFindings(file: VFile, findings: Finding[], format?: 'markdown' | 'text'): void {
  file.data.tonelintFindings = findings;
  emitMessages(file, findings, format);
}

function emitMessages(file: VFile, findings: Finding[], format?: 'markdown' | 'text'): void {
  const text = String(file.value ?? '');
  const directivesFormat = format ?? (file.path === undefined || /\.(md|markdown)$/i.test(file.path) ? 'markdown' : 'text');
  for (const finding of applyDirectives(findings, parseDirectives(text, directivesFormat)).findings) {
    const message = file.message(finding.message, {
      place: { start: finding.start, end: finding.end },
      ruleId: finding.ruleId,
      source: SOURCE,
    });
    // vfile: fatal true = error, false = warning, undefined = info.
    message.fatal = finding.severity === 'error' ? true : finding.severity === 'warning' ? false : undefined;
    message.actual = finding.actual;
    message.expected = finding.suggestions;
    message.url = finding.url;
  }
}

/** Takes back the messages retextTonelint emitted for findings a later plugin dropped. */
function withdrawMessages(file: VFile, findings: Finding[]): void {
  const gone = new Set(findings.map((finding) => `${finding.ruleId}@${finding.start.offset}-${finding.end.offset}`));
  file.messages = file.messages.filter(
    (message) => message.source !== SOURCE || !gone.has(`${message.ruleId}@${message.place && 'start' in message.place ? `${message.place.start.offset}-${message.place.end.offset}` : ''}`),
  );
}

export default retextTonelint;
export { retextTonelint };

/**
 * retext-equality as the opt-in `inclusive` category, loaded only when a run needs it (it is
 * the largest part of start-up otherwise).
 */
export const retextInclusive: Plugin<[Record<string, unknown>?], Root> = function (options) {
  let transform: ((tree: Root, file: VFile) => void) | undefined;
  return async function (tree: Root, file: VFile) {
    if (!transform) {
      const { default: retextEquality } = await import('retext-equality');
      transform = (retextEquality as unknown as (options?: unknown) => (tree: Root, file: VFile) => void)(options);
    }
    transform(tree, file);
  };
};

export interface TonelintScorerOptions {
  /** The same configuration as retextTonelint's: scored-* rule severities, `scorer` settings. */
  config?: LintConfig;
  /** The model, or a function that loads it on first use (the package entry passes the shipped weights). */
  model: ScorerModel | (() => ScorerModel);
  format?: 'markdown' | 'text';
  rules?: CompiledRules;
}

/**
 * The learned scorer as a retext plugin: after retextTonelint, it scores the sentences about
 * people, work or AI and reports those above the calibrated threshold. Where a phrase rule already
 * flagged the sentence, the rule's message stays and takes the scorer's confidence.
 */
export const retextTonelintScorer: Plugin<[TonelintScorerOptions], Root> = function (options) {
  const compiled = options.rules ?? compileBuiltinRules();
  const settings = scorerSettings(compiled, options.config ?? {});
  const phraseRules = new Set(compiled.rules.filter((rule) => rule.scope === 'phrase').map((rule) => rule.id));
  const model = typeof options.model === 'function' ? options.model : () => options.model as ScorerModel;
  return function (tree: Root, file: VFile) {
    if (!settings) return;
    const text = String(file.value ?? '');
    const isPhraseRule = (id: string) => phraseRules.has(id);
    const paragraphs = paragraphsFromNlcst(tree, text);
    const emitted = file.data.tonelintFindings ?? [];
    const existing = dropQuotedMentions(emitted, model, MENTION_OK, text, paragraphs, isPhraseRule);
    if (existing.length < emitted.length) withdrawMessages(file, emitted.filter((finding) => !existing.includes(finding)));
    const scored = scorerFindings(model, settings, text, createLineIndex(text), paragraphs);
    const added = mergeScorerFindings(existing, scored, isPhraseRule).slice(existing.length);
    file.data.tonelintFindings = [...existing, ...added];
    emitMessages(file, added, options.format);
  };
};

/** The presets, given how to load the scorer's model (tonelint/plugin passes the shipped weights). */
export function createPresets(model: () => ScorerModel, memoHeads?: () => ScorerModel): Record<'recommended' | 'all', Preset> {
  return {
    recommended: { plugins: [[retextTonelint, { config: { preset: 'recommended' }, memoHeads }], [retextTonelintScorer, { model }]] },
    all: { plugins: [[retextTonelint, { config: { preset: 'all' }, memoHeads }], [retextTonelintScorer, { model }], [retextInclusive]] },
  };
}
