import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  applyTaskTransition,
  assigneeKindLabel,
  availableTaskActions,
  taskActionLabel,
  type AssigneeKind,
  type Paged,
  type RiskSummaryView,
  type TaskActionInput,
  type TaskFileView,
  type TaskListQuery,
  type TaskSide,
  type TaskStatus,
  type TaskView,
} from '@courtrisk/core';
import { chinaToday, type Clock } from '../clock.js';
import type { RiskTaskFileTable, RiskTaskTable } from '../db/schema.js';
import { AppError, ConflictError, ForbiddenError, NotFoundError, StaleVersionError, ValidationError } from '../errors.js';
import { OLE_SIGNATURE, startsWithBytes, ZIP_SIGNATURE } from '../file-signatures.js';
import { groupBy } from '../group-by.js';
import { newId } from '../ids.js';
import { TASK_OWED_STATUSES, type TaskRow, type TaskViewer } from '../repositories/task.repository.js';
import type { AccessChecker } from './access.js';
import { auditActorOf, type Actor } from './actor.js';
import { writeAudit } from './audit-writer.js';
import { viewerOf } from './risk.service.js';
import type { Store } from './store.js';

/** Task attachments (issue 4): at most 20 MB each. */
export const TASK_FILE_MAX_BYTES = 20 * 1024 * 1024;

/** An uploaded file as the route hands it over: the client's name and the body stream (busboy marks `truncated`). */
export interface UploadedFile {
  fileName: string;
  stream: Readable & { truncated?: boolean };
}

const isBinary = (head: Buffer) => head.includes(0);

/**
 * Allowed attachment types (docs/risk-api.md): the extension picks the type and the content must match
 * it (magic bytes; text must hold no NUL byte), so a renamed executable is refused.
 */
