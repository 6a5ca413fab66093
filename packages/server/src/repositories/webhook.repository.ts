import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { WebhookAttemptTable, WebhookDeliveryTable, WebhookSettingTable } from '../db/schema.js';

/** A court's webhook setting, its delivery outbox and the attempts made. */
export function createWebhookRepository(db: Db) {
  return {
    getSetting(courtId: string) {
      return db.selectFrom('webhookSetting').selectAll().where('courtId', '=', courtId).executeTakeFirst();
    },
    /** Enabled settings of these courts (the notifier queues deliveries for them). */
    listEnabled(courtIds: readonly string[]) {
      if (courtIds.length === 0) return Promise.resolve([]);
      return db.selectFrom('webhookSetting').selectAll().where('courtId', 'in', [...courtIds]).where('enabled', '=', 1).execute();
    },
    async insertFirstSetting(row: Insertable<WebhookSettingTable>) {
      const inserted = await db
        .insertInto('webhookSetting')
        .values(row)
        .onConflict((oc) => oc.column('courtId').doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted !== undefined;
    },
    async updateSettingVersioned(courtId: string, version: number, patch: Updateable<WebhookSettingTable>) {
      const result = await db
        .updateTable('webhookSetting')
        .set({ ...patch, version: version + 1 })
        .where('courtId', '=', courtId)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async insertDeliveries(rows: readonly Insertable<WebhookDeliveryTable>[]) {
      if (rows.length > 0) await db.insertInto('webhookDelivery').values([...rows]).execute();
    },
    /** Pending deliveries whose next attempt is due, oldest first (every court: the worker is global). */
    listDue(nowIso: string, limit: number) {
      return db
        .selectFrom('webhookDelivery')
        .selectAll()
        .where('status', '=', 'pending')
        .where('nextAttemptAt', '<=', nowIso)
        .orderBy('nextAttemptAt')
        .limit(limit)
        .execute();
    },
    /**
     * Takes a due delivery by moving its next attempt to `leaseUntil`; a conditional UPDATE, so with
     * several servers only one sends it. A sender that dies leaves it due again after the lease.
     */
    async claim(courtId: string, id: string, expectedNextAt: string, leaseUntil: string) {
      const result = await db
        .updateTable('webhookDelivery')
        .set({ nextAttemptAt: leaseUntil })
        .where('courtId', '=', courtId)
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where('nextAttemptAt', '=', expectedNextAt)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async updateDelivery(courtId: string, id: string, patch: Updateable<WebhookDeliveryTable>) {
      await db.updateTable('webhookDelivery').set(patch).where('courtId', '=', courtId).where('id', '=', id).execute();
    },
    async insertAttempt(row: Insertable<WebhookAttemptTable>) {
      await db.insertInto('webhookAttempt').values(row).execute();
    },
    async listDeliveries(courtId: string, query: { status?: string; page: number; pageSize: number }) {
      let base = db.selectFrom('webhookDelivery').where('courtId', '=', courtId);
      if (query.status) base = base.where('status', '=', query.status as WebhookDeliveryTable['status']);
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
    listAttempts(courtId: string, deliveryIds: readonly string[]) {
      if (deliveryIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('webhookAttempt')
        .selectAll()
        .where('courtId', '=', courtId)
        .where('deliveryId', 'in', [...deliveryIds])
        .orderBy('attempt')
        .execute();
    },
  };
}
export type WebhookRepository = ReturnType<typeof createWebhookRepository>;
