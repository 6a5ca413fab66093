import ExcelJS from 'exceljs';
import { createCsvParser } from '@courtrisk/core';
import { AppError } from '../errors.js';
import { cellText, detectEncoding, formatOfFileName, ImportFileError } from './file-rows.js';

/** How one kind of small import file (opinion items, process events) turns its lines into rows. */
export interface SmallFileReader<Row, Columns> {
  /** The header row's column positions; throws `ImportFileError` naming missing required columns. */
  header(cells: readonly string[]): Columns;
  /** A CSV or XLSX data row (`row`: its line or sheet row number). */
  fromCells(cells: readonly string[], columns: Columns, row: number): Row;
  /** A JSONL line, as the API takes it. */
  fromJson(line: string, row: number): Row;
  /** How an XLSX cell reads as text; default `cellText`. */
  xlsxCell?: (value: ExcelJS.CellValue) => string;
}

/**
 * Reads a small file whole: CSV (UTF-8 with or without BOM, or GB18030/GBK), XLSX (first sheet) or
 * JSONL; blank lines are skipped. The large case import streams instead (file-rows.ts).
 */
export async function readSmallFile<Row, Columns>(fileName: string, bytes: Buffer, reader: SmallFileReader<Row, Columns>): Promise<{ rows: Row[]; encoding: string | null }> {
  const format = formatOfFileName(fileName);
  if (format === 'xlsx') {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (error) {
      throw new ImportFileError(`无法读取 XLSX 文件：${error instanceof Error ? error.message : String(error)}`);
    }
    const sheet = workbook.worksheets[0];
    if (!sheet || sheet.rowCount === 0) throw new ImportFileError('工作簿的第一个工作表是空的');
    const asText = reader.xlsxCell ?? cellText;
    let columns: Columns | undefined;
    const rows: Row[] = [];
    sheet.eachRow((row, rowNumber) => {
      const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(asText);
      if (columns === undefined) columns = reader.header(cells);
      else if (cells.some((c) => c.trim() !== '')) rows.push(reader.fromCells(cells, columns, rowNumber));
    });
    return { rows, encoding: null };
  }
  const encoding = detectEncoding(bytes.subarray(0, 64 * 1024));
  const text = new TextDecoder(encoding).decode(bytes);
  if (format === 'jsonl') {
    const rows: Row[] = [];
    text.split('\n').forEach((line, index) => {
      if (line.trim() !== '') rows.push(reader.fromJson(line, index + 1));
    });
    return { rows, encoding };
  }
  const parser = createCsvParser();
  const [head, ...body] = [...parser.push(text), ...parser.end()];
  if (!head) throw new ImportFileError('文件是空的');
  const columns = reader.header(head.fields);
  return { rows: body.filter((r) => r.fields.some((f) => f.trim() !== '')).map((r) => reader.fromCells(r.fields, columns, r.line)), encoding };
}

/** `readSmallFile` for a request: a file that cannot be read at all is a 400 with the reason. */
export async function readUploadedFile<Row, Columns>(fileName: string, bytes: Buffer, reader: SmallFileReader<Row, Columns>) {
  try {
    return await readSmallFile(fileName, bytes, reader);
  } catch (error) {
    if (error instanceof ImportFileError) throw new AppError('invalid_input', 400, error.message);
    throw error;
  }
}
