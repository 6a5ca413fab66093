import { newId } from '../ids.js';
import {
  accountStatusLabel,
  type AccountCreateInput,
  type AccountListQuery,
  type AccountUpdateInput,
  type AccountView,
  type DataScope,
  type Paged,
} from '@courtrisk/core';
import type { Clock } from '../clock.js';
import { generateInitialPassword } from '../crypto.js';
import type { AccountTable } from '../db/schema.js';
import { ConflictError, ForbiddenError, NotFoundError, StaleVersionError, ValidationError } from '../errors.js';
import { buildXlsx, EXPORT_ROW_LIMIT, formatChinaTime } from '../export/xlsx.js';
import type { AccountFilter } from '../repositories/account.repository.js';
import type { Repositories } from '../repositories/index.js';
import { asScopedCourt, type AccessChecker } from './access.js';
import { auditActorOf, type Actor, type AuditActor } from './actor.js';
import { describeChanges, writeAudit } from './audit-writer.js';
import type { PasswordHasher } from './passwords.js';
import { assertGrantable } from './role.service.js';
import type { Store } from './store.js';

type AccountRow = AccountTable & { courtName: string; departmentName: string | null };

type Deps = { store: Store; access: AccessChecker; clock: Clock; passwords: PasswordHasher };

export function createAccountService({ store, access, clock, passwords }: Deps) {
  const { repos } = store;

  async function present(rows: AccountRow[]): Promise<AccountView[]> {
    const roles = await repos.roles.listForAccounts(rows.map((r) => r.id));
    const nowIso = clock.now().toISOString();
    return rows.map((row) => ({
      id: row.id,
      courtId: row.courtId,
      courtName: row.courtName,
      departmentId: row.departmentId,
      departmentName: row.departmentName ?? null,
      username: row.username,
      displayName: row.displayName,
      phone: row.phone,
      status: row.status,
      locked: row.lockedUntil !== null && row.lockedUntil > nowIso,
      mustChangePassword: row.mustChangePassword === 1,
      roles: roles.filter((r) => r.accountId === row.id).map((r) => ({ id: r.id, name: r.name })),
      lastLoginAt: row.lastLoginAt,
      createdAt: row.createdAt,
      version: row.version,
    }));
  }

  async function presentOne(id: string): Promise<AccountView> {
    const row = await repos.accounts.getView(id);
    if (!row) throw new NotFoundError('account', id);
    return (await present([row]))[0]!;
  }

  async function getInScope(actor: Actor, id: string) {
    const row = await repos.accounts.getView(id);
    return access.inScope(actor, row && { ...row, ownerId: row.id }, 'account', id);
  }

  /** Roles must belong to the account's court and reach no further than the administrator's scope. */
  async function checkRoles(actor: Actor, courtId: string, roleIds: readonly string[]) {
    const roles = await repos.roles.listByIds(roleIds);
    if (roles.length !== new Set(roleIds).size || roles.some((r) => r.courtId !== courtId)) {
      throw new ValidationError('所选角色不属于该法院', [{ path: 'roleIds', message: '所选角色不属于该法院' }]);
    }
    for (const role of roles) {
      assertGrantable(actor, { scope: role.scope as DataScope });
    }
    return roles;
  }

  async function checkDepartment(courtId: string, departmentId: string | null) {
    if (!departmentId) return;
    const department = await repos.departments.getById(departmentId);
    if (!department || department.courtId !== courtId) {
      throw new ValidationError('所选部门不属于该法院', [{ path: 'departmentId', message: '所选部门不属于该法院' }]);
    }
  }

  return {
    async list(actor: Actor, query: AccountListQuery): Promise<Paged<AccountView>> {
      await access.require(actor, 'account.read');
      const { rows, total } = await repos.accounts.list(actor.scope, query);
      return { items: await present(rows), total, page: query.page, pageSize: query.pageSize };
    },
    async get(actor: Actor, id: string): Promise<AccountView> {
      await access.require(actor, 'account.read');
      await getInScope(actor, id);
      return presentOne(id);
    },
    async exportXlsx(actor: Actor, filter: AccountFilter): Promise<Buffer> {
      await access.require(actor, 'account.read');
      const accounts = await present(await repos.accounts.listAll(actor.scope, filter, EXPORT_ROW_LIMIT));
      await store.transaction((trx) =>
        writeAudit(trx, clock, auditActorOf(actor), {
          courtId: actor.courtId,
          action: 'account.export',
          summary: `导出账号 ${accounts.length} 条`,
        }),
      );
      return buildXlsx('账号', [
        { header: '账号', value: (a) => a.username },
        { header: '姓名', value: (a) => a.displayName },
        { header: '法院', width: 28, value: (a) => a.courtName },
        { header: '部门', value: (a) => a.departmentName },
        { header: '角色', width: 30, value: (a) => a.roles.map((r) => r.name).join('、') },
        { header: '状态', value: (a) => accountStatusLabel[a.status] },
        { header: '锁定', value: (a) => (a.locked ? '是' : '否') },
        { header: '最近登录', width: 22, value: (a) => formatChinaTime(a.lastLoginAt) },
        { header: '创建时间', width: 22, value: (a) => formatChinaTime(a.createdAt) },
      ], accounts);
    },
    /** Creates an account with a one-time initial password that must be changed at first login. */
    async create(actor: Actor, input: AccountCreateInput): Promise<{ account: AccountView; initialPassword: string }> {
      await access.require(actor, 'account.manage');
      const court = access.inScope(actor, asScopedCourt(await repos.courts.getById(input.courtId)), 'court', input.courtId);
      await checkDepartment(court.id, input.departmentId);
      const roles = await checkRoles(actor, court.id, input.roleIds);
      const created = await createAccountRecord(store, clock, passwords, auditActorOf(actor), actor.courtId, {
        ...input,
        roleIds: roles.map((r) => r.id),
        createdBy: actor.accountId,
        summary: `在「${court.name}」新建账号 ${input.username}（${input.displayName}），角色：${roles.map((r) => r.name).join('、') || '无'}`,
      });
      return { account: await presentOne(created.id), initialPassword: created.initialPassword };
    },
    async update(actor: Actor, id: string, input: AccountUpdateInput): Promise<AccountView> {
      await access.require(actor, 'account.manage');
      const current = await getInScope(actor, id);
      if (input.status === 'disabled' && id === actor.accountId) throw new ConflictError('不能停用自己的账号');
      // No self-escalation: another administrator must change an administrator's roles.
      if (input.roleIds && id === actor.accountId) throw new ForbiddenError('不能修改自己的角色');
      if (input.departmentId !== undefined) await checkDepartment(current.courtId, input.departmentId);
      const roles = input.roleIds ? await checkRoles(actor, current.courtId, input.roleIds) : undefined;
      const { version, roleIds: _roleIds, ...patch } = input;
      const nowIso = clock.now().toISOString();
      const beforeRoles = (await repos.roles.listForAccount(current.courtId, id)).map((r) => r.name).join('、');
      const departmentNames = new Map((await repos.departments.listByCourts([current.courtId])).map((d) => [d.id, d.name]));
      await store.transaction(async (trx) => {
        if (!(await trx.accounts.update(id, version, { ...patch, updatedAt: nowIso }))) throw new StaleVersionError('account');
        if (roles) await trx.roles.setAccountRoles(current.courtId, id, roles.map((r) => r.id));
        // A disabled account must not keep working through a session opened before.
        if (input.status === 'disabled') await trx.sessions.deleteForAccount(id);
        const roleChange = roles ? describeChanges({ roles: beforeRoles }, { roles: roles.map((r) => r.name).join('、') }, { roles: '角色' }) : '';
        const fieldChange = describeChanges(current, patch, {
          displayName: '姓名',
          departmentId: { label: '部门', format: (id) => departmentNames.get(String(id)) ?? '（无）' },
          phone: '电话',
          status: { label: '状态', format: (s) => accountStatusLabel[s as keyof typeof accountStatusLabel] ?? String(s) },
        });
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: actor.courtId,
          action: 'account.update',
          targetType: 'account',
          targetId: id,
          summary: `修改账号 ${current.username}：${[fieldChange, roleChange].filter((s) => s && s !== '无字段变化').join('；') || '无字段变化'}`,
        });
      });
      return presentOne(id);
    },
    async resetPassword(actor: Actor, id: string): Promise<{ account: AccountView; initialPassword: string }> {
      await access.require(actor, 'account.manage');
      const current = await getInScope(actor, id);
      const initialPassword = generateInitialPassword();
      const passwordHash = await passwords.hash(initialPassword);
      const nowIso = clock.now().toISOString();
      await store.transaction(async (trx) => {
        if (!(await trx.accounts.update(id, current.version, { passwordHash, mustChangePassword: 1, failedAttempts: 0, lockedUntil: null, updatedAt: nowIso }))) {
          throw new StaleVersionError('account');
        }
        await trx.sessions.deleteForAccount(id);
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: actor.courtId,
          action: 'account.reset_password',
          targetType: 'account',
          targetId: id,
          summary: `重置账号 ${current.username} 的密码，其会话已全部结束`,
        });
      });
      return { account: await presentOne(id), initialPassword };
    },
    async unlock(actor: Actor, id: string): Promise<AccountView> {
      await access.require(actor, 'account.manage');
      const current = await getInScope(actor, id);
      await store.transaction(async (trx) => {
        await trx.accounts.setLoginState(id, { failedAttempts: 0, lockedUntil: null });
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: actor.courtId,
          action: 'account.unlock',
          targetType: 'account',
          targetId: id,
          summary: `解除账号 ${current.username} 的登录锁定`,
        });
      });
      return presentOne(id);
    },
  };
}
export type AccountService = ReturnType<typeof createAccountService>;

