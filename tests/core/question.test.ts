// isQuestion decides from a sentence's tokens whether it asks (an FAQ heading, "Who decided?"):
// a question announces no cut and meets no requirement; only its answer does.
import { describe, expect, it } from 'vitest';
import { isQuestion, OBJECT_REPLACEMENT, tokenizeSentence } from '../../src/core/match/tokens.js';

const asks = (text: string) => isQuestion(tokenizeSentence(text));

describe('isQuestion', () => {
  it('reads a question mark at the end, past closing quotes, brackets and emphasis', () => {
    expect(asks('Who made this decision?')).toBe(true);
    expect(asks('Will there be severance?"')).toBe(true);
    expect(asks('Is this the end of the night shift?)')).toBe(true);
    expect(asks('**Will my role change?**')).toBe(true);
  });

  it('reads one stuck to a URL, an address or inline code, which are single runs', () => {
    expect(asks('Is the new rota on www.example.com?')).toBe(true);
    expect(asks('Can I email hr@example.com?')).toBe(true);
    expect(asks(`Does this affect ${OBJECT_REPLACEMENT.repeat(9)}?`)).toBe(true);
  });

  it('does not read statements, or a question mark inside the sentence', () => {
    expect(asks('We will cut 40 roles in May.')).toBe(false);
    expect(asks('The FAQ at www.example.com answers it.')).toBe(false);
    expect(asks('"Why now?" is the first question, and here is the answer.')).toBe(false);
  });
});