const FILE_TYPES: Record<string, { contentType: string; matches: (head: Buffer) => boolean }> = {
  pdf: { contentType: 'application/pdf', matches: (h) => startsWithBytes(h, [0x25, 0x50, 0x44, 0x46, 0x2d]) },
  doc: { contentType: 'application/msword', matches: (h) => startsWithBytes(h, OLE_SIGNATURE) },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', matches: (h) => startsWithBytes(h, ZIP_SIGNATURE) },
  xls: { contentType: 'application/vnd.ms-excel', matches: (h) => startsWithBytes(h, OLE_SIGNATURE) },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', matches: (h) => startsWithBytes(h, ZIP_SIGNATURE) },
  jpg: { contentType: 'image/jpeg', matches: (h) => startsWithBytes(h, [0xff, 0xd8, 0xff]) },
  jpeg: { contentType: 'image/jpeg', matches: (h) => startsWithBytes(h, [0xff, 0xd8, 0xff]) },
  png: { contentType: 'image/png', matches: (h) => startsWithBytes(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  txt: { contentType: 'text/plain; charset=utf-8', matches: (h) => !isBinary(h) },
};
const ALLOWED_TEXT = 'PDF、Word（doc/docx）、Excel（xls/xlsx）、JPG、PNG、TXT';
const HEAD_BYTES = 8192;

/** The client's file name without any path and control characters (it is only ever shown and sent back). */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(-200);
}

/** 督办: past the 办理期限 (Beijing date) while the assignee still owes work. */
const isOverdue = (task: Pick<RiskTaskTable, 'dueOn' | 'status'>, today: string) => task.dueOn < today && TASK_OWED_STATUSES.includes(task.status as TaskStatus);

const fileInvalid = (message: string) => new ValidationError(message, [{ path: 'file', message }]);

function assigneeOf(row: TaskRow): TaskView['assignee'] {
  const kind = row.assigneeKind as AssigneeKind;
  if (kind === 'department') return { kind, id: row.assigneeDepartmentId!, name: row.departmentName ?? '（已删除的部门）' };
  if (kind === 'person') return { kind, id: row.assigneeAccountId!, name: row.accountName ?? '（已删除的账号）' };
  return { kind, id: row.agencyId!, name: row.agencyName ?? '（已删除的单位）' };
}

export function presentTaskFile(row: RiskTaskFileTable): TaskFileView {
  return {
    id: row.id,
    taskId: row.taskId,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: Number(row.sizeBytes),
    sha256: row.sha256,
    uploadedByName: row.uploadedByName,
    createdAt: row.createdAt,
  };
}

export function createTaskService({ store, access, clock, dataDir }: { store: Store; access: AccessChecker; clock: Clock; dataDir: string }) {
  const { repos } = store;
  const taskViewer = (actor: Actor): TaskViewer => ({ ...viewerOf(actor), accountId: actor.accountId, departmentId: actor.departmentId, readsRisks: actor.permissions.has('risk.read') });

  /**
   * Which sides of a task the actor acts for (core risks/tasks.ts `TaskSide`): the risk side is the
   * risk's court with 处置风险; the assignee side is the person, the department's staff, or — for an
   * agency, which has no account — the risk side recording on its behalf.
   */
  function sidesOf(actor: Actor, task: Pick<RiskTaskTable, 'courtId' | 'assigneeKind' | 'assigneeAccountId' | 'assigneeDepartmentId'>): Set<TaskSide> {
    const sides = new Set<TaskSide>();
    const riskSide = task.courtId === actor.courtId && actor.permissions.has('risk.dispose');
    if (riskSide) sides.add('risk');
    const assignee =
      task.assigneeKind === 'person'
        ? task.assigneeAccountId === actor.accountId
        : task.assigneeKind === 'department'
          ? task.courtId === actor.courtId && actor.departmentId !== null && task.assigneeDepartmentId === actor.departmentId
          : riskSide;
    if (assignee) sides.add('assignee');
    return sides;
  }

  async function present(actor: Actor, rows: readonly TaskRow[]): Promise<TaskView[]> {
    const today = chinaToday(clock);
    const files = new Map<string, TaskFileView[]>();
    for (const [courtId, courtRows] of groupBy(rows, (r) => r.courtId)) {
      for (const [taskId, taskFiles] of groupBy(await repos.tasks.listFiles(courtId, courtRows.map((r) => r.id)), (f) => f.taskId)) {
        files.set(taskId, taskFiles.map(presentTaskFile));
      }
    }
    return rows.map((row) => {
      const status = row.status as TaskStatus;
      const sides = sidesOf(actor, row);
      return {
        id: row.id,
        courtId: row.courtId,
        riskId: row.riskId,
        riskTitle: row.riskTitle,
        riskLevel: row.riskLevel as TaskView['riskLevel'],
        assignee: assigneeOf(row),
        description: row.description,
        dueOn: row.dueOn,
        status,
        overdue: isOverdue(row, today),
        feedback: row.feedback,
        returnReason: row.returnReason,
        acceptedAt: row.acceptedAt,
        fedBackAt: row.fedBackAt,
        completedAt: row.completedAt,
        returnedAt: row.returnedAt,
        files: files.get(row.id) ?? [],
        availableActions: availableTaskActions(status, sides),
        canUpload: sides.size > 0 && status !== 'completed',
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
        version: row.version,
      };
    });
  }

  /** The task if the actor sees it (with its risk, or as its assignee); else 404. */
  async function visibleTask(actor: Actor, id: string): Promise<TaskRow> {
    const row = await repos.tasks.getVisible(taskViewer(actor), id);
    if (!row) throw new NotFoundError('riskTask', id);
    return row;
  }

  async function viewOf(actor: Actor, id: string): Promise<TaskView> {
    const [view] = await present(actor, [await visibleTask(actor, id)]);
    return view!;
  }

  /** Writing to a task needs a side: else 403 (audited when 处置风险 is missing altogether). */
  async function requireSide(actor: Actor, row: TaskRow): Promise<Set<TaskSide>> {
    const sides = sidesOf(actor, row);
    if (sides.size > 0) return sides;
    await access.require(actor, 'risk.dispose');
    throw new ForbiddenError('只有承办人或风险所在法院的处置人员可以办理此任务');
  }

  const short = (text: string) => (text.length > 30 ? `${text.slice(0, 30)}…` : text);

  return {
    /** The task list; `mine=true` (assigned to me or my department) needs no 查看风险 (docs/risk-api.md). */
    async list(actor: Actor, query: TaskListQuery): Promise<Paged<TaskView>> {
      if (query.mine !== 'true') await access.require(actor, 'risk.read');
      const { rows, total } = await repos.tasks.list(taskViewer(actor), query, chinaToday(clock));
      return { items: await present(actor, rows), total, page: query.page, pageSize: query.pageSize };
    },

    /** The disposal tasks of one risk (GET /risks/:id/tasks), in plan order. */
    async listForRisk(actor: Actor, riskId: string): Promise<{ items: TaskView[] }> {
      await access.require(actor, 'risk.read');
      const risk = await repos.risks.getVisible(viewerOf(actor), riskId);
      if (!risk) throw new NotFoundError('risk', riskId);
      return { items: await present(actor, await repos.tasks.listForRisk(risk.courtId, risk.id)) };
    },

    /**
     * The summary of a risk (RiskSummaryView) for whoever may see it: a risk reader within its scope, or
     * an account holding one of its tasks (itself or its department) — also without 查看风险. Else 404.
     */
    async riskSummary(actor: Actor, riskId: string): Promise<RiskSummaryView> {
      const viewer = taskViewer(actor);
      const mine = await repos.tasks.listAssignedForRisk(viewer, riskId);
      const row = mine.length > 0 ? await repos.risks.getById(riskId) : viewer.readsRisks ? await repos.risks.getVisible(viewer, riskId) : undefined;
      if (!row) throw new NotFoundError('risk', riskId);
      const today = chinaToday(clock);
      return {
        id: row.id,
        courtId: row.courtId,
        courtName: row.courtName,
        domain: row.domain as RiskSummaryView['domain'],
        subtype: row.subtype,
        title: row.title,
        level: row.level as RiskSummaryView['level'],
        status: row.status as RiskSummaryView['status'],
        ownerName: row.ownerName,
        departmentName: row.departmentName,
        nextReviewOn: row.nextReviewOn,
        myTasks: mine.map((task) => ({ id: task.id, description: task.description, dueOn: task.dueOn, status: task.status as TaskStatus, overdue: isOverdue(task, today) })),
      };
    },

    /** The tasks given to an agency, for its 交办情况 (agency.service checks the agency is in scope). */
    async listForAgency(actor: Actor, courtId: string, agencyId: string): Promise<TaskView[]> {
      await access.require(actor, 'risk.read');
      return present(actor, await repos.tasks.listForAgency(taskViewer(actor), courtId, agencyId));
    },

    /**
     * 接收 / 反馈 / 办结 / 退回 (core risks/tasks.ts `TASK_TRANSITIONS`), with the optimistic version; the
     * risk's timeline records each one.
     */
    async act(actor: Actor, id: string, input: TaskActionInput): Promise<TaskView> {
      const row = await visibleTask(actor, id);
      const sides = await requireSide(actor, row);
      const move = applyTaskTransition(row.status as TaskStatus, input.action, sides);
      if (!move.ok) throw move.code === 'forbidden' ? new ForbiddenError(move.reason) : new ConflictError(move.reason, 'invalid_state');
      if (row.version !== input.version) throw new StaleVersionError('riskTask');
      const at = clock.now().toISOString();
      const patch: Partial<RiskTaskTable> = { status: move.to, updatedAt: at };
      let detail = '';
      if (input.action === 'accept') patch.acceptedAt = at;
      if (input.action === 'feedback') {
        patch.feedback = input.feedback;
        patch.fedBackAt = at;
        detail = `：${input.feedback}`;
      }
      if (input.action === 'complete') patch.completedAt = at;
      if (input.action === 'return') {
        patch.returnReason = input.reason;
        patch.returnedAt = at;
        detail = `，理由：${input.reason}`;
      }
      const assignee = assigneeOf(row);
      const summary = `${taskActionLabel[input.action]}任务「${short(row.description)}」（${assigneeKindLabel[assignee.kind]}：${assignee.name}）${detail}`;
      await store.transaction(async (trx) => {
        if (!(await trx.tasks.updateVersioned(row.courtId, id, input.version, patch))) throw new StaleVersionError('riskTask');
        await trx.risks.appendTimeline({
          courtId: row.courtId,
          riskId: row.riskId,
          event: `task_${input.action}`,
          at,
          actorId: actor.accountId,
          actorName: actor.displayName,
          actorCourtId: actor.courtId,
          summary,
          details: { taskId: id, ...('note' in input && input.note ? { note: input.note } : {}), ...patch },
        });
        await writeAudit(trx, clock, auditActorOf(actor), { courtId: row.courtId, action: `task.${input.action}`, targetType: 'riskTask', targetId: id, summary: `风险「${row.riskTitle}」：${summary}` });
      });
      return viewOf(actor, id);
    },

    /**
     * Stores one attachment under `<dataDir>/task-files/<court>/<task>/` (≤ 20 MB; type by extension and
     * content), with its SHA-256; `openFile` is called only after the permission checks.
     */
    async uploadFile(actor: Actor, id: string, openFile: () => Promise<UploadedFile | undefined>): Promise<TaskFileView> {
      const row = await visibleTask(actor, id);
      await requireSide(actor, row);
      if (row.status === 'completed') throw new ConflictError('已办结的任务不能再上传附件', 'invalid_state');
      const upload = await openFile();
      if (!upload) throw fileInvalid('请选择要上传的文件');
      const fileName = cleanFileName(upload.fileName);
      const type = FILE_TYPES[path.extname(fileName).slice(1).toLowerCase()];
      if (!fileName || !type) {
        upload.stream.resume();
        throw fileInvalid(`不支持的附件类型，只能上传 ${ALLOWED_TEXT}`);
      }
      const fileId = newId();
      const storedPath = path.join('task-files', row.courtId, row.id, fileId);
      const target = path.join(dataDir, storedPath);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const hash = createHash('sha256');
      let size = 0;
      let head = Buffer.alloc(0);
      const partial = `${target}.part`;
      try {
        await pipeline(
          upload.stream,
          async function* (source: AsyncIterable<Buffer>) {
            for await (const chunk of source) {
              hash.update(chunk);
              size += chunk.length;
              if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
              yield chunk;
            }
          },
          fs.createWriteStream(partial),
        );
        if (upload.stream.truncated) throw new AppError('payload_too_large', 413, `附件不能超过 ${TASK_FILE_MAX_BYTES / 1024 / 1024} MB`);
        if (size === 0) throw fileInvalid('上传的文件是空的');
        if (!type.matches(head)) throw fileInvalid(`文件内容与扩展名不符（${fileName}），只能上传 ${ALLOWED_TEXT}`);
        fs.renameSync(partial, target);
      } catch (error) {
        fs.rmSync(partial, { force: true });
        throw error;
      }
      const at = clock.now().toISOString();
      const sha256 = hash.digest('hex');
      try {
        await store.transaction(async (trx) => {
          await trx.tasks.insertFile({
            id: fileId,
            courtId: row.courtId,
            taskId: row.id,
            fileName,
            contentType: type.contentType,
            sizeBytes: size,
            sha256,
            storedPath,
            uploadedBy: actor.accountId,
            uploadedByName: actor.displayName,
            createdAt: at,
          });
          await trx.risks.appendTimeline({
            courtId: row.courtId,
            riskId: row.riskId,
            event: 'task_file',
            at,
            actorId: actor.accountId,
            actorName: actor.displayName,
            actorCourtId: actor.courtId,
            summary: `为任务「${short(row.description)}」上传附件 ${fileName}`,
            details: { taskId: row.id, fileId, fileName, sizeBytes: size, sha256 },
          });
          await writeAudit(trx, clock, auditActorOf(actor), {
            courtId: row.courtId,
            action: 'task.file.upload',
            targetType: 'riskTask',
            targetId: row.id,
            summary: `上传任务附件 ${fileName}（${size} 字节，SHA-256 ${sha256}）`,
          });
        });
      } catch (error) {
        fs.rmSync(target, { force: true });
        throw error;
      }
      return presentTaskFile((await repos.tasks.getFile(row.courtId, row.id, fileId))!);
    },

    /**
     * An attachment to download, for whoever sees the task (risk readers in scope, and its assignees):
     * its record and a read stream. Each download is audited as a read of the file, like exports.
     */
    async openFile(actor: Actor, taskId: string, fileId: string): Promise<{ file: TaskFileView; stream: Readable }> {
      const row = await visibleTask(actor, taskId);
      const file = await repos.tasks.getFile(row.courtId, row.id, fileId);
      if (!file) throw new NotFoundError('taskFile', fileId);
      await store.transaction((trx) =>
        writeAudit(trx, clock, auditActorOf(actor), {
          courtId: row.courtId,
          action: 'task.file.download',
          targetType: 'riskTask',
          targetId: row.id,
          summary: `下载风险「${row.riskTitle}」任务附件 ${file.fileName}（SHA-256 ${file.sha256}）`,
        }),
      );
      return { file: presentTaskFile(file), stream: fs.createReadStream(path.join(dataDir, file.storedPath)) };
    },
  };
}
export type TaskService = ReturnType<typeof createTaskService>;
