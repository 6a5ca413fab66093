import type { Kysely } from 'kysely';
import { createTenantTable, TEXT, withTenantKey } from './helpers.js';

export async function up(db: Kysely<unknown>) {
  await withTenantKey(
    createTenantTable(db, 'login_log')
      .addColumn('account_id', TEXT)
      .addColumn('username', TEXT, (c) => c.notNull())
      .addColumn('success', 'integer', (c) => c.notNull())
      .addColumn('reason', TEXT, (c) => c.notNull())
      .addColumn('ip', TEXT)
      .addColumn('user_agent', TEXT)
      .addColumn('at', TEXT, (c) => c.notNull()),
    'login_log',
  ).execute();
  await db.schema.createIndex('login_log_court_at_idx').on('login_log').columns(['court_id', 'at']).execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('login_log').execute();
}
