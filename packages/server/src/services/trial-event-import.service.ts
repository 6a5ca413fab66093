import {
  isInScope,
  mapProcessEventRow,
  matchProcessEventHeader,
  PROCESS_EVENT_COLUMNS,
  TrialLimitEventInput,
  type ColumnProblem,
  type ProcessEventBatchInput,
  type ProcessEventImportProblem,
  type ProcessEventImportResult,
} from '@courtrisk/core';
import ExcelJS from 'exceljs';
import { chinaToday, type Clock } from '../clock.js';
import type { CourtCaseTable, ImportJobTable } from '../db/schema.js';
import { AppError, NotFoundError } from '../errors.js';
import { groupBy } from '../group-by.js';
import { newId } from '../ids.js';
import { importErrorReport } from '../imports/error-report.js';
import { formatOfFileName, ImportFileError } from '../imports/file-rows.js';
import { readUploadedFile, type SmallFileReader } from '../imports/small-file.js';
import type { Repositories } from '../repositories/index.js';
import { asScopedCourt, type AccessChecker } from './access.js';
import { auditActorOf, type Actor } from './actor.js';
import { writeAudit } from './audit-writer.js';
import type { Store } from './store.js';
import { loadTrialLimitSettings } from './trial-limit-settings.service.js';
import { describeEvent, loadCourtRecipients, recordProcessEvent, type TrialLimitEngine } from './trial-limit.service.js';

/** Event files are small (one row per event); they are read whole, unlike case files. */
export const MAX_EVENT_FILE_BYTES = 10 * 1024 * 1024;
/** Rows per transaction. */
const BATCH = 500;
const JOB_KIND = 'process_event';

type EventRow = { row: number; caseNumber: string; input: TrialLimitEventInput } | { row: number; caseNumber: string | undefined; problems: ColumnProblem[] };

/** Process-event files: template rows, or API events (with their 案号) as JSONL. */
const eventFile: SmallFileReader<EventRow, Map<string, number>> = {
  header(cells) {
    const { indexes, missing } = matchProcessEventHeader(cells);
    if (missing.length > 0) throw new ImportFileError(`文件第 1 行缺少必填列：${missing.join('、')}。请使用审限事项导入模板。`);
    return indexes;
  },
  fromCells(cells, indexes, row) {
    const mapped = mapProcessEventRow((field) => cells[indexes.get(field) ?? -1] ?? '');
    return mapped.ok ? { row, caseNumber: mapped.caseNumber, input: mapped.input } : { row, caseNumber: mapped.caseNumber, problems: mapped.problems };
  },
  fromJson(line, row) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return { row, caseNumber: undefined, problems: [{ column: '整行', message: '不是有效的 JSON' }] };
    }
    const { caseNumber, ...event } = (value ?? {}) as { caseNumber?: unknown };
    return parseApiEvent(row, typeof caseNumber === 'string' ? caseNumber.trim() : '', event);
  },
};

/** An API/JSONL event: the engine schema's own messages, by field path. */
function parseApiEvent(row: number, caseNumber: string, event: unknown): EventRow {
  const parsed = TrialLimitEventInput.safeParse(event);
  const problems: ColumnProblem[] = caseNumber ? [] : [{ column: 'caseNumber', message: '案号不能为空' }];
  if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => ({ column: issue.path.join('.') || 'type', message: issue.message })));
  if (problems.length > 0 || !parsed.success) return { row, caseNumber: caseNumber || undefined, problems };
  return { row, caseNumber, input: parsed.data };
}

/**
 * 审限事项导入 and the API batch (issue 5): events keyed by 案号 + event identity, idempotent.
 * Good rows commit in batches, each with its audit entry; every bad row is reported with its row,
 * column and a Chinese reason. Each touched case is recomputed and its warning synced at once.
 */
