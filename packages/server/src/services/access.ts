import { isInScope, permissionLabel, type Permission, type ScopedRecord } from '@courtrisk/core';
import type { Clock } from '../clock.js';
import { ForbiddenError, NotFoundError, type EntityName } from '../errors.js';
import { auditActorOf, type Actor } from './actor.js';
import { writeAudit } from './audit-writer.js';
import type { Store } from './store.js';

/**
 * Permission and scope checks, the first lines of every service method.
 * A missing permission is 403 and audited; a record outside the caller's scope is 404, so its
 * existence is not revealed.
 */
export function createAccessChecker({ store, clock }: { store: Store; clock: Clock }) {
  return {
    async require(actor: Actor, permission: Permission): Promise<void> {
      if (actor.permissions.has(permission)) return;
      await store.transaction((repos) =>
        writeAudit(repos, clock, auditActorOf(actor), {
          courtId: actor.courtId,
          action: 'access.denied',
          summary: `缺少权限 ${permission}（${permissionLabel[permission]}）`,
        }),
      );
      throw new ForbiddenError(`没有“${permissionLabel[permission]}”权限`);
    },
    /**
     * Returns the record when the actor's scope covers it; otherwise 404. Records without a
     * department or owner (roles, dictionaries, jobs, departments) are checked by court alone.
     */
    inScope<T extends ScopedRecord>(actor: Actor, record: T | undefined, entity: EntityName, id: string): T {
      if (!record || !isInScope(actor.scope, record)) throw new NotFoundError(entity, id);
      return record;
    },
  };
}
export type AccessChecker = ReturnType<typeof createAccessChecker>;

/** Courts are their own tenant: a court is in scope when the scope lists its id. */
export function asScopedCourt<T extends { id: string }>(row: T | undefined): (T & { courtId: string }) | undefined {
  return row && { ...row, courtId: row.id };
}
