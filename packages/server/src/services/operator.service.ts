import { newId } from '../ids.js';
import { COURT_LEVELS, CourtCode, Username, type CourtLevel } from '@courtrisk/core';
import type { Clock } from '../clock.js';
import { generateInitialPassword } from '../crypto.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { createAccountRecord } from './account.service.js';
import { CLI_ACTOR } from './actor.js';
import { writeAudit } from './audit-writer.js';
import { createCourtDefaults } from './court-defaults.js';
import type { PasswordHasher } from './passwords.js';
import type { Store } from './store.js';

export interface OperatorAccountInput {
  username: string;
  displayName: string;
  roleCode: string;
  courtCode: string;
  /** Creates the court as a root court when no court has this code yet. */
  courtName?: string;
  courtLevel?: CourtLevel;
}

/**
 * Operations for whoever runs the CLI on the server (they hold the database already): bootstrap
 * the first administrator, reset passwords and unlock accounts. Every one is audited as `cli`.
 */
export function createOperatorService({ store, clock, passwords }: { store: Store; clock: Clock; passwords: PasswordHasher }) {
  const { repos } = store;

  async function accountByUsername(username: string) {
    const account = await repos.accounts.getByUsername(username);
    if (!account) throw new NotFoundError('account', username);
    return account;
  }

  async function courtFor(input: OperatorAccountInput) {
    const code = CourtCode.parse(input.courtCode);
    const existing = await repos.courts.getByCode(code);
    if (existing) return existing;
    if (!input.courtName) throw new ValidationError(`法院代码 ${code} 不存在；要新建该法院，请同时提供法院名称（--court-name）`);
    const level = input.courtLevel ?? 'intermediate';
    if (!COURT_LEVELS.includes(level)) throw new ValidationError(`法院层级应为 ${COURT_LEVELS.join(' / ')}`);
    const nowIso = clock.now().toISOString();
    const court = { id: newId(), parentId: null, code, name: input.courtName, level, sort: 0, createdAt: nowIso, updatedAt: nowIso, version: 1 };
    await store.transaction(async (trx) => {
      await trx.courts.insert(court);
      await createCourtDefaults(trx, court.id, nowIso);
      await writeAudit(trx, clock, CLI_ACTOR, {
        courtId: court.id,
        action: 'court.create',
        targetType: 'court',
        targetId: court.id,
        summary: `命令行新建法院「${court.name}」（${court.code}）`,
      });
    });
    return court;
  }

  return {
    async createAccount(input: OperatorAccountInput): Promise<{ username: string; courtName: string; initialPassword: string }> {
      const username = Username.parse(input.username);
      const court = await courtFor(input);
      const role = await repos.roles.getByCode(court.id, input.roleCode);
      if (!role) throw new ValidationError(`法院「${court.name}」没有编码为 ${input.roleCode} 的角色`);
      const { initialPassword } = await createAccountRecord(store, clock, passwords, CLI_ACTOR, court.id, {
        courtId: court.id,
        departmentId: null,
        username,
        displayName: input.displayName,
        phone: null,
        roleIds: [role.id],
        createdBy: null,
        summary: `命令行新建账号 ${username}（${role.name}）`,
      });
      return { username, courtName: court.name, initialPassword };
    },
    async courtIdByCode(code: string): Promise<string> {
      const court = await repos.courts.getByCode(code);
      if (!court) throw new NotFoundError('court', code);
      return court.id;
    },
    async resetPassword(username: string): Promise<string> {
      const account = await accountByUsername(username);
      const initialPassword = generateInitialPassword();
      const passwordHash = await passwords.hash(initialPassword);
      await store.transaction(async (trx) => {
        await trx.accounts.update(account.id, account.version, {
          passwordHash,
          mustChangePassword: 1,
          failedAttempts: 0,
          lockedUntil: null,
          updatedAt: clock.now().toISOString(),
        });
        await trx.sessions.deleteForAccount(account.id);
        await writeAudit(trx, clock, CLI_ACTOR, {
          courtId: account.courtId,
          action: 'account.reset_password',
          targetType: 'account',
          targetId: account.id,
          summary: `命令行重置账号 ${account.username} 的密码`,
        });
      });
      return initialPassword;
    },
    async unlock(username: string): Promise<void> {
      const account = await accountByUsername(username);
      await store.transaction(async (trx) => {
        await trx.accounts.setLoginState(account.id, { failedAttempts: 0, lockedUntil: null });
        await writeAudit(trx, clock, CLI_ACTOR, {
          courtId: account.courtId,
          action: 'account.unlock',
          targetType: 'account',
          targetId: account.id,
          summary: `命令行解除账号 ${account.username} 的登录锁定`,
        });
      });
    },
  };
}
export type OperatorService = ReturnType<typeof createOperatorService>;