export function createTrialEventImportService({ store, access, clock, engine }: { store: Store; access: AccessChecker; clock: Clock; engine: TrialLimitEngine }) {
  const { repos } = store;

  async function apply(actor: Actor, courtId: string, rows: readonly EventRow[], source: string, jobId: string | null): Promise<ProcessEventImportResult> {
    const problems: ProcessEventImportProblem[] = [];
    const bad = (row: number, caseNumber: string | undefined, column: string, message: string) => problems.push({ row, column, message, caseNumber: caseNumber ?? null });
    const counts = { created: 0, completed: 0, unchanged: 0, casesRecomputed: 0 };
    const today = chinaToday(clock);
    const settings = await loadTrialLimitSettings(repos, courtId);
    const recipients = await loadCourtRecipients(repos, courtId);
    for (let start = 0; start < rows.length; start += BATCH) {
      const chunk = rows.slice(start, start + BATCH);
      const nowIso = clock.now().toISOString();
      await store.transaction(async (trx) => {
        const good = chunk.filter((r) => {
          if ('problems' in r) r.problems.forEach((p) => bad(r.row, r.caseNumber, p.column, p.message));
          return !('problems' in r);
        }) as Extract<EventRow, { input: unknown }>[];
        const cases = await casesByNumber(trx, actor, courtId, [...new Set(good.map((r) => r.caseNumber))]);
        const batch = { created: 0, completed: 0, unchanged: 0 };
        for (const [caseNumber, caseRows] of groupBy(good, (r) => r.caseNumber)) {
          const c = cases.get(caseNumber);
          if (!c) {
            caseRows.forEach((r) => bad(r.row, caseNumber, PROCESS_EVENT_COLUMNS[0].header, `本院没有案号为${caseNumber}的案件（或不在您的数据范围内），请先导入案件`));
            continue;
          }
          let changed = false;
          for (const r of caseRows) {
            const recorded = await recordProcessEvent(trx, c, r.input, await trx.processEvents.listForCase(courtId, c.id), actor.accountId, nowIso);
            if (recorded.action === 'conflict') bad(r.row, caseNumber, PROCESS_EVENT_COLUMNS[1].header, `${describeEvent(r.input)}：${recorded.message}`);
            else {
              batch[recorded.action]++;
              changed ||= recorded.action !== 'unchanged';
            }
          }
          if (!changed) continue;
          const computed = engine.compute(c, await trx.processEvents.listForCase(courtId, c.id), settings, today);
          const outcome = await engine.syncWarning(trx, c, computed, nowIso);
          if (outcome !== 'unchanged') counts.casesRecomputed++;
          if (outcome === 'raised' || outcome === 'escalated') await engine.announce(trx, c, computed, recipients, nowIso);
        }
        counts.created += batch.created;
        counts.completed += batch.completed;
        counts.unchanged += batch.unchanged;
        if (batch.created + batch.completed === 0) return;
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId,
          action: 'case.event_import',
          ...(jobId ? { targetType: 'import_job', targetId: jobId } : {}),
          summary: `${source}导入审限事项：新增 ${batch.created} 条，补登结束日期 ${batch.completed} 条，已存在 ${batch.unchanged} 条`,
        });
      });
    }
    const errorRows = new Set(problems.map((p) => p.row)).size;
    return { jobId, totalRows: rows.length, ...counts, errorRows, errors: problems };
  }

  /** Cases of the court by 案号, only those the actor's scope covers (others read as missing). */
  async function casesByNumber(trx: Repositories, actor: Actor, courtId: string, numbers: string[]): Promise<Map<string, CourtCaseTable>> {
    const identities = await trx.cases.listExisting(courtId, numbers);
    const rows = await trx.cases.listByIds(courtId, identities.map((i) => i.id));
    return new Map(rows.filter((c) => isInScope(actor.scope, c)).map((c) => [c.caseNumber, c]));
  }

  async function courtFor(actor: Actor, courtId: string | undefined) {
    const id = courtId ?? actor.courtId;
    return access.inScope(actor, asScopedCourt(await repos.courts.getById(id)), 'court', id);
  }

  return {
    /** POST /trial-limits/events/batch: rows are the array indexes. */
    async batch(actor: Actor, input: ProcessEventBatchInput): Promise<ProcessEventImportResult> {
      await access.require(actor, 'case.process');
      const court = await courtFor(actor, input.courtId);
      const result = await apply(actor, court.id, input.events.map((e, index) => parseApiEvent(index, e.caseNumber, e.event)), '接口', null);
      return { ...result, errors: result.errors.slice(0, 500) };
    },
    /** An uploaded CSV/XLSX/JSONL file, processed at once; its problems are kept for the XLSX report. */
    async importFile(actor: Actor, query: { courtId?: string; fileName: string }, bytes: Buffer): Promise<ProcessEventImportResult> {
      await access.require(actor, 'case.process');
      const court = await courtFor(actor, query.courtId);
      if (bytes.length === 0) throw new AppError('invalid_input', 400, '上传的文件是空的');
      const read = await readUploadedFile(query.fileName, bytes, eventFile);
      const nowIso = clock.now().toISOString();
      const job: ImportJobTable = {
        id: newId(), courtId: court.id, kind: JOB_KIND, fileName: query.fileName, format: formatOfFileName(query.fileName), encoding: read.encoding, storedPath: '',
        sizeBytes: bytes.length, processedBytes: bytes.length, status: 'running', totalRows: read.rows.length, processedRows: 0, okRows: 0, errorRows: 0, createdCount: 0,
        updatedCount: 0, unchangedCount: 0, nextRow: 0, message: null, createdBy: actor.accountId, finishedAt: null, createdAt: nowIso, updatedAt: nowIso, version: 1,
      };
      await repos.importJobs.insert(job);
      const result = await apply(actor, court.id, read.rows, `文件「${query.fileName}」`, job.id);
      const finished = clock.now().toISOString();
      await store.transaction(async (trx) => {
        await trx.importJobs.insertErrors(result.errors.map((e) => ({ id: newId(), courtId: court.id, jobId: job.id, rowNo: e.row, columnName: e.column, message: e.message, caseNumber: e.caseNumber })));
        await trx.importJobs.update(job.id, {
          status: 'completed',
          processedRows: read.rows.length,
          okRows: read.rows.length - result.errorRows,
          errorRows: result.errorRows,
          createdCount: result.created,
          updatedCount: result.completed,
          unchangedCount: result.unchanged,
          message: `共 ${read.rows.length} 行：新增 ${result.created}，补登结束日期 ${result.completed}，已存在 ${result.unchanged}，错误 ${result.errorRows} 行`,
          finishedAt: finished,
          updatedAt: finished,
        });
      });
      return { ...result, errors: result.errors.slice(0, 500) };
    },
    async errorReport(actor: Actor, jobId: string): Promise<Buffer> {
      await access.require(actor, 'case.process');
      const job = access.inScope(actor, await repos.importJobs.getById(jobId), 'importJob', jobId);
      if (job.kind !== JOB_KIND) throw new NotFoundError('importJob', jobId);
      return importErrorReport(repos, job);
    },
    async template(actor: Actor): Promise<Buffer> {
      await access.require(actor, 'case.process');
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('审限事项');
      sheet.columns = PROCESS_EVENT_COLUMNS.map((c) => ({ header: c.required ? `${c.header}*` : c.header, width: c.field === 'caseNumber' ? 26 : 16 }));
      sheet.getRow(1).font = { bold: true };
      sheet.addRow(PROCESS_EVENT_COLUMNS.map((c) => c.example));
      sheet.addRow(['(2025)示0101民初101号', '延长审限', '2026-03-01', '', '', '本院院长', '6个月', '2026-02-20', '']);
      const guide = workbook.addWorksheet('填写说明');
      guide.columns = [{ header: '列', width: 16 }, { header: '必填', width: 8 }, { header: '说明', width: 90 }];
      guide.getRow(1).font = { bold: true };
      for (const c of PROCESS_EVENT_COLUMNS) guide.addRow([c.header, c.required ? '是' : '否', c.note]);
      guide.addRow([]);
      guide.addRow(['重复导入', '', '同一案件的同一事项（同一批准主体和批准日期的延长、同一事由和起始日的扣除、同一日的中止/恢复/结案）只登记一次；扣除期间可先不填结束日期，结束后再导入补填。']);
      guide.addRow(['编码', '', 'CSV 文件可用 UTF-8（含或不含 BOM）或 GB18030/GBK 编码。']);
      return Buffer.from(await workbook.xlsx.writeBuffer());
    },
  };
}
export type TrialEventImportService = ReturnType<typeof createTrialEventImportService>;
