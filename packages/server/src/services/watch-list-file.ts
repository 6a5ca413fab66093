import ExcelJS from 'exceljs';
import { readWatchListRows, WATCH_LIST_ADD_MAX, WATCH_LIST_FILE_MAX_BYTES, type WatchListFileResult } from '@courtrisk/core';
import { AppError, ValidationError } from '../errors.js';
import { OLE_SIGNATURE, startsWithBytes, ZIP_SIGNATURE } from '../file-signatures.js';
import { cellText } from '../imports/file-rows.js';

/**
 * The names of a 关注名单 workbook (XLSX): the first worksheet's first column, its second column
 * as the note. Empty name cells and a heading row (`名称`, `姓名`, `名单`, `当事人名称` …) are
 * skipped; each name keeps its worksheet row number. Read on the server because ExcelJS already is
 * a server dependency (the case, 审限事项 and 舆情 imports read XLSX here too) while the web bundle
 * has no XLSX reader. A file that is not an XLSX workbook, is empty, is over
 * `WATCH_LIST_FILE_MAX_BYTES` or holds more names than one add takes is refused in Chinese.
 */
export async function readWatchListXlsx(bytes: Buffer): Promise<WatchListFileResult> {
  if (bytes.length === 0) throw new ValidationError('上传的文件是空的');
  if (bytes.length > WATCH_LIST_FILE_MAX_BYTES) throw new AppError('payload_too_large', 413, `名单文件过大（上限 ${WATCH_LIST_FILE_MAX_BYTES / 1024 / 1024} MB），请拆分后分批读取`);
  if (startsWithBytes(bytes, OLE_SIGNATURE)) throw new ValidationError('这是旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 格式后再读取');
  if (!startsWithBytes(bytes, ZIP_SIGNATURE)) throw new ValidationError('文件不是 Excel 工作簿（.xlsx），无法读取名称');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ValidationError('无法读取该 Excel 文件，请确认文件未损坏且为 .xlsx 格式');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ValidationError('工作簿中没有工作表');
  const rows: { line: number; fields: string[] }[] = [];
  sheet.eachRow((row, rowNumber) => {
    const name = cellText(row.getCell(1).value).trim();
    // Only rows with a name count: a note beside an empty name cell is not a name to list.
    if (name) rows.push({ line: rowNumber, fields: [name, cellText(row.getCell(2).value)] });
  });
  const entries = readWatchListRows(rows);
  if (entries.length === 0) throw new ValidationError(`工作表「${sheet.name}」的第一列没有名称（名称应写在第一个工作表的 A 列，备注可写在 B 列）`);
  if (entries.length > WATCH_LIST_ADD_MAX) throw new ValidationError(`文件中有 ${entries.length} 个名称，一次最多添加 ${WATCH_LIST_ADD_MAX} 个，请拆分后分批添加`);
  return { sheet: sheet.name, entries };
}
