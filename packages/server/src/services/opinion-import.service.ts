import { OPINION_IMPORT_COLUMNS, OpinionImportRow, OpinionItemInput, opinionSourceKindLabel, OPINION_SOURCE_KINDS, type OpinionIntakeResult } from '@courtrisk/core';
import ExcelJS from 'exceljs';
import type { Clock } from '../clock.js';
import { AppError, NotFoundError } from '../errors.js';
import { newId } from '../ids.js';
import { importErrorReport } from '../imports/error-report.js';
import { cellText, formatOfFileName, ImportFileError } from '../imports/file-rows.js';
import { readUploadedFile, type SmallFileReader } from '../imports/small-file.js';
import type { AccessChecker } from './access.js';
import type { Actor } from './actor.js';
import { rowProblem, type IntakeRow, type OpinionService } from './opinion.service.js';
import type { Store } from './store.js';

/** Opinion files are small (one row per post); they are read whole. */
export const MAX_OPINION_FILE_BYTES = 10 * 1024 * 1024;
const JOB_KIND = 'opinion';

type Field = (typeof OPINION_IMPORT_COLUMNS)[number]['field'];
const headerOf = new Map<string, string>(OPINION_IMPORT_COLUMNS.map((c) => [c.field, c.header]));
const METRIC_FIELDS = ['reads', 'reposts', 'comments', 'likes'] as const;

/** Finds each template column in the header row (a trailing * and spaces allowed). */
function matchHeader(cells: readonly string[]): Map<Field, number> {
  const clean = cells.map((h) => h.replace(/^\uFEFF/, '').replace(/[*＊\s]/g, ''));
  const indexes = new Map<Field, number>();
  for (const column of OPINION_IMPORT_COLUMNS) {
    const at = clean.indexOf(column.header);
    if (at >= 0) indexes.set(column.field, at);
  }
  const missing = OPINION_IMPORT_COLUMNS.filter((c) => c.required && !indexes.has(c.field)).map((c) => c.header);
  if (missing.length > 0) throw new ImportFileError(`文件第 1 行缺少必填列：${missing.join('、')}。请使用舆情导入模板。`);
  return indexes;
}

/**
 * A template row: the core row schema (labels → codes, Beijing time, 1.2万), each problem named by
 * its Chinese column. The metrics become the first snapshot, captured at import time, when any
 * metric cell is filled.
 */
function fromCells(cells: readonly string[], indexes: Map<Field, number>, row: number, capturedAt: string): IntakeRow {
  const cell = (field: Field) => cells[indexes.get(field) ?? -1] ?? '';
  const parsed = OpinionImportRow.safeParse(Object.fromEntries(OPINION_IMPORT_COLUMNS.map((c) => [c.field, cell(c.field)])));
  const title = cell('title').trim() || null;
  if (!parsed.success) return { row, problems: parsed.error.issues.map((issue) => rowProblem(row, headerOf.get(String(issue.path[0])) ?? '整行', issue.message, title)) };
  const { reads, reposts, comments, likes, ...item } = parsed.data;
  const hasMetrics = METRIC_FIELDS.some((field) => cell(field).trim() !== '');
  return { row, input: { ...item, ...(hasMetrics ? { metrics: { capturedAt, reads, reposts, comments, likes } } : {}) } };
}

/** A JSONL line is one API item (`OpinionItemInput`), problems named by field path. */
function fromJson(line: string, row: number): IntakeRow {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { row, problems: [rowProblem(row, '整行', '不是有效的 JSON')] };
  }
  const parsed = OpinionItemInput.safeParse(value);
  if (parsed.success) return { row, input: parsed.data };
  const title = typeof (value as { title?: unknown })?.title === 'string' ? (value as { title: string }).title : null;
  return { row, problems: parsed.error.issues.map((issue) => rowProblem(row, issue.path.join('.') || '整行', issue.message, title)) };
}

/** Date-time cells keep their time (Excel stores wall-clock time, read as UTC by ExcelJS). */
const xlsxCell = (value: ExcelJS.CellValue) => (value instanceof Date ? value.toISOString().slice(0, 16).replace('T', ' ') : cellText(value));

/** Opinion files: template rows (metrics captured at `capturedAt`) or API items as JSONL. */
const opinionFile = (capturedAt: string): SmallFileReader<IntakeRow, Map<Field, number>> => ({
  header: matchHeader,
  fromCells: (cells, indexes, row) => fromCells(cells, indexes, row, capturedAt),
  fromJson,
  xlsxCell,
});

