import fs from 'node:fs';
import type ExcelJS from 'exceljs';
import { createCsvParser, mapCaseRow, matchCaseHeader, type CaseColumnField } from '@courtrisk/core';
import type { IntakeItem } from '../services/case-intake.js';

export type ImportFormat = 'csv' | 'xlsx' | 'jsonl';

export function formatOfFileName(fileName: string): ImportFormat {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  return 'csv';
}

/** A file that cannot be read as a whole (wrong header, not a workbook): the job fails with this message. */
export class ImportFileError extends Error {}

/**
 * Text encoding of a CSV/JSONL file from its first bytes: a UTF-8 BOM, else valid UTF-8, else
 * GB18030 (a superset of GBK and GB2312, which Excel on Chinese Windows writes).
 */
export function detectEncoding(head: Uint8Array): 'utf-8' | 'gb18030' {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

export interface RowSource {
  encoding: string | null;
  rows: AsyncGenerator<IntakeItem>;
}

interface ReadOptions {
  /** Rows before this number were committed by an earlier run of the job: skip them. */
  fromRow: number;
  onBytes: (bytesRead: number) => void;
}

const CHUNK = 1 << 20;

async function* decodedChunks(file: string, encoding: string, onBytes: (n: number) => void) {
  const decoder = new TextDecoder(encoding, { ignoreBOM: false });
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK })) {
    bytes += (chunk as Buffer).length;
    onBytes(bytes);
    yield decoder.decode(chunk as Buffer, { stream: true });
  }
  yield decoder.decode();
}

function readHead(file: string): Uint8Array {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

function rowFromCells(cells: readonly string[], indexes: Map<CaseColumnField, number>, rowNo: number): IntakeItem {
  const mapped = mapCaseRow((field) => {
    const at = indexes.get(field);
    return at === undefined ? '' : (cells[at] ?? '');
  });
  if (mapped.ok) return { row: rowNo, input: mapped.input };
  const caseNumber = cells[indexes.get('caseNumber') ?? -1]?.trim();
  return { row: rowNo, problems: mapped.problems, ...(caseNumber ? { caseNumber } : {}) };
}

function headerIndexes(header: readonly string[]) {
  const { indexes, missing } = matchCaseHeader(header);
  if (missing.length > 0) throw new ImportFileError(`文件第 1 行缺少必填列：${missing.join('、')}。请使用导入模板。`);
  return indexes;
}

async function* csvRows(file: string, encoding: string, options: ReadOptions): AsyncGenerator<IntakeItem> {
  const parser = createCsvParser();
  let indexes: Map<CaseColumnField, number> | undefined;
  const handle = function* (records: ReturnType<typeof parser.push>) {
    for (const record of records) {
      if (!indexes) {
        indexes = headerIndexes(record.fields);
        continue;
      }
      if (record.line < options.fromRow) continue;
      if (record.fields.every((f) => f.trim() === '')) continue;
      yield rowFromCells(record.fields, indexes, record.line);
    }
  };
  for await (const text of decodedChunks(file, encoding, options.onBytes)) yield* handle(parser.push(text));
  yield* handle(parser.end());
  if (!indexes) throw new ImportFileError('文件是空的');
}

async function* jsonlRows(file: string, encoding: string, options: ReadOptions): AsyncGenerator<IntakeItem> {
  let pending = '';
  let lineNo = 0;
  const handle = function* (lines: string[]) {
    for (const line of lines) {
      lineNo++;
      if (lineNo < options.fromRow || line.trim() === '') continue;
      try {
        yield { row: lineNo, input: JSON.parse(line) as unknown };
      } catch {
        yield { row: lineNo, problems: [{ column: '整行', message: '不是有效的 JSON' }] };
      }
    }
  };
  for await (const text of decodedChunks(file, encoding, options.onBytes)) {
    const lines = (pending + text).split('\n');
    pending = lines.pop() ?? '';
    yield* handle(lines);
  }
  yield* handle(pending ? [pending] : []);
}

/** Excel cells as text: dates as YYYY-MM-DD, rich text joined, formulas by their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

async function* xlsxRows(file: string, options: ReadOptions): AsyncGenerator<IntakeItem> {
  // Loaded on first use, not at the top: the import worker mostly reads CSV, and ExcelJS costs it ~0.4 s of start-up and ~10 MB.
  const { default: excel } = await import('exceljs');
  let bytes = 0;
  const input = fs.createReadStream(file, { highWaterMark: CHUNK }).on('data', (chunk) => {
    bytes += chunk.length;
    options.onBytes(bytes);
  });
  // Styles are needed to tell date cells (number formats) from plain numbers.
  const reader = new excel.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
  let indexes: Map<CaseColumnField, number> | undefined;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
        if (!indexes) {
          indexes = headerIndexes(values);
          continue;
        }
        if (row.number < options.fromRow || values.every((v) => v.trim() === '')) continue;
        yield rowFromCells(values, indexes, row.number);
      }
      break; // only the first worksheet holds cases; the template's second sheet is the guide
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(`无法读取 XLSX 文件：${error instanceof Error ? error.message : String(error)}`);
  }
  if (!indexes) throw new ImportFileError('工作簿的第一个工作表是空的');
}

/** Opens an uploaded file as a stream of rows, each already mapped from the template's columns. */
export function openRowSource(file: string, format: ImportFormat, options: ReadOptions): RowSource {
  if (format === 'xlsx') return { encoding: null, rows: xlsxRows(file, options) };
  const encoding = detectEncoding(readHead(file));
  return { encoding, rows: format === 'jsonl' ? jsonlRows(file, encoding, options) : csvRows(file, encoding, options) };
}
