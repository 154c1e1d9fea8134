// A set of terms (condition lists, vocabularies, allow lists) indexed by their first token, so
// "does any term occur in these tokens" costs one hash lookup per token.
import { isAgentNoun, matchAt, startsNumber, type SequenceMatch } from './matcher.js';
import { AGENT_KEY, NUMBER_KEY, checkPattern, type Element } from './pattern.js';
import type { Token } from './tokens.js';

export class TermSet {
  private readonly index = new Map<string, Element[][]>();
  readonly size: number;

  constructor(terms: Element[][]) {
    this.size = terms.length;
    for (const term of terms) {
      for (const key of checkPattern(term)) {
        const list = this.index.get(key);
        if (list) list.push(term);
        else this.index.set(key, [term]);
      }
    }
  }

  /** Terms that may start at this token. */
  candidates(token: Token): Element[][] {
    if (token.kind !== 'word' && token.kind !== 'number') return [];
    const byKey = this.index.get(token.key) ?? [];
    const byBase = token.base !== token.key ? (this.index.get(token.base) ?? []) : [];
    const byNumber = startsNumber(token) ? (this.index.get(NUMBER_KEY) ?? []) : [];
    const byAgent = this.index.has(AGENT_KEY) && isAgentNoun(token) ? (this.index.get(AGENT_KEY) ?? []) : [];
    return byBase.length === 0 && byNumber.length === 0 && byAgent.length === 0 ? byKey : [...byKey, ...byBase, ...byNumber, ...byAgent];
  }

  /** The first occurrence lying wholly inside tokens[from..to). */
  find(tokens: Token[], from = 0, to = tokens.length): SequenceMatch | undefined {
    for (let index = Math.max(0, from); index < to; index++) {
      for (const term of this.candidates(tokens[index])) {
        const match = matchAt(term, tokens, index);
        if (match !== undefined && match.end <= to) return match;
      }
    }
    return undefined;
  }

  /** Every occurrence in tokens[from..to), longest at each start. */
  findAll(tokens: Token[], from = 0, to = tokens.length): SequenceMatch[] {
    const found: SequenceMatch[] = [];
    for (let index = Math.max(0, from); index < to; index++) {
      let best: SequenceMatch | undefined;
      for (const term of this.candidates(tokens[index])) {
        const match = matchAt(term, tokens, index);
        if (match !== undefined && match.end <= to && (best === undefined || match.end > best.end)) best = match;
      }
      if (best) found.push(best);
    }
    return found;
  }
}

