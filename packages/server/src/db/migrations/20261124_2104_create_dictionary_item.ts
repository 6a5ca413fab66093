import type { Kysely } from 'kysely';
import { createTenantTable, indexById, TEXT, withTenantKey, withTimestamps } from './helpers.js';

export async function up(db: Kysely<unknown>) {
  await withTenantKey(
    withTimestamps(
      createTenantTable(db, 'dictionary_item')
        .addColumn('type', TEXT, (c) => c.notNull())
        .addColumn('code', TEXT, (c) => c.notNull())
        .addColumn('label', TEXT, (c) => c.notNull())
        .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1)),
    ).addUniqueConstraint('dictionary_item_court_type_code_key', ['court_id', 'type', 'code']),
    'dictionary_item',
  ).execute();
  await indexById(db, 'dictionary_item');
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('dictionary_item').execute();
}
