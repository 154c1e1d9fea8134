// lint(): the package's front door. Text in, findings out. The only disk access is reading the
// shipped weights on first use (node/scorer-model.ts); otherwise no globals beyond caches.
import type { Root as MdastRoot } from 'mdast';
import type { LintConfig } from './core/config.js';
import { RULES_DOCS_URL } from './core/engine.js';
import { compareFindings, type Finding, type Point } from './core/finding.js';
import { ruleInfo, type RuleInfo } from './core/rule.js';
import { assertValidConfig, EQUALITY_PREFIX, inclusiveEnabled, severityFor } from './core/settings.js';
import { applyDirectives, parseDirectives, withoutTextDirectives, type DisableDirective } from './core/suppress.js';
import { compileBuiltinRules } from './plugin/builtin.js';
import { learnedBlockGate, markdownChunks, markdownParagraphs, textParagraphs } from './plugin/blocks.js';
import { dropQuotedMentions, learnedGate, MENTION_OK, mergeScorerFindings, scorerFindings, scorerSettings, type ScorerGate, type ScorerSettings } from './core/scorer/findings.js';
import type { ScorerModel } from './core/scorer/model.js';
import { loadMemoHeads, loadScorerModel } from './node/scorer-model.js';
import { memoEvidence } from './core/scorer/memo-evidence.js';
import type { BlockGate } from './plugin/blocks.js';
import type { DocumentCheck } from './core/engine.js';
import { summarizeDocument, type DocumentSummary } from './core/summary.js';
import type { Paragraph } from './core/match/tokens.js';
import { SOURCE, engineFor } from './plugin/index.js';
import { parseMarkdown, processorFor } from './plugin/processor.js';
import { SparseOffsets, sparseMarkdown } from './plugin/sparse.js';
import { resultInSource } from './core/place.js';
import { VFile } from 'vfile';
import { createLineIndex, sameLengthLineEnds } from './core/position.js';

export type { DisableDirective, RuleInfo, DocumentSummary };

export interface LintOptions {
  /** `html`: the prose of an HTML document; findings point into the HTML (see core/place.ts). */
  format?: 'markdown' | 'text' | 'html';
  config?: LintConfig;
  /** The scorer's model; by default the shipped weights, loaded on first use. */
  scorerModel?: ScorerModel;
  /** The memo heads (learned evidence for document rules); by default the shipped weights, loaded on first use. */
  memoHeads?: ScorerModel;
  /** Also return disable directives that suppressed nothing. */
  reportUnusedDisableDirectives?: boolean;
}

export interface LintResult {
  findings: Finding[];
  unusedDisableDirectives: DisableDirective[];
  /** The document's verdict: cut announcement and its elements, benchmark-led, counts by category. */
  summary: DocumentSummary;
}

