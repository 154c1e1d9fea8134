// Errors are values with a code the CLI maps to one clear line and exit 2.

export type TonelintErrorCode =
  | 'ConfigInvalid'
  | 'ConfigNotFound'
  | 'RuleInvalid'
  | 'RuleUnknown'
  | 'InputMissing'
  | 'InputBinary'
  | 'InputEncoding'
  | 'InputTooLarge'
  | 'InputUnreadable'
  | 'InputDocument'
  | 'UsageInvalid'
  | 'ScorerInvalid';

export class TonelintError extends Error {
  readonly code: TonelintErrorCode;
  /** The file the error is about, when there is one. */
  readonly file?: string;
  /** 1-based line in `file`, when known. */
  readonly line?: number;

  constructor(code: TonelintErrorCode, message: string, where: { file?: string; line?: number } = {}) {
    super(message);
    this.name = 'TonelintError';
    this.code = code;
    this.file = where.file;
    this.line = where.line;
  }

  /** `file:line: message`, the one line the CLI prints. */
  format(): string {
    const place = this.file ? `${this.file}${this.line ? `:${this.line}` : ''}: ` : '';
    return `${place}${this.message}`;
  }
}

export function isTonelintError(value: unknown): value is TonelintError {
  return value instanceof TonelintError;
}

/** The closest of `candidates` to `name` (Levenshtein), for "did you mean" hints. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(name, candidate);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 2)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
