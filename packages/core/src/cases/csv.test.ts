import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvParser, formatCsvField, parseCsv } from './csv.js';

const rows = (text: string) => parseCsv(text).map((r) => r.fields);

// RFC 4180 (Common Format and MIME Type for CSV Files), §2.
describe('parseCsv', () => {
  it.each([
    ['a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['a,b\r\n1,2', [['a', 'b'], ['1', '2']]],
    ['"x,y",z\n', [['x,y', 'z']]],
    ['"say ""hi""",2\n', [['say "hi"', '2']]],
    ['"line1\nline2",3\n', [['line1\nline2', '3']]],
    ['a,,c\n', [['a', '', 'c']]],
    [',\n', [['', '']]],
    ['\n\na\n', [['a']]],
    ['案号,当事人\n(2024)京0105民初1号,张三\n', [['案号', '当事人'], ['(2024)京0105民初1号', '张三']]],
  ])('%j', (text, expected) => {
    expect(rows(text)).toEqual(expected);
  });

  it('reports the line each record starts on, counting line breaks inside quotes', () => {
    const records = parseCsv('h\n"a\nb"\nc\n');
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('gives the same records whatever the chunking (property)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', '法', ',', '"', '\n', '\r', ' ') });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.array(fc.nat(40)), (table, cuts) => {
        const text = table.map((r) => r.map(formatCsvField).join(',')).join('\r\n') + '\r\n';
        const whole = rows(text);
        const parser = createCsvParser();
        const pieces: string[][] = [];
        let at = 0;
        for (const cut of cuts) {
          const next = Math.min(text.length, at + cut);
          pieces.push(...parser.push(text.slice(at, next)).map((r) => r.fields));
          at = next;
        }
        pieces.push(...parser.push(text.slice(at)).map((r) => r.fields), ...parser.end().map((r) => r.fields));
        const nonEmpty = table.filter((r) => !(r.length === 1 && r[0] === ''));
        return JSON.stringify(pieces) === JSON.stringify(whole) && JSON.stringify(whole) === JSON.stringify(nonEmpty);
      }),
      { numRuns: 300 },
    );
  });
});
