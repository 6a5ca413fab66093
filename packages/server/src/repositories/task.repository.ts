import type { TaskListQuery, TaskStatus } from '@courtrisk/core';
import { sql, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { RiskTaskFileTable, RiskTaskTable } from '../db/schema.js';
import { riskVisibility, type RiskViewer } from './risk.repository.js';

/** The viewer of a task list: who sees which risks, and who the account is (tasks assigned to it). */
export interface TaskViewer extends RiskViewer {
  accountId: string;
  departmentId: string | null;
  /** Holds 查看风险: sees the tasks of the risks it sees. Without it, only the tasks assigned to it. */
  readsRisks: boolean;
}

/** Statuses in which the assignee still owes work: past the due date these are overdue (督办). */
export const TASK_OWED_STATUSES: readonly TaskStatus[] = ['pending_acceptance', 'in_progress', 'returned'];

export type TaskFilter = Omit<TaskListQuery, 'page' | 'pageSize' | 'order'>;

export function createTaskRepository(db: Db) {
  const assignedTo = (viewer: TaskViewer) => {
    const mine = sql<SqlBool>`(risk_task.court_id = ${viewer.courtId} and (risk_task.assignee_account_id = ${viewer.accountId}`;
    return viewer.departmentId === null ? sql<SqlBool>`${mine}))` : sql<SqlBool>`${mine} or risk_task.assignee_department_id = ${viewer.departmentId}))`;
  };

  const withNames = () =>
    db
      .selectFrom('riskTask')
      .innerJoin('risk', (j) => j.onRef('risk.id', '=', 'riskTask.riskId').onRef('risk.courtId', '=', 'riskTask.courtId'))
      .leftJoin('department', (j) => j.onRef('department.id', '=', 'riskTask.assigneeDepartmentId').onRef('department.courtId', '=', 'riskTask.courtId'))
      .leftJoin('account', (j) => j.onRef('account.id', '=', 'riskTask.assigneeAccountId').onRef('account.courtId', '=', 'riskTask.courtId'))
      .leftJoin('agency', (j) => j.onRef('agency.id', '=', 'riskTask.agencyId').onRef('agency.courtId', '=', 'riskTask.courtId'))
      .selectAll('riskTask')
      .select(['risk.title as riskTitle', 'risk.level as riskLevel', 'department.name as departmentName', 'account.displayName as accountName', 'agency.name as agencyName']);

  /** A task is visible with its risk (to risk readers), and always to its assignee (a person, or the staff of the department). */
  const visible = (viewer: TaskViewer) => withNames().where((eb) => (viewer.readsRisks ? eb.or([riskVisibility(viewer), assignedTo(viewer)]) : assignedTo(viewer)));

  const filtered = (viewer: TaskViewer, filter: TaskFilter, today: string) => {
    let query = visible(viewer);
    if (filter.mine === 'true') query = query.where(assignedTo(viewer));
    if (filter.riskId) query = query.where('riskTask.riskId', '=', filter.riskId);
    if (filter.agencyId) query = query.where('riskTask.agencyId', '=', filter.agencyId);
    if (filter.status) query = query.where('riskTask.status', '=', filter.status);
    if (filter.overdue === 'true') query = query.where('riskTask.dueOn', '<', today).where('riskTask.status', 'in', [...TASK_OWED_STATUSES]);
    return query;
  };

  return {
    async list(viewer: TaskViewer, query: TaskListQuery, today: string) {
      const [rows, count] = await Promise.all([
        filtered(viewer, query, today)
          .orderBy('riskTask.dueOn', query.order)
          .orderBy('riskTask.id')
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize)
          .execute(),
        filtered(viewer, query, today)
          .clearSelect()
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    /** Every task of one risk, in plan order (the caller has checked the risk is visible). */
    listForRisk(courtId: string, riskId: string) {
      return withNames().where('riskTask.courtId', '=', courtId).where('riskTask.riskId', '=', riskId).orderBy('riskTask.createdAt').orderBy('riskTask.id').execute();
    },
    /** Every task given to an agency that the viewer sees, latest due first. */
    listForAgency(viewer: TaskViewer, courtId: string, agencyId: string) {
      return visible(viewer).where('riskTask.courtId', '=', courtId).where('riskTask.agencyId', '=', agencyId).orderBy('riskTask.dueOn', 'desc').orderBy('riskTask.id').execute();
    },
    /** The tasks of one risk assigned to the viewer or its department, in plan order. */
    listAssignedForRisk(viewer: TaskViewer, riskId: string) {
      return withNames().where(assignedTo(viewer)).where('riskTask.riskId', '=', riskId).orderBy('riskTask.createdAt').orderBy('riskTask.id').execute();
    },
    getVisible(viewer: TaskViewer, id: string) {
      return visible(viewer).where('riskTask.id', '=', id).executeTakeFirst();
    },
    async insertMany(rows: Insertable<RiskTaskTable>[]) {
      if (rows.length > 0) await db.insertInto('riskTask').values(rows).execute();
    },
    async updateVersioned(courtId: string, id: string, version: number, patch: Updateable<RiskTaskTable>) {
      const result = await db
        .updateTable('riskTask')
        .set({ ...patch, version: version + 1 })
        .where('courtId', '=', courtId)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async countOpenForAgency(courtId: string, agencyId: string) {
      const row = await db
        .selectFrom('riskTask')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('courtId', '=', courtId)
        .where('agencyId', '=', agencyId)
        .where('status', '!=', 'completed')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async insertFile(row: Insertable<RiskTaskFileTable>) {
      await db.insertInto('riskTaskFile').values(row).execute();
    },
    listFiles(courtId: string, taskIds: readonly string[]) {
      if (taskIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('riskTaskFile')
        .selectAll()
        .where('courtId', '=', courtId)
        .where('taskId', 'in', [...taskIds])
        .orderBy('createdAt')
        .orderBy('id')
        .execute();
    },
    getFile(courtId: string, taskId: string, id: string) {
      return db.selectFrom('riskTaskFile').selectAll().where('courtId', '=', courtId).where('taskId', '=', taskId).where('id', '=', id).executeTakeFirst();
    },
  };
}
export type TaskRepository = ReturnType<typeof createTaskRepository>;
export type TaskRow = NonNullable<Awaited<ReturnType<TaskRepository['getVisible']>>>;
