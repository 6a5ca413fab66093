import type { Insertable } from 'kysely';
import type { Db } from '../db/database.js';
import type { SessionTable } from '../db/schema.js';

export function createSessionRepository(db: Db) {
  return {
    getById(id: string) {
      return db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async insert(row: Insertable<SessionTable>) {
      await db.insertInto('session').values(row).execute();
    },
    async touch(id: string, lastSeenAt: string) {
      await db.updateTable('session').set({ lastSeenAt }).where('id', '=', id).execute();
    },
    async delete(id: string) {
      await db.deleteFrom('session').where('id', '=', id).execute();
    },
    async deleteForAccount(accountId: string) {
      const result = await db.deleteFrom('session').where('accountId', '=', accountId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async deleteExpired(nowIso: string, idleCutoffIso: string) {
      await db
        .deleteFrom('session')
        .where((eb) => eb.or([eb('expiresAt', '<=', nowIso), eb('lastSeenAt', '<=', idleCutoffIso)]))
        .execute();
    },
  };
}
export type SessionRepository = ReturnType<typeof createSessionRepository>;
