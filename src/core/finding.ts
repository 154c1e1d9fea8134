// The Finding type every adapter (CLI, language server, plugin bridge) speaks.

export type Severity = 'error' | 'warning' | 'info';
export type SeverityOrOff = Severity | 'off';

export const categories = ['alarmist', 'dehumanizing', 'evasive', 'framing', 'inclusive'] as const;
export type Category = (typeof categories)[number];

/** A point in the source: 1-based line and column (UTF-16 code units), 0-based offset. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

/** A safe edit: replace text[range[0]..range[1]) with `text`. Offsets are UTF-16 code units. */
export interface Fix {
  range: [number, number];
  text: string;
}

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  start: Point;
  end: Point;
  /** The matched source text, exactly `text.slice(start.offset, end.offset)`. */
  actual: string;
  /** Value-focused rewrites for a human to choose from. */
  suggestions: string[];
  /** Present only when the rule's rewrite keeps the meaning in every context. */
  fix?: Fix;
  /** The rule's docs anchor. */
  url: string;
  /** The learned scorer's probability for this category, when it scored the sentence (0..1). */
  confidence?: number;
  /** Scorer findings: the words that drove the score, strongest first. */
  cues?: string[];
  /** True when the suggestions are advice for a person (a similar sentence rewritten, guidance), not text to put in place of the span. */
  advice?: boolean;
}

export const severityRank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Orders findings by position, then rule id, so every adapter prints them in a stable order. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.start.offset - b.start.offset ||
    a.end.offset - b.end.offset ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}
