import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffHunks, diffLines } from './line-diff';

const rebuild = (lines: ReturnType<typeof diffLines>, side: 'before' | 'after') =>
  lines.filter((line) => line.kind === 'same' || line.kind === (side === 'before' ? 'removed' : 'added')).map((line) => line.text).join('\n');

describe('diffLines', () => {
  it('marks a changed line as removed then added, the rest as kept', () => {
    expect(diffLines('pack: a\nversion: 2\nrules:', 'pack: a\nversion: 3\nrules:')).toEqual([
      { kind: 'same', text: 'pack: a', oldLine: 1, newLine: 1 },
      { kind: 'removed', text: 'version: 2', oldLine: 2, newLine: null },
      { kind: 'added', text: 'version: 3', oldLine: null, newLine: 2 },
      { kind: 'same', text: 'rules:', oldLine: 3, newLine: 3 },
    ]);
  });

  it('rebuilds both texts and keeps a longest common subsequence', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 12 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const lines = diffLines(before, after);
        expect(rebuild(lines, 'before')).toBe(before);
        expect(rebuild(lines, 'after')).toBe(after);
        if (before === after) expect(lines.every((line) => line.kind === 'same')).toBe(true);
      }),
    );
  });
});

describe('diffHunks', () => {
  it('keeps changes with their context and marks the gaps', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].join('\n');
    const after = ['1', 'two', '3', '4', '5', '6', '7', '8', 'nine'].join('\n');
    const hunks = diffHunks(diffLines(before, after), 1);
    expect(hunks.map((line) => (line === null ? '…' : `${line.kind[0]}${line.text}`))).toEqual(['s1', 'r2', 'atwo', 's3', '…', 's8', 'r9', 'anine']);
  });
});
