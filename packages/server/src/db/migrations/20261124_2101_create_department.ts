import type { Kysely } from 'kysely';
import { createTenantTable, indexById, TEXT, withTenantKey, withTimestamps } from './helpers.js';

export async function up(db: Kysely<unknown>) {
  await withTenantKey(
    withTimestamps(
      createTenantTable(db, 'department')
        .addColumn('parent_id', TEXT)
        .addColumn('code', TEXT, (c) => c.notNull())
        .addColumn('name', TEXT, (c) => c.notNull())
        .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1)),
    ).addUniqueConstraint('department_court_code_key', ['court_id', 'code']),
    'department',
  ).execute();
  await indexById(db, 'department');
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('department').execute();
}
