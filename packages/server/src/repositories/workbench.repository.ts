import { sql, type SqlBool } from 'kysely';
import type { Db } from '../db/database.js';
import { riskVisibility, type RiskViewer } from './risk.repository.js';
import { TASK_OWED_STATUSES } from './task.repository.js';


/** Read-only aggregates for the workbench, always through the register's visibility rule. */
export function createWorkbenchRepository(db: Db) {
  const tasks = () =>
    db
      .selectFrom('riskTask')
      .innerJoin('risk', (j) => j.onRef('risk.id', '=', 'riskTask.riskId').onRef('risk.courtId', '=', 'riskTask.courtId'))
      .select(['riskTask.id', 'riskTask.riskId', 'risk.title as riskTitle', 'risk.level as riskLevel', 'riskTask.description', 'riskTask.dueOn', 'riskTask.status'])
      .where('riskTask.status', 'in', [...TASK_OWED_STATUSES])
      .where('risk.status', '!=', 'closed')
      .orderBy('riskTask.dueOn')
      .orderBy('riskTask.id');
  return {
    /** Risks of `courtIds` the viewer sees that are not yet 已销号 (已化解 keeps its stopped, missed clocks). */
    listOpenRisks(viewer: RiskViewer, courtIds: readonly string[]) {
      if (courtIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('risk')
        .innerJoin('court', 'court.id', 'risk.courtId')
        .leftJoin('account as owner', (j) => j.onRef('owner.id', '=', 'risk.ownerId').onRef('owner.courtId', '=', 'risk.courtId'))
        .selectAll('risk')
        .select(['court.name as courtName', 'owner.displayName as ownerName'])
        .where(riskVisibility(viewer))
        .where('risk.courtId', 'in', [...courtIds])
        .where('risk.status', '!=', 'closed')
        .orderBy('risk.createdAt', 'desc')
        .orderBy('risk.id')
        .execute();
    },
    /** Registrations and closures (销号 sets statusSince) since `sinceIso`, in the viewer's view of one court. */
    listTrendEvents(viewer: RiskViewer, courtId: string, sinceIso: string) {
      return db
        .selectFrom('risk')
        .select(['createdAt', 'status', 'statusSince'])
        .where(riskVisibility(viewer))
        .where('risk.courtId', '=', courtId)
        .where((eb) => eb.or([eb('risk.createdAt', '>=', sinceIso), eb.and([eb('risk.status', '=', 'closed'), eb('risk.statusSince', '>=', sinceIso)])]))
        .execute();
    },
    /** Owed tasks assigned to the account, or to its department, in its own court. */
    listMyOpenTasks(courtId: string, accountId: string, departmentId: string | null) {
      const mine =
        departmentId === null
          ? sql<SqlBool>`risk_task.assignee_account_id = ${accountId}`
          : sql<SqlBool>`(risk_task.assignee_account_id = ${accountId} or risk_task.assignee_department_id = ${departmentId})`;
      return tasks().where('riskTask.courtId', '=', courtId).where(mine).execute();
    },
    /** Owed tasks past their due date on the risks of `courtId` the viewer sees. */
    listOverdueTasks(viewer: RiskViewer, courtId: string, today: string) {
      return tasks().where(riskVisibility(viewer)).where('riskTask.courtId', '=', courtId).where('riskTask.dueOn', '<', today).execute();
    },
  };
}
export type WorkbenchRepository = ReturnType<typeof createWorkbenchRepository>;
