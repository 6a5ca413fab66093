import { buildXlsx } from '../export/xlsx.js';
import type { ImportJobTable } from '../db/schema.js';
import type { Repositories } from '../repositories/index.js';

/**
 * The downloadable XLSX of an import job's problems (case, opinion and process-event imports):
 * row, column, the row's key (案号, or an opinion item's 标题) and the Chinese reason.
 */
export async function importErrorReport(repos: Repositories, job: ImportJobTable, key: { header: string; width: number } = { header: '案号', width: 26 }): Promise<Buffer> {
  const errors = await repos.importJobs.listErrors(job.courtId, job.id, 100_000);
  return buildXlsx('错误报告', [
    { header: '行号', width: 8, value: (e) => e.rowNo },
    { header: '列', width: 14, value: (e) => e.columnName },
    { header: key.header, width: key.width, value: (e) => e.caseNumber },
    { header: '问题', width: 70, value: (e) => e.message },
  ], errors);
}
