import type { DataScope, Permission, ResolvedScope } from '@courtrisk/core';

/** The logged-in account a request acts for; built once per request by the auth plugin. */
export interface Actor {
  accountId: string;
  username: string;
  displayName: string;
  courtId: string;
  departmentId: string | null;
  permissions: ReadonlySet<Permission>;
  scopeKind: DataScope;
  scope: ResolvedScope;
  sessionId: string;
  ip: string | null;
  /** Initial or reset password not yet changed: only the password routes are open. */
  mustChangePassword: boolean;
}

/** Who performed a write, for the audit log: an actor, or the CLI / system itself. */
export interface AuditActor {
  accountId: string | null;
  name: string;
  ip: string | null;
}

export function auditActorOf(actor: Actor): AuditActor {
  return { accountId: actor.accountId, name: actor.username, ip: actor.ip };
}

export const SYSTEM_ACTOR: AuditActor = { accountId: null, name: '系统', ip: null };
export const CLI_ACTOR: AuditActor = { accountId: null, name: '命令行', ip: null };
