import { newId } from '../ids.js';
import {
  checkPasswordPolicy,
  isPermission,
  resolveScope,
  widestScope,
  type ChangePasswordInput,
  type DataScope,
  type LoginInput,
  type Permission,
  type SessionView,
} from '@courtrisk/core';
import { addMinutes, type Clock } from '../clock.js';
import type { Config } from '../config.js';
import { randomToken, sha256Hex } from '../crypto.js';
import { AppError, ForbiddenError, UnauthorizedError, ValidationError } from '../errors.js';
import { auditActorOf, type Actor } from './actor.js';
import { writeAudit } from './audit-writer.js';
import type { PasswordHasher } from './passwords.js';
import type { Repositories } from '../repositories/index.js';
import type { Store } from './store.js';

/** Login failures of unknown account names are logged under this pseudo-court. */
export const SYSTEM_COURT_ID = 'system';

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

type Deps = { store: Store; clock: Clock; passwords: PasswordHasher; config: Pick<Config, 'session' | 'login'> };

/** Last-seen is written at most once a minute, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 60_000;

async function loadGrants(repos: Repositories, courtId: string, accountId: string) {
  const roles = await repos.roles.listForAccount(courtId, accountId);
  const permissions = new Set<Permission>();
  for (const role of roles) for (const p of JSON.parse(role.permissions) as string[]) if (isPermission(p)) permissions.add(p);
  return { roles, permissions, scopeKind: widestScope(roles.map((r) => r.scope as DataScope)) };
}

/**
 * The actor an active account acts as (its roles' permissions and resolved data scope); undefined
 * for a disabled or unknown account. Sessions use it per request; the demo seed acts through it.
 */
export async function buildActor(repos: Repositories, sessionId: string, accountId: string, ip: string | null): Promise<Actor | undefined> {
  const account = await repos.accounts.getById(accountId);
  if (!account || account.status !== 'active') return undefined;
  const { permissions, scopeKind } = await loadGrants(repos, account.courtId, account.id);
  const needsDepartments = scopeKind === 'department_and_below' || scopeKind === 'department';
  const [courts, departments] = await Promise.all([
    repos.courts.listAll(),
    needsDepartments ? repos.departments.listNodes(account.courtId) : Promise.resolve([]),
  ]);
  const scope = resolveScope(
    { accountId: account.id, courtId: account.courtId, departmentId: account.departmentId, scope: scopeKind },
    courts,
    departments,
  );
  return {
    accountId: account.id,
    username: account.username,
    displayName: account.displayName,
    courtId: account.courtId,
    departmentId: account.departmentId,
    permissions,
    scopeKind,
    scope,
    sessionId,
    ip,
    mustChangePassword: account.mustChangePassword === 1,
  };
}

