import { newId } from '../ids.js';
import {
  wouldCreateCycle,
  type DepartmentCreateInput,
  type DepartmentUpdateInput,
  type DepartmentView,
} from '@courtrisk/core';
import type { Clock } from '../clock.js';
import type { DepartmentTable } from '../db/schema.js';
import { ConflictError, StaleVersionError, ValidationError } from '../errors.js';
import { asScopedCourt, type AccessChecker } from './access.js';
import { auditActorOf, type Actor } from './actor.js';
import { describeChanges, writeAudit } from './audit-writer.js';
import type { Store } from './store.js';

export function presentDepartment(row: DepartmentTable): DepartmentView {
  return {
    id: row.id,
    courtId: row.courtId,
    parentId: row.parentId,
    code: row.code,
    name: row.name,
    sort: row.sort,
    enabled: row.enabled === 1,
    version: row.version,
  };
}

export function createDepartmentService({ store, access, clock }: { store: Store; access: AccessChecker; clock: Clock }) {
  const { repos } = store;

  async function getInScope(actor: Actor, id: string) {
    return access.inScope(actor, await repos.departments.getById(id), 'department', id);
  }

  async function checkParent(courtId: string, parentId: string | null) {
    if (!parentId) return;
    const parent = await repos.departments.getById(parentId);
    if (!parent || parent.courtId !== courtId) {
      throw new ValidationError('上级部门不属于该法院', [{ path: 'parentId', message: '上级部门不属于该法院' }]);
    }
  }

  return {
    async list(actor: Actor, courtId?: string): Promise<DepartmentView[]> {
      await access.require(actor, 'department.read');
      const courtIds = courtId ? [courtId].filter((id) => actor.scope.courtIds.has(id)) : [...actor.scope.courtIds];
      return (await repos.departments.listByCourts(courtIds)).map(presentDepartment);
    },
    async create(actor: Actor, input: DepartmentCreateInput): Promise<DepartmentView> {
      await access.require(actor, 'department.manage');
      const court = access.inScope(actor, asScopedCourt(await repos.courts.getById(input.courtId)), 'court', input.courtId);
      await checkParent(court.id, input.parentId);
      if (await repos.departments.getByCode(court.id, input.code)) throw new ConflictError(`部门编码 ${input.code} 在本院已存在`);
      const nowIso = clock.now().toISOString();
      const row: DepartmentTable = { id: newId(), ...input, enabled: 1, createdAt: nowIso, updatedAt: nowIso, version: 1 };
      await store.transaction(async (trx) => {
        await trx.departments.insert(row);
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: actor.courtId,
          action: 'department.create',
          targetType: 'department',
          targetId: row.id,
          summary: `在「${court.name}」新建部门「${row.name}」（${row.code}）`,
        });
      });
      return presentDepartment(row);
    },
    async update(actor: Actor, id: string, input: DepartmentUpdateInput): Promise<DepartmentView> {
      await access.require(actor, 'department.manage');
      const current = await getInScope(actor, id);
      if (input.parentId !== undefined) {
        await checkParent(current.courtId, input.parentId);
        const nodes = await repos.departments.listNodes(current.courtId);
        if (wouldCreateCycle(nodes, id, input.parentId)) {
          throw new ValidationError('不能把部门移到它自己或其下级部门之下', [{ path: 'parentId', message: '上级部门不能是本部门或其下级' }]);
        }
      }
      if (input.code && input.code !== current.code && (await repos.departments.getByCode(current.courtId, input.code))) {
        throw new ConflictError(`部门编码 ${input.code} 在本院已存在`);
      }
      const { version, enabled, ...rest } = input;
      const patch = { ...rest, ...(enabled === undefined ? {} : { enabled: enabled ? 1 : 0 }) };
      const nowIso = clock.now().toISOString();
      await store.transaction(async (trx) => {
        if (!(await trx.departments.update(id, version, { ...patch, updatedAt: nowIso }))) throw new StaleVersionError('department');
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: actor.courtId,
          action: 'department.update',
          targetType: 'department',
          targetId: id,
          summary: `修改部门「${current.name}」：${describeChanges(current, patch, {
            code: '编码',
            name: '名称',
            parentId: '上级部门',
            sort: '排序',
            enabled: '启用',
          })}`,
        });
      });
      return presentDepartment((await repos.departments.getById(id))!);
    },
    async remove(actor: Actor, id: string): Promise<void> {
      await access.require(actor, 'department.manage');
      const current = await getInScope(actor, id);
      if ((await repos.departments.countChildren(current.courtId, id)) > 0) throw new ConflictError('该部门下还有下级部门，不能删除');
      if ((await repos.accounts.countInDepartment(current.courtId, id)) > 0) {
        throw new ConflictError('该部门下还有账号，请先调整账号所属部门或停用部门');
      }
      await store.transaction(async (trx) => {
        await trx.departments.delete(current.courtId, id);
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: actor.courtId,
          action: 'department.delete',
          targetType: 'department',
          targetId: id,
          summary: `删除部门「${current.name}」（${current.code}）`,
        });
      });
    },
  };
}
export type DepartmentService = ReturnType<typeof createDepartmentService>;
