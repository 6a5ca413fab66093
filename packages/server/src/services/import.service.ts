import fs from 'node:fs';
import path from 'node:path';
import { newId } from '../ids.js';
import { pipeline } from 'node:stream/promises';
import { on } from 'node:events';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { Readable } from 'node:stream';
import { CASE_COLUMNS, type ImportJobView, type RowProblemView } from '@courtrisk/core';
import ExcelJS from 'exceljs';
import { chinaToday, type Clock } from '../clock.js';
import type { ImportJobTable } from '../db/schema.js';
import { AppError, NotFoundError } from '../errors.js';
import { importErrorReport } from '../imports/error-report.js';
import { formatOfFileName, ImportFileError } from '../imports/file-rows.js';
import { takeBatchPart, type PrepareWorkerData, type PrepareWorkerMessage } from '../imports/prepare-protocol.js';
import { CLI_ACTOR, SYSTEM_ACTOR, auditActorOf, type Actor } from './actor.js';
import { asScopedCourt, type AccessChecker } from './access.js';
import { writeAudit } from './audit-writer.js';
import { createSerialQueue } from '../serial-queue.js';
import { loadCourtDirectory, loadStoredCases, storeCases } from './case-intake.js';
import type { RuleRuntime } from './screening.service.js';
import type { Store } from './store.js';

/** A running job whose worker has not written for this long is taken over (crashed server). */
const STALE_AFTER_MS = 2 * 60_000;
const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

export function presentImportJob(job: ImportJobTable): ImportJobView {
  const size = Number(job.sizeBytes);
  const done = job.status === 'completed';
  return {
    id: job.id,
    courtId: job.courtId,
    kind: job.kind,
    fileName: job.fileName,
    format: job.format,
    encoding: job.encoding,
    sizeBytes: size,
    status: job.status as ImportJobView['status'],
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    okRows: job.okRows,
    errorRows: job.errorRows,
    createdCount: job.createdCount,
    updatedCount: job.updatedCount,
    unchangedCount: job.unchangedCount,
    percent: done ? 100 : size > 0 ? Math.min(99, Math.floor((Number(job.processedBytes) / size) * 100)) : 0,
    message: job.message,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  };
}

type Deps = {
  store: Store;
  access: AccessChecker;
  clock: Clock;
  rules: RuleRuntime;
  dataDir: string;
  log: (message: string, error?: unknown) => void;
  /** Test hook: runs after each committed batch; throwing simulates a crash between batches. */
  afterBatch?: (job: ImportJobTable) => void;
};

