import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffHunks, diffLines, markChangedSpans } from './line-diff';

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

describe('markChangedSpans', () => {
  const spans = (before: string, after: string) =>
    markChangedSpans(diffLines(before, after))
      .filter((line) => line.changed)
      .map((line) => [line.kind, line.text.slice(line.changed!.start, line.changed!.end)]);

  it('marks only the keyword added to a long list', () => {
    // The inserted stretch shifted past the repeated 公共场所秩序 is an equally small mark.
    expect(spans('any: [寻衅滋事, 随意殴打, 公共场所秩序]', 'any: [寻衅滋事, 随意殴打, 公共场所秩序严重混乱, 公共场所秩序]')).toEqual([
      ['removed', ''],
      ['added', '严重混乱, 公共场所秩序'],
    ]);
    expect(spans('any: [寻衅滋事, 随意殴打]', 'any: [寻衅滋事, 起哄闹事, 随意殴打]')).toEqual([
      ['removed', ''],
      ['added', '起哄闹事, '],
    ]);
  });

  it('pairs the k-th removed line with the k-th added one and leaves unrelated lines unmarked', () => {
    expect(spans('version: 3\nid: A\nx', 'version: 4\nzzz\nx')).toEqual([
      ['removed', '3'],
      ['added', '4'],
    ]);
  });

  it('never splits a surrogate pair', () => {
    const [removed, added] = markChangedSpans(diffLines('a𠀀', 'a𠀁')).filter((line) => line.kind !== 'same');
    expect(removed!.text.slice(removed!.changed!.start, removed!.changed!.end)).toBe('𠀀');
    expect(added!.text.slice(added!.changed!.start, added!.changed!.end)).toBe('𠀁');
  });

  it('marks nothing on lines kept in both texts', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'ab', 'b', 'ba'), { maxLength: 8 }), fc.array(fc.constantFrom('a', 'ab', 'b', 'ba'), { maxLength: 8 }), (before, after) => {
        const lines = markChangedSpans(diffLines(before.join('\n'), after.join('\n')));
        for (const line of lines) if (line.kind === 'same') expect(line.changed).toBeUndefined();
        for (const line of lines) if (line.changed) expect(line.changed.start).toBeLessThanOrEqual(line.changed.end);
      }),
    );
  });
});
