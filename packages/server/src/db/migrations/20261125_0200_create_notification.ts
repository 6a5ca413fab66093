import type { Kysely } from 'kysely';
import { createTenantTable, indexById, TEXT, withTenantKey, withTimestamps } from './helpers.js';

/**
 * Issue 4: notifications (站内通知), what the scheduler has already announced, per-court risk
 * settings, the court's webhook with its outbox and attempts, and saved list filters.
 */
export async function up(db: Kysely<unknown>) {
  // court_id is the recipient's court: an upward report lands in the upper court's tenant.
  await withTenantKey(
    createTenantTable(db, 'notification')
      .addColumn('recipient_id', TEXT, (c) => c.notNull())
      .addColumn('kind', TEXT, (c) => c.notNull())
      .addColumn('title', TEXT, (c) => c.notNull())
      .addColumn('body', TEXT, (c) => c.notNull())
      .addColumn('link', TEXT)
      .addColumn('risk_id', TEXT)
      .addColumn('dedupe_key', TEXT)
      .addColumn('read_at', TEXT)
      .addColumn('created_at', TEXT, (c) => c.notNull())
      // NULL keys are distinct in both dialects, so only keyed notifications are de-duplicated.
      .addUniqueConstraint('notification_court_recipient_dedupe_key', ['court_id', 'recipient_id', 'dedupe_key']),
    'notification',
  ).execute();
  await indexById(db, 'notification');
  await db.schema.createIndex('notification_recipient_idx').on('notification').columns(['court_id', 'recipient_id', 'created_at']).execute();

  // One row per announcement the scheduler made (escalation step, due-soon run, overdue task).
  await withTenantKey(
    createTenantTable(db, 'escalation_notice')
      .addColumn('key', TEXT, (c) => c.notNull())
      .addColumn('kind', TEXT, (c) => c.notNull())
      .addColumn('risk_id', TEXT)
      .addColumn('task_id', TEXT)
      .addColumn('clock', TEXT)
      .addColumn('step', TEXT)
      .addColumn('notified_at', TEXT, (c) => c.notNull())
      .addUniqueConstraint('escalation_notice_court_key', ['court_id', 'key']),
    'escalation_notice',
  ).execute();
  await db.schema.createIndex('escalation_notice_risk_idx').on('escalation_notice').columns(['court_id', 'risk_id']).execute();

  await withTenantKey(
    withTimestamps(
      createTenantTable(db, 'court_risk_setting')
        .addColumn('matrix', TEXT, (c) => c.notNull())
        .addColumn('clocks', TEXT, (c) => c.notNull())
        .addColumn('updated_by', TEXT),
    ).addUniqueConstraint('court_risk_setting_court_key', ['court_id']),
    'court_risk_setting',
  ).execute();

  await withTenantKey(
    withTimestamps(
      createTenantTable(db, 'webhook_setting')
        .addColumn('url', TEXT, (c) => c.notNull())
        // SM4-CBC + HMAC-SM3 sealed (services/secret-box.ts); never returned by the API.
        .addColumn('secret_sealed', TEXT)
        .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('kinds', TEXT, (c) => c.notNull())
        .addColumn('updated_by', TEXT),
    ).addUniqueConstraint('webhook_setting_court_key', ['court_id']),
    'webhook_setting',
  ).execute();

  await withTenantKey(
    withTimestamps(
      createTenantTable(db, 'webhook_delivery')
        .addColumn('notification_id', TEXT)
        .addColumn('kind', TEXT, (c) => c.notNull())
        .addColumn('url', TEXT, (c) => c.notNull())
        .addColumn('payload', TEXT, (c) => c.notNull())
        .addColumn('status', TEXT, (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', TEXT)
        .addColumn('last_status_code', 'integer')
        .addColumn('last_error', TEXT)
        .addColumn('delivered_at', TEXT),
    ),
    'webhook_delivery',
  ).execute();
  await indexById(db, 'webhook_delivery');
  await db.schema.createIndex('webhook_delivery_due_idx').on('webhook_delivery').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('webhook_delivery_court_idx').on('webhook_delivery').columns(['court_id', 'created_at']).execute();

  await withTenantKey(
    createTenantTable(db, 'webhook_attempt')
      .addColumn('delivery_id', TEXT, (c) => c.notNull())
      .addColumn('attempt', 'integer', (c) => c.notNull())
      .addColumn('at', TEXT, (c) => c.notNull())
      .addColumn('status_code', 'integer')
      .addColumn('error', TEXT)
      .addColumn('duration_ms', 'integer', (c) => c.notNull()),
    'webhook_attempt',
  ).execute();
  await db.schema.createIndex('webhook_attempt_delivery_idx').on('webhook_attempt').columns(['court_id', 'delivery_id']).execute();

  await withTenantKey(
    createTenantTable(db, 'saved_filter')
      .addColumn('account_id', TEXT, (c) => c.notNull())
      .addColumn('page', TEXT, (c) => c.notNull())
      .addColumn('name', TEXT, (c) => c.notNull())
      .addColumn('query', TEXT, (c) => c.notNull())
      .addColumn('created_at', TEXT, (c) => c.notNull())
      .addUniqueConstraint('saved_filter_court_account_page_name_key', ['court_id', 'account_id', 'page', 'name']),
    'saved_filter',
  ).execute();
  await indexById(db, 'saved_filter');
}

export async function down(db: Kysely<unknown>) {
  for (const table of ['saved_filter', 'webhook_attempt', 'webhook_delivery', 'webhook_setting', 'court_risk_setting', 'escalation_notice', 'notification']) {
    await db.schema.dropTable(table).execute();
  }
}