export function createImportService({ store, access, clock, rules, dataDir, log, afterBatch }: Deps) {
  const { repos } = store;
  const uploadDir = path.join(dataDir, 'imports');
  const queue = createSerialQueue((error) => log('import runner stopped', error));

  async function storeContext(job: ImportJobTable) {
    const court = (await repos.courts.getById(job.courtId))!;
    return { court: { id: court.id, code: court.code }, jobId: job.id, columnNames: 'header' as const, ...(await loadCourtDirectory(repos, court.id)) };
  }

  async function commitBatch(job: ImportJobTable, message: Extract<PrepareWorkerMessage, { type: 'batch' }>, parts: MessagePort, context: Awaited<ReturnType<typeof storeContext>>) {
    const nowIso = clock.now().toISOString();
    await store.transaction(async (trx) => {
      const storing = { ...context, nowIso };
      const result = { created: 0, updated: 0, unchanged: 0, errors: [] as RowProblemView[] };
      const known = await loadStoredCases(trx, job.courtId, message.caseNumbers);
      // One part at a time (see postBatchParts): only one part's objects are alive at once.
      for (let part = 0; part < message.parts; part++) {
        const stored = await storeCases(trx, takeBatchPart(parts), storing, known);
        result.created += stored.created;
        result.updated += stored.updated;
        result.unchanged += stored.unchanged;
        result.errors.push(...stored.errors);
      }
      await trx.importJobs.insertErrors(
        result.errors.map((e) => ({ id: newId(), courtId: job.courtId, jobId: job.id, rowNo: e.row, columnName: e.column, message: e.message, caseNumber: e.caseNumber })),
      );
      const badRows = new Set(result.errors.map((e) => e.row)).size;
      job.processedRows += message.rows;
      job.errorRows += badRows;
      job.okRows += message.rows - badRows;
      job.createdCount += result.created;
      job.updatedCount += result.updated;
      job.unchangedCount += result.unchanged;
      job.nextRow = message.lastRow + 1;
      job.processedBytes = message.bytes;
      await trx.importJobs.update(job.id, {
        processedRows: job.processedRows,
        errorRows: job.errorRows,
        okRows: job.okRows,
        createdCount: job.createdCount,
        updatedCount: job.updatedCount,
        unchangedCount: job.unchangedCount,
        nextRow: job.nextRow,
        processedBytes: message.bytes,
        updatedAt: nowIso,
      });
    });
    afterBatch?.(job);
  }

  /**
   * Runs one claimed job to the end: a worker thread reads, validates and screens batches while
   * this thread commits them one transaction each; a restarted job resumes after the last commit.
   */
  async function run(jobId: string) {
    const nowIso = clock.now().toISOString();
    if (!(await repos.importJobs.claim(jobId, nowIso, new Date(clock.now().getTime() - STALE_AFTER_MS).toISOString()))) return;
    const job = (await repos.importJobs.getById(jobId))!;
    let worker: Worker | undefined;
    const channel = new MessageChannel();
    const bulk = store.beginBulkWrites();
    try {
      const context = await storeContext(job);
      const packs = (await rules.currentPacks(job.courtId)).filter((p) => p.enabled === 1).map((p) => ({ pack: p.pack, version: p.version, yaml: p.yaml }));
      const data: PrepareWorkerData = { file: job.storedPath, fromRow: job.nextRow, courtCode: context.court.code, today: chinaToday(clock), packs, watchLists: await rules.watchLists(job.courtId), parts: channel.port2 };
      // The worker holds at most two batches: a small heap keeps the server's memory flat.
      worker = new Worker(new URL('../imports/prepare-worker-entry.mjs', import.meta.url), { workerData: data, transferList: [channel.port2], resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 } });
      for await (const [message] of on(worker, 'message') as AsyncIterable<[PrepareWorkerMessage]>) {
        if (message.type === 'encoding') await repos.importJobs.update(job.id, { encoding: message.encoding });
        else if (message.type === 'batch') {
          await commitBatch(job, message, channel.port1, context);
          worker.postMessage('ack');
          await bulk.committed();
        } else if (message.type === 'failed') {
          throw message.fileError ? new ImportFileError(message.message) : new Error(message.message);
        } else break;
      }
      const finished = clock.now().toISOString();
      const summary = `共 ${job.processedRows} 行：新增 ${job.createdCount}，更新 ${job.updatedCount}，未变 ${job.unchangedCount}，错误 ${job.errorRows} 行`;
      await store.transaction(async (trx) => {
        await trx.importJobs.update(job.id, { status: 'completed', totalRows: job.processedRows, message: summary, finishedAt: finished, updatedAt: finished });
        await writeAudit(trx, clock, SYSTEM_ACTOR, { courtId: job.courtId, action: 'case.import_done', targetType: 'import_job', targetId: job.id, summary: `案件导入「${job.fileName}」完成：${summary}` });
      });
    } catch (error) {
      if (error instanceof SimulatedCrash) throw error;
      const message = error instanceof ImportFileError ? error.message : '导入过程中发生内部错误，已提交的批次已保存，可重新上传或联系管理员';
      if (!(error instanceof ImportFileError)) log('import job failed', error);
      const finished = clock.now().toISOString();
      await repos.importJobs.update(job.id, { status: 'failed', message, finishedAt: finished, updatedAt: finished });
    } finally {
      await worker?.terminate();
      channel.port1.close();
      await bulk.end();
    }
  }

  const enqueue = (jobId: string) => queue.add(() => run(jobId));

  async function getInScope(actor: Actor, id: string) {
    return access.inScope(actor, await repos.importJobs.getById(id), 'importJob', id);
  }

  return {
    /** Stores an uploaded file and queues its import; the job reports progress while it runs. */
    async upload(actor: Actor, query: { courtId?: string; fileName: string }, body: Readable): Promise<ImportJobView> {
      await access.require(actor, 'case.import');
      const courtId = query.courtId ?? actor.courtId;
      access.inScope(actor, asScopedCourt(await repos.courts.getById(courtId)), 'court', courtId);
      const id = newId();
      const format = formatOfFileName(query.fileName);
      fs.mkdirSync(uploadDir, { recursive: true });
      const storedPath = path.join(uploadDir, `${id}.${format}`);
      let size = 0;
      await pipeline(
        body,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            size += chunk.length;
            if (size > MAX_UPLOAD_BYTES) throw new AppError('payload_too_large', 413, '导入文件过大（上限 1 GB），请拆分后导入');
            yield chunk;
          }
        },
        fs.createWriteStream(storedPath),
      );
      if (size === 0) {
        fs.rmSync(storedPath, { force: true });
        throw new AppError('invalid_input', 400, '上传的文件是空的');
      }
      const job = newJob({ id, courtId, fileName: query.fileName, storedPath, size, createdBy: actor.accountId, nowIso: clock.now().toISOString() });
      await store.transaction(async (trx) => {
        await trx.importJobs.insert(job);
        await writeAudit(trx, clock, auditActorOf(actor), { courtId, action: 'case.import', targetType: 'import_job', targetId: id, summary: `上传案件文件「${query.fileName}」（${(size / 1024).toFixed(0)} KB）` });
      });
      void enqueue(id);
      return presentImportJob(job);
    },
    /**
     * Imports a file already on the server's disk (the `courtrisk import` command, benchmarks):
     * the same job, batches and resume as an upload, recorded as done by the CLI.
     */
    async importLocalFile(courtId: string, filePath: string): Promise<ImportJobView> {
      const court = await repos.courts.getById(courtId);
      if (!court) throw new NotFoundError('court', courtId);
      const id = newId();
      const nowIso = clock.now().toISOString();
      const job = newJob({ id, courtId, fileName: path.basename(filePath), storedPath: path.resolve(filePath), size: fs.statSync(filePath).size, createdBy: null, nowIso });
      await store.transaction(async (trx) => {
        await trx.importJobs.insert(job);
        await writeAudit(trx, clock, CLI_ACTOR, { courtId, action: 'case.import', targetType: 'import_job', targetId: id, summary: `命令行导入案件文件「${job.fileName}」` });
      });
      await enqueue(id);
      return presentImportJob((await repos.importJobs.getById(id))!);
    },
    async get(actor: Actor, id: string): Promise<ImportJobView> {
      await access.require(actor, 'case.import');
      return presentImportJob(await getInScope(actor, id));
    },
    async listRecent(actor: Actor): Promise<ImportJobView[]> {
      await access.require(actor, 'case.import');
      return (await repos.importJobs.listRecent([...actor.scope.courtIds], 50)).map(presentImportJob);
    },
    async errorReport(actor: Actor, id: string): Promise<Buffer> {
      await access.require(actor, 'case.import');
      return importErrorReport(repos, await getInScope(actor, id));
    },
    async listErrors(actor: Actor, id: string, limit: number) {
      await access.require(actor, 'case.import');
      const job = await getInScope(actor, id);
      return (await repos.importJobs.listErrors(job.courtId, job.id, limit)).map((e) => ({ row: e.rowNo, column: e.columnName, message: e.message, caseNumber: e.caseNumber }));
    },
    /** Resumes every job left queued or running by a stopped server (called at start). */
    async resumePending(): Promise<void> {
      const stale = new Date(clock.now().getTime() - STALE_AFTER_MS).toISOString();
      for (const { id } of await repos.importJobs.listClaimable(stale)) await enqueue(id);
    },
    /** Resolves when every queued job has run (tests, graceful shutdown). */
    idle: queue.idle,
    async template(actor: Actor): Promise<Buffer> {
      await access.require(actor, 'case.import');
      return buildTemplate();
    },
  };
}
export type ImportService = ReturnType<typeof createImportService>;

