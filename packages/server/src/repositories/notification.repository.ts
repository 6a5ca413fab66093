import type { Insertable } from 'kysely';
import type { Db } from '../db/database.js';
import type { NotificationTable } from '../db/schema.js';

export interface NotificationPage {
  unreadOnly: boolean;
  page: number;
  pageSize: number;
}

/** A recipient's notifications; every query is bound to the recipient's court and account. */
export function createNotificationRepository(db: Db) {
  const own = (courtId: string, recipientId: string) =>
    db.selectFrom('notification').where('courtId', '=', courtId).where('recipientId', '=', recipientId);
  return {
    /**
     * Inserts the rows; a row whose (court, recipient, dedupe key) exists already is skipped on both
     * dialects (ON CONFLICT DO NOTHING). Returns the rows actually inserted.
     */
    async insertNew(rows: readonly Insertable<NotificationTable>[]) {
      if (rows.length === 0) return [];
      return db
        .insertInto('notification')
        .values([...rows])
        .onConflict((oc) => oc.columns(['courtId', 'recipientId', 'dedupeKey']).doNothing())
        .returning(['id', 'courtId', 'recipientId', 'kind', 'title', 'body', 'link', 'riskId', 'createdAt'])
        .execute();
    },
    /** Names of recipients, for webhook payloads (the court's message system maps usernames). */
    listRecipients(courtId: string, accountIds: readonly string[]) {
      if (accountIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('account')
        .select(['id', 'username', 'displayName'])
        .where('courtId', '=', courtId)
        .where('id', 'in', [...new Set(accountIds)])
        .execute();
    },
    async list(courtId: string, recipientId: string, query: NotificationPage) {
      let base = own(courtId, recipientId);
      if (query.unreadOnly) base = base.where('readAt', 'is', null);
      const [rows, count] = await Promise.all([
        base
          .selectAll()
          .orderBy('createdAt', 'desc')
          .orderBy('id', 'desc')
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    async countUnread(courtId: string, recipientId: string) {
      const row = await own(courtId, recipientId)
        .where('readAt', 'is', null)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    get(courtId: string, recipientId: string, id: string) {
      return own(courtId, recipientId).selectAll().where('id', '=', id).executeTakeFirst();
    },
    async markRead(courtId: string, recipientId: string, id: string, at: string) {
      await db
        .updateTable('notification')
        .set({ readAt: at })
        .where('courtId', '=', courtId)
        .where('recipientId', '=', recipientId)
        .where('id', '=', id)
        .where('readAt', 'is', null)
        .execute();
    },
    async markAllRead(courtId: string, recipientId: string, at: string) {
      const result = await db
        .updateTable('notification')
        .set({ readAt: at })
        .where('courtId', '=', courtId)
        .where('recipientId', '=', recipientId)
        .where('readAt', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
export type NotificationRepository = ReturnType<typeof createNotificationRepository>;
