// Re-linting as the writer types: the document is split into blocks (paragraphs separated by
// blank lines outside code fences), each block's findings are cached by the block's text, and
// a one-character edit re-lints only the block it touched.
import { lint, ruleIdsOfScope } from '../index.js';
import type { Finding } from '../core/finding.js';
import type { LintConfig } from '../core/config.js';
import type { DisableDirective } from '../lint.js';
import { compareFindings } from '../core/finding.js';
import type { DocumentFormat } from './convert.js';
import { createLineIndex } from '../core/position.js';
import { LEAD_CHARACTERS } from '../core/engine.js';

/** A block of whole lines: `text` starts at `offset` and at line `line` (0-based) of the document. */
export interface Block {
  offset: number;
  line: number;
  text: string;
}

/**
 * Splits a document into blocks that lint the same alone as in place. Blank lines outside code
 * fences, front matter and HTML comments separate blocks; a block that starts indented joins the
 * one before (a list item's continuation or indented code means nothing on its own).
 */
export function splitBlocks(text: string, format: DocumentFormat): Block[] {
  const starts = createLineIndex(text).lineStarts;
  const lines = starts.map((start, i) => text.slice(start, i + 1 < starts.length ? starts[i + 1] : text.length));
  const blocks: { first: number; last: number }[] = [];
  let current: { first: number; last: number } | undefined;
  let closer: RegExp | undefined;
  let previousBlank = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r?\n$|\r$/, '');
    const blank = closer === undefined && /^[ \t]*$/.test(line);
    if (blank) {
      current = undefined;
      previousBlank = true;
      continue;
    }
    const joinsPrevious = format === 'markdown' && previousBlank && /^[ \t]/.test(line) && blocks.length > 0;
    if (current === undefined) {
      if (joinsPrevious) {
        current = blocks[blocks.length - 1];
      } else {
        current = { first: i, last: i };
        blocks.push(current);
      }
    }
    current.last = i;
    previousBlank = false;
    if (format !== 'markdown') continue;
    if (closer !== undefined) {
      if (closer.test(line)) closer = undefined;
      continue;
    }
    if (i === 0 && /^(?:\uFEFF)?---[ \t]*$/.test(line)) closer = /^(?:---|\.\.\.)[ \t]*$/;
    else if (i === 0 && /^(?:\uFEFF)?\+\+\+[ \t]*$/.test(line)) closer = /^\+\+\+[ \t]*$/;
    else {
      const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (fence) {
        const char = fence[1][0] === '`' ? '`' : '~';
        closer = new RegExp(`^ {0,3}${char === '`' ? '`' : '~'}{${fence[1].length},}[ \\t]*$`);
      } else if (line.includes('<!--') && !line.slice(line.lastIndexOf('<!--')).includes('-->')) {
        closer = /-->/;
      }
    }
  }
  return blocks.map(({ first, last }) => {
    const offset = starts[first];
    const end = last + 1 < starts.length ? starts[last + 1] : text.length;
    return { offset, line: first, text: text.slice(offset, end).replace(/(?:\r?\n|\r)$/, '') };
  });
}

/**
 * The blocks that start within the lead (LEAD_CHARACTERS) joined into one: a `lead_only` rule
 * reads the lead whole (an AI model named in its opening, the scores in a bullet below), so
 * apart its blocks could miss what they say together.
 */
export function withLeadJoined(blocks: Block[], text: string): Block[] {
  let joined = 1;
  while (joined < blocks.length && blocks[joined].offset < LEAD_CHARACTERS) joined++;
  if (joined < 2) return blocks;
  const last = blocks[joined - 1];
  const lead: Block = { offset: blocks[0].offset, line: blocks[0].line, text: text.slice(blocks[0].offset, last.offset + last.text.length) };
  return [lead, ...blocks.slice(joined)];
}

/** Inline directives can reach across blocks, so a document that has one is linted whole. */
function hasDirective(text: string): boolean {
  return text.includes('tonelint-');
}

export interface DocumentLintResult {
  findings: Finding[];
  unusedDisableDirectives: DisableDirective[];
  /** How many blocks were linted afresh (the rest came from the cache). */
  linted: number;
}

export interface IncrementalLinterOptions {
  /** Called when linting one block throws; that block reports nothing until it changes. */
  onError?: (error: unknown) => void;
}

/**
 * Lints one document again and again as it changes. Holds findings only for the blocks of the
 * last text it saw, so memory follows the document's size, not its edit history.
 */
