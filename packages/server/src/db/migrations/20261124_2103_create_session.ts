import type { Kysely } from 'kysely';
import { createTenantTable, indexById, TEXT, withTenantKey } from './helpers.js';

export async function up(db: Kysely<unknown>) {
  await withTenantKey(
    createTenantTable(db, 'session')
      .addColumn('account_id', TEXT, (c) => c.notNull())
      .addColumn('csrf_token', TEXT, (c) => c.notNull())
      .addColumn('created_at', TEXT, (c) => c.notNull())
      .addColumn('last_seen_at', TEXT, (c) => c.notNull())
      .addColumn('expires_at', TEXT, (c) => c.notNull())
      .addColumn('ip', TEXT)
      .addColumn('user_agent', TEXT),
    'session',
  ).execute();
  await indexById(db, 'session');
  await db.schema.createIndex('session_account_idx').on('session').column('account_id').execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('session').execute();
}