export function createAuthService({ store, clock, passwords, config }: Deps) {
  const { repos } = store;
  // Verified against for unknown accounts, so a wrong name costs as long as a wrong password.
  const dummyHash = passwords.hash(randomToken());

  const logLogin = (courtId: string, username: string, accountId: string | null, success: boolean, reason: string, meta: RequestMeta) =>
    repos.loginLogs.insert({
      id: newId(),
      courtId,
      accountId,
      username: username.slice(0, 64),
      success: success ? 1 : 0,
      reason,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      at: clock.now().toISOString(),
    });

  async function presentSession(actor: Actor, csrfToken: string, expiresAt: string): Promise<SessionView> {
    const account = await repos.accounts.getView(actor.accountId);
    if (!account) throw new UnauthorizedError();
    const { roles } = await loadGrants(repos, account.courtId, account.id);
    return {
      account: {
        id: account.id,
        username: account.username,
        displayName: account.displayName,
        courtId: account.courtId,
        courtName: account.courtName,
        departmentId: account.departmentId,
        departmentName: account.departmentName ?? null,
        mustChangePassword: account.mustChangePassword === 1,
      },
      roles: roles.map((r) => ({ id: r.id, code: r.code, name: r.name })),
      permissions: [...actor.permissions].sort(),
      scope: actor.scopeKind,
      csrfToken,
      expiresAt,
    };
  }

  return {
    /** Checks the password, applies lockout (5 failures → 15 minutes by default), opens a session. */
    async login(input: LoginInput, meta: RequestMeta): Promise<{ token: string; view: SessionView }> {
      const now = clock.now();
      const account = await repos.accounts.getByUsername(input.username);
      if (!account) {
        await passwords.verify(await dummyHash, input.password);
        await logLogin(SYSTEM_COURT_ID, input.username, null, false, '账号不存在', meta);
        throw new UnauthorizedError('账号或密码错误', 'invalid_credentials');
      }
      if (account.lockedUntil && account.lockedUntil > now.toISOString()) {
        const minutes = Math.ceil((Date.parse(account.lockedUntil) - now.getTime()) / 60_000);
        await logLogin(account.courtId, account.username, account.id, false, '账号已锁定', meta);
        throw new AppError('account_locked', 423, `连续登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试或联系管理员解锁`);
      }
      if (!(await passwords.verify(account.passwordHash, input.password))) {
        const failures = account.failedAttempts + 1;
        const locks = failures >= config.login.maxFailures;
        await repos.accounts.setLoginState(account.id, {
          failedAttempts: locks ? 0 : failures,
          lockedUntil: locks ? addMinutes(now, config.login.lockMinutes).toISOString() : account.lockedUntil,
        });
        await logLogin(account.courtId, account.username, account.id, false, locks ? '密码错误，账号被锁定' : '密码错误', meta);
        if (locks) {
          throw new AppError('account_locked', 423, `连续 ${config.login.maxFailures} 次密码错误，账号已锁定 ${config.login.lockMinutes} 分钟`);
        }
        const left = config.login.maxFailures - failures;
        throw new UnauthorizedError(`账号或密码错误（再错 ${left} 次将锁定账号）`, 'invalid_credentials');
      }
      if (account.status !== 'active') {
        await logLogin(account.courtId, account.username, account.id, false, '账号已停用', meta);
        throw new ForbiddenError('账号已停用，请联系管理员');
      }
      const token = randomToken();
      const sessionId = sha256Hex(token);
      const csrfToken = randomToken();
      const expiresAt = new Date(now.getTime() + config.session.absoluteHours * 3_600_000).toISOString();
      await store.transaction(async (trx) => {
        await trx.accounts.setLoginState(account.id, { failedAttempts: 0, lockedUntil: null, lastLoginAt: now.toISOString() });
        await trx.sessions.insert({
          id: sessionId,
          courtId: account.courtId,
          accountId: account.id,
          csrfToken,
          createdAt: now.toISOString(),
          lastSeenAt: now.toISOString(),
          expiresAt,
          ip: meta.ip,
          userAgent: meta.userAgent?.slice(0, 300) ?? null,
        });
        await trx.loginLogs.insert({
          id: newId(),
          courtId: account.courtId,
          accountId: account.id,
          username: account.username,
          success: 1,
          reason: '登录成功',
          ip: meta.ip,
          userAgent: meta.userAgent?.slice(0, 300) ?? null,
          at: now.toISOString(),
        });
        await writeAudit(trx, clock, { accountId: account.id, name: account.username, ip: meta.ip }, {
          courtId: account.courtId,
          action: 'auth.login',
          targetType: 'account',
          targetId: account.id,
          summary: '登录成功',
        });
      });
      const actor = await buildActor(repos, sessionId, account.id, meta.ip);
      if (!actor) throw new UnauthorizedError();
      return { token, view: await presentSession(actor, csrfToken, expiresAt) };
    },

    /**
     * Resolves a session cookie to an actor. Sessions end after the idle limit (30 min) or the
     * absolute limit (12 h), whichever comes first (等保2.0 8.1.4.1 b 登录连接超时自动退出).
     */
    async authenticate(token: string, ip: string | null): Promise<{ actor: Actor; csrfToken: string; expiresAt: string }> {
      const session = await repos.sessions.getById(sha256Hex(token));
      if (!session) throw new UnauthorizedError('会话已失效，请重新登录', 'session_expired');
      const now = clock.now();
      const idleDeadline = addMinutes(new Date(session.lastSeenAt), config.session.idleMinutes);
      if (now.toISOString() >= session.expiresAt || now >= idleDeadline) {
        await repos.sessions.delete(session.id);
        throw new UnauthorizedError('会话已过期，请重新登录', 'session_expired');
      }
      const actor = await buildActor(repos, session.id, session.accountId, ip);
      if (!actor) {
        await repos.sessions.delete(session.id);
        throw new UnauthorizedError('账号已停用或不存在，请联系管理员', 'session_expired');
      }
      if (now.getTime() - Date.parse(session.lastSeenAt) > TOUCH_INTERVAL_MS) {
        await repos.sessions.touch(session.id, now.toISOString());
      }
      return { actor, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
    },

    me(actor: Actor, csrfToken: string, expiresAt: string) {
      return presentSession(actor, csrfToken, expiresAt);
    },

    async logout(actor: Actor) {
      await store.transaction(async (trx) => {
        await trx.sessions.delete(actor.sessionId);
        await writeAudit(trx, clock, auditActorOf(actor), { courtId: actor.courtId, action: 'auth.logout', summary: '退出登录' });
      });
    },

    /** Ends every session of the caller, on every device. */
    async logoutAll(actor: Actor): Promise<number> {
      return store.transaction(async (trx) => {
        const ended = await trx.sessions.deleteForAccount(actor.accountId);
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: actor.courtId,
          action: 'auth.logout_all',
          summary: `退出全部会话（${ended} 个）`,
        });
        return ended;
      });
    },

    /** Changes the caller's own password; other sessions end, this one gets a fresh CSRF token. */
    async changePassword(actor: Actor, input: ChangePasswordInput, expiresAt: string): Promise<SessionView> {
      const account = await repos.accounts.getById(actor.accountId);
      if (!account) throw new UnauthorizedError();
      if (!(await passwords.verify(account.passwordHash, input.currentPassword))) {
        throw new ValidationError('当前密码不正确', [{ path: 'currentPassword', message: '当前密码不正确' }]);
      }
      const problems = checkPasswordPolicy(input.newPassword, account.username);
      if (input.newPassword === input.currentPassword) problems.push('新密码不能与当前密码相同');
      if (problems.length > 0) {
        throw new ValidationError(problems.join('；'), problems.map((message) => ({ path: 'newPassword', message })));
      }
      const passwordHash = await passwords.hash(input.newPassword);
      const csrfToken = randomToken();
      const nowIso = clock.now().toISOString();
      await store.transaction(async (trx) => {
        await trx.accounts.update(account.id, account.version, {
          passwordHash,
          mustChangePassword: 0,
          passwordChangedAt: nowIso,
          updatedAt: nowIso,
        });
        const current = await trx.sessions.getById(actor.sessionId);
        await trx.sessions.deleteForAccount(account.id);
        if (current) await trx.sessions.insert({ ...current, csrfToken, lastSeenAt: nowIso });
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: actor.courtId,
          action: 'auth.password_change',
          targetType: 'account',
          targetId: account.id,
          summary: '修改本人密码，其他会话已结束',
        });
      });
      return presentSession(actor, csrfToken, expiresAt);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
