import type { Kysely } from 'kysely';
import { TEXT } from './helpers.js';

export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', TEXT, (c) => c.notNull())
    .addColumn('court_id', TEXT, (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', TEXT, (c) => c.notNull())
    .addColumn('actor_id', TEXT)
    .addColumn('actor_name', TEXT, (c) => c.notNull())
    .addColumn('action', TEXT, (c) => c.notNull())
    .addColumn('target_type', TEXT)
    .addColumn('target_id', TEXT)
    .addColumn('ip', TEXT)
    .addColumn('summary', TEXT, (c) => c.notNull())
    .addColumn('prev_hash', TEXT, (c) => c.notNull())
    .addColumn('hash', TEXT, (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_log_pkey', ['court_id', 'seq'])
    .addUniqueConstraint('audit_log_court_id_key', ['court_id', 'id'])
    .execute();
  await db.schema.createIndex('audit_log_court_at_idx').on('audit_log').columns(['court_id', 'at']).execute();

  await db.schema
    .createTable('audit_head')
    .addColumn('court_id', TEXT, (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', TEXT, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('audit_head').execute();
  await db.schema.dropTable('audit_log').execute();
}
