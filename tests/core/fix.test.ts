import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/core/fix.js';

describe('applyFixes', () => {
  it('applies non-overlapping edits in offset order', () => {
    const { output, applied } = applyFixes('cut 40 heads and 3 heads', [
      { range: [17, 24], text: '3 people' },
      { range: [4, 12], text: '40 people' },
    ]);
    expect(output).toBe('cut 40 people and 3 people');
    expect(applied).toBe(2);
  });

  it('keeps the earlier of two overlapping edits (the next pass picks up the rest)', () => {
    expect(applyFixes('abcdef', [{ range: [1, 4], text: 'X' }, { range: [3, 5], text: 'Y' }]).output).toBe('aXef');
  });

  it('is idempotent: a second pass over fixed text changes nothing', () => {
    const fixes = [{ range: [0, 5] as [number, number], text: 'hello' }];
    const once = applyFixes('hello world', fixes);
    expect(once).toEqual({ output: 'hello world', applied: 0 });
  });

  it('ignores edits outside the text', () => {
    expect(applyFixes('abc', [{ range: [2, 9], text: 'X' }, undefined]).output).toBe('abc');
  });
});
