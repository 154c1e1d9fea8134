// The bench's language-server measure (npm run bench) must time re-lints of the document it was
// given: each typed character is deleted again, so the document never drifts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { measureRelintLatency } from '../../src/lsp/measure.js';

describe('measureRelintLatency', () => {
  it('types and deletes the same character, so after an even number of edits the document is as opened', async () => {
    const text = readFileSync(new URL('../../examples/layoff-memo.md', import.meta.url), 'utf8');
    const result = await measureRelintLatency({ text, edits: 40, warmup: 2 });
    expect(result.samplesMs).toHaveLength(40);
    expect(result.finalText).toBe(text);
    expect(result.firstDiagnostics).toBeGreaterThan(0);
    expect(result.lastDiagnostics).toBe(result.firstDiagnostics);
  }, 60_000);
});