/** 舆情导入 (issue 6): a CSV/XLSX/JSONL file applied at once; its problems are kept for the XLSX report. */
export function createOpinionImportService({ store, access, clock, opinion }: { store: Store; access: AccessChecker; clock: Clock; opinion: Pick<OpinionService, 'applyRows'> }) {
  const { repos } = store;
  return {
    async importFile(actor: Actor, fileName: string, bytes: Buffer): Promise<OpinionIntakeResult> {
      await access.require(actor, 'opinion.manage');
      if (bytes.length === 0) throw new AppError('invalid_input', 400, '上传的文件是空的');
      const startedAt = clock.now().toISOString();
      const read = await readUploadedFile(fileName, bytes, opinionFile(startedAt));
      const jobId = newId();
      const result = await opinion.applyRows(actor, read.rows, 'import', `文件「${fileName}」`, jobId);
      // The job row is written once, finished: the case-import runner never sees it half done.
      const finished = clock.now().toISOString();
      await store.transaction(async (trx) => {
        await trx.importJobs.insert({
          id: jobId, courtId: actor.courtId, kind: JOB_KIND, fileName, format: formatOfFileName(fileName), encoding: read.encoding, storedPath: '', sizeBytes: bytes.length, processedBytes: bytes.length,
          status: 'completed', totalRows: read.rows.length, processedRows: read.rows.length, okRows: read.rows.length - result.errorRows, errorRows: result.errorRows, createdCount: result.created,
          updatedCount: result.snapshotted, unchangedCount: result.unchanged, nextRow: 0,
          message: `共 ${read.rows.length} 行：新增 ${result.created}，追加传播指标 ${result.snapshotted}，无变化 ${result.unchanged}，错误 ${result.errorRows} 行`,
          createdBy: actor.accountId, finishedAt: finished, createdAt: startedAt, updatedAt: finished, version: 1,
        });
        await trx.importJobs.insertErrors(result.errors.map((e) => ({ id: newId(), courtId: actor.courtId, jobId, rowNo: e.row, columnName: e.column, message: e.message, caseNumber: e.title })));
      });
      return { ...result, errors: result.errors.slice(0, 500) };
    },

    async errorReport(actor: Actor, jobId: string): Promise<Buffer> {
      await access.require(actor, 'opinion.manage');
      const job = access.inScope(actor, await repos.importJobs.getById(jobId), 'importJob', jobId);
      if (job.kind !== JOB_KIND) throw new NotFoundError('importJob', jobId);
      return importErrorReport(repos, job, { header: '标题', width: 30 });
    },

    async template(actor: Actor): Promise<Buffer> {
      await access.require(actor, 'opinion.manage');
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('舆情');
      sheet.columns = OPINION_IMPORT_COLUMNS.map((c) => ({ header: c.required ? `${c.header}*` : c.header, width: c.field === 'text' ? 60 : c.field === 'title' || c.field === 'url' ? 30 : 14 }));
      sheet.getRow(1).font = { bold: true };
      sheet.addRow(OPINION_IMPORT_COLUMNS.map((c) => c.example));
      const guide = workbook.addWorksheet('填写说明');
      guide.columns = [{ header: '列', width: 14 }, { header: '必填', width: 8 }, { header: '说明', width: 90 }];
      guide.getRow(1).font = { bold: true };
      const notes: Record<string, string> = {
        sourceKind: `可选：${OPINION_SOURCE_KINDS.map((k) => opinionSourceKindLabel[k]).join('、')}`,
        sourceName: '发布平台上的账号或媒体名称',
        url: '原帖链接（http 或 https）；同一来源的同一链接再次导入时只追加传播指标',
        title: '标题或正文首句',
        text: '正文全文，用于情感分析、案件匹配和规则筛查',
        author: '',
        publishedAt: '北京时间，如 2024-05-01 08:30、2024/5/1 8:30 或 2024年5月1日',
        reads: '非负整数，可写 1.2万；四项指标任一填写时，按导入时间记录一次传播指标',
      };
      for (const c of OPINION_IMPORT_COLUMNS) guide.addRow([c.header, c.required ? '是' : '否', notes[c.field] ?? '同“阅读”']);
      guide.addRow([]);
      guide.addRow(['重复导入', '', '同一来源的同一链接，或来源、标题、正文都相同的条目，不会重复登记，而是追加一次传播指标，用于计算热度增速和陡增。']);
      guide.addRow(['编码', '', 'CSV 文件可用 UTF-8（含或不含 BOM）或 GB18030/GBK 编码；JSONL 每行一条，字段同接口 POST /api/v1/opinion/items。']);
      return Buffer.from(await workbook.xlsx.writeBuffer());
    },
  };
}
export type OpinionImportService = ReturnType<typeof createOpinionImportService>;
