/**
 * RFC 4180 CSV, as spreadsheet tools export it: comma separated, fields optionally quoted with
 * doubled quotes inside, CRLF or LF line ends, quoted fields may span lines. Text is fed in chunks;
 * complete records come out with the 1-based line on which each starts (for error reports).
 * Plain runs are copied with slice(), not character by character, so large imports stay fast.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export function createCsvParser() {
  let field = '';
  let fields: string[] = [];
  let inQuotes = false;
  /** A quote seen inside a quoted field: either the closing quote or the first of a doubled pair. */
  let quotePending = false;
  let pendingCR = false;
  let line = 1;
  let recordLine = 1;
  let recordStarted = false;

  function endRecord(out: CsvRecord[]) {
    fields.push(field);
    if (recordStarted) out.push({ line: recordLine, fields });
    field = '';
    fields = [];
    recordStarted = false;
  }

  return {
    /** Parses the next chunk; returns the records it completed. */
    push(chunk: string): CsvRecord[] {
      const out: CsvRecord[] = [];
      let start = 0;
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk.charCodeAt(i);
        if (pendingCR) {
          pendingCR = false;
          if (c === 10) {
            start = i + 1;
            continue;
          }
        }
        if (inQuotes) {
          if (quotePending) {
            quotePending = false;
            if (c === 34) {
              field += '"';
              start = i + 1;
              continue;
            }
            inQuotes = false;
            start = i;
          } else {
            if (c === 34) {
              field += chunk.slice(start, i);
              quotePending = true;
              start = i + 1;
            } else if (c === 10) line++;
            continue;
          }
        }
        if (c === 34 && field === '' && start === i) {
          inQuotes = true;
          recordStarted = true;
          start = i + 1;
        } else if (c === 44) {
          fields.push(field + chunk.slice(start, i));
          field = '';
          recordStarted = true;
          start = i + 1;
        } else if (c === 10 || c === 13) {
          field += chunk.slice(start, i);
          if (field !== '') recordStarted = true;
          endRecord(out);
          line++;
          recordLine = line;
          if (c === 13) pendingCR = true;
          start = i + 1;
        }
      }
      if (inQuotes && !quotePending) field += chunk.slice(start);
      else if (!inQuotes) {
        const rest = chunk.slice(start);
        if (rest !== '') recordStarted = true;
        field += rest;
      }
      return out;
    },
    /** Flushes the last record when the input does not end with a line break. */
    end(): CsvRecord[] {
      const out: CsvRecord[] = [];
      inQuotes = false;
      quotePending = false;
      if (recordStarted || field !== '' || fields.length > 0) endRecord(out);
      return out;
    },
  };
}

/** Parses a whole CSV text at once. */
export function parseCsv(text: string): CsvRecord[] {
  const parser = createCsvParser();
  return [...parser.push(text), ...parser.end()];
}

/** Quotes a field when needed, for writing CSV. */
export function formatCsvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