/** Lints one text. Throws a TonelintError (`ConfigInvalid`, `RuleInvalid`) for bad configuration. */
export async function lint(text: string, options: LintOptions = {}): Promise<LintResult> {
  // The Markdown parser drops a leading byte-order mark, which would shift every offset after it
  // by one (and a space in its place would hide front matter): the text is linted without it and
  // the results moved back over it.
  if (text.charCodeAt(0) === 0xfeff) return pastByteOrderMark(await lint(text.slice(1), options));
  if (options.format === 'html') return lintHtml(text, options);
  const format = options.format ?? 'markdown';
  const config = options.config ?? {};
  assertValidConfig(config, ruleIds());
  // Parsers see one kind of line end; offsets stay those of `text` (see sameLengthLineEnds).
  const forParsing = format === 'text' ? withoutTextDirectives(sameLengthLineEnds(text)) : sameLengthLineEnds(text);
  const scorer = scorerFor(config);
  const heads = learnedGateFor(config);
  let findings: Finding[];
  let documents: DocumentCheck[];
  const engine = engineFor(config);
  // Only blocks where a rule may match, or the scorer may read, are parsed into sentences (see
  // plugin/blocks.ts); with the memo heads on, the whole lead too (a rule's `lead_topic`).
  const gate: BlockGate = heads ? learnedBlockGate(engine, heads) : engine;
  const paragraphs = paragraphsOf(text, format, gate, forParsing);
  // The learned machinery (scorer and memo heads) is on unless the config turns the scorer off.
  const evidence = heads ? memoEvidence(() => options.memoHeads ?? loadMemoHeads(), heads) : undefined;
  if (!inclusiveEnabled(config)) {
    ({ findings, documents } = engine.lintDocument(text, paragraphs, evidence));
  } else {
    // retext-equality needs every sentence: the whole text goes through retext; the document
    // checks come from the same engine over the fast path's sentences.
    const fast = engine.lintDocument(text, paragraphs, evidence);
    documents = fast.documents;
    const processor = processorFor(format, config);
    const file = new VFile({ value: forParsing });
    await processor.run(processor.parse(file), file);
    // Document-rule findings come from the fast path, which has the memo heads' evidence.
    findings = [
      ...(file.data.tonelintFindings ?? []).filter((finding) => !isDocumentRule(finding.ruleId)),
      ...fast.findings.filter((finding) => isDocumentRule(finding.ruleId)),
      ...inclusiveFindings(file, text, config),
    ].map((finding) => ({
      ...finding,
      actual: text.slice(finding.start.offset, finding.end.offset),
    }));
  }
  const lines = createLineIndex(text);
  if (scorer) {
    const model = () => options.scorerModel ?? loadScorerModel();
    findings = mergeScorerFindings(findings, scorerFindings(model, scorer, text, lines, paragraphs), isPhraseRule);
    findings = dropQuotedMentions(findings, model, MENTION_OK, text, paragraphs, isPhraseRule);
  }
  const { findings: kept, unused } = applyDirectives(findings, parseDirectives(text, format));
  kept.sort(compareFindings);
  return {
    findings: kept,
    unusedDisableDirectives: options.reportUnusedDisableDirectives ? unused : [],
    summary: summarizeDocument(text, lines, documents, kept),
  };
}

/** Results for a text moved one code unit on, past the byte-order mark that was taken off its front. */
function pastByteOrderMark(result: LintResult): LintResult {
  const point = (at: Point): Point => ({ line: at.line, column: at.line === 1 ? at.column + 1 : at.column, offset: at.offset + 1 });
  return {
    ...result,
    findings: result.findings.map((finding) => ({
      ...finding,
      start: point(finding.start),
      end: point(finding.end),
      ...(finding.fix ? { fix: { ...finding.fix, range: [finding.fix.range[0] + 1, finding.fix.range[1] + 1] as [number, number] } } : {}),
    })),
    unusedDisableDirectives: result.unusedDisableDirectives.map((directive) => ({
      ...directive,
      column: directive.line === 1 ? directive.column + 1 : directive.column,
      offset: directive.offset + 1,
      endOffset: directive.endOffset + 1,
    })),
  };
}

/** HTML: its prose is linted as plain text, and the findings moved back into the HTML. */
async function lintHtml(source: string, options: LintOptions): Promise<LintResult> {
  // The HTML reader (rehype-parse) is loaded only by runs that read HTML.
  const { readHtml } = await import('./plugin/html.js');
  const read = readHtml(source);
  const result = await lint(read.text, { ...options, format: 'text', reportUnusedDisableDirectives: false });
  return resultInSource(source, read, result, options.reportUnusedDisableDirectives ?? false);
}

