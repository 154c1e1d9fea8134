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
    const text = 'We will cut 40 heads and 12 heads.';
    const edit = (source: string, find: RegExp) =>
      [...source.matchAll(find)].map((match) => ({ range: [match.index!, match.index! + match[0].length] as [number, number], text: match[0].replace('heads', 'people') }));
    const once = applyFixes(text, edit(text, /\d+ heads/g));
    expect(once).toEqual({ output: 'We will cut 40 people and 12 people.', applied: 2 });
    // The same edits, pointed at the fixed text: each one is already in place, so nothing changes.
    expect(applyFixes(once.output, edit(once.output, /\d+ people/g))).toEqual({ output: once.output, applied: 0 });
  });

  it('ignores edits outside the text', () => {
    expect(applyFixes('abc', [{ range: [2, 9], text: 'X' }, undefined]).output).toBe('abc');
  });
});