function newJob(job: { id: string; courtId: string; fileName: string; storedPath: string; size: number; createdBy: string | null; nowIso: string }): ImportJobTable {
  return {
    id: job.id, courtId: job.courtId, kind: 'case', fileName: job.fileName, format: formatOfFileName(job.fileName), encoding: null, storedPath: job.storedPath,
    sizeBytes: job.size, processedBytes: 0, status: 'queued', totalRows: null, processedRows: 0, okRows: 0, errorRows: 0, createdCount: 0,
    updatedCount: 0, unchangedCount: 0, nextRow: 0, message: null, createdBy: job.createdBy, finishedAt: null, createdAt: job.nowIso, updatedAt: job.nowIso, version: 1,
  };
}

/** Thrown by the test hook to stop a job between batches, as a killed server would. */
export class SimulatedCrash extends Error {}

/** The XLSX import template: the columns (required ones marked *), one example row, and a guide sheet. */
export async function buildTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('案件');
  sheet.columns = CASE_COLUMNS.map((c) => ({ header: c.required ? `${c.header}*` : c.header, width: c.field === 'facts' ? 60 : c.field === 'parties' ? 48 : 18 }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(CASE_COLUMNS.map((c) => c.example));
  const guide = workbook.addWorksheet('填写说明');
  guide.columns = [{ header: '列', width: 16 }, { header: '必填', width: 8 }, { header: '说明', width: 80 }];
  guide.getRow(1).font = { bold: true };
  for (const c of CASE_COLUMNS) guide.addRow([c.header, c.required ? '是' : '否', c.note]);
  guide.addRow([]);
  guide.addRow(['编码', '', 'CSV 文件可用 UTF-8（含或不含 BOM）或 GB18030/GBK 编码；同一案号再次导入会更新原案件，不会重复。']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