// A long run of emphasis, bracket or code marks makes Markdown parsers super-linear (and deep
// nesting overflows remark's recursive visitors); such a document is linted as plain text.
const markupRun = /[*_[\]`~<>!]{256,}/;

// Markdown reads its own line ends, piece by piece; plain text is parsed with one kind of line
// end (same offsets). Markdown that would make the parser super-linear is read as text.
function paragraphsOf(text: string, format: 'markdown' | 'text', gate: BlockGate, forParsing: string): Paragraph[] {
  return (format === 'markdown' && markdownParagraphsOf(text, gate)) || textParagraphs(text, gate, forParsing);
}

function markdownParagraphsOf(text: string, gate: BlockGate): Paragraph[] | undefined {
  const paragraphs: Paragraph[] = [];
  for (const [start, end] of markdownChunks(text)) {
    const piece = text.slice(start, end);
    // The fallback to plain text is decided on the whole piece, as if nothing were left out.
    if (markupRun.test(piece)) return undefined;
    // micromark reads only the parts of the piece that can matter (see plugin/sparse.ts).
    const sparse = sparseMarkdown(piece, { mayMatch: (block, at) => gate.mayMatch(block, at === undefined ? undefined : start + at) });
    const tree = parseMarkdownSafely(sparse.source);
    if (!tree) return undefined;
    for (const paragraph of markdownParagraphs(tree, text, gate, new SparseOffsets(sparse.kept, start))) paragraphs.push(paragraph);
  }
  return paragraphs;
}

const learnedGates = new Map<boolean, ScorerGate | undefined>();

/** The gate of the memo heads and the scorer; undefined when the config disables the scorer. */
function learnedGateFor(config: LintConfig): ScorerGate | undefined {
  const enabled = config.scorer?.enabled !== false;
  if (!learnedGates.has(enabled)) learnedGates.set(enabled, learnedGate(compileBuiltinRules(), config));
  return learnedGates.get(enabled);
}

const scorerSetups = new Map<string, ScorerSettings | undefined>();

/** The scorer settings for a configuration, built once per distinct configuration. */
function scorerFor(config: LintConfig): ScorerSettings | undefined {
  const key = JSON.stringify([config.rules ?? {}, config.categories ?? {}, config.scorer ?? {}, config.allow ?? []]);
  if (!scorerSetups.has(key)) scorerSetups.set(key, scorerSettings(compileBuiltinRules(), config));
  return scorerSetups.get(key);
}

const idsByScope = new Map<RuleInfo['scope'], Set<string>>();

/** The ids of the built-in rules of one scope (phrase, document or scorer), computed once. */
export function ruleIdsOfScope(scope: RuleInfo['scope']): ReadonlySet<string> {
  let ids = idsByScope.get(scope);
  if (!ids) {
    ids = new Set(compileBuiltinRules().rules.filter((rule) => rule.scope === scope).map((rule) => rule.id));
    idsByScope.set(scope, ids);
  }
  return ids;
}

const isDocumentRule = (ruleId: string) => ruleIdsOfScope('document').has(ruleId);
const isPhraseRule = (ruleId: string) => ruleIdsOfScope('phrase').has(ruleId);

function parseMarkdownSafely(text: string): MdastRoot | undefined {
  if (markupRun.test(text)) return undefined;
  try {
    return parseMarkdown(text);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** retext-equality's messages as Findings in the `inclusive` category. */
function inclusiveFindings(file: VFile, text: string, config: LintConfig): Finding[] {
  const lines = createLineIndex(text);
  const findings: Finding[] = [];
  for (const message of file.messages) {
    if (message.source === SOURCE || !message.place || !('start' in message.place)) continue;
    const ruleId = `${EQUALITY_PREFIX}${message.ruleId ?? 'unknown'}`;
    const severity = severityFor(config, ruleId, 'inclusive', 'warning');
    if (severity === 'off') continue;
    const start = message.place.start.offset ?? lines.offsetAt(message.place.start.line, message.place.start.column);
    const end = message.place.end.offset ?? lines.offsetAt(message.place.end.line, message.place.end.column);
    findings.push({
      ruleId,
      category: 'inclusive',
      severity,
      message: message.reason,
      start: lines.pointAt(start),
      end: lines.pointAt(end),
      actual: text.slice(start, end),
      suggestions: Array.isArray(message.expected) ? message.expected : [],
      url: message.url ?? 'https://github.com/retextjs/retext-equality#readme',
    });
  }
  return findings;
}

let ruleIdList: string[] | undefined;
function ruleIds(): string[] {
  ruleIdList ??= compileBuiltinRules().rules.map((rule) => rule.id);
  return ruleIdList;
}

/**
 * Every built-in rule with its documentation, ordered by category then id. Categories and ids are
 * lower-case words and hyphens, so comparing code units gives localeCompare's order without
 * loading ICU's collator, which cost a cold start 10-20 ms.
 */
export function listRules(): RuleInfo[] {
  return compileBuiltinRules()
    .rules.map((rule) => ruleInfo(rule, RULES_DOCS_URL))
    .sort((a, b) => compareCodeUnits(a.category, b.category) || compareCodeUnits(a.id, b.id));
}

const compareCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function getRule(id: string): RuleInfo | undefined {
  return listRules().find((rule) => rule.id === id);
}
