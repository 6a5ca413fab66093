import { newId } from '../ids.js';
import {
  checkGrant,
  dataScopeLabel,
  type DataScope,
  type RoleCreateInput,
  type RoleUpdateInput,
  type RoleView,
} from '@courtrisk/core';
import type { Clock } from '../clock.js';
import type { RoleTable } from '../db/schema.js';
import { ConflictError, ForbiddenError, StaleVersionError } from '../errors.js';
import { asScopedCourt, type AccessChecker } from './access.js';
import { auditActorOf, type Actor } from './actor.js';
import { describeChanges, writeAudit } from './audit-writer.js';
import type { Store } from './store.js';

export function presentRole(row: RoleTable & { accountCount?: unknown }): RoleView {
  return {
    id: row.id,
    courtId: row.courtId,
    code: row.code,
    name: row.name,
    scope: row.scope as DataScope,
    permissions: JSON.parse(row.permissions) as string[],
    builtin: row.builtin === 1,
    remark: row.remark,
    accountCount: Number(row.accountCount ?? 0),
    version: row.version,
  };
}

/** Least privilege: refuses a role whose data scope reaches further than the administrator's own. */
export function assertGrantable(actor: Actor, role: { scope: DataScope }) {
  const problems = checkGrant({ scope: actor.scopeKind }, role);
  if (problems.length > 0) throw new ForbiddenError(problems.join('；'));
}

export function createRoleService({ store, access, clock }: { store: Store; access: AccessChecker; clock: Clock }) {
  const { repos } = store;

  return {
    async list(actor: Actor, courtId?: string): Promise<RoleView[]> {
      await access.require(actor, 'role.read');
      const courtIds = courtId ? [courtId].filter((id) => actor.scope.courtIds.has(id)) : [...actor.scope.courtIds];
      return (await repos.roles.listByCourts(courtIds)).map(presentRole);
    },
    async create(actor: Actor, input: RoleCreateInput): Promise<RoleView> {
      await access.require(actor, 'role.manage');
      const court = access.inScope(actor, asScopedCourt(await repos.courts.getById(input.courtId)), 'court', input.courtId);
      assertGrantable(actor, input);
      if (await repos.roles.getByCode(court.id, input.code)) throw new ConflictError(`角色编码 ${input.code} 在本院已存在`);
      const nowIso = clock.now().toISOString();
      const row: RoleTable = {
        id: newId(),
        courtId: court.id,
        code: input.code,
        name: input.name,
        scope: input.scope,
        permissions: JSON.stringify([...new Set(input.permissions)].sort()),
        builtin: 0,
        remark: input.remark,
        createdAt: nowIso,
        updatedAt: nowIso,
        version: 1,
      };
      await store.transaction(async (trx) => {
        await trx.roles.insert(row);
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: actor.courtId,
          action: 'role.create',
          targetType: 'role',
          targetId: row.id,
          summary: `在「${court.name}」新建角色「${row.name}」，数据范围：${dataScopeLabel[input.scope]}，权限 ${input.permissions.length} 项`,
        });
      });
      return presentRole(row);
    },
    async update(actor: Actor, id: string, input: RoleUpdateInput): Promise<RoleView> {
      await access.require(actor, 'role.manage');
      const current = access.inScope(actor, await repos.roles.getById(id), 'role', id);
      const before = presentRole(current);
      assertGrantable(actor, { scope: input.scope ?? before.scope });
      const { version, permissions, ...rest } = input;
      const patch = { ...rest, ...(permissions ? { permissions: JSON.stringify([...new Set(permissions)].sort()) } : {}) };
      const nowIso = clock.now().toISOString();
      await store.transaction(async (trx) => {
        if (!(await trx.roles.update(id, version, { ...patch, updatedAt: nowIso }))) throw new StaleVersionError('role');
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: actor.courtId,
          action: 'role.update',
          targetType: 'role',
          targetId: id,
          summary: `修改角色「${current.name}」：${describeChanges(current, patch, {
            name: '名称',
            scope: { label: '数据范围', format: (s) => dataScopeLabel[s as DataScope] ?? String(s) },
            permissions: { label: '权限', format: (p) => `${(JSON.parse(String(p)) as string[]).length} 项` },
            remark: '备注',
          })}`,
        });
      });
      return presentRole((await repos.roles.getById(id))!);
    },
    async remove(actor: Actor, id: string): Promise<void> {
      await access.require(actor, 'role.manage');
      const current = access.inScope(actor, await repos.roles.getById(id), 'role', id);
      if (current.builtin === 1) throw new ConflictError('内置角色不能删除，可修改其权限');
      if (Number(current.accountCount) > 0) throw new ConflictError(`该角色仍分配给 ${Number(current.accountCount)} 个账号，不能删除`);
      await store.transaction(async (trx) => {
        await trx.roles.delete(current.courtId, id);
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: actor.courtId,
          action: 'role.delete',
          targetType: 'role',
          targetId: id,
          summary: `删除角色「${current.name}」（${current.code}）`,
        });
      });
    },
  };
}
export type RoleService = ReturnType<typeof createRoleService>;