export class IncrementalLinter {
  private cache = new Map<string, Promise<Finding[]>>();
  private wholeCache: { text: string; result: Promise<Omit<DocumentLintResult, 'linted'>> } | undefined;
  private key: { format: DocumentFormat; config: LintConfig | undefined } | undefined;
  private documentCache: { text: string; result: Promise<Finding[]> } | undefined;

  constructor(private readonly options: IncrementalLinterOptions = {}) {}

  async lint(text: string, format: DocumentFormat, config: LintConfig | undefined): Promise<DocumentLintResult> {
    if (this.key === undefined || this.key.format !== format || this.key.config !== config) {
      this.cache = new Map();
      this.wholeCache = undefined;
      this.documentCache = undefined;
      this.key = { format, config };
    }
    // HTML is linted whole: its blocks are elements, not blank-line paragraphs.
    if (format === 'html' || hasDirective(text)) {
      this.cache = new Map();
      let linted = 0;
      if (this.wholeCache?.text !== text) {
        linted = 1;
        const result = lint(text, { format, config, reportUnusedDisableDirectives: true }).then(
          (r) => ({ findings: [...r.findings].sort(compareFindings), unusedDisableDirectives: r.unusedDisableDirectives }),
        );
        this.wholeCache = { text, result };
        result.catch(() => {
          if (this.wholeCache?.result === result) this.wholeCache = undefined;
        });
      }
      return { ...(await this.wholeCache!.result), linted };
    }
    this.wholeCache = undefined;
    const blocks = withLeadJoined(splitBlocks(text, format), text);
    const next = new Map<string, Promise<Finding[]>>();
    let linted = 0;
    const perBlock = blocks.map((block) => {
      let pending = next.get(block.text) ?? this.cache.get(block.text);
      if (pending === undefined) {
        linted++;
        pending = lint(block.text, { format, config }).then((r) => r.findings);
        const settled = pending;
        settled.catch(() => {
          if (this.cache.get(block.text) === settled) this.cache.delete(block.text);
        });
      }
      next.set(block.text, pending);
      return pending.then(
        (findings) => findings.map((finding) => shiftFinding(finding, block)),
        (error: unknown) => {
          this.options.onError?.(error);
          return [] as Finding[];
        },
      );
    });
    this.cache = next;
    let findings = (await Promise.all(perBlock)).flat();
    // A document rule judges the whole text (an announcement in one block, acknowledgment in
    // another). A block on its own can only over-report it, never miss it: when any block reports
    // one, the whole document decides, linted once per text.
    const whole = documentRuleIds();
    if (findings.some((finding) => whole.has(finding.ruleId))) {
      if (this.documentCache?.text !== text) {
        linted++;
        // Only the document rules' findings are kept, so the scorer's sentence findings (the blocks
        // have them already) are not computed again over the whole text.
        this.documentCache = { text, result: lint(text, { format, config: withoutScorerFindings(config) }).then((r) => r.findings.filter((f) => whole.has(f.ruleId))) };
      }
      const decided = await this.documentCache.result.catch((error: unknown) => {
        this.options.onError?.(error);
        return [] as Finding[];
      });
      findings = [...findings.filter((finding) => !whole.has(finding.ruleId)), ...decided];
    }
    return { findings: findings.sort(compareFindings), unusedDisableDirectives: [], linted };
  }
}

/** The config with every scored-* rule off: the memo heads still run, the scorer's findings do not. */
function withoutScorerFindings(config: LintConfig | undefined): LintConfig {
  const off = Object.fromEntries([...ruleIdsOfScope('scorer')].map((id) => [id, 'off' as const]));
  return { ...config, rules: { ...config?.rules, ...off } };
}

function documentRuleIds(): ReadonlySet<string> {
  return ruleIdsOfScope('document');
}

/** A finding from a block, moved to where the block sits in the document. */
function shiftFinding(finding: Finding, block: Block): Finding {
  const shifted: Finding = {
    ...finding,
    start: { line: finding.start.line + block.line, column: finding.start.column, offset: finding.start.offset + block.offset },
    end: { line: finding.end.line + block.line, column: finding.end.column, offset: finding.end.offset + block.offset },
  };
  if (finding.fix) shifted.fix = { range: [finding.fix.range[0] + block.offset, finding.fix.range[1] + block.offset], text: finding.fix.text };
  return shifted;
}