export interface NewAccount {
  courtId: string;
  departmentId: string | null;
  username: string;
  displayName: string;
  phone: string | null;
  roleIds: readonly string[];
  createdBy: string | null;
  summary: string;
}

/**
 * Inserts an account with a generated initial password, its roles and the audit entry in one
 * transaction. Shared by the account service, the CLI and the demo seed. Usernames are unique
 * across courts (login asks for no court), checked here as the unique key is per court.
 */
export async function createAccountRecord(
  store: Store,
  clock: Clock,
  passwords: PasswordHasher,
  auditActor: AuditActor,
  auditCourtId: string,
  account: NewAccount,
  initialPassword = generateInitialPassword(),
): Promise<{ id: string; initialPassword: string }> {
  if (await store.repos.accounts.getByUsername(account.username)) throw new ConflictError(`账号 ${account.username} 已存在`);
  const passwordHash = await passwords.hash(initialPassword);
  const nowIso = clock.now().toISOString();
  const id = newId();
  await store.transaction(async (trx: Repositories) => {
    await trx.accounts.insert({
      id,
      courtId: account.courtId,
      departmentId: account.departmentId,
      username: account.username,
      displayName: account.displayName,
      phone: account.phone,
      passwordHash,
      status: 'active',
      mustChangePassword: 1,
      failedAttempts: 0,
      createdBy: account.createdBy,
      createdAt: nowIso,
      updatedAt: nowIso,
      version: 1,
    });
    await trx.roles.setAccountRoles(account.courtId, id, account.roleIds);
    await writeAudit(trx, clock, auditActor, {
      courtId: auditCourtId,
      action: 'account.create',
      targetType: 'account',
      targetId: id,
      summary: account.summary,
    });
  });
  return { id, initialPassword };
}
